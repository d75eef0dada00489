package web_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// randomDef randomises the first page's brand options (none pinned), the
// second page's questions and its channel options; the second page pipes
// the first page's answers and labels the ends of two scales.
const randomDef = `{"slug":"order-test","title":"Order","language":"en",
 "settings":{"thank_you":"Thank you, {{name|friend}}!"},
 "pages":[
  {"questions":[
    {"id":"name","type":"short_text","text":"Your name?"},
    {"id":"city","type":"single","text":"Your city?","options":[{"value":"thr","label":"Tehran"},{"value":"shz","label":"Shiraz"}]},
    {"id":"brand","type":"single","text":"Brand?","randomize":true,
     "options":["b1","b2","b3","b4","b5","b6",{"value":"none","label":"None of these","pin":true}]}]},
  {"title":"About {{city}}","randomize":true,"questions":[
    {"id":"visit","type":"long_text","text":"How was {{city}}, {{name}}?","help":"You picked {{brand}}."},
    {"id":"stars","type":"rating","text":"Stars?","scale":{"low":"Very poor","high":"Excellent"}},
    {"id":"agree","type":"likert","text":"Easy?","scale":{"points":5,"low":"Disagree","high":"Agree"}},
    {"id":"channel","type":"multiple","text":"Channels in {{city}}?","randomize":true,"other":true,
     "options":["web","app","store","phone"]}]}]}`

// randomWorkspace is a workspace with randomDef published in its project.
func randomWorkspace(t *testing.T) (*workspace, *survey.Survey) {
	t.Helper()
	w := newWorkspace(t)
	d, err := survey.ParseDefinition([]byte(randomDef))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	return w, sv
}

var (
	brandRE    = regexp.MustCompile(`name="q\.brand" value="([^"]+)"`)
	channelRE  = regexp.MustCompile(`name="q\.channel" value="([^"]+)"`)
	fieldsetRE = regexp.MustCompile(`<fieldset class="q q-[a-z_]+[^"]*" id="q-([A-Za-z0-9_-]+)"`)
	ridRE      = regexp.MustCompile(`name="rid" value="([^"]+)"`)
)

