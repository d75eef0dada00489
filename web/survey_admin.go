package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/internal/textenc"
	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/survey"
)

// surveyParam loads the survey named by :slug and its project.
func (s *Server) surveyParam(c *gin.Context) (*survey.Survey, *survey.Project, bool) {
	sv, err := s.store.SurveyBySlug(c.Request.Context(), c.Param("slug"))
	if err != nil {
		s.appError(c, err)
		return nil, nil, false
	}
	p, err := s.store.ProjectByID(c.Request.Context(), sv.ProjectID)
	if err != nil {
		s.appError(c, err)
		return nil, nil, false
	}
	return sv, p, true
}

type surveyAdminPage struct {
	Survey    *survey.Survey
	Project   *survey.Project
	Responses int
	Complete  int
	OpenNow   bool
	Errors    map[string]string
	Problems  []survey.FieldError
	JSON      string
	Saved     bool
	// LastDay is the last day the survey takes responses (it closes at
	// the midnight after); ClosesTyped a closing date that could not be
	// read, shown back to fix.
	LastDay     time.Time
	ClosesTyped string
	Today       time.Time // a Persian page's date field gives it as its example
}

// showSurveyAdminPage shows a survey's status, schedule and definition.
func (s *Server) showSurveyAdminPage(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	s.renderSurveyAdmin(c, http.StatusOK, sv, p, surveyAdminPage{Saved: c.Query("saved") == "1"})
}

func (s *Server) renderSurveyAdmin(c *gin.Context, status int, sv *survey.Survey, p *survey.Project, page surveyAdminPage) {
	all, err := s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID})
	if err != nil {
		s.appError(c, err)
		return
	}
	done, err := s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID, Status: survey.Complete})
	if err != nil {
		s.appError(c, err)
		return
	}
	page.Survey, page.Project, page.Responses, page.Complete = sv, p, all, done
	page.OpenNow, page.Today = sv.Open(s.now(), done), s.now()
	if sv.ClosesAt != nil {
		page.LastDay = sv.ClosesAt.Local().AddDate(0, 0, -1)
	}
	if page.JSON == "" {
		b, _ := json.MarshalIndent(sv.Definition, "", "  ")
		page.JSON = string(b)
	}
	s.renderApp(c, status, nil, "survey_admin", "survey_admin_title", page)
}

// setSurveyStatus publishes, closes or reopens a survey.
func (s *Server) setSurveyStatus(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	if err := s.changeSurveyStatus(c.Request.Context(), sv, survey.Status(c.PostForm("status"))); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"?saved=1")
}

// setSurveySchedule sets the optional closing date and response limit.
func (s *Server) setSurveySchedule(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	errs := map[string]string{}
	var closes *time.Time
	closesTyped := strings.TrimSpace(c.PostForm("closes_at"))
	if closesTyped != "" {
		if day, ok := parseDay(closesTyped); !ok {
			errs["closes_at"] = "date"
		} else {
			t := day.AddDate(0, 0, 1) // open through the whole closing day
			closes = &t
		}
	}
	limit := 0
	if v := strings.TrimSpace(c.PostForm("response_limit")); v != "" {
		n, err := strconv.Atoi(survey.NormalizeDigits(v))
		if err != nil || n < 0 || n > 100_000_000 {
			errs["response_limit"] = "limit"
		}
		limit = n
	}
	if len(errs) > 0 {
		s.renderSurveyAdmin(c, http.StatusUnprocessableEntity, sv, p, surveyAdminPage{Errors: errs, ClosesTyped: closesTyped})
		return
	}
	if err := s.store.SetSurveySchedule(c.Request.Context(), sv.ID, closes, limit); err != nil {
		s.appError(c, err)
		return
	}
	s.surveys.forget(sv.Slug)
	c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"?saved=1")
}

