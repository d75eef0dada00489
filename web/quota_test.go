package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// withQuotas adds quotas to the every-type fixture.
func withQuotas(qs ...survey.Quota) func(d *survey.Definition) {
	return func(d *survey.Definition) { d.Quotas = qs }
}

func strp(s string) *string { return &s }

// youngQuota takes one 25-34 respondent (the age page1 gives).
var youngQuota = survey.Quota{ID: "young", Question: "age", Equals: strp("25-34"), Limit: 1,
	Message: survey.Text("We have heard from enough people aged 25-34 <b>already</b>.")}

func (a *testApp) responsesWith(st survey.ResponseStatus) []*survey.Response {
	a.t.Helper()
	var out []*survey.Response
	err := a.store.EachResponse(context.Background(), survey.ResponseFilter{SurveyID: a.survey.ID, Status: st}, func(r *survey.Response) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		a.t.Fatal(err)
	}
	return out
}

// answerAll takes a respondent through both pages with age set.
func answerAll(r *respondent, age string) {
	p1 := url.Values{}
	for k, v := range page1 {
		p1[k] = v
	}
	p1.Set("q.age", age)
	r.get("/s/all-types")
	r.submit("next", p1)
	r.submit("next", page2)
}

func TestQuotaFullStopsRespondentAfterItsPage(t *testing.T) {
	app := newTestApp(t, withQuotas(youngQuota))
	first := app.newRespondent()
	answerAll(first, "25-34")
	first.mustSee(t, "Thank you!")

	// The second 25-34 respondent is stopped as soon as page 1 (which
	// holds the age question) is submitted: page 2 is never shown.
	second := app.newRespondent()
	second.get("/s/all-types")
	second.submit("next", page1)
	if second.status != http.StatusOK || !strings.HasPrefix(second.url, "/s/all-types/r/") {
		t.Fatalf("after page 1: %d %s, want the closing page at the resume link", second.status, second.url)
	}
	second.mustSee(t, "Thank you for your time", "We have heard from enough people aged 25-34 &lt;b&gt;already&lt;/b&gt;.", `<p class="survey-name">Every question type</p>`)
	second.mustNotSee(t, "Rate the delivery", "Page 2 of 2", "<b>already")

	over := app.responsesWith(survey.OverQuota)
	if len(over) != 1 || over[0].Quota != "young" || over[0].CompletedAt != nil || over[0].Answers["age"].Choice != "25-34" {
		t.Fatalf("over-quota responses: %+v", over)
	}
	if rs := app.responses(); len(rs) != 1 || rs[0].Status != survey.Complete {
		t.Fatalf("default listing (what the analysis reads): %d responses, want only the complete one", len(rs))
	}
	// Coming back, or posting the page again, shows the closing page.
	second.get("/s/all-types")
	second.mustSee(t, "Thank you for your time")
	second.submit("next", page2)
	second.mustSee(t, "Thank you for your time")
	if n := len(app.responsesWith(survey.OverQuota)); n != 1 {
		t.Fatalf("over-quota responses after a revisit: %d, want 1", n)
	}

	// Someone outside the quota carries on to the end.
	third := app.newRespondent()
	answerAll(third, "18-24")
	third.mustSee(t, "Thank you!")
	if n := len(app.responsesWith(survey.Complete)); n != 2 {
		t.Fatalf("complete responses: %d, want 2", n)
	}
}

// TestQuotaFilledWhileAnswering: two respondents pass the quota's page
// with one slot left; the first to finish takes it, the second is turned
// away at completion.
func TestQuotaFilledWhileAnswering(t *testing.T) {
	app := newTestApp(t, withQuotas(youngQuota))
	a, b := app.newRespondent(), app.newRespondent()
	for _, r := range []*respondent{a, b} {
		r.get("/s/all-types")
		r.submit("next", page1)
		r.mustSee(t, "Rate the delivery")
	}
	a.submit("next", page2)
	a.mustSee(t, "Thank you!")
	b.submit("next", page2)
	b.mustSee(t, "Thank you for your time")
	b.mustNotSee(t, "Thank you!")
	if n := len(app.responsesWith(survey.Complete)); n != 1 {
		t.Fatalf("complete responses: %d, want 1", n)
	}
	if over := app.responsesWith(survey.OverQuota); len(over) != 1 || over[0].Quota != "young" {
		t.Fatalf("over-quota: %+v", over)
	}
}

func TestQuotaClosingPageInSurveyLanguage(t *testing.T) {
	q := youngQuota
	q.Message = survey.Localized{}
	app := newTestApp(t, func(d *survey.Definition) { d.Language = "fa"; d.Quotas = []survey.Quota{q} })
	answerAll(app.newRespondent(), "25-34")
	r := app.newRespondent()
	r.get("/s/all-types")
	r.submit("next", page1)
	r.mustSee(t, `lang="fa" dir="rtl"`, "از وقتی که گذاشتید سپاسگزاریم", "به اندازهٔ کافی پاسخ گرفته‌ایم")
}

