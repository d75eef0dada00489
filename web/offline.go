package web

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/static"
	"github.com/safarhq/safar/survey"
)

// Offline phones (docs/offline.md). Server-rendered pages need the server
// for every step, so a phone that loses its connection half way would
// show the browser's error page. Once a survey's first page has loaded,
// static/offline.js fetches the survey's offline bundle (every page
// rendered with the same templates, plus what page flow and validation
// need) and caches it, the first page and the assets; the service worker
// (static/sw.js, served at /s/sw.js) hands those back when the network
// fails. Finished responses queue in IndexedDB and go to the submit API
// with their client ids, which stores each once.
//
// The no-JavaScript path does not change: nothing here is needed to
// answer a survey.

// offlineBundle is GET /s/{slug}/offline.json?lang=xx: the survey in one
// of its languages (the default one when lang is missing or not listed).
type offlineBundle struct {
	Slug     string            `json:"slug"`
	Version  int               `json:"version"`
	Lang     string            `json:"lang"`
	Dir      string            `json:"dir"`
	Digits   string            `json:"digits"` // "fa": show page numbers in Persian digits
	Pages    []offlinePage     `json:"pages"`
	Messages map[string]string `json:"messages"`
	Submit   string            `json:"submit"` // the submit API's URL
}

// offlinePage is one page: its title and questions as survey_page.html
// renders them with no answers, and the rules the phone applies.
type offlinePage struct {
	HTML      string            `json:"html"`
	Questions []offlineQuestion `json:"questions"`
	Randomize bool              `json:"randomize,omitempty"` // the phone shuffles the questions
}

// offlineQuestion is what the phone needs to read, show and check an
// answer the way parsePage, Question.Visible and ValidatePage do.
type offlineQuestion struct {
	ID         string              `json:"id"`
	Type       survey.QuestionType `json:"type"`
	Required   bool                `json:"required,omitempty"`
	ShowIf     *survey.Condition   `json:"show_if,omitempty"`
	Min        *float64            `json:"min,omitempty"`
	Max        *float64            `json:"max,omitempty"`
	Statements []string            `json:"statements,omitempty"`
	// Randomize: the phone shuffles the options (a matrix's statements),
	// Pinned ones and "other" last, as survey.Question.ItemsInOrder does.
	Randomize bool     `json:"randomize,omitempty"`
	Pinned    []string `json:"pinned,omitempty"`
}

// offlineMessages are the catalog keys the phone shows by itself. Numbers
// in them are placeholders: {a} and {b} (no digits: Persian
// pages turn digits into Persian ones), {n} for a count.
var offlineMessages = []string{
	"next", "back", "submit", "fix_errors", "thanks_title",
	"err.required", "err.number", "err.other_missing", "err.date", "err.matrix_all", "err.scale",
	"offline_notice", "offline_saved", "offline_queued", "offline_sent", "offline_quota_full", "offline_rejected", "offline_new",
}

// buildOfflineBundle renders every page of sv in lang for a phone.
func (s *Server) buildOfflineBundle(sv *survey.Survey, lang string) ([]byte, error) {
	d := sv.Definition
	b := offlineBundle{
		Slug: sv.Slug, Version: sv.Version, Lang: lang, Dir: survey.LanguageDir(lang),
		Messages: map[string]string{}, Submit: "/api/v1/surveys/" + sv.Slug + "/responses",
	}
	if lang == "fa" {
		b.Digits = "fa"
	}
	for _, k := range offlineMessages {
		b.Messages[k] = translate(lang, k)
	}
	b.Messages["page_of"] = translate(lang, "page_of", "{a}", "{b}")
	b.Messages["err.min"] = translate(lang, "err.min", "{a}")
	b.Messages["err.max"] = translate(lang, "err.max", "{a}")
	b.Messages["thanks_body"] = translate(lang, "thanks_body")
	if t := d.Settings.ThankYou.In(lang); t != "" {
		b.Messages["thanks_body"] = t
	}
	// Every question of every page, whatever show_if says (the phone
	// decides): as if each had been typed into (pageForm.keepTyped).
	every := pageForm{keepTyped: true, raw: map[string]string{}}
	for _, q := range d.Questions() {
		every.raw[q.ID] = ""
	}
	for pi := range d.Pages {
		page := &d.Pages[pi]
		view := offlinePageView{Title: page.Title.In(lang)}
		view.Questions = s.surveyPage(sv, lang, pi, "", "", survey.Answers{}, every).Questions
		op := offlinePage{Randomize: page.Randomize}
		for qi := range page.Questions {
			q := &page.Questions[qi]
			oq := offlineQuestion{ID: q.ID, Type: q.Type, Required: q.Required, ShowIf: q.ShowIf}
			if q.Type == survey.Number {
				oq.Min, oq.Max = q.Min, q.Max
			}
			for _, st := range q.Statements {
				oq.Statements = append(oq.Statements, st.Value)
			}
			if q.Randomize {
				oq.Randomize = true
				for _, it := range q.ItemsInOrder("") { // the order the bundle's HTML shows: pinned last
					if it.Pin {
						oq.Pinned = append(oq.Pinned, it.Value)
					}
				}
			}
			op.Questions = append(op.Questions, oq)
		}
		html, err := s.views.renderBlock(lang, "survey_page", "offline_page", view)
		if err != nil {
			return nil, err
		}
		op.HTML = string(html)
		b.Pages = append(b.Pages, op)
	}
	return json.Marshal(b)
}

