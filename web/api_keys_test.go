package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/web"
)

// apiClient calls /api/v1 with a key and checks every reply against the
// OpenAPI document.
type apiClient struct {
	t   *testing.T
	h   http.Handler
	doc *apiDoc
	key string
}

func (w *workspace) apiClient(key string) *apiClient {
	return &apiClient{t: w.t, h: w.srv.Handler(), doc: loadAPIDoc(w.t, w.srv.Handler()), key: key}
}

func (a *apiClient) call(method, path, body string) (int, map[string]any, http.Header) {
	a.t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if a.key != "" {
		req.Header.Set("Authorization", "Bearer "+a.key)
	}
	rec := httptest.NewRecorder()
	a.h.ServeHTTP(rec, req)
	a.doc.check(a.t, method, path, rec.Code, rec.Body.Bytes())
	var out map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &out); err != nil {
		a.t.Fatalf("%s %s: %d, not a JSON object: %.300s", method, path, rec.Code, rec.Body.String())
	}
	return rec.Code, out, rec.Header()
}

// newKey makes a key for the user with email, as the account page does.
func (w *workspace) newKey(email string, scopes ...string) (string, *survey.APIKey) {
	w.t.Helper()
	ctx := context.Background()
	u, err := w.store.UserByEmail(ctx, email)
	if err != nil {
		w.t.Fatal(err)
	}
	k := &survey.APIKey{Name: "test", Scopes: scopes}
	if err := survey.ValidateAPIKey(k, u); err != nil {
		w.t.Fatal(err)
	}
	raw, prefix := survey.NewAPIKey()
	k.Prefix = prefix
	if err := w.store.CreateAPIKey(ctx, raw, k); err != nil {
		w.t.Fatal(err)
	}
	return raw, k
}

func TestAPIKeyLifecycle(t *testing.T) {
	w := newWorkspace(t)
	list := "/api/v1/surveys/" + w.survey.Slug + "/responses"
	status := "/api/v1/surveys/" + w.survey.Slug + "/status"
	readKey, k := w.newKey("res@example.com", survey.ScopeResponsesRead)

	code, body, _ := w.apiClient(readKey).call("GET", list, "")
	if code != http.StatusOK || len(body["responses"].([]any)) != 2 {
		t.Fatalf("with a read key: %d %v", code, body)
	}
	for _, tt := range []struct{ name, key string }{{"no key", ""}, {"wrong key", readKey + "x"}, {"another scheme", "Basic " + readKey}} {
		a := w.apiClient(tt.key)
		code, body, hdr := a.call("GET", list, "")
		if code != http.StatusUnauthorized || body["error"] == "" || !strings.HasPrefix(hdr.Get("WWW-Authenticate"), "Bearer") {
			t.Errorf("%s: %d %v %q, want 401 with a JSON error", tt.name, code, body, hdr.Get("WWW-Authenticate"))
		}
	}
	code, body, _ = w.apiClient(readKey).call("POST", status, `{"status":"closed"}`)
	if code != http.StatusForbidden || !strings.Contains(body["error"].(string), "surveys:write") {
		t.Errorf("write with a read key: %d %v, want 403 naming the scope", code, body)
	}

	// Revoked from the account page: the next call is refused.
	b := w.login("res@example.com")
	b.get("/app/account").want(http.StatusOK, k.Prefix, "responses:read")
	b.post("/app/account/keys/"+itoa(k.ID)+"/revoke", nil).wantRedirect("/app/account?revoked=1")
	if code, _, _ := w.apiClient(readKey).call("GET", list, ""); code != http.StatusUnauthorized {
		t.Errorf("revoked key: %d, want 401", code)
	}
	// Another user cannot revoke someone's key.
	otherKey, other := w.newKey("admin@example.com", survey.ScopeResponsesRead)
	b.post("/app/account/keys/"+itoa(other.ID)+"/revoke", nil)
	if b.status != http.StatusNotFound {
		t.Errorf("revoking another's key: %d, want 404", b.status)
	}
	if code, _, _ := w.apiClient(otherKey).call("GET", list, ""); code != http.StatusOK {
		t.Errorf("the other key stopped: %d", code)
	}

	// The public routes still need no key.
	anon := w.apiClient("")
	if code, body, _ := anon.call("GET", "/api/v1/surveys/"+w.survey.Slug, ""); code != http.StatusOK {
		t.Errorf("survey definition without a key: %d %v", code, body)
	}
	if code, body, _ := anon.call("POST", list, validBody); code != http.StatusCreated {
		t.Errorf("submit without a key: %d %v", code, body)
	}
}