// exportDefinition downloads the survey's current definition as JSON.
func (s *Server) exportDefinition(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	b, err := json.MarshalIndent(sv.Definition, "", "  ")
	if err != nil {
		s.appError(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+sv.Slug+`.json"`)
	c.Data(http.StatusOK, "application/json; charset=utf-8", append(b, '\n'))
}

// readDefinitionUpload reads a definition from the "definition" textarea
// or an uploaded "file", in any encoding a text file comes in (textenc).
func readDefinitionUpload(c *gin.Context) ([]byte, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, 4<<20))
		return textenc.Bytes(data), err
	}
	return []byte(c.PostForm("definition")), nil
}

// updateDefinition stores an edited definition (JSON) as a new version,
// refusing edits that would orphan stored answers.
func (s *Server) updateDefinition(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	data, err := readDefinitionUpload(c)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := surveyAdminPage{JSON: string(data)}
	_, err = s.replaceDefinition(c.Request.Context(), sv, data)
	var ve *survey.ValidationError
	if errors.As(err, &ve) {
		page.Problems = notSurveyProblems(c, data, ve)
		s.renderSurveyAdmin(c, http.StatusUnprocessableEntity, sv, p, page)
		return
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"?saved=1")
}

type importForm struct {
	JSON     string
	Problems []survey.FieldError
	Failure  *survey.FieldError   // a file that is not a survey, or a broken one: names the file and the element
	Report   *surveyimport.Report // how a survey from another tool was mapped
	Created  *survey.Survey
}

// importSurvey creates a survey in a project from a definition: Safar JSON,
// or a Qualtrics, SurveyJS, LimeSurvey or XLSForm file (detected). A
// survey from another tool shows its import report; nothing is stored
// unless the whole definition is valid.
func (s *Server) importSurvey(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	data, name, err := readSurveyUpload(c)
	if err != nil {
		s.appError(c, err)
		return
	}
	form := importForm{}
	if text := textenc.Bytes(data); !bytes.HasPrefix(data, []byte("PK")) && !strings.ContainsFunc(string(text), binaryRune) {
		form.JSON = string(text) // a refused file's text stays in the box, to fix and send again
	}
	sv, rep, err := s.importInto(c.Request.Context(), p, name, data)
	form.Report = rep
	var ve *survey.ValidationError
	var fe survey.FieldError
	switch {
	case errors.As(err, &ve):
		form.Problems = ve.Problems
	case errors.As(err, &fe): // not a survey file, or a broken one
		form.Failure = &fe
	case err != nil:
		s.appError(c, err)
		return
	case rep.Format == surveyimport.Safar:
		c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug)
		return
	default:
		s.renderProjectPage(c, http.StatusCreated, p, importForm{Report: rep, Created: sv})
		return
	}
	s.renderProjectPage(c, http.StatusUnprocessableEntity, p, form)
}

// notSurveyProblems are the problems of a definition sent as JSON (typed
// or uploaded): when it does not parse and is plainly something else, a
// table of data or JSON Lines records, the one problem is what it is
// ("a table of 3 columns (id, comment, score…)") instead of the JSON
// decoder's "unknown field id".
func notSurveyProblems(c *gin.Context, data []byte, ve *survey.ValidationError) []survey.FieldError {
	if _, err := survey.ParseDefinition(data); err == nil {
		return ve.Problems
	}
	var fe survey.FieldError
	if !errors.As(surveyimport.NotSurvey(data, data), &fe) {
		return ve.Problems
	}
	fe.Field = "definition"
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		fe.Field = cleanFileName(fh.Filename)
	}
	return []survey.FieldError{fe}
}

// binaryRune is a control character text files do not hold: a file with
// one is a document or other binary file, not text to show.
func binaryRune(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r'
}

// readSurveyUpload reads an uploaded "file" (with its name) or the
// "definition" textarea.
func readSurveyUpload(c *gin.Context) ([]byte, string, error) {
	if fh, err := c.FormFile("file"); err == nil && fh.Size > 0 {
		f, err := fh.Open()
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		data, err := io.ReadAll(io.LimitReader(f, surveyimport.MaxFileSize+1))
		return data, fh.Filename, err
	}
	return []byte(c.PostForm("definition")), "definition", nil
}
