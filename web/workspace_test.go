package web_test

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

const testPassword = "correct horse battery"

// testHash is testPassword hashed once for the whole package, at bcrypt's
// lowest cost: the fixtures' accounts still sign in through the login form
// and bcrypt, for a 64th of the default cost's CPU (each workspace used to
// hash at cost 10, and the race detector slows bcrypt tenfold). The hashes
// the app makes itself keep the default cost: TestFirstRunSetup checks it.
var testHash = sync.OnceValue(func() string {
	b, err := bcrypt.GenerateFromPassword([]byte(testPassword), bcrypt.MinCost)
	if err != nil {
		panic(err)
	}
	return string(b)
})

// workspace is a server on a temp store with one user per role, a project
// with touchpoints, and the every-type survey with two responses.
type workspace struct {
	t       *testing.T
	store   *gormstore.Store
	srv     *web.Server
	project *survey.Project
	survey  *survey.Survey
	resp    *survey.Response // complete, with a script payload
}

func newWorkspace(t *testing.T) *workspace {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	w := &workspace{t: t, store: store, srv: srv}
	hash := testHash()
	for _, u := range []*survey.User{
		{Email: "admin@example.com", Role: survey.RoleAdmin, Lang: "en"},
		{Email: "res@example.com", Role: survey.RoleResearcher, Lang: "en"},
		{Email: "view@example.com", Role: survey.RoleViewer, Lang: "en"},
		{Email: "fa@example.com", Role: survey.RoleResearcher, Lang: "fa", PersianDigits: true},
	} {
		u.PasswordHash = hash
		if err := store.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	w.project = &survey.Project{Name: "shop", Title: "Online shop", Touchpoints: []string{"website", "اینستاگرام"}}
	if err := store.CreateProject(ctx, w.project); err != nil {
		t.Fatal(err)
	}
	w.survey = &survey.Survey{ProjectID: w.project.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}
	if err := store.CreateSurvey(ctx, w.survey); err != nil {
		t.Fatal(err)
	}
	// Both responses on one day whatever the hour the tests run: 23:00 and
	// 22:00 UTC yesterday (run just after midnight, "now" and "an hour
	// ago" fell on two days and the dashboard drew two bars).
	now := time.Now().UTC().Truncate(24 * time.Hour).Add(-time.Hour)
	r, _, err := store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "c1",
		Touchpoint: "website", Status: survey.Complete, Source: "web", StartedAt: now, Answers: surveytest.FullAnswers()})
	if err != nil {
		t.Fatal(err)
	}
	w.resp = r
	if _, _, err := store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "c2",
		Touchpoint: "اینستاگرام", Status: survey.Partial, Source: "web", StartedAt: now.Add(-time.Hour),
		Answers: survey.Answers{"age": {Choice: "18-24"}}}); err != nil {
		t.Fatal(err)
	}
	return w
}

// browser keeps cookies and does not follow redirects.
type browser struct {
	w      *workspace
	jar    *cookiejar.Jar
	csrf   string
	origin string // "http://safar.test" unless set
	// last response
	status int
	body   string
	header http.Header
}

var base, _ = url.Parse("http://safar.test/")