func matches(re *regexp.Regexp, s string) []string {
	var out []string
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestRandomisedFirstPagePerRespondent: a first page that randomises is
// not the shared cached page: each respondent gets their own order, the
// same on every reload, with "none" last and their id in the form.
func TestRandomisedFirstPagePerRespondent(t *testing.T) {
	w, sv := randomWorkspace(t)
	orders := map[string]bool{}
	for i := range 12 {
		b := w.browser()
		b.get("/s/" + sv.Slug).want(http.StatusOK)
		first := matches(brandRE, b.body)
		if len(first) != 7 || first[6] != "none" {
			t.Fatalf("respondent %d: brand options %v, want 7 with none last", i, first)
		}
		if rid := matches(ridRE, b.body); len(rid) != 1 {
			t.Fatalf("respondent %d: the randomised first page carries no rid", i)
		}
		b.get("/s/" + sv.Slug).want(http.StatusOK)
		if again := matches(brandRE, b.body); !slices.Equal(again, first) {
			t.Fatalf("respondent %d: reload shows %v, first %v", i, again, first)
		}
		orders[strings.Join(first, ",")] = true
	}
	if len(orders) < 2 {
		t.Errorf("12 respondents saw one order: %v", orders)
	}
}

// TestRespondentOrderPipingAndEndLabels walks one respondent through the
// survey: the second page's question and option order survive the resume
// link, piped answers show as labels (escaped), the end labels are on the
// page, and the stored order is what was shown, in the API and the CSV.
func TestRespondentOrderPipingAndEndLabels(t *testing.T) {
	w, sv := randomWorkspace(t)
	b := w.browser()
	b.get("/s/" + sv.Slug).want(http.StatusOK)
	brands := matches(brandRE, b.body)
	rid := matches(ridRE, b.body)[0]
	b.post("/s/"+sv.Slug, url.Values{"rid": {rid}, "page": {"0"}, "nav": {"next"},
		"q.name": {`<script>alert("x")</script>`}, "q.city": {"shz"}, "q.brand": {"b3"}})
	b.wantRedirect("/s/" + sv.Slug + "/r/" + rid)

	b.get("/s/"+sv.Slug+"/r/"+rid).want(http.StatusOK,
		"About \u2068Shiraz\u2069", "How was \u2068Shiraz\u2069, \u2068&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;\u2069?", "You picked \u2068b3\u2069.", "Channels in \u2068Shiraz\u2069?",
		`<span>Very poor</span><span>Excellent</span>`, `<span>Disagree</span><span>Agree</span>`, `<span class="sr">Excellent</span>`)
	if strings.Contains(b.body, `<script>alert`) || strings.Contains(b.body, "{{") {
		t.Fatalf("the piped answer is not escaped, or a pipe is left:\n%s", b.body)
	}
	questions, channels := matches(fieldsetRE, b.body), matches(channelRE, b.body)
	if len(questions) != 4 || len(channels) != 5 || channels[4] != "other" {
		t.Fatalf("page 2: questions %v, channel options %v", questions, channels)
	}
	// Reloading through the cookie (no resume link) shows the same order.
	b.get("/s/" + sv.Slug).want(http.StatusOK)
	if q, c := matches(fieldsetRE, b.body), matches(channelRE, b.body); !slices.Equal(q, questions) || !slices.Equal(c, channels) {
		t.Fatalf("reload: questions %v channels %v; first %v %v", q, c, questions, channels)
	}
	b.post("/s/"+sv.Slug, url.Values{"rid": {rid}, "page": {"1"}, "nav": {"next"}, "q.stars": {"5"}, "q.channel": {"app", "web"}})
	b.wantRedirect("/s/" + sv.Slug + "/thanks")
	b.get("/s/"+sv.Slug+"/thanks").want(http.StatusOK, "Thank you, \u2068&lt;script&gt;")

	r, err := w.store.ResponseByClientID(context.Background(), sv.ID, rid)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != survey.Complete || r.Answers["brand"].Choice != "b3" || !slices.Equal(r.Answers["channel"].Choices, []string{"app", "web"}) {
		t.Fatalf("stored %s with answers %v", r.Status, r.Answers)
	}
	want := survey.ItemOrder{"brand": brands, "pages[1]": questions, "channel": channels}
	if fmt.Sprint(r.Order) != fmt.Sprint(want) {
		t.Fatalf("stored order %v, want what was shown %v", r.Order, want)
	}

	// The API and the CSV export show it.
	key, _ := w.newKey("res@example.com", survey.ScopeResponsesRead)
	code, body, _ := w.apiClient(key).call("GET", "/api/v1/surveys/"+sv.Slug+"/responses/"+r.ID, "")
	if code != http.StatusOK || fmt.Sprint(body["order"]) != fmt.Sprint(map[string]any{"brand": anys(brands), "channel": anys(channels), "pages[1]": anys(questions)}) {
		t.Fatalf("API: %d order %v", code, body["order"])
	}
	res := w.login("res@example.com")
	// The response's page lists the orders by label.
	res.get("/app/surveys/"+sv.Slug+"/responses/"+r.ID).want(http.StatusOK, "Order shown to this respondent", "Page 2: <bdi>About {{city}}</bdi>")
	shownBrands := regexp.MustCompile(`<li><bdi>(b\d|None of these)</bdi></li>`).FindAllStringSubmatch(res.body, -1)
	if len(shownBrands) != 7 || shownBrands[0][1] != brands[0] || shownBrands[6][1] != "None of these" {
		t.Errorf("response page lists brands %v, want %v with None of these last", shownBrands, brands)
	}
	res.get("/app/surveys/" + sv.Slug + "/export.csv").want(http.StatusOK)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(res.body, "\ufeff"))).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %d rows (%v)", len(rows), err)
	}
	col := map[string]string{}
	for i, h := range rows[0] {
		col[h] = rows[1][i]
	}
	if got := col["order:brand"]; got != strings.Join(brands, "; ") {
		t.Errorf("CSV order:brand %q, want %q", got, strings.Join(brands, "; "))
	}
	if got := col["order:pages[1]"]; got != strings.Join(questions, "; ") {
		t.Errorf("CSV order:pages[1] %q, want %q", got, strings.Join(questions, "; "))
	}
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestPipedOptionLabelsAreEscaped: an "other" answer typed as markup and
// piped into a later option label is shown as text.
func TestPipedOptionLabelsAreEscaped(t *testing.T) {
	w := newWorkspace(t)
	d, err := survey.ParseDefinition([]byte(`{"slug":"pipe-opt","title":"P","language":"en","pages":[
	 {"questions":[{"id":"fav","type":"single","text":"Favourite shop?","other":true,"options":["A"]}]},
	 {"questions":[{"id":"again","type":"single","text":"Again?","options":[{"value":"yes","label":"Yes, {{fav}} again"},"no"]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	b := w.browser()
	b.get("/s/pipe-opt").want(http.StatusOK)
	b.post("/s/pipe-opt", url.Values{"page": {"0"}, "nav": {"next"}, "q.fav": {"other"}, "q.fav.other": {`<img src=x onerror=alert(1)>`}})
	loc := b.header.Get("Location")
	b.get(loc).want(http.StatusOK, "Yes, \u2068&lt;img src=x onerror=alert(1)&gt;\u2069 again")
	if strings.Contains(b.body, "<img src=x") {
		t.Fatal("piped markup reached the page unescaped")
	}
}

// TestBuilderRoundTripsRandomisationAndEndLabels: the builder form keeps a
// page's and a question's random order, pinned options and statements,
// and every scale's end labels when a researcher saves it unchanged, and
// a researcher can turn them on in the form.
func TestBuilderRoundTripsRandomisationAndEndLabels(t *testing.T) {
	w := newWorkspace(t)
	const def = `{"slug":"built","title":"B","language":"en","pages":[
	 {"questions":[{"id":"city","type":"single","text":"City?","options":["a","b"]}]},
	 {"randomize":true,"questions":[
	  {"id":"brand","type":"multiple","text":"Brand in {{city}}?","randomize":true,"other":true,
	   "options":["x","y",{"value":"none","label":"None","pin":true},{"value":"dk","label":"Don't know","pin":true}]},
	  {"id":"m","type":"matrix","text":"M","randomize":true,"scale":{"points":5,"low":"Bad","high":"Good"},"statements":["s1","s2",{"value":"all","label":"Overall","pin":true}]},
	  {"id":"r","type":"rating","text":"R","scale":{"low":"Very poor","high":"Excellent"}},
	  {"id":"n","type":"nps","text":"N","scale":{"low":"Never","high":"Surely"}},
	  {"id":"l","type":"likert","text":"L","scale":{"points":3,"labels":["No","Maybe","Yes"]}},
	  {"id":"plain","type":"rating","text":"P"}]}]}`
	d, err := survey.ParseDefinition([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d}
	if err := w.store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	b := w.login("res@example.com")
	path := "/app/surveys/built/builder"
	b.get(path).want(http.StatusOK, `name="p.1.randomize"`, `name="q.1.0.pinned" value="none, dk"`, `name="q.1.2.scale_low" dir="auto" id="q.1.2.scale_low" value="Very poor"`)
	form := formValues(t, b.body, "builder")
	form.Set("op", "save")
	b.do("POST", path, form).wantRedirect("/app/surveys/built")
	got, err := w.store.SurveyBySlug(context.Background(), "built")
	if err != nil {
		t.Fatal(err)
	}
	g, _ := json.Marshal(got.Definition)
	x, _ := json.Marshal(d)
	if string(g) != string(x) {
		t.Fatalf("round trip changed the definition:\n got %s\nwant %s", g, x)
	}

	// Turning them on in the form.
	b.get(path).want(http.StatusOK)
	form = formValues(t, b.body, "builder")
	form.Set("q.0.0.randomize", "1")
	form.Set("q.0.0.pinned", "b")
	form.Set("q.1.5.scale_high", "Superb")
	form.Set("op", "save")
	b.do("POST", path, form).wantRedirect("/app/surveys/built")
	got, _ = w.store.SurveyBySlug(context.Background(), "built")
	city, _ := got.Definition.Question("city")
	plain, _ := got.Definition.Question("plain")
	if !city.Randomize || !city.Options[1].Pin || city.Options[0].Pin || plain.Scale == nil || plain.Scale.High.String() != "Superb" {
		t.Fatalf("after editing: city %+v, plain scale %+v", city, plain.Scale)
	}
}
