package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

func newLimitedServer(t *testing.T, cfg web.Config) http.Handler {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	p, _ := store.EnsureProject(ctx, "rl", "")
	if err := store.CreateSurvey(ctx, &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC) // a frozen clock: buckets never refill
	cfg.Store, cfg.Logger, cfg.Now = store, slog.New(slog.NewTextHandler(io.Discard, nil)), func() time.Time { return now }
	srv, err := web.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return srv.Handler()
}

func postAs(h http.Handler, ip, path, contentType, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.RemoteAddr = ip + ":40000"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func apiBody(i int) string {
	return strings.Replace(validBody, "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e", fmt.Sprintf("00000000-0000-4000-8000-%012d", i), 1)
}

func TestSubmitRateLimitPerAddress(t *testing.T) {
	h := newLimitedServer(t, web.Config{SubmitRatePerIP: 1, SubmitBurstPerIP: 3, SubmitRatePerSurvey: -1})
	const api = "/api/v1/surveys/all-types/responses"
	for i := range 3 {
		if w := postAs(h, "203.0.113.7", api, "application/json", apiBody(i)); w.Code != http.StatusCreated {
			t.Fatalf("submission %d within the burst: %d %s", i, w.Code, w.Body)
		}
	}
	w := postAs(h, "203.0.113.7", api, "application/json", apiBody(3))
	if w.Code != http.StatusTooManyRequests || w.Header().Get("Retry-After") == "" || !strings.Contains(w.Body.String(), "retry after") {
		t.Fatalf("over the limit: got %d, Retry-After %q, body %s; want 429 with Retry-After and a message", w.Code, w.Header().Get("Retry-After"), w.Body)
	}
	// Another address has its own bucket; GET pages are not limited.
	if w := postAs(h, "198.51.100.9", api, "application/json", apiBody(4)); w.Code != http.StatusCreated {
		t.Fatalf("another address: %d", w.Code)
	}
	req := httptest.NewRequest(http.MethodGet, "/s/all-types", nil)
	req.RemoteAddr = "203.0.113.7:40000"
	g := httptest.NewRecorder()
	h.ServeHTTP(g, req)
	if g.Code != http.StatusOK {
		t.Fatalf("GET by a limited address: %d", g.Code)
	}
	// The respondent form is limited too: the same page comes back with
	// everything typed on it and a notice to press the button again.
	form := url.Values{"page": {"1"}, "q.rating": {"2"}, "q.nickname": {"Sara"}, "q.orders": {"۱۲ تا"},
		"q.problem": {"بسته دیر رسید <script>alert(1)</script>"}}
	f := postAs(h, "203.0.113.7", "/s/all-types", "application/x-www-form-urlencoded", form.Encode())
	if f.Code != http.StatusTooManyRequests || f.Header().Get("Retry-After") == "" {
		t.Fatalf("form over the limit: %d %q", f.Code, f.Header().Get("Retry-After"))
	}
	body := f.Body.String()
	for _, want := range []string{"press the button again", `value="Sara"`, `value="۱۲ تا"`, "بسته دیر رسید &lt;script&gt;alert(1)&lt;/script&gt;", `name="page" value="1"`} {
		if !strings.Contains(body, want) {
			t.Errorf("rate-limited page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>alert(1)") {
		t.Error("typed script echoed unescaped")
	}
}

func TestSubmitRateLimitPerSurvey(t *testing.T) {
	h := newLimitedServer(t, web.Config{SubmitRatePerIP: -1, SubmitRatePerSurvey: 1, SubmitBurstPerSurvey: 2})
	const api = "/api/v1/surveys/all-types/responses"
	for i := range 2 {
		if w := postAs(h, fmt.Sprintf("203.0.113.%d", i+1), api, "application/json", apiBody(i)); w.Code != http.StatusCreated {
			t.Fatalf("submission %d: %d %s", i, w.Code, w.Body)
		}
	}
	w := postAs(h, "203.0.113.50", api, "application/json", apiBody(9))
	if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), "this survey is receiving too many") {
		t.Fatalf("survey over its limit: %d %s", w.Code, w.Body)
	}
}

// TestRateLimitedUnknownLinkSpeaksTheVisitorsLanguage: a rate-limited post
// to a link no survey has answers in the language the page asked in (the
// form's lang field, else the browser's), as the not-found page does; it
// was always English.
func TestRateLimitedUnknownLinkSpeaksTheVisitorsLanguage(t *testing.T) {
	h := newLimitedServer(t, web.Config{SubmitRatePerIP: 1, SubmitBurstPerIP: 1, SubmitRatePerSurvey: -1})
	const form = "application/x-www-form-urlencoded"
	postAs(h, "203.0.113.8", "/s/nope", form, "lang=fa&page=1") // the burst
	for _, tc := range []struct{ body, accept, want string }{
		{"lang=fa&page=1", "", "لطفاً لحظه‌ای صبر کنید"},
		{"page=1", "fa-IR,fa;q=0.9", "لطفاً لحظه‌ای صبر کنید"},
		{"lang=en&page=1", "fa-IR", "Please wait a moment"},
	} {
		req := httptest.NewRequest(http.MethodPost, "/s/nope", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", form)
		if tc.accept != "" {
			req.Header.Set("Accept-Language", tc.accept)
		}
		req.RemoteAddr = "203.0.113.8:40000"
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != http.StatusTooManyRequests || !strings.Contains(w.Body.String(), tc.want) {
			t.Errorf("%s (Accept-Language %q): %d, want 429 saying %q", tc.body, tc.accept, w.Code, tc.want)
		}
	}
}