func TestTouchpointQuota(t *testing.T) {
	app := newTestApp(t, withQuotas(survey.Quota{ID: "in-store", Touchpoint: "store", Limit: 1}))
	first := app.newRespondent()
	first.get("/s/all-types?tp=store")
	first.submit("next", page1)
	first.submit("next", page2)
	first.mustSee(t, "Thank you!")

	// The store link is closed before the first question; nothing stored.
	second := app.newRespondent()
	second.get("/s/all-types?tp=store")
	second.mustSee(t, "Thank you for your time")
	second.mustNotSee(t, "Your age group")
	if n := len(app.responsesWith(survey.OverQuota)) + len(app.responses()); n != 1 {
		t.Fatalf("stored %d responses, want only the first", n)
	}
	// Other links still work.
	third := app.newRespondent()
	third.get("/s/all-types?tp=instagram")
	third.mustSee(t, "Your age group")
	third.submit("next", page1)
	third.submit("next", page2)
	third.mustSee(t, "Thank you!")

	// The API checks the touchpoint quota at completion.
	body := strings.Replace(validBody, `"touchpoint": "email"`, `"touchpoint": "store"`, 1)
	if status, got := app.api("POST", "/api/v1/surveys/all-types/responses", body); status != http.StatusConflict || got["quota"] != "in-store" {
		t.Fatalf("API from the store: %d %v, want 409 quota in-store", status, got)
	}
}

func TestAPIQuotaFull(t *testing.T) {
	app := newTestApp(t, withQuotas(youngQuota))
	doc := loadAPIDoc(t, app.server.Config.Handler)
	post := func(body string) (int, string) {
		t.Helper()
		req, _ := http.NewRequest("POST", app.server.URL+"/api/v1/surveys/all-types/responses", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		doc.check(t, "POST", "/api/v1/surveys/all-types/responses", resp.StatusCode, b)
		return resp.StatusCode, string(b)
	}
	if status, body := post(validBody); status != http.StatusCreated {
		t.Fatalf("first: %d %s", status, body)
	}
	second := strings.Replace(validBody, "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e", "7a2d4b63-9c1f-4d52-8e8f-3a6b2c4d5e6f", 1)
	status, body := post(second)
	if status != http.StatusConflict || !strings.Contains(body, `"error":"quota_full"`) || !strings.Contains(body, `"quota":"young"`) ||
		!strings.Contains(body, `"status":"over_quota"`) {
		t.Fatalf("second: %d %s, want 409 quota_full young", status, body)
	}
	// A retry gets the same answer and stores nothing new.
	if status, again := post(second); status != http.StatusConflict || again != body {
		t.Fatalf("retry: %d %s, want %s", status, again, body)
	}
	if n := len(app.responsesWith(survey.OverQuota)); n != 1 {
		t.Fatalf("over-quota responses: %d, want 1", n)
	}
	// The listing API shows them only when asked for.
	if n := len(app.responses()); n != 1 {
		t.Fatalf("complete and partial: %d, want 1", n)
	}
}

func TestDashboardShowsQuotaFill(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	d := w.survey.Definition
	d.Quotas = []survey.Quota{
		{ID: "young", Question: "age", OneOf: []string{"25-34", "18-24"}, Limit: 1},
		{ID: "web", Touchpoint: "website", Limit: 4},
	}
	if _, err := w.store.UpdateDefinition(ctx, w.survey.ID, d); err != nil {
		t.Fatal(err)
	}
	// One turned away, so the dashboard links to them.
	a := survey.Answers{"age": {Choice: "18-24"}}
	if r, _, err := w.store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 2, ClientID: "c3",
		Status: survey.Complete, Source: "api", Answers: a, Quotas: d.QuotasOf(a, "")}); err != nil || r.Status != survey.OverQuota {
		t.Fatalf("third response: %v %v, want over_quota", r, err)
	}
	b := w.login("res@example.com")
	b.get("/app/surveys/all-types/dashboard").want(http.StatusOK, "Quotas", "young", "<bdi>Your age group</bdi>: <bdi>25-34</bdi>, <bdi>18-24</bdi>",
		"1 of 1", `<strong class="badge">full</strong>`, "Link touchpoint: <bdi>website</bdi>", "1 of 4", `<rect width="25" height="10"/>`,
		`href="/app/surveys/all-types/responses?status=over_quota">1 respondent was turned away by a full quota.`)
	if strings.Count(b.body, `class="badge">full`) != 1 {
		t.Errorf("want one full badge (young), got %d", strings.Count(b.body, `class="badge">full`))
	}
	b.get("/app/surveys/all-types/responses?status=over_quota").want(http.StatusOK, "<td>Over quota</td>")
	if n := strings.Count(b.body, "<td>Over quota</td>"); n != 1 {
		t.Errorf("over-quota listing: %d rows, want 1", n)
	}
	b.get("/app/surveys/all-types/responses").want(http.StatusOK, "<td>Complete</td>")
	if strings.Contains(b.body, "<td>Over quota</td>") {
		t.Error("the default listing shows an over-quota response")
	}
	var turned *survey.Response
	if err := w.store.EachResponse(ctx, survey.ResponseFilter{SurveyID: w.survey.ID, Status: survey.OverQuota}, func(r *survey.Response) error {
		turned = r
		return nil
	}); err != nil || turned == nil {
		t.Fatalf("over-quota response: %v", err)
	}
	b.get("/app/surveys/all-types/responses/"+turned.ID).want(http.StatusOK, "Over quota", "<dt>Quota</dt><dd><bdi>young</bdi></dd>")

	// The API lists them only when asked, with the quota named (replies
	// checked against the OpenAPI document).
	key, _ := w.newKey("res@example.com", survey.ScopeResponsesRead)
	api := w.apiClient(key)
	code, list, _ := api.call("GET", "/api/v1/surveys/all-types/responses?status=over_quota", "")
	rs, _ := list["responses"].([]any)
	if code != http.StatusOK || len(rs) != 1 || rs[0].(map[string]any)["quota"] != "young" || rs[0].(map[string]any)["status"] != "over_quota" {
		t.Fatalf("API over_quota listing: %d %v", code, list)
	}
	if code, list, _ := api.call("GET", "/api/v1/surveys/all-types/responses", ""); code != http.StatusOK || len(list["responses"].([]any)) != 2 {
		t.Fatalf("API default listing: %d %v, want the 2 complete and partial", code, list)
	}

	fa := w.login("fa@example.com")
	fa.get("/app/surveys/all-types/dashboard").want(http.StatusOK, "سهمیه‌ها", "۱ از ۱", "پر شد", "۱ از ۴", "نقطهٔ تماس پیوند:")
}