// offlinePageView is what the offline_page block of survey_page.html shows.
type offlinePageView struct {
	Title     string
	Questions []questionView
}

// bundleCache keeps each survey version's bundle per language, compressed
// once, like the first pages (first_page.go): every new respondent asks
// for it. The key is the survey and the language, so the bound
// (maxCachedPages entries) holds whatever the number of languages.
type bundleCache struct {
	mu sync.Mutex
	m  map[pageKey]*bundleEntry
}

type bundleEntry struct {
	version int
	updated time.Time
	etag    string
	body    *compressed
}

func newBundleCache() *bundleCache { return &bundleCache{m: map[pageKey]*bundleEntry{}} }

func (bc *bundleCache) get(s *Server, sv *survey.Survey, lang string) (*bundleEntry, error) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	key := pageKey{sv.ID, lang}
	if e := bc.m[key]; e != nil && e.version == sv.Version && e.updated.Equal(sv.UpdatedAt) {
		return e, nil
	}
	raw, err := s.buildOfflineBundle(sv, lang)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(raw)
	e := &bundleEntry{version: sv.Version, updated: sv.UpdatedAt, etag: `"` + hex.EncodeToString(sum[:8]) + `"`,
		body: compressAll(raw, "application/json; charset=utf-8")}
	if _, ok := bc.m[key]; !ok && len(bc.m) >= maxCachedPages {
		for k := range bc.m { // drop an arbitrary one
			delete(bc.m, k)
			break
		}
	}
	bc.m[key] = e
	return e, nil
}

// showOfflineBundle serves GET /s/{slug}/offline.json?lang=xx: public,
// like the first page, and never personal (no cookie is read or set).
// Only ?lang= picks the language (a listed one; the default otherwise), not
// Accept-Language: the phone caches the bundle under its URL.
func (s *Server) showOfflineBundle(c *gin.Context) {
	sv, err := s.viewSurvey(c)
	if err != nil {
		s.apiError(c, err)
		return
	}
	lang := pickLang(sv.Definition, c.Query("lang"), "", "")
	e, err := s.bundles.get(s, sv, lang)
	if err != nil {
		s.apiError(c, fmt.Errorf("offline bundle of %s: %w", sv.Slug, err))
		return
	}
	c.Header("Cache-Control", "no-cache")
	c.Header("ETag", e.etag)
	if c.GetHeader("If-None-Match") == e.etag {
		c.Status(http.StatusNotModified)
		return
	}
	e.body.write(c, http.StatusOK)
}

// serviceWorker serves static/sw.js at /s/sw.js. A service worker must
// come from a stable same-origin URL (a hashed name would register a new
// worker with every release), and its default scope is its directory,
// /s/: the respondent pages and nothing of the researchers'. no-cache
// makes browsers check for a new version on every registration.
func (s *Server) serviceWorker(c *gin.Context) {
	c.Header("Cache-Control", "no-cache")
	c.Header("Service-Worker-Allowed", "/s/")
	c.Data(http.StatusOK, "text/javascript; charset=utf-8", s.swJS)
}

func loadServiceWorker() ([]byte, error) {
	return fs.ReadFile(static.FS, "sw.js")
}
