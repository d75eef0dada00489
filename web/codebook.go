package web

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// The codebook of a project and the coding of passages: utterances of
// transcripts and interviews, and open survey answers, share one codebook.

type codebookPage struct {
	Project *survey.Project
	Codes   []*survey.Code
	Groups  []survey.CodeGroup
	Errors  map[string]string
	Form    survey.Code
	Import  *codebookImport // the outcome of a REFI-QDA import (qdpx.go)
}

// showCodebookPage lists the codes by group with their use counts.
func (s *Server) showCodebookPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	s.renderCodebook(c, http.StatusOK, p, survey.Code{}, nil, nil)
}

func (s *Server) renderCodebook(c *gin.Context, status int, p *survey.Project, form survey.Code, errs map[string]string, imp *codebookImport) {
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	s.renderApp(c, status, nil, "codebook", "codebook_title", codebookPage{Project: p, Codes: codes, Groups: survey.CodeGroups, Errors: errs, Form: form, Import: imp})
}

// codeFormError shows the codebook again with the problem marked, or the
// error page when the problem is not the form's.
func (s *Server) codeFormError(c *gin.Context, p *survey.Project, form survey.Code, err error) {
	errs := fieldErrors(err)
	if errs == nil && statusOf(err) == http.StatusConflict {
		errs = map[string]string{"name": "taken"}
	}
	if errs == nil {
		s.appError(c, err)
		return
	}
	s.renderCodebook(c, http.StatusUnprocessableEntity, p, form, errs, nil)
}

