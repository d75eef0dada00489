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
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// testApp is a running server on a temp SQLite store with the every-type
// fixture published.
type testApp struct {
	t      *testing.T
	store  *gormstore.Store
	server *httptest.Server
	survey *survey.Survey
}

func newTestApp(t *testing.T, edit func(d *survey.Definition)) *testApp {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	p, err := store.EnsureProject(ctx, "test", "")
	if err != nil {
		t.Fatal(err)
	}
	d := surveytest.AllTypes(t)
	if edit != nil {
		edit(d)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	// The survey cache is off: these tests change surveys behind the
	// server's back and expect to see it at once (respondent_cache_test.go
	// covers the cache).
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), SurveyCacheTTL: -1})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return &testApp{t: t, store: store, server: ts, survey: sv}
}

// respondent is one phone: a cookie jar and the last page it saw.
type respondent struct {
	app    *testApp
	client *http.Client
	page   string
	status int
	url    string
}

func (a *testApp) newRespondent() *respondent {
	jar, _ := cookiejar.New(nil)
	return &respondent{app: a, client: &http.Client{Jar: jar}}
}

func (r *respondent) get(path string) {
	r.app.t.Helper()
	resp, err := r.client.Get(r.app.server.URL + path)
	r.read(resp, err)
}

func (r *respondent) post(path string, form url.Values) {
	r.app.t.Helper()
	resp, err := r.client.PostForm(r.app.server.URL+path, form)
	r.read(resp, err)
}

func (r *respondent) read(resp *http.Response, err error) {
	r.app.t.Helper()
	if err != nil {
		r.app.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	r.page, r.status, r.url = string(b), resp.StatusCode, resp.Request.URL.Path
}

var hiddenField = regexp.MustCompile(`name="(rid|page|tp)" value="([^"]*)"`)

// submit posts the form of the current page with extra fields.
func (r *respondent) submit(nav string, fields url.Values) {
	r.app.t.Helper()
	form := url.Values{"nav": {nav}}
	for _, m := range hiddenField.FindAllStringSubmatch(r.page, -1) {
		form.Set(m[1], m[2])
	}
	for k, v := range fields {
		form[k] = v
	}
	r.post("/s/"+r.app.survey.Slug, form)
}

func (r *respondent) mustSee(t *testing.T, substrings ...string) {
	t.Helper()
	for _, s := range substrings {
		if !strings.Contains(r.page, s) {
			t.Fatalf("page %s (status %d) lacks %q:\n%s", r.url, r.status, s, r.page)
		}
	}
}

func (r *respondent) mustNotSee(t *testing.T, substrings ...string) {
	t.Helper()
	for _, s := range substrings {
		if strings.Contains(r.page, s) {
			t.Fatalf("page %s shows %q", r.url, s)
		}
	}
}

func (a *testApp) responses() []*survey.Response {
	a.t.Helper()
	var out []*survey.Response
	err := a.store.EachResponse(context.Background(), survey.ResponseFilter{SurveyID: a.survey.ID}, func(r *survey.Response) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		a.t.Fatal(err)
	}
	return out
}

var page1 = url.Values{"q.age": {"25-34"}, "q.channels": {"instagram", "other"}, "q.channels.other": {"A billboard"},
	"q.city": {"Shiraz"}, "q.insta_often": {"4"}}

var page2 = url.Values{"q.rating": {"2"}, "q.nps": {"6"}, "q.orders": {"۱۲"}, "q.first_order": {"2025-03-21"},
	"q.site.find": {"4"}, "q.site.pay": {"2"}, "q.nickname": {"Sara"}, "q.problem": {"The parcel arrived a week late <script>alert(1)</script>"}}

func TestRespondentAnswersPageByPage(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types?tp=instagram")
	if r.status != 200 {
		t.Fatalf("first page: status %d", r.status)
	}
	r.mustSee(t, `lang="en" dir="ltr"`, "Page 1 of 2", `<progress max="2" value="0">`, "Your age group", `name="tp" value="instagram"`)
	r.mustNotSee(t, "Rate the delivery")

	r.submit("next", page1)
	r.mustSee(t, "Page 2 of 2", `<progress max="2" value="1">`, "Rate the delivery", "Submit")
	r.mustNotSee(t, "Why did you not pick a channel?") // show_if not_answered, but channels was answered

	r.submit("next", page2)
	if r.status != 200 || !strings.HasSuffix(r.url, "/thanks") {
		t.Fatalf("after the last page: %d %s", r.status, r.url)
	}
	r.mustSee(t, "Thank you!", `<p class="survey-name">`+html.EscapeString(app.survey.Definition.Title.String())+`</p>`)

	rs := app.responses()
	if len(rs) != 1 {
		t.Fatalf("stored %d responses, want 1", len(rs))
	}
	got := rs[0]
	if got.Status != survey.Complete || got.Touchpoint != "instagram" || got.Source != "web" || got.IP != "" {
		t.Fatalf("response: status %s touchpoint %q source %q ip %q", got.Status, got.Touchpoint, got.Source, got.IP)
	}
	want := surveytest.FullAnswers()
	for id, w := range want {
		g := got.Answers[id]
		if gb, wb := mustJSON(t, g), mustJSON(t, w); gb != wb {
			t.Errorf("answer %s: got %s, want %s", id, gb, wb)
		}
	}
	if len(got.Answers) != len(want) {
		t.Errorf("got %d answers, want %d", len(got.Answers), len(want))
	}
}

func TestValidationKeepsAnswersAndMarksFields(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types")
	r.submit("next", page1)
	bad := url.Values{}
	for k, v := range page2 {
		bad[k] = v
	}
	bad.Set("q.orders", "lots")
	bad.Set("q.nps", "")
	bad.Set("q.nickname", strings.Repeat("x", 41))
	r.submit("next", bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.status)
	}
	r.mustSee(t, "Please check the answers marked below.",
		`id="e-orders">Please enter a number.`, `id="e-nps">Please answer this question.`,
		`id="e-nickname">Too long: 41 characters, the limit is 40.`,
		`value="lots"`, // the bad text is shown back, not lost
		`name="q.rating" value="2" checked`, `name="q.site.find" value="4" checked`,
		// respondent text is escaped, never markup
		`The parcel arrived a week late &lt;script&gt;alert(1)&lt;/script&gt;`)
	r.mustNotSee(t, "<script>alert(1)</script>")
	if n := len(app.responses()); n != 1 {
		t.Fatalf("responses: %d", n)
	}
	if app.responses()[0].Status != survey.Partial {
		t.Fatal("the response should still be partial")
	}
}

