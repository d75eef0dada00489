package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/web"
)

// TestHomeLeadsSomewhere: `/` sends a signed-in user to the projects,
// anyone else to the sign-in page, and, before any account exists, to the
// setup page, which then says where the one-time link is.
func TestHomeLeadsSomewhere(t *testing.T) {
	w := newWorkspace(t)
	w.browser().get("/").wantRedirect("/login")
	w.login("view@example.com").get("/").wantRedirect("/app/projects")

	srv, err := web.New(web.Config{Store: storetest.MustOpenTemp(t), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	empty := &workspace{t: t, srv: srv}
	b := empty.browser()
	b.get("/").wantRedirect("/setup")
	b.get("/setup").want(http.StatusOK, "safar serve", "safar user add")
	if strings.Contains(b.body, `name="password"`) {
		t.Error("the setup page without its link offers the form")
	}
}

// TestHeadOnEveryGetRoute: HEAD answers like GET, without the body, on
// every GET route of the table (load balancers and uptime checks use it).
func TestHeadOnEveryGetRoute(t *testing.T) {
	w := newWorkspace(t)
	admin := w.login("admin@example.com")
	anon := w.browser()
	n := 0
	for _, r := range w.srv.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		path := strings.Replace(w.params(r.Path), "*file", "missing.css", 1)
		for _, b := range []*browser{admin, anon} {
			b.get(path)
			status, ctype := b.status, b.header.Get("Content-Type")
			b.do(http.MethodHead, path, nil)
			if b.status != status || b.header.Get("Content-Type") != ctype || b.body != "" {
				t.Errorf("HEAD %s: %d %q with %d body bytes; GET: %d %q", path, b.status, b.header.Get("Content-Type"), len(b.body), status, ctype)
			}
			n++
		}
	}
	if n < 80 {
		t.Errorf("only %d GET routes checked", n)
	}
	anon.do(http.MethodHead, "/healthz", nil)
	if anon.status != http.StatusOK {
		t.Errorf("HEAD /healthz: %d", anon.status)
	}
}
