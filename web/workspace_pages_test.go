package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"image/png"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestProjectPages(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	b.get("/app/projects/new").want(http.StatusOK, `name="touchpoints"`, "Awareness")
	b.post("/app/projects", url.Values{"name": {"has space"}, "title": {"X"}}).want(http.StatusUnprocessableEntity, "without spaces")
	b.post("/app/projects", url.Values{"name": {"shop"}, "title": {"X"}}).want(http.StatusUnprocessableEntity, "already has this name")
	// A field too long says which, not only "correct the fields marked below".
	b.post("/app/projects", url.Values{"name": {"long"}, "description": {strings.Repeat("x", 5001)}, "stage_awareness": {strings.Repeat("y", 101)}}).
		want(http.StatusUnprocessableEntity, `</textarea>
    <p class="error">Too long.</p>`, "A stage name can be at most 100 characters.")
	b.post("/app/projects", url.Values{"name": {"cafe"}, "title": {"Café <study>"}, "touchpoints": {"store\r\nInstagram\n\nstore"},
		"stage_awareness": {"Discovery"}}).wantRedirect("/app/projects/")
	loc := b.header.Get("Location")
	b.get(loc).want(http.StatusOK, "Café &lt;study&gt;", "<li>store</li><li>Instagram</li>", "Discovery", "Consideration")
	b.get(loc+"/edit").want(http.StatusOK, "store\nInstagram")
	b.post(loc, url.Values{"title": {"Café study"}, "touchpoints": {"store"}}).wantRedirect(loc)
	b.get(loc).want(http.StatusOK, "Café study")
	b.post(loc+"/archive", url.Values{"archived": {"1"}}).wantRedirect(loc)
	b.get("/app/projects").want(http.StatusOK, "Online shop")
	if strings.Contains(b.body, "Café study") {
		t.Error("archived project listed")
	}
	b.get("/app/projects?archived=1").want(http.StatusOK, "Café study")
	b.get("/app/projects/999999").want(http.StatusNotFound)
	b.get("/app/projects/abc").want(http.StatusNotFound)

	// The overview counts responses by touchpoint.
	b.get("/app/projects/"+strconv.FormatInt(w.project.ID, 10)).want(http.StatusOK, "Every question type", "<bdi>website</bdi>: 1", "<bdi>اینستاگرام</bdi>: 1")
}

func TestSurveyImportPublishAndSchedule(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := strconv.FormatInt(w.project.ID, 10)
	d := surveytest.AllTypes(t)
	d.Slug = "second"
	js, _ := jsonMarshal(d)
	b.get("/app/projects/" + pid)
	b.post("/app/projects/"+pid+"/surveys", url.Values{"definition": {`{"slug": "x", "requierd": true}`}}).want(http.StatusUnprocessableEntity, "requierd")
	b.post("/app/projects/"+pid+"/surveys", url.Values{"definition": {js}}).wantRedirect("/app/surveys/second")
	b.get("/app/surveys/second").want(http.StatusOK, "Draft", "Publish")
	b.post("/app/surveys/second/status", url.Values{"status": {"published"}}).wantRedirect("/app/surveys/second")
	b.get("/app/surveys/second").want(http.StatusOK, "Published", "(accepting responses)")
	b.post("/app/surveys/second/schedule", url.Values{"closes_at": {"2030-01-31"}, "response_limit": {"۱۲۰"}}).wantRedirect("/app/surveys/second")
	sv, _ := w.store.SurveyBySlug(context.Background(), "second")
	if sv.ClosesAt == nil || sv.ResponseLimit != 120 {
		t.Fatalf("schedule not saved: %v %d", sv.ClosesAt, sv.ResponseLimit)
	}
	// The page shows the day typed, the last one open (it showed the next
	// day, and saving the form again moved the closing a day later).
	b.get("/app/surveys/second").want(http.StatusOK, `value="2030-01-31"`, "<dd>2030-01-31</dd>")
	b.post("/app/surveys/second/schedule", url.Values{"closes_at": {"2030-01-31"}, "response_limit": {"120"}}).wantRedirect("/app/surveys/second")
	if again, _ := w.store.SurveyBySlug(context.Background(), "second"); !again.ClosesAt.Equal(*sv.ClosesAt) {
		t.Errorf("saved again unchanged, the survey closes at %v, was %v", again.ClosesAt, sv.ClosesAt)
	}
	b.post("/app/surveys/second/schedule", url.Values{"closes_at": {"someday"}, "response_limit": {"-1"}}).want(http.StatusUnprocessableEntity, "That is no date", `value="someday"`, "whole number")
	b.post("/app/surveys/second/schedule", url.Values{}).wantRedirect("/app/surveys/second")
	b.post("/app/surveys/second/status", url.Values{"status": {"closed"}}).wantRedirect("/app/surveys/second")
	b.get("/app/surveys/second").want(http.StatusOK, "Reopen", "(not accepting responses)")
	b.post("/app/surveys/second/status", url.Values{"status": {"bogus"}}).want(http.StatusUnprocessableEntity)
	b.get("/app/surveys/second/definition.json").want(http.StatusOK, `"slug": "second"`)
}