func TestResumeAfterClosingTheTab(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types?tp=store_qr")
	r.submit("next", page1)
	resumeLink := regexp.MustCompile(`href="(/s/all-types/r/[^"]+)"`).FindStringSubmatch(r.page)
	if resumeLink == nil {
		t.Fatal("no resume link on the page")
	}

	// Same phone, new tab: the cookie brings them back to page 2.
	r.get("/s/all-types")
	r.mustSee(t, "Page 2 of 2", "Rate the delivery")

	// Another device with the resume link continues the same response.
	other := app.newRespondent()
	other.get(resumeLink[1])
	other.mustSee(t, "Page 2 of 2")
	other.submit("back", url.Values{"q.rating": {"3"}})
	other.mustSee(t, "Page 1 of 2", `value="25-34" checked`, `value="A billboard"`)
	other.submit("next", page1)
	other.mustSee(t, `name="q.rating" value="3" checked`) // kept when going back
	other.submit("next", page2)
	other.mustSee(t, "Thank you!")

	rs := app.responses()
	if len(rs) != 1 || rs[0].Status != survey.Complete || rs[0].Touchpoint != "store_qr" {
		t.Fatalf("responses: %+v", rs)
	}
	// The first phone comes back after completion: no second response.
	r.get("/s/all-types")
	r.mustSee(t, "You have already answered")
}

