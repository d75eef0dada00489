package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// statusOf maps the domain's error vocabulary to HTTP, in exactly one place.
func statusOf(err error) int {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, survey.ErrInvalid):
		return http.StatusUnprocessableEntity
	case errors.Is(err, survey.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, survey.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, survey.ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, survey.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, survey.ErrClosed):
		return http.StatusGone
	}
	return http.StatusInternalServerError
}

// pageError shows a respondent a friendly page for err in lang; internals
// are logged, never shown.
func (s *Server) pageError(c *gin.Context, lang string, err error) {
	status := statusOf(err)
	switch status {
	case http.StatusNotFound:
		s.showMessage(c, status, lang, "notfound_title", "notfound_body")
	case http.StatusGone:
		s.showMessage(c, status, lang, "closed_title", "closed_body")
	case http.StatusRequestEntityTooLarge:
		s.showMessage(c, status, lang, "toolarge_title", "toolarge_body")
	default:
		s.log.Error("request failed", "route", c.FullPath(), "err", err)
		s.showMessage(c, http.StatusInternalServerError, lang, "error_title", "error_body")
	}
}

// apiError answers a JSON client: per-field problems for invalid input,
// a plain message otherwise.
func (s *Server) apiError(c *gin.Context, err error) {
	status := statusOf(err)
	body := gin.H{"error": http.StatusText(status)}
	var ve *survey.ValidationError
	if errors.As(err, &ve) {
		body["errors"] = ve.ByField()
	} else if status < 500 {
		body["error"] = err.Error()
	} else {
		s.log.Error("api request failed", "route", c.FullPath(), "err", err)
	}
	c.JSON(status, body)
}

type messagePage struct {
	Lang, Dir, Title, Heading, Body string
	Survey                          string     // the survey's title, above the heading, when the page is about one
	Langs                           []langLink // the language switch of a multilingual survey's page
}

func (s *Server) showMessage(c *gin.Context, status int, lang, title, body string) {
	p := messagePage{Lang: lang, Dir: survey.LanguageDir(lang), Title: translate(lang, title), Heading: translate(lang, title), Body: translate(lang, body)}
	s.writePage(c, status, lang, "message", p)
}

// writePage renders into a buffer and writes it whole, or a plain 500.
func (s *Server) writePage(c *gin.Context, status int, lang, page string, data any) {
	b, err := s.views.render(lang, page, data)
	if err != nil {
		s.log.Error("render failed", "page", page, "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error\n"))
		return
	}
	c.Header("Cache-Control", "no-store")
	writeDynamic(c, status, "text/html; charset=utf-8", b)
}

// notFound is the page for unknown routes, in the visitor's language. A
// signed-in researcher's mistyped or outdated workspace address gets the
// workspace's page in their own language (it was the respondents' "Survey
// not found", in the browser's).
func (s *Server) notFound(c *gin.Context) {
	if p := c.Request.URL.Path; p == "/app" || strings.HasPrefix(p, "/app/") {
		if ss, u, err := s.loadSession(c); err == nil && u != nil {
			c.Set(ctxUser, u)
			c.Set(ctxSession, ss)
			s.showAppMessage(c, http.StatusNotFound, "notfound_title", "app_notfound_body")
			return
		}
	}
	s.showMessage(c, http.StatusNotFound, visitorLang(c.Query("lang"), c.GetHeader("Accept-Language")), "notfound_title", "notfound_body")
}
