package web

import (
	"encoding/json"
	"net/http"
	"path"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/survey"
)

// importReportJSON is how a survey from another tool was mapped.
type importReportJSON struct {
	Format       string   `json:"format"`
	Mapped       []string `json:"mapped"`
	Approximated []string `json:"approximated"`
	Dropped      []string `json:"dropped"`
}

func importReportOf(r *surveyimport.Report) importReportJSON {
	lines := func(notes []surveyimport.Note) []string {
		out := make([]string, len(notes))
		for i, n := range notes {
			out[i] = n.String()
		}
		return out
	}
	return importReportJSON{Format: r.Format, Mapped: lines(r.Mapped), Approximated: lines(r.Approximated), Dropped: lines(r.Dropped)}
}

// apiCreateSurvey creates a draft survey in the project from the request
// body: Safar definition JSON, or a Qualtrics .qsf, SurveyJS JSON,
// LimeSurvey .lss or XLSForm .xlsx file (detected from the content; the
// optional ?filename= only names the file in error messages).
func (s *Server) apiCreateSurvey(c *gin.Context) {
	p, err := s.store.ProjectByName(c.Request.Context(), c.Param("name"))
	if err != nil {
		s.apiError(c, err)
		return
	}
	body, err := readBody(c.Request)
	if err != nil {
		s.apiError(c, err)
		return
	}
	name := "body"
	if f := path.Base(c.Query("filename")); f != "." && f != "/" && len(f) <= 200 {
		name = f
	}
	sv, rep, err := s.importInto(c.Request.Context(), p, name, body)
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"survey": s.surveyReply(c, sv), "report": importReportOf(rep)})
}

// apiPutDefinition replaces a survey's definition (Safar JSON) with a new
// version; the slug cannot change, and once there are responses no edit
// may orphan their answers.
func (s *Server) apiPutDefinition(c *gin.Context) {
	sv, ok := s.apiSurvey(c)
	if !ok {
		return
	}
	body, err := readBody(c.Request)
	if err == nil {
		_, err = s.replaceDefinition(c.Request.Context(), sv, body)
	}
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusOK, s.surveyReply(c, sv))
}

// statusRequest is the body of POST /api/v1/surveys/{slug}/status.
type statusRequest struct {
	Status survey.Status `json:"status"`
}

// apiSetStatus publishes, closes or reopens (as a draft) a survey.
func (s *Server) apiSetStatus(c *gin.Context) {
	sv, ok := s.apiSurvey(c)
	if !ok {
		return
	}
	var req statusRequest
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	err := dec.Decode(&req)
	if err != nil {
		err = &survey.ValidationError{Problems: []survey.FieldError{{Field: "status", Message: `send {"status": "published"} (or "closed", "draft")`}}}
	} else {
		err = s.changeSurveyStatus(c.Request.Context(), sv, req.Status)
	}
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusOK, s.surveyReply(c, sv))
}
