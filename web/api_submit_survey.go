package web

import (
	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// submitTarget is openSurvey for the JSON submit endpoint, the hottest
// write path: it reuses the respondent pages' survey cache (a lookup up to
// DefaultSurveyCacheTTL old, so a survey closed a moment ago keeps taking
// submissions for at most that long) instead of reading and re-parsing the
// survey for every response. A survey with a response limit is always read
// fresh, so the limit is never overshot by the cache's age.
func (s *Server) submitTarget(c *gin.Context) (*survey.Survey, error) {
	sv, completed, err := s.surveys.get(c.Request.Context(), s.store, c.Param("slug"), s.now())
	if err != nil {
		return nil, err
	}
	if sv.ResponseLimit > 0 {
		return s.openSurvey(c)
	}
	return sv, s.checkOpen(sv, completed)
}