func TestAPIKeyActsWithinItsUsersRole(t *testing.T) {
	w := newWorkspace(t)
	// A viewer cannot get surveys:write, from the account page either.
	b := w.login("view@example.com")
	b.get("/app/account").want(http.StatusOK, `value="responses:read"`)
	if strings.Contains(b.body, `value="surveys:write"`) {
		t.Error("the viewer's account page offers surveys:write")
	}
	b.post("/app/account/keys", url.Values{"name": {"sync"}, "scope": {"surveys:write"}}).want(http.StatusUnprocessableEntity)
	b.post("/app/account/keys", url.Values{"name": {"dashboards"}, "scope": {"responses:read"}}).want(http.StatusCreated, "shown only this once")
	raw := regexpKey.FindString(b.body)
	if raw == "" {
		t.Fatalf("no key on the page:\n%.2000s", b.body)
	}
	if b.get("/app/account").want(http.StatusOK, "dashboards"); strings.Contains(b.body, raw) {
		t.Error("the key is shown again after creation")
	}
	if code, _, _ := w.apiClient(raw).call("GET", "/api/v1/surveys/"+w.survey.Slug+"/responses", ""); code != http.StatusOK {
		t.Errorf("viewer's read key: %d", code)
	}

	// A key of a disabled user stops at once, works again when the account
	// is enabled, and stops for good when the account is deleted (its keys
	// go with it).
	key, k := w.newKey("res@example.com", survey.ScopeResponsesRead, survey.ScopeSurveysWrite)
	a := w.apiClient(key)
	list := "/api/v1/surveys/" + w.survey.Slug + "/responses"
	ctx := context.Background()
	for _, step := range []struct {
		do   func() error
		want int
	}{
		{func() error { return nil }, http.StatusOK},
		{func() error { return w.store.SetUserDisabled(ctx, k.UserID, true) }, http.StatusUnauthorized},
		{func() error { return w.store.SetUserDisabled(ctx, k.UserID, false) }, http.StatusOK},
		{func() error { return w.store.DeleteUser(ctx, k.UserID) }, http.StatusUnauthorized},
	} {
		if err := step.do(); err != nil {
			t.Fatal(err)
		}
		if code, body, _ := a.call("GET", list, ""); code != step.want {
			t.Errorf("status %d %v, want %d", code, body, step.want)
		}
	}
	if keys, _ := w.store.APIKeys(ctx, k.UserID); len(keys) != 0 {
		t.Errorf("%d keys outlive their deleted user", len(keys))
	}
}

func TestAPIKeyLastUsedIsWrittenOncePerMinute(t *testing.T) {
	w := newWorkspace(t)
	now := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	srv, err := web.New(web.Config{Store: w.store, Now: func() time.Time { return now }, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	key, k := w.newKey("res@example.com", survey.ScopeResponsesRead)
	a := &apiClient{t: t, h: srv.Handler(), doc: loadAPIDoc(t, srv.Handler()), key: key}
	lastUsed := func() time.Time {
		keys, err := w.store.APIKeys(context.Background(), k.UserID)
		if err != nil || len(keys) != 1 || keys[0].LastUsedAt == nil {
			t.Fatalf("keys %+v, %v", keys, err)
		}
		return keys[0].LastUsedAt.UTC()
	}
	for _, step := range []struct {
		advance time.Duration
		want    time.Time
	}{
		{0, now},
		{30 * time.Second, now}, // within the minute: no write
		{90 * time.Second, now.Add(2 * time.Minute)}, // a minute later: written
	} {
		now = now.Add(step.advance)
		a.call("GET", "/api/v1/surveys/"+w.survey.Slug+"/responses/"+w.resp.ID, "")
		if got := lastUsed(); !got.Equal(step.want) {
			t.Errorf("at %v: last used %v, want %v", now, got, step.want)
		}
	}
}

// regexpKey finds a whole key on a page.
var regexpKey = regexp.MustCompile(`safar_[A-Za-z0-9_-]{43}`)

// TestAPIKeysIntroInPersian: the Persian account page names the API as
// it is typed, /api/v1, with Persian digits on too (it read /api/v۱), and
// Safar as سفر (it read صفر, "zero").
func TestAPIKeysIntroInPersian(t *testing.T) {
	w := newWorkspace(t)
	fa := w.login("fa@example.com") // Persian digits
	fa.get("/app/account").want(http.StatusOK, "API سفر (/api/v1، با توضیح در /api/v1/openapi.json)")
	if strings.Contains(fa.body, "v۱") || strings.Contains(fa.body, "صفر") {
		t.Error("the API is named /api/v۱ or Safar صفر")
	}
}
