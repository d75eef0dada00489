package web_test

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/web"
)

// TestWarnsOnceAboutAnUntrustedProxy: X-Forwarded-For from a peer that is
// not in TrustedProxies is logged once (naming a private peer, never the
// header's value); from a trusted peer, never.
func TestWarnsOnceAboutAnUntrustedProxy(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	tests := []struct {
		name    string
		trusted []string
		peer    string
		want    int // warnings after three requests
	}{
		{"private peer, no trusted proxies", nil, "10.0.0.5:4000", 1},
		{"public peer", nil, "203.0.113.7:4000", 1},
		{"trusted CIDR", []string{"10.0.0.0/8"}, "10.0.0.5:4000", 0},
		{"trusted IP", []string{"10.0.0.5"}, "10.0.0.5:4000", 0},
		{"another private peer", []string{"10.0.0.5"}, "10.0.0.6:4000", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var logs bytes.Buffer
			srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn})), TrustedProxies: tt.trusted})
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				req := httptest.NewRequest(http.MethodGet, "/healthz", nil)
				req.RemoteAddr = tt.peer
				req.Header.Set("X-Forwarded-For", "198.51.100.23")
				w := httptest.NewRecorder()
				srv.Handler().ServeHTTP(w, req)
				io.Copy(io.Discard, w.Body)
			}
			out := logs.String()
			if n := strings.Count(out, "X-Forwarded-For from a peer that is not in --trusted-proxies"); n != tt.want {
				t.Fatalf("%d warnings, want %d:\n%s", n, tt.want, out)
			}
			if strings.Contains(out, "198.51.100.23") || strings.Contains(out, "203.0.113.7") {
				t.Errorf("the log names a client address:\n%s", out)
			}
			if tt.want == 1 && strings.HasPrefix(tt.peer, "10.") && !strings.Contains(out, "peer="+strings.Split(tt.peer, ":")[0]) {
				t.Errorf("the private proxy's address is not named:\n%s", out)
			}
		})
	}
}
