package web

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/interop/spss"
	"github.com/safarhq/safar/interop/triples"
	"github.com/safarhq/safar/survey"
)

// exportResponsesSAV downloads the filtered responses as an SPSS system
// file with variable and value labels, measurement levels and missing
// values (docs/survey-format.md, "SPSS"). The responses are read twice:
// once to size the text columns, once to stream the cases, so memory stays
// flat; a failure before the first byte is a clean error page.
func (s *Server) exportResponsesSAV(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	f, _ := filterFromQuery(c, sv.ID)
	each := func(fn func(*survey.Response) error) error {
		return s.store.EachResponse(c.Request.Context(), f, fn)
	}
	out := &lazyDownload{c: c, name: safeFileName(sv.Slug) + "-responses.sav", typ: "application/x-spss-sav"}
	if err := spss.Write(out, sv.Definition, each, time.Now()); err != nil {
		if !out.started {
			s.appError(c, err)
			return
		}
		s.log.Error("export responses (sav)", "survey", sv.ID, "err", err)
	}
}

// exportResponsesTripleS downloads the filtered responses as Triple-S 2.0:
// a zip of the XML metadata (.sss) and the fixed-width data (.asc).
func (s *Server) exportResponsesTripleS(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	f, _ := filterFromQuery(c, sv.ID)
	each := func(fn func(*survey.Response) error) error {
		return s.store.EachResponse(c.Request.Context(), f, fn)
	}
	out := &lazyDownload{c: c, name: safeFileName(sv.Slug) + "-triple-s.zip", typ: "application/zip"}
	if err := triples.Write(out, sv.Definition, each, time.Now()); err != nil {
		if !out.started {
			s.appError(c, err)
			return
		}
		s.log.Error("export responses (triple-s)", "survey", sv.ID, "err", err)
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
