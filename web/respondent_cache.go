package web

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/safarhq/safar/survey"
)

// The respondent pages are the hot path: a survey link shared on Instagram
// brings thousands of phones at once, nearly all of them opening the first
// page without a resume cookie. That page is the same bytes for everyone
// (the client id travels in the Set-Cookie header only), so it is rendered
// once per survey version and touchpoint and kept compressed.
//
// Two small caches make that work:
//
//   - surveyCache remembers a survey lookup (and its completed-response count
//     when it has a limit) for a short TTL, so a GET does not touch the
//     database. A published->closed change or a new version is seen within
//     the TTL (1 s by default).
//   - pageCache holds the rendered first page per survey (first_page.go),
//     tagged with the survey's version and UpdatedAt: any change of the
//     survey re-renders it on the next request.

// DefaultSurveyCacheTTL is how long a survey lookup is reused by the GET
// handlers of the respondent pages.
const DefaultSurveyCacheTTL = time.Second

const maxCachedSurveys = 1024

type cachedSurvey struct {
	sv        *survey.Survey
	completed int
	err       error
	fetched   time.Time
}

type surveyCache struct {
	ttl time.Duration
	mu  sync.RWMutex
	m   map[string]cachedSurvey
}

func newSurveyCache(ttl time.Duration) *surveyCache {
	return &surveyCache{ttl: ttl, m: map[string]cachedSurvey{}}
}

// get returns the survey with this slug and its completed-response count
// (0 when it has no response limit), from the cache when fresh. Not-found
// answers are cached too, so probing random slugs costs no queries either.
// The returned survey is shared: callers must not modify it.
func (sc *surveyCache) get(ctx context.Context, store survey.Store, slug string, now time.Time) (*survey.Survey, int, error) {
	if sc.ttl > 0 {
		sc.mu.RLock()
		e, ok := sc.m[slug]
		sc.mu.RUnlock()
		if ok && now.Sub(e.fetched) < sc.ttl && now.Sub(e.fetched) >= 0 {
			return e.sv, e.completed, e.err
		}
	}
	sv, err := store.SurveyBySlug(ctx, slug)
	completed := 0
	if err == nil && sv.ResponseLimit > 0 {
		completed, err = store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID, Status: survey.Complete})
	}
	if sc.ttl > 0 && (err == nil || isNotFound(err)) {
		sc.mu.Lock()
		if len(sc.m) >= maxCachedSurveys {
			for k := range sc.m {
				delete(sc.m, k)
				break
			}
		}
		sc.m[slug] = cachedSurvey{sv: sv, completed: completed, err: err, fetched: now}
		sc.mu.Unlock()
	}
	return sv, completed, err
}

// forget drops a slug, so the next request reads the database.
func (sc *surveyCache) forget(slug string) {
	sc.mu.Lock()
	delete(sc.m, slug)
	sc.mu.Unlock()
}

func isNotFound(err error) bool { return errors.Is(err, survey.ErrNotFound) }
