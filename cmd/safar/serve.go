package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"net/url"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/interop/webhook"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "serve", summary: "start the web server", run: runServe})
}

// serveConfig is what `safar serve` was asked to do.
type serveConfig struct {
	addr, db      string
	demo, durable bool
	secureCookies bool
	logLevel      string
	// trustedProxies may set X-Forwarded-For (load balancers).
	trustedProxies []string
	ready          func(addr string) // tests learn the bound port here
	// Submission rate limits per second (0: default, negative: off).
	submitRateIP, submitRateSurvey float64
	// pprofAddr, when set, serves net/http/pprof there (loopback only).
	pprofAddr string
	// webhooksAllowPrivate lets webhooks reach loopback and private
	// addresses (default: refused, against SSRF).
	webhooksAllowPrivate bool
	// reportMemory: web.Config.ReportMemoryBudget.
	reportMemory int64
}

func runServe(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "serve", "[--addr 127.0.0.1:8080] [--db FILE|postgres://...] [--demo] [--durable] [flags]")
	var cfg serveConfig
	fs.StringVar(&cfg.addr, "addr", "127.0.0.1:8080", "listen address (host:port; port 0 picks a free one)")
	dsn := dbFlag(fs, env)
	fs.BoolVar(&cfg.demo, "demo", false, "seed the demo project (once) before serving")
	fs.BoolVar(&cfg.durable, "durable", false, "SQLite: fsync every commit (synchronous=FULL), power-loss safe, slower")
	fs.BoolVar(&cfg.secureCookies, "secure-cookies", env.getenv("SAFAR_SECURE_COOKIES") == "1", "mark cookies Secure (serve behind HTTPS)")
	fs.StringVar(&cfg.logLevel, "log-level", "info", "debug, info, warn or error")
	proxies := fs.String("trusted-proxies", env.getenv("SAFAR_TRUSTED_PROXIES"), "comma-separated IPs/CIDRs of load balancers whose X-Forwarded-For is trusted (default: none)")
	fs.Float64Var(&cfg.submitRateIP, "submit-rate-ip", 0, fmt.Sprintf("submissions per second per client address (0: default %d, negative: no limit)", web.DefaultSubmitRatePerIP))
	fs.Float64Var(&cfg.submitRateSurvey, "submit-rate-survey", 0, fmt.Sprintf("submissions per second per survey (0: default %d, negative: no limit)", web.DefaultSubmitRatePerSurvey))
	fs.StringVar(&cfg.pprofAddr, "pprof-addr", "", "serve Go's runtime profiles (/debug/pprof/) on this loopback address, e.g. 127.0.0.1:6060 (default: off)")
	fs.BoolVar(&cfg.webhooksAllowPrivate, "webhooks-allow-private", false, "let webhooks reach loopback and private addresses (default: refused)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	cfg.db = *dsn
	cfg.reportMemory = tuneGC(env.getenv)
	for _, p := range strings.Split(*proxies, ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.trustedProxies = append(cfg.trustedProxies, p)
		}
	}
	return serve(ctx, env, cfg)
}

