package web

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/sync/singleflight"

	"github.com/safarhq/safar/survey"
)

// The first page of a survey is the same bytes for every new respondent
// but one hidden field: the touchpoint of the link they came through
// (?tp=). Anyone can send a new tp on every request, so a page per tp
// value must not be rendered and brotli-compressed on demand (quality 11
// allocates about 32 MB each time). Instead:
//
//   - the page is rendered once per survey version, with a marker where the
//     touchpoint goes, and kept split around it;
//   - the page without a touchpoint and the page of each touchpoint the
//     survey's project declares are compressed in every encoding once, on
//     first use; concurrent misses wait for one render (singleflight);
//   - any other tp is spliced between the parts and sent gzipped (default
//     level, pooled writer and buffer), never cached: a few tens of
//     kilobytes per request whatever the value.
//
// A multilingual survey has one first page per language, each cached like
// a survey of its own (the key is the survey and the language), so the
// bounds below hold whatever the number of languages.
//
// The cache holds at most maxCachedPages pages and maxCachedPageBytes of
// page bytes; past either, arbitrary pages are dropped.
const (
	maxCachedPages     = 256
	maxCachedPageBytes = 64 << 20
	// tpMarker stands where the touchpoint goes while the page renders:
	// letters and digits only, so no escaping changes it.
	tpMarker = "SafarTouchpointMarker7f3a9c"
)

// pageKey names a cached first page: a survey in one of its languages.
type pageKey struct {
	id   int64
	lang string
}

// firstPage is one survey version's first page in one language.
type firstPage struct {
	version  int
	updated  time.Time
	parts    [][]byte        // the raw page split at tpMarker; nil: render each undeclared tp
	declared map[string]bool // the project's touchpoints
	pages    map[string]*compressed
	size     int
}

func (fp *firstPage) current(sv *survey.Survey) bool {
	return fp.version == sv.Version && fp.updated.Equal(sv.UpdatedAt)
}

// splice writes the page with tp in place of the marker.
func (fp *firstPage) splice(buf *bytes.Buffer, tp string) {
	esc := html.EscapeString(tp)
	for i, p := range fp.parts {
		if i > 0 {
			buf.WriteString(esc)
		}
		buf.Write(p)
	}
}

type pageCache struct {
	mu     sync.RWMutex
	m      map[pageKey]*firstPage
	size   int
	flight singleflight.Group
}

func newPageCache() *pageCache { return &pageCache{m: map[pageKey]*firstPage{}} }

// get returns the current first page of sv in lang (nil when none is
// cached) and its compressed copy for tp (nil when that is not cached).
func (pc *pageCache) get(sv *survey.Survey, lang, tp string) (*firstPage, *compressed) {
	pc.mu.RLock()
	defer pc.mu.RUnlock()
	fp := pc.m[pageKey{sv.ID, lang}]
	if fp == nil || !fp.current(sv) {
		return nil, nil
	}
	return fp, fp.pages[tp]
}

// put caches fp as the first page of id, replacing an older one.
func (pc *pageCache) put(id pageKey, fp *firstPage) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if old := pc.m[id]; old != nil {
		pc.size -= old.size
		delete(pc.m, id)
	}
	pc.m[id] = fp
	pc.size += fp.size
	pc.evict(id)
}

// addPage caches the compressed page of a declared touchpoint.
func (pc *pageCache) addPage(id pageKey, fp *firstPage, tp string, page *compressed) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.m[id] != fp || fp.pages[tp] != nil {
		return // replaced meanwhile, or already there
	}
	fp.pages[tp] = page
	fp.size += page.size()
	pc.size += page.size()
	pc.evict(id)
}

// evict drops pages other than keep until both bounds hold.
func (pc *pageCache) evict(keep pageKey) {
	for k, fp := range pc.m {
		if len(pc.m) <= maxCachedPages && pc.size <= maxCachedPageBytes {
			return
		}
		if k != keep {
			pc.size -= fp.size
			delete(pc.m, k)
		}
	}
}

func (pc *pageCache) len() int {
	pc.mu.RLock()
	defer pc.mu.RUnlock()
	return len(pc.m)
}

func (p *compressed) size() int { return len(p.raw) + len(p.gz) + len(p.br) }

