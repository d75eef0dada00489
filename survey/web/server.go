// Package web is Safar's HTTP layer (Gin): the respondent pages, the JSON
// API and, later, the researcher workspace. It is the only importer of gin.
package web

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// Config is what the server needs from its surroundings.
type Config struct {
	Store  survey.Store
	Logger *slog.Logger
	// Now is the clock; tests replace it.
	Now func() time.Time
	// SecureCookies marks cookies Secure (set behind HTTPS).
	SecureCookies bool
	// MaxBodyBytes caps a request body (default 1 MiB).
	MaxBodyBytes int64
}

// Server holds the wired handlers.
type Server struct {
	store   survey.Store
	log     *slog.Logger
	now     func() time.Time
	views   *views
	assets  *assets
	secure  bool
	maxBody int64
	engine  *gin.Engine
}

// New builds a Server; it parses every template up front, so a broken
// template stops the start instead of failing one request later.
func New(cfg Config) (*Server, error) {
	a, err := loadAssets()
	if err != nil {
		return nil, err
	}
	v, err := loadViews(a)
	if err != nil {
		return nil, err
	}
	s := &Server{
		store: cfg.Store, log: cfg.Logger, now: cfg.Now, views: v, assets: a,
		secure: cfg.SecureCookies, maxBody: cfg.MaxBodyBytes,
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.maxBody == 0 {
		s.maxBody = 1 << 20
	}
	gin.SetMode(gin.ReleaseMode)
	s.engine = gin.New()
	s.engine.ContextWithFallback = true
	s.engine.RedirectTrailingSlash = false
	s.routes(s.engine)
	return s, nil
}

// Handler is the HTTP handler of the whole application.
func (s *Server) Handler() http.Handler { return s.engine }

// healthz answers 200 when the database answers.
func (s *Server) healthz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Error("health check failed", "err", err)
		c.String(http.StatusServiceUnavailable, "database unavailable\n")
		return
	}
	c.String(http.StatusOK, "ok\n")
}
