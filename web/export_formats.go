package web

import (
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/interop/spss"
	"github.com/safarhq/safar/interop/triples"
	"github.com/safarhq/safar/survey"
)

// exportResponsesSAV downloads the filtered responses as an SPSS system
// file with variable and value labels, measurement levels and missing
// values (docs/survey-format.md, "SPSS").
func (s *Server) exportResponsesSAV(c *gin.Context) {
	s.exportResponsesAs(c, "-responses.sav", "application/x-spss-sav", spss.Write)
}

// exportResponsesTripleS downloads the filtered responses as Triple-S 2.0:
// a zip of the XML metadata (.sss) and the fixed-width data (.asc).
func (s *Server) exportResponsesTripleS(c *gin.Context) {
	s.exportResponsesAs(c, "-triple-s.zip", "application/zip", triples.Write)
}

// writeResponses is an export format that reads the responses twice: once
// to size its columns, once to stream them, so memory stays flat.
type writeResponses func(w io.Writer, d *survey.Definition, each func(fn func(*survey.Response) error) error, now time.Time) error

// exportResponsesAs streams the survey's filtered responses in one format;
// a failure before the first byte is a clean error page.
func (s *Server) exportResponsesAs(c *gin.Context, suffix, contentType string, write writeResponses) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	f, _ := filterFromQuery(c, sv.ID)
	each := func(fn func(*survey.Response) error) error {
		return s.store.EachResponse(c.Request.Context(), f, fn)
	}
	out := &lazyDownload{c: c, name: safeFileName(sv.Slug) + suffix, typ: contentType}
	if err := write(out, sv.Definition, each, time.Now()); err != nil {
		if !out.started {
			s.appError(c, err)
			return
		}
		s.log.Error("export responses", "survey", sv.ID, "format", suffix, "err", err)
	}
}

// lazyDownload sends its headers with the first byte written.
type lazyDownload struct {
	c         *gin.Context
	name, typ string
	started   bool
}

func (d *lazyDownload) Write(p []byte) (int, error) {
	if !d.started {
		d.started = true
		d.c.Header("Content-Type", d.typ)
		d.c.Header("Content-Disposition", `attachment; filename="`+d.name+`"`)
		d.c.Status(http.StatusOK)
	}
	return d.c.Writer.Write(p)
}