func (w *workspace) browser() *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{w: w, jar: jar}
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func (b *browser) do(method, path string, form url.Values, header ...string) *browser {
	b.w.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	origin := b.origin
	if origin == "" {
		origin = "http://safar.test"
	}
	req := httptest.NewRequest(method, origin+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	for _, c := range b.jar.Cookies(req.URL) {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.w.srv.Handler().ServeHTTP(rec, req)
	res := rec.Result()
	b.jar.SetCookies(req.URL, res.Cookies())
	b.status, b.body, b.header = rec.Code, rec.Body.String(), res.Header
	if m := csrfRE.FindStringSubmatch(b.body); m != nil {
		b.csrf = m[1]
	}
	return b
}

func (b *browser) get(path string) *browser { b.w.t.Helper(); return b.do("GET", path, nil) }

// post sends a form with the CSRF token last seen.
func (b *browser) post(path string, form url.Values) *browser {
	b.w.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	if _, set := form["csrf"]; !set {
		form.Set("csrf", b.csrf)
	}
	return b.do("POST", path, form)
}

func (b *browser) want(status int, substrings ...string) {
	b.w.t.Helper()
	if b.status != status {
		b.w.t.Fatalf("status %d, want %d; body:\n%.2000s", b.status, status, b.body)
	}
	for _, s := range substrings {
		if !strings.Contains(b.body, s) {
			b.w.t.Errorf("page lacks %q:\n%.3000s", s, b.body)
		}
	}
}

func (b *browser) wantRedirect(prefix string) {
	b.w.t.Helper()
	if b.status != http.StatusSeeOther || !strings.HasPrefix(b.header.Get("Location"), prefix) {
		b.w.t.Fatalf("got %d Location %q, want 303 to %s; body:\n%.1000s", b.status, b.header.Get("Location"), prefix, b.body)
	}
}

// login signs in through the form, as a browser without JavaScript would.
func (w *workspace) login(email string) *browser {
	w.t.Helper()
	b := w.browser()
	b.get("/login").want(http.StatusOK, `name="password"`)
	b.post("/login", url.Values{"email": {email}, "password": {testPassword}}).wantRedirect("/app/projects")
	b.get("/app/projects").want(http.StatusOK) // picks up the session's CSRF token
	return b
}

func TestLogin(t *testing.T) {
	w := newWorkspace(t)
	b := w.browser()
	b.get("/app/projects").wantRedirect("/login?next=%2Fapp%2Fprojects")
	b.get("/login?next=/app/projects").want(http.StatusOK)
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {"wrong password"}}).want(http.StatusUnauthorized, "Wrong email or password")
	b.post("/login", url.Values{"email": {"nobody@example.com"}, "password": {testPassword}}).want(http.StatusUnauthorized)
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}, "csrf": {"forged"}}).want(http.StatusForbidden)
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}, "next": {"/app/projects/1"}}).wantRedirect("/app/projects/1")
	var session *http.Cookie
	for _, c := range b.header["Set-Cookie"] {
		if strings.HasPrefix(c, "safar_session=") {
			session, _ = http.ParseSetCookie(c)
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax", session)
	}
	b.get("/app/projects").want(http.StatusOK, "Online shop")
	b.post("/app/logout", nil).wantRedirect("/login")
	b.get("/app/projects").wantRedirect("/login")

	// An open redirect is refused.
	b.get("/login")
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}, "next": {"//evil.example/app/"}}).wantRedirect("/app/projects")
}

func TestLoginRateLimit(t *testing.T) {
	w := newWorkspace(t)
	b := w.browser()
	b.get("/login")
	for i := range 5 {
		b.post("/login", url.Values{"email": {"res@example.com"}, "password": {"guess"}})
		if b.status != http.StatusUnauthorized {
			t.Fatalf("attempt %d: status %d, want 401", i+1, b.status)
		}
	}
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}}).want(http.StatusTooManyRequests)
	if b.header.Get("Retry-After") == "" {
		t.Error("429 without Retry-After")
	}
	// Another account from the same address is not locked out.
	b.post("/login", url.Values{"email": {"view@example.com"}, "password": {testPassword}}).wantRedirect("/app/projects")
}

func TestSessionExpiresWhenIdle(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	now := time.Now()
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return now }, SessionIdle: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	store.CreateUser(context.Background(), &survey.User{Email: "a@example.com", Role: survey.RoleAdmin, Lang: "en", PasswordHash: testHash()})
	w := &workspace{t: t, store: store, srv: srv}
	b := w.login("a@example.com")
	now = now.Add(59 * time.Minute)
	b.get("/app/projects").want(http.StatusOK)
	now = now.Add(61 * time.Minute)
	b.get("/app/projects").wantRedirect("/login")
}

func TestFirstRunSetup(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	setup, err := srv.SetupURL(ctx, "http://127.0.0.1:8080")
	if err != nil || !strings.HasPrefix(setup, "http://127.0.0.1:8080/setup?token=") {
		t.Fatalf("SetupURL = %q, %v", setup, err)
	}
	w := &workspace{t: t, store: store, srv: srv}
	b := w.browser()
	path := strings.TrimPrefix(setup, "http://127.0.0.1:8080")
	token := strings.TrimPrefix(path, "/setup?token=")
	b.get(path).want(http.StatusOK, `name="token" value="`+token+`"`)
	form := func(tok, pw2 string) url.Values {
		return url.Values{"token": {tok}, "email": {"Boss@Example.com"}, "name": {"Boss"}, "lang": {"fa"}, "password": {testPassword}, "password2": {pw2}}
	}
	b.post("/setup", form(token, "different password")).want(http.StatusUnprocessableEntity)
	// Opened in Persian, the form's errors are in Persian too.
	b.get(path+"&lang=fa").want(http.StatusOK, `dir="rtl"`)
	b.post(b.formAction(), form(token, "different password")).want(http.StatusUnprocessableEntity, `dir="rtl"`, "دو گذرواژه یکسان نیستند.")
	b.post("/setup", form("forged-token", testPassword)).want(http.StatusForbidden)
	b.post("/setup", form(token, testPassword)).wantRedirect("/app/projects")
	b.get("/app/projects").want(http.StatusOK, `dir="rtl"`, "پروژه‌ها")
	u, err := store.UserByEmail(ctx, "boss@example.com")
	if err != nil || u.Role != survey.RoleAdmin || u.PasswordHash == testPassword {
		t.Fatalf("admin = %+v, %v", u, err)
	}
	if cost, err := bcrypt.Cost([]byte(u.PasswordHash)); err != nil || cost < bcrypt.DefaultCost {
		t.Errorf("the admin's password is hashed at bcrypt cost %d (%v), want at least %d", cost, err, bcrypt.DefaultCost)
	}
	if again, err := srv.SetupURL(ctx, "http://x"); again != "" || err != nil {
		t.Errorf("SetupURL after setup = %q, %v; want none", again, err)
	}
	w.browser().get(path).wantRedirect("/login")
}