func serve(ctx context.Context, env *cliEnv, cfg serveConfig) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(cfg.logLevel)); err != nil {
		return fmt.Errorf("--log-level: %w", err)
	}
	log := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: level}))
	store, err := openStore(ctx, cfg.db, cfg.durable)
	if err != nil {
		return err
	}
	defer store.Close()
	if cfg.demo {
		res, err := demo.Seed(ctx, store)
		if err != nil {
			return fmt.Errorf("seed demo data: %w", err)
		}
		if res != (demo.Result{}) {
			log.Info("seeded demo data", "surveys", res.Created, "responses", res.Responses, "transcripts", res.Transcripts, "coded_answers", res.Codings)
		}
	}
	// Background analysis: every process runs one; a run is claimed by
	// exactly one of them through the database.
	runner := &studyrun.Runner{Store: store, Log: log}
	srv, err := web.New(web.Config{Store: store, Runner: runner, Logger: log, SecureCookies: cfg.secureCookies,
		SubmitRatePerIP: cfg.submitRateIP, SubmitRatePerSurvey: cfg.submitRateSurvey, TrustedProxies: cfg.trustedProxies,
		WebhooksAllowPrivate: cfg.webhooksAllowPrivate, ReportMemoryBudget: cfg.reportMemory})
	if err != nil {
		return err
	}
	if len(cfg.trustedProxies) == 0 {
		log.Info("client addresses are the TCP peer and X-Forwarded-For is ignored: behind a load balancer or reverse proxy, start with --trusted-proxies ADDR (docs/deployment.md)")
	}
	runner.Hold = srv.HoldMemory
	go runner.Run(ctx)
	// Webhook deliveries, likewise: each outbox message is claimed by one
	// process at a time and retried until its receiver accepts it.
	go (&webhook.Sender{Store: store, Log: log, AllowPrivate: cfg.webhooksAllowPrivate}).Run(ctx)
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	base := "http://" + ln.Addr().String()
	fmt.Fprintf(env.stdout, "Safar is running at %s (database %s)\n", base, redactDSN(cfg.db))
	if cfg.demo {
		fmt.Fprintf(env.stdout, "  Persian demo survey: %s/s/%s\n  English demo survey: %s/s/%s\n", base, demo.SlugFA, base, demo.SlugEN)
	}
	// First run: no account yet, so print a one-time URL that creates the
	// first admin (only its hash is stored; each start makes a new one).
	if setup, err := srv.SetupURL(ctx, base); err != nil {
		return fmt.Errorf("first-run setup: %w", err)
	} else if setup != "" {
		fmt.Fprintf(env.stdout, "  No account exists yet. Create the first admin (link %s, works once):\n    %s\n", web.ValidFor("en", web.SetupTokenTTL), setup)
	}
	fmt.Fprintf(env.stdout, "  Health check:        %s/healthz\nPress Ctrl+C to stop.\n", base)
	if cfg.ready != nil {
		cfg.ready(ln.Addr().String())
	}
	hs := &http.Server{
		Handler:           srv.Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if cfg.pprofAddr != "" {
		stop, err := servePprof(cfg.pprofAddr, log)
		if err != nil {
			return err
		}
		defer stop()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	err = hs.Shutdown(shutdownCtx)
	srv.Close() // the workbooks prepared for download are temporary files
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// redactDSN hides a password in a postgres:// URL before printing it.
func redactDSN(dsn string) string {
	if u, err := url.Parse(dsn); err == nil && u.User != nil {
		if _, has := u.User.Password(); has {
			return u.Redacted()
		}
	}
	return dsn
}

// servePprof serves the runtime profiles on their own listener, so they are
// never reachable through the public address; it refuses any address that
// is not loopback.
func servePprof(addr string, log *slog.Logger) (stop func(), err error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof-addr: %w", err)
	}
	if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("--pprof-addr: %q is not a loopback address", addr)
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("--pprof-addr: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	ps := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go ps.Serve(ln)
	log.Info("runtime profiles", "url", "http://"+ln.Addr().String()+"/debug/pprof/")
	return func() { ps.Close() }, nil
}

// tuneGC trades memory, of which a server has plenty, for CPU, which the
// submit path is short of: the garbage collector runs when the heap has
// grown by 400 % instead of 100 %, under a soft limit of half the machine's
// memory, so a big analysis run is still collected before it crowds out the
// rest. On the submit load test this cut the server's CPU per response by
// about 12 % (docs/performance.md#submit). While a workbook is prepared the
// limit comes down to what the server was using plus the report's budget
// (web.Config.ReportMemoryBudget, which tuneGC returns), so a
// 1,000,000-response download stays under 1 GB. GOGC and GOMEMLIMIT, when
// set, win (and with GOMEMLIMIT the budget is 0: the limit stands).
func tuneGC(getenv func(string) string) (reportBudget int64) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if getenv("GOMEMLIMIT") != "" {
		return 0
	}
	if total := physicalMemory(); total > 0 {
		debug.SetMemoryLimit(total / 2)
	}
	return web.DefaultReportMemoryBudget
}

// physicalMemory returns the machine's memory in bytes from /proc/meminfo,
// or 0 where that cannot be read.
func physicalMemory() int64 {
	b, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