func TestDefinitionEditKeepsAnswersValid(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	slug := w.survey.Slug
	d := surveytest.AllTypes(t)
	qs := d.Pages[1].Questions
	for i, q := range qs {
		if q.ID == "nickname" { // answered by w.resp
			d.Pages[1].Questions = append(qs[:i:i], qs[i+1:]...)
			break
		}
	}
	d.Pages[0].Questions[0].Options = d.Pages[0].Questions[0].Options[1:]
	js, _ := jsonMarshal(d)
	b.get("/app/surveys/" + slug)
	b.post("/app/surveys/"+slug+"/definition", url.Values{"definition": {js}}).want(http.StatusUnprocessableEntity,
		"questions.nickname", "cannot be removed", `option &#34;18-24&#34; cannot be removed`)
	d = surveytest.AllTypes(t)
	d.Pages[0].Questions[0].Text = survey.Text("Your age")
	d.Pages[0].Questions[0].Options = append(d.Pages[0].Questions[0].Options, survey.Option{Value: "65+", Label: survey.Text("65+")})
	js, _ = jsonMarshal(d)
	b.post("/app/surveys/"+slug+"/definition", url.Values{"definition": {js}}).wantRedirect("/app/surveys/" + slug)
	sv, _ := w.store.SurveyBySlug(context.Background(), slug)
	if sv.Version != 2 || sv.Definition.Pages[0].Questions[0].Text.String() != "Your age" {
		t.Fatalf("new version not stored: v%d", sv.Version)
	}
	b.get("/app/surveys/"+slug+"/responses/"+w.resp.ID).want(http.StatusOK, "Your age group") // read against v1
}

func TestDistributionAndQR(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("view@example.com") // reading is enough
	slug := w.survey.Slug
	b.get("/app/surveys/"+slug+"/links").want(http.StatusOK,
		"http://safar.test/s/"+slug+"?tp=website",
		"http://safar.test/s/"+slug+"?tp=%D8%A7%DB%8C%D9%86%D8%B3%D8%AA%D8%A7%DA%AF%D8%B1%D8%A7%D9%85",
		"qr.svg?tp=website", "Responses: 1 (1 complete)", "Responses: 1 (0 complete)")
	b.get("/app/surveys/" + slug + "/qr.png?tp=website&download=1").want(http.StatusOK)
	if ct := b.header.Get("Content-Type"); ct != "image/png" {
		t.Errorf("PNG content type %q", ct)
	}
	if _, err := png.Decode(strings.NewReader(b.body)); err != nil {
		t.Errorf("not a PNG: %v", err)
	}
	if cd := b.header.Get("Content-Disposition"); !strings.Contains(cd, "qr-"+slug+"-website.png") {
		t.Errorf("Content-Disposition %q", cd)
	}
	b.get("/app/surveys/"+slug+"/qr.svg?tp=اینستاگرام").want(http.StatusOK, `<svg xmlns="http://www.w3.org/2000/svg"`, "M4 4h1v1h-1z")
}