// showFirstPage writes the first page of sv for a respondent who has not
// saved anything yet. A first page that shows something in a random order
// differs per respondent: it is rendered for each request, in the order of
// the respondent's client id, and carries that id so the submit finds the
// same order (the cookie alone may be refused).
func (s *Server) showFirstPage(c *gin.Context, sv *survey.Survey, lang, tp, clientID string) {
	c.Header("Cache-Control", "no-store")
	if first := sv.Definition.NextPage(-1, survey.Answers{}); sv.Definition.PageRandomizes(first) {
		s.writePage(c, http.StatusOK, lang, "survey_page", s.surveyPage(sv, lang, first, clientID, tp, survey.Answers{}, pageForm{}))
		return
	}
	fp, page, err := s.firstPage(c.Request.Context(), sv, lang, tp)
	switch {
	case err != nil:
		s.log.Error("render failed", "page", "survey_page", "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error\n"))
	case page != nil:
		page.write(c, http.StatusOK)
	case fp.parts == nil:
		first := sv.Definition.NextPage(-1, survey.Answers{})
		s.writePage(c, http.StatusOK, lang, "survey_page", s.surveyPage(sv, lang, first, "", tp, survey.Answers{}, pageForm{}))
	default:
		buf := splicePool.Get().(*bytes.Buffer)
		buf.Reset()
		fp.splice(buf, tp)
		writeDynamic(c, http.StatusOK, "text/html; charset=utf-8", buf.Bytes())
		splicePool.Put(buf)
	}
}

var splicePool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// firstPage returns sv's cached first page in lang, rendering it when
// needed, and the compressed page for tp when tp is "" or declared.
func (s *Server) firstPage(ctx context.Context, sv *survey.Survey, lang, tp string) (*firstPage, *compressed, error) {
	fp, page := s.pages.get(sv, lang, tp)
	if page != nil {
		return fp, page, nil
	}
	pk := pageKey{sv.ID, lang}
	key := strconv.FormatInt(sv.ID, 10) + "/" + lang + "/" + strconv.Itoa(sv.Version) + "/" + strconv.FormatInt(sv.UpdatedAt.UnixNano(), 10)
	if fp == nil {
		v, err, _ := s.pages.flight.Do(key, func() (any, error) {
			if fp, _ := s.pages.get(sv, lang, ""); fp != nil {
				return fp, nil // rendered just before this call
			}
			fp, err := s.renderFirstPage(context.WithoutCancel(ctx), sv, lang)
			if err != nil {
				return nil, err
			}
			s.pages.put(pk, fp)
			return fp, nil
		})
		if err != nil {
			return nil, nil, err
		}
		fp = v.(*firstPage)
		if tp == "" {
			return fp, fp.pages[""], nil
		}
	}
	if !fp.declared[tp] {
		return fp, nil, nil
	}
	v, _, _ := s.pages.flight.Do(key+"/"+tp, func() (any, error) {
		if _, page := s.pages.get(sv, lang, tp); page != nil {
			return page, nil
		}
		var buf bytes.Buffer
		fp.splice(&buf, tp)
		page := compressAll(buf.Bytes(), "text/html; charset=utf-8")
		s.pages.addPage(pk, fp, tp, page)
		return page, nil
	})
	return fp, v.(*compressed), nil
}

// renderFirstPage renders sv's first page once with the marker and once
// without a touchpoint; splicing is used only when it reproduces the
// second from the first.
func (s *Server) renderFirstPage(ctx context.Context, sv *survey.Survey, lang string) (*firstPage, error) {
	first := sv.Definition.NextPage(-1, survey.Answers{})
	render := func(tp string) ([]byte, error) {
		return s.views.render(lang, "survey_page", s.surveyPage(sv, lang, first, "", tp, survey.Answers{}, pageForm{}))
	}
	plain, err := render("")
	if err != nil {
		return nil, err
	}
	marked, err := render(tpMarker)
	if err != nil {
		return nil, err
	}
	fp := &firstPage{version: sv.Version, updated: sv.UpdatedAt, declared: s.declaredTouchpoints(ctx, sv)}
	if parts := bytes.Split(marked, []byte(tpMarker)); len(parts) > 1 && bytes.Equal(bytes.Join(parts, nil), plain) {
		fp.parts = parts
		fp.size = len(marked)
	}
	page := compressAll(plain, "text/html; charset=utf-8")
	fp.pages = map[string]*compressed{"": page}
	fp.size += page.size()
	return fp, nil
}

// declaredTouchpoints are the touchpoints of sv's project, whose pages are
// worth compressing once; none when the lookup fails (those pages are
// then spliced per request, still correct).
func (s *Server) declaredTouchpoints(ctx context.Context, sv *survey.Survey) map[string]bool {
	m := map[string]bool{}
	if sv.ProjectID == 0 {
		return m
	}
	p, err := s.store.ProjectByID(ctx, sv.ProjectID)
	if err != nil {
		s.log.Warn("first page: project touchpoints", "survey", sv.Slug, "err", err)
		return m
	}
	for _, tp := range p.Touchpoints {
		if tp = cleanTouchpoint(tp); tp != "" {
			m[tp] = true
		}
	}
	return m
}