// TestBuilderKeepsQuotas: saving in the builder, which does not edit
// quotas yet, keeps them.
func TestBuilderKeepsQuotas(t *testing.T) {
	w := newWorkspace(t)
	d := w.survey.Definition
	d.Quotas = []survey.Quota{{ID: "young", Question: "age", Equals: strp("18-24"), Limit: 10, Message: survey.Text("«بس» & <done>")}}
	if _, err := w.store.UpdateDefinition(context.Background(), w.survey.ID, d); err != nil {
		t.Fatal(err)
	}
	b := w.login("res@example.com")
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	b.get(path).want(http.StatusOK, `name="quotas"`)
	form := formValues(t, b.body, "builder")
	form.Set("title", "Renamed")
	form.Set("op", "save")
	b.do("POST", path, form).wantRedirect("/app/surveys/" + w.survey.Slug)
	sv, err := w.store.SurveyBySlug(context.Background(), w.survey.Slug)
	if err != nil {
		t.Fatal(err)
	}
	if sv.Definition.Title.String() != "Renamed" || len(sv.Definition.Quotas) != 1 || sv.Definition.Quotas[0].Message.String() != "«بس» & <done>" ||
		*sv.Definition.Quotas[0].Equals != "18-24" {
		t.Fatalf("after a builder save: title %q quotas %+v", sv.Definition.Title, sv.Definition.Quotas)
	}
}

// A respondent of a bilingual survey is turned away in the language they
// chose, not the survey's default.
func TestQuotaClosingPageInRespondentsLanguage(t *testing.T) {
	app := newTestApp(t, func(d *survey.Definition) {
		*d = *surveytest.Bilingual(t)
		d.Quotas = []survey.Quota{{ID: "kiosk", Touchpoint: "kiosk", Limit: 1}}
	})
	if _, _, err := app.store.SaveResponse(context.Background(), &survey.Response{SurveyID: app.survey.ID, SurveyVersion: app.survey.Version,
		ClientID: "first", Touchpoint: "kiosk", Status: survey.Complete, Source: "web",
		Quotas: app.survey.Definition.QuotasOf(nil, "kiosk")}); err != nil {
		t.Fatal(err)
	}
	en := app.newRespondent()
	en.get("/s/shop-bilingual?tp=kiosk&lang=en")
	en.mustSee(t, `lang="en" dir="ltr"`, "Thank you for your time")
	en.mustNotSee(t, "Which city")
	fa := app.newRespondent()
	fa.get("/s/shop-bilingual?tp=kiosk")
	fa.mustSee(t, `lang="fa" dir="rtl"`, "از وقتی که گذاشتید سپاسگزاریم")
}
