package e2e

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/web"
)

// One Chromium serves the whole package: starting it costs about a second.
// Each respondent ("phone") is a fresh browser context: its own cookies and
// cache, like an incognito window.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserErr    error
	browserCancel = func() {}
)

func TestMain(m *testing.M) {
	code := m.Run()
	browserCancel()
	os.Exit(code)
}

func chromiumPath() string {
	if p := os.Getenv("SAFAR_CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// browser returns the shared browser, or skips the test when Chromium is
// not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("no Chromium at %s (install Debian's chromium package or set SAFAR_CHROMIUM): %v", path, err)
	}
	browserOnce.Do(func() {
		dir, err := os.MkdirTemp("", "safar-e2e-chromium-")
		if err != nil {
			browserErr = err
			return
		}
		// Chromium keeps its singleton socket in a directory of its own
		// under TMPDIR and leaves it behind when it is stopped: give it
		// one inside dir, which is removed with the profile.
		tmp := filepath.Join(dir, "tmp")
		if err := os.Mkdir(tmp, 0o700); err != nil {
			browserErr = err
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(path),
			chromedp.UserDataDir(filepath.Join(dir, "profile")),
			chromedp.Env("TMPDIR="+tmp),
			chromedp.Flag("no-sandbox", true),
			chromedp.Flag("disable-gpu", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("no-first-run", true),
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("lang", "en-US"),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		browserCtx = bctx
		browserCancel = func() { bcancel(); acancel(); os.RemoveAll(dir) }
		browserErr = chromedp.Do(bctx) // starts the browser
	})
	if browserErr != nil {
		t.Fatalf("start Chromium: %v", browserErr)
	}
	return browserCtx
}

// phone is one respondent's browser context; tab opens a tab in it.
type phone struct {
	t   *testing.T
	ctx context.Context
}

func newPhone(t *testing.T) *phone {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser(t), chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("new browser context: %v", err)
	}
	return &phone{t: t, ctx: ctx}
}

// tabOptions set up a tab before it loads anything.
type tabOptions struct {
	width, height int64
	noScript      bool
}

// tab opens a tab in the phone's browser context with a phone-sized
// viewport; close it with the returned func (the "closed the tab" case).
func (p *phone) tab(o tabOptions) (context.Context, func()) {
	p.t.Helper()
	if o.width == 0 {
		o.width, o.height = 360, 740
	}
	ctx, cancel := chromedp.NewContext(p.ctx)
	steps := []chromedp.Action[chromedp.Void]{
		chromedp.EmulateViewport(o.width, o.height, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait),
	}
	if o.noScript {
		steps = append(steps, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
			return err
		}))
	}
	if err := chromedp.Do(ctx, steps...); err != nil {
		p.t.Fatalf("open tab: %v", err)
	}
	p.t.Cleanup(cancel)
	return ctx, cancel
}

// app is Safar running in-process on 127.0.0.1 with a temp SQLite store.
type app struct {
	t       *testing.T
	store   *gormstore.Store
	url     string
	surveys map[string]*survey.Survey // by slug

	// An admin account for the researcher pages (empty without them).
	adminEmail, adminPassword string

	sim *netSim
	ts  *httptest.Server
}

// netSim is what offline_test.go does to the network between the phone and
// the server.
type netSim struct {
	// down makes the server unreachable: every connection is dropped, as
	// when a phone has no signal.
	down atomic.Bool
	// failSubmits answers that many submit API posts with 503 and
	// Retry-After: 1; submitTimes records when each post arrived.
	failSubmits atomic.Int32
	mu          sync.Mutex
	submitTimes []time.Time
}

// startApp serves the e2e fixture (journey-fa) and the two demo surveys.
func startApp(t *testing.T) *app {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	p, err := store.EnsureProject(ctx, "e2e", "")
	if err != nil {
		t.Fatal(err)
	}
	a := &app{t: t, store: store, surveys: map[string]*survey.Survey{}}
	defs, err := demo.Definitions()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("testdata", "journey_fa.json"))
	if err != nil {
		t.Fatal(err)
	}
	d, err := survey.ParseDefinition(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range append(defs, d) {
		sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
		if err := store.CreateSurvey(ctx, sv); err != nil {
			t.Fatal(err)
		}
		a.surveys[d.Slug] = sv
	}
	a.serve()
	return a
}

