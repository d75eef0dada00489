package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
)

// Interviews and transcripts (docs/transcripts.md): upload, list and view.

// uploadRoute is the transcript upload; limitBody lets it carry a file of
// transcript.MaxSize plus the form around it.
const (
	uploadRoute     = "/app/projects/:pid/transcripts"
	uploadBodyLimit = transcript.MaxSize + 256<<10
)

func init() {
	appPages = append(appPages, "transcripts", "transcript", "transcript_speakers", "interview_form",
		"codebook", "code_passages", "open_answers", "search", "suggestions", "assist", "coder_agreement")
}

// raiseUploadLimit replaces the general body limit on the upload route.
// A signed-in user whose declared upload is over the limit is told so at
// once, before any of the body is read; anyone else goes on to the usual
// checks. It reports whether it handled the request.
func (s *Server) raiseUploadLimit(c *gin.Context) bool {
	if c.Request.Method != http.MethodPost || c.FullPath() != uploadRoute {
		return false
	}
	if c.Request.ContentLength > uploadBodyLimit {
		if ss, u, err := s.loadSession(c); err == nil && u != nil && u.Role.CanEdit() {
			c.Set(ctxUser, u)
			c.Set(ctxSession, ss)
			s.uploadTooLarge(c, "", c.Request.ContentLength)
			c.Abort()
			return true
		}
	}
	if c.Request.Body != nil && c.Request.Body != http.NoBody {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, uploadBodyLimit)
	}
	c.Next()
	return true
}

func (s *Server) uploadTooLarge(c *gin.Context, file string, size int64) {
	lang := "en"
	if u := currentUser(c); u != nil {
		lang = u.Lang
	}
	msg := appText(lang, "upload_too_large", humanBytes(size), humanBytes(transcript.MaxSize))
	s.renderTranscriptsPage(c, http.StatusRequestEntityTooLarge, nil, uploadResult{Error: msg, File: file})
}

func humanBytes(n int64) string {
	if n >= 1<<20 {
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MiB"
	}
	if n >= 1<<10 {
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// idParam parses a numeric route parameter; a bad one is a 404.
func (s *Server) idParam(c *gin.Context, name string) (int64, bool) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		s.appError(c, survey.ErrNotFound)
		return 0, false
	}
	return id, true
}

// transcriptParam loads the project's transcript named by :tid.
func (s *Server) transcriptParam(c *gin.Context, p *survey.Project) (*survey.Transcript, bool) {
	id, ok := s.idParam(c, "tid")
	if !ok {
		return nil, false
	}
	t, err := s.store.Transcript(c.Request.Context(), id)
	if err == nil && t.ProjectID != p.ID {
		err = survey.ErrNotFound
	}
	if err != nil {
		s.appError(c, err)
		return nil, false
	}
	return t, true
}

type uploadResult struct {
	Error string
	// File and Line are where the error is, said before it (the line in
	// the reader's digits).
	File       string
	Line       int
	Imported   *survey.Transcript
	Redactions int
	Redacted   bool
}

type transcriptsPage struct {
	Project      *survey.Project
	Transcripts  []*survey.Transcript
	Participants []*survey.Participant
	Drafts       []*survey.NoteDraft
	Upload       uploadResult
	MaxSize      string
	Attributes   []attributeField // participant form
	Labels       []attributeField // every question, for the participants' attributes
	AttrRows     []int
	Back         string
}

// Badges are a participant's attributes by their labels.
func (p transcriptsPage) Badges(pt *survey.Participant) []attributeBadge {
	return participantBadges(p.Labels, pt)
}

// showTranscriptsPage lists a project's transcripts and interviews, with
// the upload form.
func (s *Server) showTranscriptsPage(c *gin.Context) {
	s.renderTranscriptsPage(c, http.StatusOK, nil, uploadResult{})
}