// params fills a route's parameters with the workspace's ids.
func (w *workspace) params(path string) string {
	path = w.interviewParams(path) // :tid, :cid, :kid (interviews_test.go)
	r := strings.NewReplacer(":pid", strconv.FormatInt(w.project.ID, 10), ":slug", w.survey.Slug, ":rid", w.resp.ID)
	return r.Replace(path)
}

// researcherRoutes are every route of the workspace in the route table.
func researcherRoutes(t *testing.T, srv *web.Server) gin.RoutesInfo {
	var out gin.RoutesInfo
	for _, r := range srv.Routes() {
		if r.Path == "/app" || strings.HasPrefix(r.Path, "/app/") {
			out = append(out, r)
		}
	}
	if len(out) < 20 {
		t.Fatalf("only %d researcher routes found", len(out))
	}
	return out
}

// TestEveryResearcherRouteNeedsASession walks the route table.
func TestEveryResearcherRouteNeedsASession(t *testing.T) {
	w := newWorkspace(t)
	for _, r := range researcherRoutes(t, w.srv) {
		if r.Path == "/app" {
			continue // a redirect to /app/projects, which is checked
		}
		path := w.params(r.Path)
		b := w.browser()
		b.do(r.Method, path, url.Values{"csrf": {"x"}})
		switch {
		case r.Method == http.MethodGet && b.status == http.StatusSeeOther && strings.HasPrefix(b.header.Get("Location"), "/login?next="):
		case r.Method != http.MethodGet && b.status == http.StatusUnauthorized:
		default:
			t.Errorf("%s %s anonymous: status %d (Location %q), want a redirect to /login or 401", r.Method, r.Path, b.status, b.header.Get("Location"))
		}
		if r.Method == http.MethodGet {
			b.do(r.Method, path, nil, "Accept", "application/json")
			if b.status != http.StatusUnauthorized {
				t.Errorf("%s %s anonymous JSON: status %d, want 401", r.Method, r.Path, b.status)
			}
		}
	}
}

// TestViewerChangesNothing: every state-changing route refuses a viewer
// (except signing out, their own preferences, password and API keys, and
// preparing a report to download), as do the pages that only lead to a
// change.
func TestViewerChangesNothing(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("view@example.com")
	own := map[string]bool{"/app/logout": true, "/app/account": true, "/app/account/password": true, // their own session, preferences, password and API keys
		"/app/account/keys": true, "/app/account/keys/:kid/revoke": true,
		// Preparing a workbook to download stores no research data.
		"/app/surveys/:slug/analysis/report": true, "/app/projects/:pid/analysis/report": true}
	editorPages := regexp.MustCompile(`/new$|/edit$|/delete$|/builder(/preview)?$|/users$|/webhooks(/:wid)?$`)
	for _, r := range researcherRoutes(t, w.srv) {
		path := w.params(r.Path)
		switch {
		case r.Method != http.MethodGet && !own[r.Path]:
			b.post(path, url.Values{"confirm": {"yes"}, "status": {"closed"}, "archived": {"1"}, "name": {"x"}, "title": {"x"}, "definition": {"{}"}})
			if b.status != http.StatusForbidden {
				t.Errorf("viewer %s %s: status %d, want 403", r.Method, r.Path, b.status)
			}
		case r.Method == http.MethodGet && editorPages.MatchString(r.Path):
			b.get(path)
			if b.status != http.StatusForbidden {
				t.Errorf("viewer GET %s: status %d, want 403", r.Path, b.status)
			}
		case r.Method == http.MethodGet:
			b.get(path)
			// Reading may find nothing (404: an id of another area, a report
			// not run yet) but must not be refused nor fail.
			if b.status == http.StatusUnauthorized || b.status == http.StatusForbidden || b.status >= 500 {
				t.Errorf("viewer GET %s: status %d, want to read it", r.Path, b.status)
			}
		}
	}
	ctx := context.Background()
	sv, _ := w.store.SurveyBySlug(ctx, w.survey.Slug)
	p, _ := w.store.ProjectByID(ctx, w.project.ID)
	if _, err := w.store.ResponseByID(ctx, w.resp.ID); err != nil || sv.Status != survey.Published || sv.Version != 1 || p.Archived || p.Title != "Online shop" {
		t.Errorf("a viewer changed something: survey %s v%d, project %+v, response err %v", sv.Status, sv.Version, p, err)
	}
}

