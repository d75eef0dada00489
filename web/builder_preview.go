package web

import (
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// The phone preview is the real respondent page (templates/survey_page.html
// through surveyPage), rendered from the builder's unsaved draft into a
// narrow iframe beside the form. The builder posts the whole draft with
// op=preview and formtarget=preview, so it works without JavaScript too.
// These responses may be framed by the workspace itself and nothing else,
// and their form cannot be submitted: a preview never stores an answer.
var (
	previewCSP   = []string{"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'; form-action 'none'; base-uri 'none'"}
	sameOriginXF = []string{"SAMEORIGIN"}
)

// previewDraft renders page (a number, 0-based) of the draft d as a
// respondent would first see it.
func (s *Server) previewDraft(c *gin.Context, d *survey.Definition, page string) {
	if len(d.Pages) == 0 {
		d.Pages = []survey.Page{{}}
	}
	pi, err := strconv.Atoi(page)
	if err != nil || pi < 0 || pi >= len(d.Pages) {
		pi = 0
	}
	if _, ok := survey.Language(d.Language); !ok {
		d.Language = "en"
	}
	sv := &survey.Survey{Slug: d.Slug, Definition: d}
	b, err := s.views.render(d.Language, "survey_page", s.surveyPage(sv, d.Language, pi, "", "", survey.Answers{}, pageForm{}))
	if err != nil {
		s.log.Error("preview render failed", "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error\n"))
		return
	}
	h := c.Writer.Header()
	h["Content-Security-Policy"] = previewCSP
	h["X-Frame-Options"] = sameOriginXF
	c.Header("Cache-Control", "no-store")
	writeDynamic(c, http.StatusOK, "text/html; charset=utf-8", b)
}

// showSavedPreview previews the saved definition, which is what the
// builder shows when it opens.
func (s *Server) showSavedPreview(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	d := *sv.Definition
	s.previewDraft(c, &d, c.Query("page"))
}