func TestResponsesListViewDeleteExport(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	slug := w.survey.Slug
	list := "/app/surveys/" + slug + "/responses"
	b.get(list).want(http.StatusOK, "2 responses", "<td><bdi>Sara</bdi></td>")
	cases := []struct{ query, want string }{
		{"status=complete", "<p>1 response "},
		{"status=partial", "<p>1 response "},
		{"tp=website", "<p>1 response "},
		{"q=PARCEL", "<p>1 response "},
		{"q=nothing-like-this", "0 responses"},
		{"from=2000-01-01&to=2100-01-01", "2 responses"},
		{"from=2100-01-01", "0 responses"},
		{"from=garbage", "2 responses"},
	}
	for _, c := range cases {
		b.get(list+"?"+c.query).want(http.StatusOK, c.want)
	}
	view := list + "/" + w.resp.ID
	b.get(view).want(http.StatusOK, "Your age group", "25-34", `<span class="pre" dir="auto">Instagram</span><div>Other: <span class="pre" dir="auto">A billboard`, "<bdi>Easy to pay</bdi>: 2", "4 <bdi>Agree</bdi>", "&lt;script&gt;alert(1)&lt;/script&gt;")
	if strings.Contains(b.body, "<script>alert") {
		t.Fatal("respondent text not escaped")
	}

	b.get(list + "/00000000-0000-0000-0000-000000000000").want(http.StatusNotFound)
	b.get(view+"/export.json").want(http.StatusOK, `"nickname": "Sara"`, `"problem": "What went wrong?"`, `"survey": "all-types"`)
	if cd := b.header.Get("Content-Disposition"); !strings.Contains(cd, "response-"+w.resp.ID+".json") {
		t.Errorf("Content-Disposition %q", cd)
	}

	b.get("/app/surveys/" + slug + "/export.csv?status=complete").want(http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.body, "\uFEFF"))).ReadAll()
	if err != nil || len(rows) != 2 || rows[0][0] != "response_id" || rows[1][0] != w.resp.ID {
		t.Fatalf("CSV export: %v %q", err, rows)
	}

	b.get(view+"/delete").want(http.StatusOK, "cannot be undone")
	b.post(view+"/delete", url.Values{}).wantRedirect(view + "/delete") // no confirmation: nothing happens
	b.post(view+"/delete", url.Values{"confirm": {"yes"}}).wantRedirect(list)
	if _, err := w.store.ResponseByID(context.Background(), w.resp.ID); !errors.Is(err, survey.ErrNotFound) {
		t.Fatalf("response still there: %v", err)
	}
	b.get(list).want(http.StatusOK, "<p>1 response ")
}

func TestPersianWorkspace(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	b.get("/app/projects").want(http.StatusOK, `lang="fa" dir="rtl"`, "پروژه‌ها")
	b.get("/app/surveys/"+w.survey.Slug+"/responses").want(http.StatusOK, `dir="rtl"`, "۲ پاسخ", "۱۴")
	b.get("/app/account").want(http.StatusOK, "حساب شما")
	// A mistyped workspace address says so in the workspace, in Persian (it
	// was the respondents' English "Survey not found").
	b.get("/app/projects/1/nope").want(http.StatusNotFound, `lang="fa" dir="rtl"`, "در این نشانی چیزی نیست", `href="/app/projects"`)
	w.browser().get("/app/projects/1/nope").want(http.StatusNotFound, "Survey not found") // signed out: nothing about the workspace
	b.post("/app/account", url.Values{"lang": {"fa"}, "name": {"سارا"}}).wantRedirect("/app/account")
	b.get("/app/surveys/"+w.survey.Slug+"/responses").want(http.StatusOK, "2 پاسخ") // Latin digits now
	b.post("/app/account", url.Values{"lang": {"en"}}).wantRedirect("/app/account")
	b.get("/app/projects").want(http.StatusOK, `lang="en" dir="ltr"`, "Projects")
	w.browser().do("GET", "/login", nil, "Accept-Language", "fa-IR,fa;q=0.9").want(http.StatusOK, `dir="rtl"`, "ورود")
}

func jsonMarshal(d *survey.Definition) (string, error) {
	var buf bytes.Buffer
	err := jsonEncoder(&buf).Encode(d)
	return buf.String(), err
}

func jsonEncoder(w *bytes.Buffer) interface{ Encode(any) error } { return json.NewEncoder(w) }

func TestDashboard(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("view@example.com")
	dash := "/app/surveys/" + w.survey.Slug + "/dashboard"
	b.get(dash).want(http.StatusOK,
		"<span class=\"big\">2</span>", "50%", // one of two complete
		"<svg viewBox=\"0 0 10 100\"", // one day of responses
		"NPS -100", "Detractors 1",
		"Mean <strong>2.00</strong>", // rating
		"Easy to find products</bdi></td><td>4.00",
		"The parcel arrived a week late &lt;script&gt;",
		"Dropped before this page")
	if strings.Contains(b.body, "<script>alert") {
		t.Fatal("open answer not escaped")
	}
	fa := w.login("fa@example.com")
	fa.get(dash).want(http.StatusOK, `dir="rtl"`, "داشبورد", "۵۰٪")

	// A response 100 days before the others: the chart still spans the
	// whole fieldwork (15 weekly bars) and its caption says so.
	early := w.resp.StartedAt.AddDate(0, 0, -100)
	if _, _, err := w.store.SaveResponse(context.Background(), &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "c0",
		Status: survey.Complete, Source: "web", StartedAt: early, Answers: surveytest.FullAnswers()}); err != nil {
		t.Fatal(err)
	}
	b.get(dash).want(http.StatusOK, `<svg viewBox="0 0 150 100"`,
		early.Local().Format("2006-01-02")+" – "+w.resp.StartedAt.Local().Format("2006-01-02")+" · 3 responses · one bar per week · highest week: 2")
	fa.get(dash).want(http.StatusOK, "۳ پاسخ، هر ستون یک هفته، بیشترین در یک هفته: ۲")
}

