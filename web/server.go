// Package web is Safar's HTTP layer (Gin): the respondent pages, the JSON
// API and the researcher workspace. It is the only importer of gin.
package web

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// Store is what the web app needs of the database: surveys and responses
// (respondent pages and the API), accounts and projects, interviews and
// coding, analysis runs and webhooks. gormstore.Store is one.
type Store interface {
	survey.Workspace
	survey.QualitativeStore
	survey.CodingStore
	survey.AnalysisStore
	survey.WebhookStore
	survey.APIKeyStore // account_keys.go, api_auth.go
}

// Config is what the server needs from its surroundings.
type Config struct {
	Store Store
	// Runner runs queued analyses in the background; queuing one wakes it.
	// Nil: runs wait for the runner of another process on the database.
	Runner *studyrun.Runner
	Logger *slog.Logger
	// Now is the clock; tests replace it.
	Now func() time.Time
	// SecureCookies marks cookies Secure (set behind HTTPS).
	SecureCookies bool
	// MaxBodyBytes caps a request body (default 1 MiB).
	MaxBodyBytes int64
	// SurveyCacheTTL is how long the respondent pages reuse a survey
	// lookup (default DefaultSurveyCacheTTL; negative: never).
	SurveyCacheTTL time.Duration

	// SessionIdle and SessionMaxAge end researcher sessions after
	// inactivity and after login (defaults DefaultSessionIdle and
	// DefaultSessionMaxAge).
	SessionIdle, SessionMaxAge time.Duration
	// BaseURL is the public address used in distribution links and QR
	// codes (e.g. https://survey.example.com); default: the request's host.
	BaseURL string
	// TrustedProxies are the addresses (IPs or CIDRs) of load balancers
	// whose X-Forwarded-For is believed. Empty: none, so a client cannot
	// claim another address to dodge rate limits or forge a stored IP.
	TrustedProxies []string
	// WebhooksAllowPrivate lets researchers point webhooks at loopback
	// and private addresses (serve --webhooks-allow-private).
	WebhooksAllowPrivate bool
	// ReportMemoryBudget, when positive, holds the process's soft memory
	// limit down while workbook jobs run: to the memory in use when the
	// first started plus at most this much per running job, less for small
	// studies (report_memory.go). `safar serve` sets
	// DefaultReportMemoryBudget unless GOMEMLIMIT is set. 0: the limit is
	// left alone.
	ReportMemoryBudget int64

	// Submission rate limits (ratelimit.go): per second and burst, per
	// client address and per survey. 0 means the default; a negative
	// rate switches the limit off.
	SubmitRatePerIP, SubmitRatePerSurvey   float64
	SubmitBurstPerIP, SubmitBurstPerSurvey int
}

// Server holds the wired handlers.
type Server struct {
	store   Store
	log     *slog.Logger
	now     func() time.Time
	views   *views
	assets  *assets
	secure  bool
	maxBody int64
	engine  *gin.Engine
	surveys *surveyCache // respondent pages: survey lookups (short TTL)
	pages   *pageCache   // respondent pages: rendered first pages
	bundles *bundleCache // offline bundles (offline.go)
	swJS    []byte       // the service worker (offline.go)

	// Researcher workspace (see auth.go).
	app                        *appViews
	logins                     *loginLimiter
	bcrypt                     *bcryptGate // login_limit.go
	sessionIdle, sessionMaxAge time.Duration
	publicURL                  string
	runner                     *studyrun.Runner // nil: another process runs analyses
	results                    resultCache      // decoded analysis results (analysis_runs.go)
	reports                    reportJobs       // workbooks prepared in the background (report_jobs.go)
	reportMemory               *reportMemory    // their soft memory limit (report_memory.go); nil: none
	submitLimits               *submitLimits    // ratelimit.go
	proxies                    *proxyCheck      // proxies.go
	webhooksAllowPrivate       bool
}

// New builds a Server; it parses every template up front, so a broken
// template stops the start instead of failing one request later.
func New(cfg Config) (*Server, error) {
	a, err := sharedAssets()
	if err != nil {
		return nil, err
	}
	v, err := loadViews(a)
	if err != nil {
		return nil, err
	}
	s := &Server{
		store: cfg.Store, log: cfg.Logger, now: cfg.Now, views: v, assets: a,
		secure: cfg.SecureCookies, maxBody: cfg.MaxBodyBytes, runner: cfg.Runner,
		webhooksAllowPrivate: cfg.WebhooksAllowPrivate,
	}
	s.submitLimits = newSubmitLimits(cfg.SubmitRatePerIP, cfg.SubmitBurstPerIP, cfg.SubmitRatePerSurvey, cfg.SubmitBurstPerSurvey)
	if s.log == nil {
		s.log = slog.Default()
	}
	s.reportMemory = newReportMemory(cfg.ReportMemoryBudget, s.log)
	if s.now == nil {
		s.now = time.Now
	}
	if s.maxBody == 0 {
		s.maxBody = 1 << 20
	}
	ttl := cfg.SurveyCacheTTL
	if ttl == 0 {
		ttl = DefaultSurveyCacheTTL
	}
	s.surveys, s.pages, s.bundles = newSurveyCache(ttl), newPageCache(), newBundleCache()
	if s.swJS, err = loadServiceWorker(); err != nil {
		return nil, err
	}
	s.proxies = newProxyCheck(cfg.TrustedProxies)
	if err := s.initWorkspace(cfg); err != nil {
		return nil, err
	}
	gin.SetMode(gin.ReleaseMode)
	s.engine = gin.New()
	if err := s.engine.SetTrustedProxies(cfg.TrustedProxies); err != nil {
		return nil, fmt.Errorf("trusted proxies: %w", err)
	}
	s.engine.ContextWithFallback = true
	s.engine.RedirectTrailingSlash = false
	s.routes(s.engine)
	return s, nil
}

// Handler is the HTTP handler of the whole application.
// Close removes the workbooks prepared for download (temporary files);
// one still being prepared is removed when it is done. Call it once the
// HTTP server has shut down.
func (s *Server) Close() { s.reports.close() }

func (s *Server) Handler() http.Handler { return answerHead(s.engine) }

// Routes lists the route table.
func (s *Server) Routes() gin.RoutesInfo { return s.engine.Routes() }

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