func TestCSRF(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	path := "/app/surveys/" + w.survey.Slug + "/status"
	b.do("POST", path, url.Values{"status": {"closed"}}).want(http.StatusForbidden)
	b.do("POST", path, url.Values{"status": {"closed"}, "csrf": {"forged"}}).want(http.StatusForbidden)
	other := w.login("admin@example.com") // another session's token does not work either
	b.do("POST", path, url.Values{"status": {"closed"}, "csrf": {other.csrf}}).want(http.StatusForbidden)
	if sv, _ := w.store.SurveyBySlug(context.Background(), w.survey.Slug); sv.Status != survey.Published {
		t.Fatalf("status changed to %s without a valid token", sv.Status)
	}
	b.do("POST", path, url.Values{"status": {"closed"}}, "X-CSRF-Token", b.csrf).wantRedirect("/app/surveys/")
}

func TestSecureCookiesWhenConfigured(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	store.CreateUser(context.Background(), &survey.User{Email: "a@example.com", Role: survey.RoleAdmin, Lang: "en", PasswordHash: testHash()})
	w := &workspace{t: t, store: store, srv: srv}
	b := w.browser()
	b.origin = "https://safar.test" // the jar sends Secure cookies over HTTPS only
	b.get("/login")
	b.post("/login", url.Values{"email": {"a@example.com"}, "password": {testPassword}}).wantRedirect("/app/projects")
	found := false
	for _, line := range b.header["Set-Cookie"] {
		c, err := http.ParseSetCookie(line)
		if err != nil || c.Name != "safar_session" {
			continue
		}
		found = true
		if !c.Secure || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode {
			t.Errorf("session cookie %q: want Secure, HttpOnly, SameSite=Lax", line)
		}
	}
	if !found {
		t.Fatal("no session cookie set")
	}
}

var formActionRE = regexp.MustCompile(`<form method="post" action="([^"]+)"`)

// formAction is where the page's first form posts to, as a browser reads it.
func (b *browser) formAction() string {
	b.w.t.Helper()
	m := formActionRE.FindStringSubmatch(b.body)
	if m == nil {
		b.w.t.Fatalf("no form on the page:\n%.2000s", b.body)
	}
	return html.UnescapeString(m[1])
}

// The language picked on the sign-in page (?lang=) stays for the page that
// answers its form: a wrong password is told in that language.
func TestLoginKeepsTheLanguageChoice(t *testing.T) {
	w := newWorkspace(t)
	tests := []struct {
		name, path, want, notWant string
	}{
		{"fa", "/login?lang=fa&next=/app/projects/1", "ایمیل یا گذرواژه نادرست است.", "Wrong email or password."},
		{"en", "/login?lang=en&next=/app/projects/1", "Wrong email or password.", "ایمیل یا گذرواژه نادرست است."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := w.browser()
			b.get(tt.path).want(http.StatusOK, `lang="`+tt.name+`"`)
			b.post(b.formAction(), url.Values{"email": {"res@example.com"}, "password": {"wrong"}, "next": {"/app/projects/1"}}).
				want(http.StatusUnauthorized, `lang="`+tt.name+`"`, tt.want)
			if strings.Contains(b.body, tt.notWant) {
				t.Errorf("the error page also says %q", tt.notWant)
			}
			// The language links keep where the user was going.
			b.want(http.StatusUnauthorized, `href="?lang=fa&amp;next=%2fapp%2fprojects%2f1"`, `href="?lang=en&amp;next=%2fapp%2fprojects%2f1"`)
			b.post(b.formAction(), url.Values{"email": {"res@example.com"}, "password": {testPassword}, "next": {"/app/projects/1"}}).
				wantRedirect("/app/projects/1")
		})
	}
}