func TestAdminManagesAccounts(t *testing.T) {
	w := newWorkspace(t)
	res := w.login("res@example.com")
	res.get("/app/users").want(http.StatusForbidden)
	res.post("/app/users", url.Values{"email": {"x@example.com"}, "role": {"admin"}, "password": {testPassword}}).want(http.StatusForbidden)

	b := w.login("admin@example.com")
	b.get("/app/users").want(http.StatusOK, "view@example.com", "Viewer (read only)")
	b.post("/app/users", url.Values{"email": {"res@example.com"}, "role": {"viewer"}, "lang": {"en"}, "password": {testPassword}}).want(http.StatusUnprocessableEntity, "An account with this email exists")
	b.post("/app/users", url.Values{"email": {"new@example.com"}, "role": {"viewer"}, "lang": {"en"}, "password": {"short"}}).want(http.StatusUnprocessableEntity, "10 to 72")
	b.post("/app/users", url.Values{"email": {"New@Example.com"}, "role": {"viewer"}, "lang": {"fa"}, "password": {testPassword}}).wantRedirect("/app/users")
	w.login("new@example.com").get("/app/projects").want(http.StatusOK, `dir="rtl"`)
}

// An empty responses list says why: nothing has come in yet, or the
// filters match none of what has.
func TestResponsesListSaysWhyItIsEmpty(t *testing.T) {
	w := newWorkspace(t)
	d := surveytest.AllTypes(t)
	d.Slug = "empty-survey"
	empty := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(context.Background(), empty); err != nil {
		t.Fatal(err)
	}
	b := w.login("view@example.com")
	tests := []struct {
		path, want, notWant string
	}{
		{"/app/surveys/empty-survey/responses", "No responses yet.", "No responses match."},
		{"/app/surveys/empty-survey/responses?status=complete", "No responses yet.", "No responses match."},
		{"/app/surveys/" + w.survey.Slug + "/responses?q=nothing-says-this", "No responses match.", "No responses yet."},
		{"/app/surveys/" + w.survey.Slug + "/responses", "/responses/" + w.resp.ID, "No responses"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			b.get(tt.path).want(http.StatusOK, tt.want)
			if strings.Contains(b.body, tt.notWant) {
				t.Errorf("the page says %q", tt.notWant)
			}
		})
	}
	fa := w.login("fa@example.com")
	fa.get("/app/surveys/empty-survey/responses").want(http.StatusOK, "هنوز پاسخی نیست.")
}

// TestResponsesThroughTheDirectLink: a response that came through the
// survey's own link (no touchpoint) says so in the list, and the
// touchpoint filter offers those alone, in the reader's language (the list
// showed a blank cell and no way to pick them).
func TestResponsesThroughTheDirectLink(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	direct, _, err := w.store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "c-direct",
		Status: survey.Complete, Source: "web", StartedAt: time.Now().Add(-2 * time.Hour), Answers: surveytest.FullAnswers()})
	if err != nil {
		t.Fatal(err)
	}
	list := "/app/surveys/" + w.survey.Slug + "/responses"
	b := w.login("view@example.com")
	b.get(list).want(http.StatusOK, `<option value="direct:">Direct link (no touchpoint)</option>`, `<span class="muted">Direct link (no touchpoint)</span>`,
		"/responses/"+direct.ID, "/responses/"+w.resp.ID)
	b.get(list+"?tp=direct%3A").want(http.StatusOK, `<option value="direct:" selected>`, "/responses/"+direct.ID, "1 response ·")
	if strings.Contains(b.body, "/responses/"+w.resp.ID) {
		t.Error("the direct-link filter lists a response through a touchpoint")
	}
	b.get(list+"?tp=website").want(http.StatusOK, "/responses/"+w.resp.ID)
	if strings.Contains(b.body, "/responses/"+direct.ID) {
		t.Error("a touchpoint's filter lists a direct-link response")
	}
	w.login("fa@example.com").get(list).want(http.StatusOK, "پیوند مستقیم (بدون نقطهٔ تماس)")
}