// createCode adds a code to the codebook.
func (s *Server) createCode(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	code := survey.Code{ProjectID: p.ID, Name: c.PostForm("name"), Description: c.PostForm("description"), Group: survey.CodeGroup(c.PostForm("group"))}
	if err := s.store.CreateCode(c.Request.Context(), &code); err != nil {
		s.codeFormError(c, p, code, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/codes", p.ID)))
}

// codeParam loads the project's code named by :cid.
func (s *Server) codeParam(c *gin.Context, p *survey.Project) (*survey.Code, bool) {
	id, ok := s.idParam(c, "cid")
	if !ok {
		return nil, false
	}
	code, err := s.store.CodeByID(c.Request.Context(), p.ID, id)
	if err != nil {
		s.appError(c, err)
		return nil, false
	}
	return code, true
}

// updateCode renames, describes or regroups a code.
func (s *Server) updateCode(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	code, ok := s.codeParam(c, p)
	if !ok {
		return
	}
	code.Name, code.Description, code.Group = c.PostForm("name"), c.PostForm("description"), survey.CodeGroup(c.PostForm("group"))
	if err := s.store.UpdateCode(c.Request.Context(), code); err != nil {
		s.codeFormError(c, p, survey.Code{}, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/codes", p.ID))
}

// mergeCode merges the code into another (field "into").
func (s *Server) mergeCode(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	code, ok := s.codeParam(c, p)
	if !ok {
		return
	}
	into, err := strconv.ParseInt(c.PostForm("into"), 10, 64)
	if err != nil {
		s.codeFormError(c, p, survey.Code{}, &survey.ValidationError{Problems: []survey.FieldError{{Field: "into", Message: "required"}}})
		return
	}
	if err := s.store.MergeCodes(c.Request.Context(), p.ID, code.ID, into); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/codes/%d", p.ID, into))
}

// applyCode codes a passage: field code (an id) or new_code (a name,
// created in group "other"), and utterance, or response+question; an
// optional quote narrows it to a span of the passage.
func (s *Server) applyCode(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	k := &survey.Coding{ProjectID: p.ID, CreatedBy: currentUser(c).ID}
	if uid := c.PostForm("utterance"); uid != "" {
		k.Source = survey.SourceUtterance
		k.UtteranceID, _ = strconv.ParseInt(uid, 10, 64)
	} else {
		k.Source, k.ResponseID, k.QuestionID = survey.SourceAnswer, c.PostForm("response"), c.PostForm("question")
	}
	// The passage is checked before a new code is made, so a passage
	// mistyped leaves no empty code in the codebook.
	if quote := strings.TrimSpace(c.PostForm("quote")); quote != "" {
		text, err := s.passageText(c, p, k)
		if err != nil {
			s.appError(c, err)
			return
		}
		start, end, ok := runeSpan(text, quote)
		if !ok {
			s.renderApp(c, http.StatusUnprocessableEntity, nil, "app_message", "invalid_title", appMessage{Heading: "invalid_title",
				Body: "coding_quote_not_found", Back: backTo(c, fmt.Sprintf("/app/projects/%d/codes", p.ID)), BackKey: "coding_back"})
			return
		}
		if start > 0 || end < len([]rune(text)) {
			k.SpanStart, k.SpanEnd = start, end
		}
	}
	if name := strings.TrimSpace(c.PostForm("new_code")); name != "" {
		code, err := s.ensureCode(c, p, name)
		if err != nil {
			s.appError(c, err)
			return
		}
		k.CodeID = code.ID
	} else {
		k.CodeID, _ = strconv.ParseInt(c.PostForm("code"), 10, 64)
	}
	if err := s.store.ApplyCode(c.Request.Context(), k); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/codes/%d", p.ID, k.CodeID)))
}

// ensureCode finds the project's code by name or creates it.
func (s *Server) ensureCode(c *gin.Context, p *survey.Project, name string) (*survey.Code, error) {
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
		return nil, err
	}
	name = strings.Join(strings.Fields(name), " ")
	for _, k := range codes {
		if k.Name == name {
			return k, nil
		}
	}
	code := &survey.Code{ProjectID: p.ID, Name: name, Group: survey.GroupOther}
	return code, s.store.CreateCode(c.Request.Context(), code)
}

// passageText finds the text of the passage a coding points at.
func (s *Server) passageText(c *gin.Context, p *survey.Project, k *survey.Coding) (string, error) {
	var text string
	found := false
	err := s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
		if !found && (k.Source == survey.SourceUtterance && ps.Source == k.Source && ps.UtteranceID == k.UtteranceID ||
			k.Source == survey.SourceAnswer && ps.Source == k.Source && ps.ResponseID == k.ResponseID && ps.QuestionID == k.QuestionID) {
			text, found = ps.Text, true
		}
		return nil
	})
	if err == nil && !found {
		err = fmt.Errorf("passage: %w", survey.ErrNotFound)
	}
	return text, err
}

// runeSpan locates quote in text as rune offsets, ignoring surrounding
// white space differences.
func runeSpan(text, quote string) (start, end int, ok bool) {
	i := strings.Index(text, quote)
	if i < 0 {
		return 0, 0, false
	}
	start = len([]rune(text[:i]))
	return start, start + len([]rune(quote)), true
}

// removeCoding deletes one coding.
func (s *Server) removeCoding(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	id, ok := s.idParam(c, "kid")
	if !ok {
		return
	}
	if err := s.store.RemoveCoding(c.Request.Context(), p.ID, id); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/codes", p.ID)))
}

type codePassagesPage struct {
	Project  *survey.Project
	Code     *survey.Code
	Codes    []*survey.Code
	Groups   []survey.CodeGroup
	Passages []survey.CodedPassage
	Coders   map[int64]string // account id -> e-mail
	Back     string
}

// showCodedPassagesPage lists a code's passages with their sources, and
// the forms to rename, describe, regroup and merge it.
func (s *Server) showCodedPassagesPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	code, ok := s.codeParam(c, p)
	if !ok {
		return
	}
	ps, err := s.store.CodedPassages(c.Request.Context(), p.ID, code.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	coders, err := s.coderNames(c)
	if err != nil {
		s.appError(c, err)
		return
	}
	s.renderApp(c, http.StatusOK, nil, "code_passages", "code_passages_title",
		codePassagesPage{Project: p, Code: code, Codes: codes, Groups: survey.CodeGroups, Passages: ps, Coders: coders, Back: c.Request.URL.Path})
}

// exportCodedPassages writes the coded passages (one code with ?code=ID)
// as CSV; every text cell is escaped against spreadsheet formulas.
func (s *Server) exportCodedPassages(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	var codeID int64
	if v := c.Query("code"); v != "" {
		var err error
		if codeID, err = strconv.ParseInt(v, 10, 64); err != nil {
			s.appError(c, survey.ErrNotFound)
			return
		}
	}
	ps, err := s.store.CodedPassages(c.Request.Context(), p.ID, codeID)
	if err != nil {
		s.appError(c, err)
		return
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff") // Excel reads UTF-8 (Persian) only with a BOM
	w := csv.NewWriter(&buf)
	coders, err := s.coderNames(c)
	if err != nil {
		s.appError(c, err)
		return
	}
	w.Write([]string{"code", "group", "source", "source_title", "speaker", "participant", "time", "survey", "response_id", "question_id", "quote", "passage", "coded_at",
		"coder", "origin", "confidence"})
	for _, cp := range ps {
		src, title := cp.Source, cp.Passage.TranscriptTitle
		if cp.Source == survey.SourceUtterance {
			src = string(cp.Passage.Kind)
		}
		row := []string{cp.Code.Name, string(cp.Code.Group), src, title, cp.Passage.Speaker, cp.Passage.Participant, clock(cp.Passage.Start),
			cp.Passage.SurveySlug, cp.Passage.ResponseID, cp.Passage.QuestionID, cp.Quote, cp.Passage.Text, cp.CreatedAt.UTC().Format("2006-01-02 15:04"),
			coders[cp.CreatedBy], cp.Origin, ""}
		if cp.Confidence > 0 {
			row[len(row)-1] = strconv.FormatFloat(cp.Confidence, 'f', 3, 64)
		}
		for i := range row {
			row[i] = survey.EscapeCell(row[i])
		}
		w.Write(row)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		s.appError(c, err)
		return
	}
	name := fmt.Sprintf("%s-coded-passages.csv", p.Name)
	c.Header("Content-Disposition", `attachment; filename="`+strings.ReplaceAll(name, `"`, "")+`"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}
