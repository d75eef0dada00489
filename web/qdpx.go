package web

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/qdpx/exchange"
	"github.com/safarhq/safar/survey"
)

// REFI-QDA exchange from the codebook page: download the project (.qdpx)
// or the codebook alone (.qdc), and import either into the project, all
// or nothing.

// qdpxImportRoute carries a file larger than the general body limit.
const (
	qdpxImportRoute     = "/app/projects/:pid/qdpx/import"
	qdpxImportBodyLimit = 32 << 20
)

// raiseQDPXLimit gives the import route its own body limit; it reports
// whether it handled the request.
func (s *Server) raiseQDPXLimit(c *gin.Context) bool {
	if c.Request.Method != http.MethodPost || c.FullPath() != qdpxImportRoute {
		return false
	}
	if c.Request.ContentLength > qdpxImportBodyLimit {
		// Say so at once to a signed-in editor, before any of it is read
		// (the CSRF check would otherwise fail on the cut-off form).
		if ss, u, err := s.loadSession(c); err == nil && u != nil && u.Role.CanEdit() {
			c.Set(ctxUser, u)
			c.Set(ctxSession, ss)
			if p, ok := s.projectParam(c); ok {
				s.renderCodebookWith(c, http.StatusRequestEntityTooLarge, p, codebookImport{Error: appText(u.Lang, "qdpx_too_large", humanBytes(qdpxImportBodyLimit))})
			}
			c.Abort()
			return true
		}
	}
	if c.Request.Body != nil && c.Request.Body != http.NoBody {
		c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, qdpxImportBodyLimit)
	}
	c.Next()
	return true
}

// exportQDPX downloads the project as .qdpx.
func (s *Server) exportQDPX(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	d, err := exchange.Load(c.Request.Context(), s.store, p)
	if err != nil {
		s.appError(c, err)
		return
	}
	var buf bytes.Buffer
	if err := qdpx.WriteProject(&buf, exchange.Export(d)); err != nil {
		s.appError(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+safeFileName(p.Name)+`.qdpx"`)
	c.Data(http.StatusOK, "application/zip", buf.Bytes())
}

// exportQDC downloads the codebook as .qdc.
func (s *Server) exportQDC(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	d := &exchange.Data{Project: p, Codes: codes}
	var buf bytes.Buffer
	if err := qdpx.WriteCodebook(&buf, d.Codebook(), exchange.Origin); err != nil {
		s.appError(c, err)
		return
	}
	c.Header("Content-Disposition", `attachment; filename="`+safeFileName(p.Name)+`-codebook.qdc"`)
	c.Data(http.StatusOK, "application/xml; charset=utf-8", buf.Bytes())
}

// importQDPX reads an uploaded .qdpx or .qdc into the project and shows
// the codebook with what was imported, or why nothing was.
func (s *Server) importQDPX(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	fail := func(msg string) {
		s.renderCodebookWith(c, http.StatusUnprocessableEntity, p, codebookImport{Error: msg})
	}
	fh, err := c.FormFile("file")
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.renderCodebookWith(c, http.StatusRequestEntityTooLarge, p, codebookImport{Error: appText(currentUser(c).Lang, "qdpx_too_large", humanBytes(qdpxImportBodyLimit))})
			return
		}
		fail(appText(currentUser(c).Lang, "qdpx_no_file"))
		return
	}
	f, err := fh.Open()
	if err != nil {
		s.appError(c, err)
		return
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, qdpxImportBodyLimit+1))
	if err != nil {
		s.appError(c, err)
		return
	}
	var proj *qdpx.Project
	var skipped []qdpx.Skipped
	if strings.HasSuffix(strings.ToLower(fh.Filename), ".qdc") {
		var codes []qdpx.Code
		codes, err = qdpx.ReadCodebook(bytes.NewReader(data))
		proj = &qdpx.Project{Codes: codes}
	} else {
		proj, skipped, err = qdpx.ReadProject(bytes.NewReader(data), int64(len(data)))
	}
	var imp *survey.CodingImport
	var rep exchange.Report
	if err == nil {
		var users []*survey.User
		if users, err = s.store.Users(c.Request.Context()); err == nil {
			imp, rep, err = exchange.Import(proj, p.ID, currentUser(c).ID, exchange.Accounts(users))
		}
	}
	if err == nil {
		err = s.store.ImportCoding(c.Request.Context(), imp)
	}
	if err != nil {
		if errors.Is(err, qdpx.ErrInvalid) || errors.Is(err, survey.ErrInvalid) {
			s.log.Info("qdpx import rejected", "project", p.ID, "err", err)
			problem := survey.FieldError{Message: err.Error()}
			var qe *qdpx.Error
			if errors.As(err, &qe) {
				problem = survey.FieldError{Code: qe.Code, Args: qe.Args, Message: err.Error()}
			}
			s.renderCodebookWith(c, http.StatusUnprocessableEntity, p, codebookImport{Problem: &problem})
			return
		}
		s.appError(c, err)
		return
	}
	s.renderCodebookWith(c, http.StatusOK, p, codebookImport{
		Done: appText(currentUser(c).Lang, "qdpx_imported", rep.Codes, rep.Sources, rep.Codings), Skipped: skippedProblems(append(skipped, rep.Skipped...)),
	})
}

// codebookImport is the outcome of an import shown on the codebook page.
type codebookImport struct {
	Done    string
	Error   string              // no file, or too large
	Problem *survey.FieldError  // what is wrong in the file, in the reader's language
	Skipped []survey.FieldError // what was left out, said as the problems are
}

// skippedProblems are what an import left out, for the problem function
// to say in the reader's language.
func skippedProblems(ss []qdpx.Skipped) []survey.FieldError {
	out := make([]survey.FieldError, len(ss))
	for i, s := range ss {
		out[i] = survey.FieldError{Code: s.Code, Args: s.Args, Message: s.String()}
	}
	return out
}

func (s *Server) renderCodebookWith(c *gin.Context, status int, p *survey.Project, imp codebookImport) {
	s.renderCodebook(c, status, p, survey.Code{}, nil, &imp)
}