func (s *Server) renderTranscriptsPage(c *gin.Context, status int, p *survey.Project, up uploadResult) {
	if p == nil {
		var ok bool
		if p, ok = s.projectParam(c); !ok {
			return
		}
	}
	ts, err := s.store.Transcripts(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	parts, err := s.store.Participants(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := transcriptsPage{Project: p, Transcripts: ts, Participants: parts, Upload: up, MaxSize: humanBytes(transcript.MaxSize),
		AttrRows: []int{1, 2, 3}, Back: fmt.Sprintf("/app/projects/%d/transcripts", p.ID)}
	if page.Labels, err = s.attributeLabels(c, p); err != nil {
		s.appError(c, err)
		return
	}
	page.Attributes = demographics(page.Labels)
	if u := currentUser(c); u != nil && u.Role.CanEdit() {
		if page.Drafts, err = s.store.Drafts(c.Request.Context(), p.ID, u.ID); err != nil {
			s.appError(c, err)
			return
		}
	}
	s.renderApp(c, status, nil, "transcripts", "transcripts_title", page)
}

// uploadTranscript parses an uploaded file and stores it whole, or shows
// why it cannot: nothing partial is ever stored.
func (s *Server) uploadTranscript(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	u := currentUser(c)
	fail := func(status int, msg string) {
		s.renderTranscriptsPage(c, status, p, uploadResult{Error: msg})
	}
	fh, err := c.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.uploadTooLarge(c, "", c.Request.ContentLength)
			return
		}
		fail(http.StatusUnprocessableEntity, appText(u.Lang, "upload_no_file"))
		return
	}
	if fh.Size > transcript.MaxSize { // known from the form, before reading the file
		s.uploadTooLarge(c, cleanFileName(fh.Filename), fh.Size)
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.appError(c, err)
		return
	}
	defer f.Close()
	redact := c.PostForm("redact") == "1"
	parsed, err := transcript.ParseReader(fh.Filename, f, transcript.Options{Redact: redact})
	if err != nil {
		var te *transcript.Error
		if errors.As(err, &te) {
			status := http.StatusUnprocessableEntity
			if errors.Is(err, transcript.ErrTooLarge) {
				status = http.StatusRequestEntityTooLarge
			}
			s.renderTranscriptsPage(c, status, p, uploadResult{Error: transcriptErrorText(u.Lang, te), File: te.File, Line: te.Line})
			return
		}
		s.appError(c, err)
		return
	}
	t := parsed.Stored(transcript.Title(cleanFileName(fh.Filename)), "")
	t.ProjectID = p.ID
	if err := s.store.CreateTranscript(c.Request.Context(), t); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("transcript imported", "project", p.ID, "transcript", t.ID, "utterances", len(t.Utterances), "redactions", t.Redactions)
	dest := fmt.Sprintf("/app/projects/%d/transcripts/%d/edit?imported=1", p.ID, t.ID)
	if redact {
		dest += "&redacted=" + strconv.Itoa(t.Redactions)
	}
	c.Redirect(http.StatusSeeOther, dest)
}

// transcriptErrorText is a parse error in the user's language (the page
// says its file and line before it).
func transcriptErrorText(lang string, e *transcript.Error) string {
	var msg string
	switch {
	case errors.Is(e, transcript.ErrTable):
		msg = transcriptProblemText(lang, e.Problem)
	case errors.Is(e, transcript.ErrUnknownFormat):
		msg = appText(lang, "upload_unknown_format")
	case errors.Is(e, transcript.ErrMalformed):
		msg = appText(lang, "upload_malformed") + " " + transcriptProblemText(lang, e.Problem)
	case errors.Is(e, transcript.ErrEmpty):
		msg = appText(lang, "upload_empty")
	case errors.Is(e, transcript.ErrInvalidDocx):
		msg = appText(lang, "upload_bad_docx")
	case errors.Is(e, transcript.ErrDocxTextTooLarge):
		msg = appText(lang, "upload_docx_too_large", humanBytes(transcript.MaxDocxXMLSize))
	case errors.Is(e, transcript.ErrTooManyUtterances):
		msg = appText(lang, "upload_too_many_utts", strconv.Itoa(transcript.MaxUtterances))
	case errors.Is(e, transcript.ErrTooLarge):
		msg = appText(lang, "upload_too_large_plain", humanBytes(transcript.MaxSize))
	default:
		msg = e.Msg
	}
	return msg
}

// transcriptProblemText is what is malformed in a transcript in the
// reader's language, with the problems it names (a cue's bad end time)
// said in it too.
func transcriptProblemText(lang string, p *transcript.Problem) string {
	args := make([]any, len(p.Args))
	for i, a := range p.Args {
		if q, ok := a.(*transcript.Problem); ok {
			a = transcriptProblemText(lang, q)
		}
		args[i] = a
	}
	return problemText(lang, survey.FieldError{Code: p.Code, Args: args}, func(s string) string { return s })
}

// cleanFileName keeps the base name of an untrusted upload name.
func cleanFileName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 200 {
		name = string(r[:200])
	}
	if name == "" {
		name = "transcript"
	}
	return name
}

// clock writes an offset as H:MM:SS or M:SS.
func clock(d *time.Duration) string {
	if d == nil {
		return ""
	}
	sec := int(d.Seconds())
	if sec >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
	}
	return fmt.Sprintf("%d:%02d", sec/60, sec%60)
}