func TestFinalSubmitIsIdempotent(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types")
	r.submit("next", page1)
	page := r.page
	r.submit("next", page2)
	r.page = page // a double tap re-sends the same form
	r.submit("next", page2)
	r.mustSee(t, "Thank you!")
	if rs := app.responses(); len(rs) != 1 {
		t.Fatalf("double submit stored %d responses", len(rs))
	}
}

func TestSkippingPagesIsCaughtAtTheEnd(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types")
	r.page = strings.Replace(r.page, `name="page" value="0"`, `name="page" value="1"`, 1)
	r.submit("next", page2)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.status)
	}
	r.mustSee(t, "Page 1 of 2", `id="e-age">Please answer this question.`)
}

func TestPersianSurveyIsRightToLeft(t *testing.T) {
	app := newTestApp(t, func(d *survey.Definition) {
		d.Slug, d.Language, d.Title = "fa-test", "fa", survey.Text("نظرسنجی")
		d.Settings.PersianDigits = true
	})
	r := app.newRespondent()
	r.get("/s/fa-test")
	r.mustSee(t, `lang="fa" dir="rtl"`, "صفحهٔ ۱ از ۲", "بعدی")
	r.post("/s/fa-test", url.Values{"nav": {"next"}, "page": {"0"}})
	r.mustSee(t, "لطفاً به این پرسش پاسخ دهید.")
}

func TestClosedUnknownAndDraftSurveys(t *testing.T) {
	app := newTestApp(t, nil)
	ctx := context.Background()
	r := app.newRespondent()
	r.get("/s/nope")
	if r.status != http.StatusNotFound {
		t.Fatalf("unknown survey: %d", r.status)
	}
	r.mustSee(t, "Survey not found")
	app.store.SetSurveyStatus(ctx, app.survey.ID, survey.Draft)
	r.get("/s/all-types")
	if r.status != http.StatusNotFound {
		t.Fatalf("draft survey: %d", r.status)
	}
	app.store.SetSurveyStatus(ctx, app.survey.ID, survey.Closed)
	r.get("/s/all-types")
	if r.status != http.StatusGone {
		t.Fatalf("closed survey: %d", r.status)
	}
	r.mustSee(t, "This survey is closed")
	r.post("/s/all-types", page1)
	if r.status != http.StatusGone {
		t.Fatalf("submit to a closed survey: %d", r.status)
	}
}

func TestIPStoredOnlyWhenSurveyOptsIn(t *testing.T) {
	for _, optIn := range []bool{false, true} {
		app := newTestApp(t, func(d *survey.Definition) { d.Settings.StoreIP = optIn })
		r := app.newRespondent()
		r.get("/s/all-types")
		r.submit("next", page1)
		ip := app.responses()[0].IP
		if optIn != (ip == "127.0.0.1") {
			t.Errorf("store_ip=%v: stored ip %q", optIn, ip)
		}
	}
}

func TestHoneypotStoresNothing(t *testing.T) {
	app := newTestApp(t, nil)
	r := app.newRespondent()
	r.get("/s/all-types")
	r.submit("next", url.Values{"website": {"http://spam.example"}, "q.age": {"25-34"}})
	r.mustSee(t, "Thank you!")
	if n := len(app.responses()); n != 0 {
		t.Fatalf("bot submission stored %d responses", n)
	}
}

func TestHealthzAndSecurityHeaders(t *testing.T) {
	app := newTestApp(t, nil)
	resp, err := http.Get(app.server.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
	for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("missing header %s", h)
		}
	}
	if csp := resp.Header.Get("Content-Security-Policy"); strings.Contains(csp, "unsafe-inline") || !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP: %s", csp)
	}
}

func TestForwardedForIsNotTrustedByDefault(t *testing.T) {
	app := newTestApp(t, func(d *survey.Definition) { d.Settings.StoreIP = true })
	body := strings.NewReader(`{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e","answers":{"age":"25-34","rating":5,"nps":9}}`)
	req, _ := http.NewRequest("POST", app.server.URL+"/api/v1/surveys/all-types/responses", body)
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if rs := app.responses(); len(rs) != 1 || rs[0].IP != "127.0.0.1" {
		t.Fatalf("a client-supplied X-Forwarded-For was believed: %+v", rs)
	}
}
