package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// clock is a settable Config.Now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

type cachedApp struct {
	store *gormstore.Store
	sv    *survey.Survey
	h     http.Handler
	clock *clock
}

// newCachedApp serves d with the survey cache on (the default TTL, or
// ttl[0]).
func newCachedApp(t testing.TB, d *survey.Definition, ttl ...time.Duration) *cachedApp {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	p, err := store.EnsureProject(ctx, "test", "")
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	clk := &clock{t: time.Now()}
	cfg := web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: clk.now}
	if len(ttl) > 0 {
		cfg.SurveyCacheTTL = ttl[0]
	}
	srv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &cachedApp{store: store, sv: sv, h: srv.Handler(), clock: clk}
}

func (a *cachedApp) get(path, acceptEncoding string, cookies ...*http.Cookie) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	for _, c := range cookies {
		req.AddCookie(c)
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	return w
}

func decode(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	var r io.Reader = w.Body
	switch enc := w.Header().Get("Content-Encoding"); enc {
	case "gzip":
		zr, err := gzip.NewReader(w.Body)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(w.Body)
	case "":
	default:
		t.Fatalf("Content-Encoding %q", enc)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestFirstPageIsTheSameBytesForEveryone(t *testing.T) {
	app := newCachedApp(t, surveytest.AllTypes(t))
	a, b := app.get("/s/all-types", "gzip"), app.get("/s/all-types", "gzip")
	if a.Code != 200 || b.Code != 200 {
		t.Fatalf("status %d, %d", a.Code, b.Code)
	}
	if !bytes.Equal(a.Body.Bytes(), b.Body.Bytes()) {
		t.Fatal("two new respondents got different first pages")
	}
	ca, cb := a.Result().Cookies(), b.Result().Cookies()
	if len(ca) != 1 || len(cb) != 1 || ca[0].Value == cb[0].Value || !ca[0].HttpOnly {
		t.Fatalf("cookies: %v / %v", ca, cb)
	}
	page := decode(t, a)
	if strings.Contains(page, ca[0].Value) || strings.Contains(page, `name="rid"`) || strings.Contains(page, "/r/") {
		t.Fatal("the shared first page carries a client id or resume link")
	}
	if a.Header().Get("Vary") != "Accept-Encoding" {
		t.Errorf("Vary = %q", a.Header().Get("Vary"))
	}
	// Every encoding carries the same page.
	for _, ae := range []string{"", "br", "gzip, deflate, br", "br;q=0, gzip", "identity"} {
		w := app.get("/s/all-types", ae)
		if got := decode(t, w); got != page {
			t.Errorf("Accept-Encoding %q (%s): a different page", ae, w.Header().Get("Content-Encoding"))
		}
	}
	if enc := app.get("/s/all-types", "gzip, deflate, br").Header().Get("Content-Encoding"); enc != "br" {
		t.Errorf("br preferred: got %q", enc)
	}
	if enc := app.get("/s/all-types", "br;q=0, gzip").Header().Get("Content-Encoding"); enc != "gzip" {
		t.Errorf("br refused: got %q", enc)
	}
	// A returning phone whose id has no saved response keeps its id.
	w := app.get("/s/all-types", "", ca[0])
	if c := w.Result().Cookies(); len(c) != 1 || c[0].Value != ca[0].Value {
		t.Errorf("returning respondent got cookie %v, want %s", c, ca[0].Value)
	}
	// The touchpoint is part of the page (a hidden field), so of the key.
	if tp := decode(t, app.get("/s/all-types?tp=instagram", "")); !strings.Contains(tp, `name="tp" value="instagram"`) {
		t.Error("touchpoint page lacks its tp field")
	}
	if !strings.Contains(page, `name="tp" value=""`) {
		t.Error("the plain page has a touchpoint")
	}
}

func TestCachedPageFollowsStatusAndVersion(t *testing.T) {
	app := newCachedApp(t, surveytest.AllTypes(t))
	ctx := context.Background()
	if w := app.get("/s/all-types", ""); w.Code != 200 {
		t.Fatalf("status %d", w.Code)
	}
	if err := app.store.SetSurveyStatus(ctx, app.sv.ID, survey.Closed); err != nil {
		t.Fatal(err)
	}
	app.clock.add(web.DefaultSurveyCacheTTL + time.Millisecond)
	if w := app.get("/s/all-types", ""); w.Code != http.StatusGone {
		t.Fatalf("closed survey after the TTL: status %d, want 410", w.Code)
	}
	if err := app.store.SetSurveyStatus(ctx, app.sv.ID, survey.Published); err != nil {
		t.Fatal(err)
	}
	d := surveytest.AllTypes(t)
	d.Title = survey.Text("A new title")
	if _, err := app.store.UpdateDefinition(ctx, app.sv.ID, d); err != nil {
		t.Fatal(err)
	}
	app.clock.add(web.DefaultSurveyCacheTTL + time.Millisecond)
	w := app.get("/s/all-types", "")
	if page := decode(t, w); w.Code != 200 || !strings.Contains(page, "A new title") {
		t.Fatalf("new version not shown: status %d", w.Code)
	}
}

// TestPageWeight is the budget: the first load of a 20-question
// survey page (HTML, CSS and JS) fits in the initial TCP congestion window
// of 14 KB, compressed. It logs the figures docs/performance.md records.
func TestPageWeight(t *testing.T) {
	const budget = 14 * 1024
	app := newCachedApp(t, surveytest.TwentyFa(t))
	type sizes struct{ raw, gz, br int }
	measure := func(path string) (sizes, string) {
		var s sizes
		var page string
		for _, ae := range []string{"", "gzip", "br"} {
			w := app.get(path, ae)
			if w.Code != 200 {
				t.Fatalf("%s: status %d", path, w.Code)
			}
			switch ae {
			case "":
				s.raw, page = w.Body.Len(), w.Body.String()
			case "gzip":
				s.gz = w.Body.Len()
			case "br":
				s.br = w.Body.Len()
			}
		}
		return s, page
	}
	html, page := measure("/s/twenty-fa")
	if n := strings.Count(page, "<fieldset class=\"q "); n != 20 {
		t.Fatalf("page shows %d questions, want 20", n)
	}
	total := html
	for _, m := range regexp.MustCompile(`/static/[^"]+`).FindAllString(page, -1) {
		s, _ := measure(m)
		t.Logf("%-28s raw %6d  gzip %5d  br %5d", m, s.raw, s.gz, s.br)
		total.raw, total.gz, total.br = total.raw+s.raw, total.gz+s.gz, total.br+s.br
	}
	t.Logf("%-28s raw %6d  gzip %5d  br %5d", "20-question page HTML", html.raw, html.gz, html.br)
	t.Logf("%-28s raw %6d  gzip %5d  br %5d (budget %d)", "first load total", total.raw, total.gz, total.br, budget)
	if total.gz > budget {
		t.Errorf("first load is %d bytes gzipped, over the %d-byte budget", total.gz, budget)
	}
	if strings.Contains(page, "fonts.googleapis") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page loads something from another origin")
	}
}
