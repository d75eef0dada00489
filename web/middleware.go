package web

import (
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// securityHeaders are set on every response: no inline script, no framing,
// no MIME sniffing, no referrer leaking survey links to third parties.
// The values are shared, read-only slices assigned under canonical keys:
// this runs on every request, and the survey link is the hot path.
func securityHeaders(c *gin.Context) {
	h := c.Writer.Header()
	h["Content-Security-Policy"] = cspValue
	h["X-Content-Type-Options"] = nosniffValue
	h["Referrer-Policy"] = noReferrerValue
	h["X-Frame-Options"] = denyValue
	c.Next()
}

var (
	cspValue        = []string{"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"}
	nosniffValue    = []string{"nosniff"}
	noReferrerValue = []string{"no-referrer"}
	denyValue       = []string{"DENY"}
)

// limitBody caps every request body; handlers see an error past the limit.
func (s *Server) limitBody(c *gin.Context) {
	body := c.Request.Body
	if body == nil || body == http.NoBody {
		c.Next()
		return
	}
	if !s.raiseUploadLimit(c) && !s.raiseQDPXLimit(c) { // transcript uploads (transcripts.go), REFI-QDA imports (qdpx.go)
		c.Request.Body = http.MaxBytesReader(c.Writer, body, s.maxBody)
		c.Next()
	}
	drainRefusedBody(c, body)
}

// maxDrain is how much of a refused body is read after a 413.
const maxDrain = 64 << 20

// drainRefusedBody reads and drops the rest of a body refused with 413.
// Browsers send a whole form without Expect: 100-continue and read the
// answer after; closing the connection with the rest unread makes the
// kernel reset it, which throws the 413 page away ("connection reset").
// Declared bodies over maxDrain (and whatever runs past it) still get the
// reset: reading them would cost more than the page is worth. The server's
// ReadTimeout bounds the time.
func drainRefusedBody(c *gin.Context, body io.Reader) {
	if c.Writer.Status() != http.StatusRequestEntityTooLarge || c.Request.ContentLength > maxDrain {
		return
	}
	c.Writer.Flush() // the answer goes out first, for clients that read early
	io.CopyN(io.Discard, body, maxDrain)
}

// logRequests logs one line per request. The query string is left out:
// resume links and touchpoints are respondent data.
func (s *Server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	status := c.Writer.Status()
	if status >= 500 || c.Request.URL.Path == "/healthz" && status != http.StatusOK {
		s.log.Error("request", "method", c.Request.Method, "route", c.FullPath(), "status", status, "dur", time.Since(start))
	} else if s.log.Enabled(c.Request.Context(), slog.LevelDebug) {
		s.log.Debug("request", "method", c.Request.Method, "route", c.FullPath(), "status", status, "dur", time.Since(start))
	}
}

// recoverPanics turns a panic into a logged 500 instead of a dropped
// connection.
func (s *Server) recoverPanics(c *gin.Context) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", "route", c.FullPath(), "panic", p)
			if !c.Writer.Written() {
				s.showMessage(c, http.StatusInternalServerError, "en", "error_title", "error_body")
			}
			c.Abort()
		}
	}()
	c.Next()
}