// publish stores a published survey from its JSON definition in the demo
// project, for a test of its own.
func (a *app) publish(t *testing.T, def string) *survey.Survey {
	t.Helper()
	d, err := survey.ParseDefinition([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: a.surveys["journey-fa"].ProjectID, Definition: d, Status: survey.Published}
	if err := a.store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	a.surveys[d.Slug] = sv
	return sv
}

// serve adds the admin account and serves the app's store.
func (a *app) serve() {
	t := a.t
	hash, err := web.HashPassword("e2e-password-1234")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.store.CreateUser(context.Background(), &survey.User{Email: "admin@example.com", Name: "E2E", Role: survey.RoleAdmin, Lang: "en", PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	a.adminEmail, a.adminPassword = "admin@example.com", "e2e-password-1234"
	srv, err := web.New(web.Config{Store: a.store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	if a.sim == nil {
		a.sim = &netSim{}
	}
	gate := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if a.sim.down.Load() {
			if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
				conn.Close() // no answer at all: a network error in the browser
				return
			}
		}
		if r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/api/v1/") {
			a.sim.mu.Lock()
			a.sim.submitTimes = append(a.sim.submitTimes, time.Now())
			a.sim.mu.Unlock()
			if a.sim.failSubmits.Add(-1) >= 0 {
				w.Header().Set("Retry-After", "1")
				http.Error(w, `{"error":"busy"}`, http.StatusServiceUnavailable)
				return
			}
		}
		h.ServeHTTP(w, r)
	})
	ts := &httptest.Server{Listener: ln, Config: &http.Server{Handler: gate, ReadHeaderTimeout: 10 * time.Second}}
	ts.Start()
	t.Cleanup(ts.Close)
	a.url, a.ts = ts.URL, ts
}

// answers returns the stored answers of the only response to slug.
func (a *app) answers(slug string) (*survey.Response, string) {
	a.t.Helper()
	var rs []*survey.Response
	err := a.store.EachResponse(context.Background(), survey.ResponseFilter{SurveyID: a.surveys[slug].ID}, func(r *survey.Response) error {
		rs = append(rs, r)
		return nil
	})
	if err != nil {
		a.t.Fatal(err)
	}
	if len(rs) != 1 {
		a.t.Fatalf("%s: %d responses stored, want 1", slug, len(rs))
	}
	b, _ := json.Marshal(rs[0].Answers)
	return rs[0], string(b)
}

// do runs browser steps with a time limit, failing the test on error.
func do(t *testing.T, ctx context.Context, what string, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression in the page and decodes it.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// submit clicks a button that posts the form and waits for the next page
// to load (the POST, its redirect and the page after).
//
// A page that was redrawn just before (a navigation, or the builder's
// preview frame reloading) can leave chromedp holding node ids of the
// document it replaced; the browser then answers "Could not find node with
// given id" while chromedp scrolls to the button, before any mouse event
// is sent. Only that error is retried, on a fresh query, so a click is
// never sent twice.
func submit(t *testing.T, ctx context.Context, sel string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	for try := 1; ; try++ {
		_, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		if err == nil {
			return
		}
		if try == 3 || !strings.Contains(err.Error(), "Could not find node with given id") {
			t.Fatalf("click %s: %v", sel, err)
		}
		t.Logf("click %s: %v; querying again", sel, err)
		time.Sleep(200 * time.Millisecond)
	}
}

// artifacts is where screenshots go: $SAFAR_ARTIFACTS, or ./artifacts/ at
// the repository root.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("SAFAR_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("..", "artifacts")
	}
	dir = filepath.Join(dir, "e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(artifacts(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
