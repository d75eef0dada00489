package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// Paging of GET /api/v1/surveys/{slug}/responses.
const (
	defaultPageSize = 100
	maxPageSize     = 1000
	maxOffset       = 10_000_000
)

// apiResponseQuery is the parsed query of a response listing.
type apiResponseQuery struct {
	status        survey.ResponseStatus
	since, until  time.Time
	offset, limit int
}

// parseAPIResponseQuery reads status, since, until, offset and limit. Without
// until the listing is pinned to now, and the next link carries it, so
// responses arriving while a client pages (they come first, newest first)
// do not shift the pages under it.
func parseAPIResponseQuery(q url.Values, now time.Time) (apiResponseQuery, error) {
	var p []survey.FieldError
	bad := func(field, msg string) { p = append(p, survey.FieldError{Field: field, Message: msg}) }
	rq := apiResponseQuery{status: survey.ResponseStatus(q.Get("status")), until: now.UTC(), limit: defaultPageSize}
	if rq.status != "" && rq.status != survey.Complete && rq.status != survey.Partial && rq.status != survey.OverQuota {
		bad("status", "must be complete, partial or over_quota")
	}
	for _, t := range []struct {
		name string
		to   *time.Time
	}{{"since", &rq.since}, {"until", &rq.until}} {
		if v := q.Get(t.name); v != "" {
			tm, err := time.Parse(time.RFC3339Nano, v)
			if err != nil {
				bad(t.name, "must be an RFC 3339 time, e.g. 2026-12-01T00:00:00Z")
			}
			*t.to = tm.UTC()
		}
	}
	num := func(name string, lo, hi int, to *int) {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < lo || n > hi {
				bad(name, "must be a whole number from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
			}
			*to = n
		}
	}
	num("offset", 0, maxOffset, &rq.offset)
	num("limit", 1, maxPageSize, &rq.limit)
	if len(p) > 0 {
		return rq, &survey.ValidationError{Problems: p}
	}
	return rq, nil
}

// apiListResponses lists a survey's responses, newest first, a page at a
// time, with their answers in the submit API's JSON form.
func (s *Server) apiListResponses(c *gin.Context) {
	sv, ok := s.apiSurvey(c)
	if !ok {
		return
	}
	rq, err := parseAPIResponseQuery(c.Request.URL.Query(), s.now())
	if err != nil {
		s.apiError(c, err)
		return
	}
	f := survey.ResponseFilter{SurveyID: sv.ID, Status: rq.status, From: rq.since, To: rq.until}
	rs, err := s.store.ListResponses(c.Request.Context(), f, rq.offset, rq.limit+1)
	if err != nil {
		s.apiError(c, err)
		return
	}
	var next *string
	if len(rs) > rq.limit {
		rs = rs[:rq.limit]
		q := url.Values{"offset": {strconv.Itoa(rq.offset + rq.limit)}, "limit": {strconv.Itoa(rq.limit)},
			"until": {rq.until.Format(time.RFC3339Nano)}}
		if rq.status != "" {
			q.Set("status", string(rq.status))
		}
		if !rq.since.IsZero() {
			q.Set("since", rq.since.Format(time.RFC3339Nano))
		}
		u := "/api/v1/surveys/" + url.PathEscape(sv.Slug) + "/responses?" + q.Encode()
		next = &u
	}
	out := make([]gin.H, len(rs))
	for i, r := range rs {
		out[i] = responseJSON(r)
	}
	c.JSON(http.StatusOK, gin.H{"survey": sv.Slug, "responses": out, "offset": rq.offset, "limit": rq.limit, "next": next})
}

// apiGetResponse returns one response of the survey.
func (s *Server) apiGetResponse(c *gin.Context) {
	sv, ok := s.apiSurvey(c)
	if !ok {
		return
	}
	r, err := s.store.ResponseByID(c.Request.Context(), c.Param("id"))
	if err == nil && r.SurveyID != sv.ID {
		err = survey.ErrNotFound // another survey's response: no hint that it exists
	}
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusOK, responseJSON(r))
}
