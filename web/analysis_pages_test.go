package web_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// demoWorkspace is the workspace with the demo project seeded and a runner
// fit for tests: fixed k (set through the persona form), no bootstrap.
func demoWorkspace(t *testing.T) (*workspace, *studyrun.Runner) {
	t.Helper()
	w := newWorkspace(t)
	if _, err := demo.Seed(context.Background(), w.store); err != nil {
		t.Fatal(err)
	}
	return w, &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: -1}
}

func runNext(t *testing.T, r *studyrun.Runner, want bool) {
	t.Helper()
	ran, err := r.RunNext(context.Background())
	if err != nil || ran != want {
		t.Fatalf("RunNext = %v, %v; want %v", ran, err, want)
	}
}

// analysedDemoProject is the demo workspace with its project analysed at
// k = 3 by an English reader: the workspace, the project's analysis scope
// and its pages' base path, and the reader.
func analysedDemoProject(t *testing.T) (w *workspace, scope, base string, en *browser) {
	t.Helper()
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	scope = survey.AnalysisScope{ProjectID: p.ID}.String()
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope, K: 3}); err != nil {
		t.Fatal(err)
	}
	base = "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	en = w.login("res@example.com")
	en.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	return w, scope, base, en
}

func storedResult(t *testing.T, w *workspace, scope string) *studyrun.Stored {
	t.Helper()
	run, err := w.store.LatestAnalysisResult(context.Background(), scope, true)
	if err != nil {
		t.Fatal(err)
	}
	st, err := studyrun.Decode(run.Result)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestAnalysisPages(t *testing.T) {
	w, runner := demoWorkspace(t)
	const base = "/app/surveys/demo-en/analysis"

	// Signed out: to the login page; JSON gets 401.
	anon := w.browser()
	anon.get(base + "/painpoints").wantRedirect("/login")
	anon.do("GET", base+"/status.json", nil, "Accept", "application/json").want(http.StatusUnauthorized)

	// Before any run: editors get a run button, viewers a hint.
	view := w.login("view@example.com")
	view.get(base+"/painpoints").want(http.StatusOK, "Ask a researcher")
	if strings.Contains(view.body, base+"/run") {
		t.Error("viewer is offered the run button")
	}
	view.post(base+"/run", nil).want(http.StatusForbidden)
	view.post(base+"/report", nil).want(http.StatusNotFound) // nothing to report yet

	res := w.login("res@example.com")
	res.get("/app/surveys/demo-en").want(http.StatusOK, base+"/painpoints")
	res.get(base+"/personas").want(http.StatusOK, "Run analysis", `name="k"`, `value="age_group"`)
	res.post(base+"/personas", url.Values{"k": {"4"}, "q": {"nope"}, "csrf": {"forged"}}).want(http.StatusForbidden)
	res.get(base + "/personas")
	qs := keptQuestions(res.body, "4", "gender")
	res.post(base+"/personas", qs).wantRedirect(base + "/personas")
	res.get(base+"/painpoints").want(http.StatusOK, "Analysis in progress", "analysis-progress", "/static/analysis.")
	res.do("GET", base+"/status.json", nil, "Accept", "application/json").want(http.StatusOK, `"status":"queued"`, `"active":true`)

	runNext(t, runner, true)
	runNext(t, runner, false)
	res.do("GET", base+"/status.json", nil, "Accept", "application/json").want(http.StatusOK, `"status":"done"`, `"active":false`, `"message":"finished"`)
	if strings.Contains(res.body, "waiting to start") {
		t.Errorf("a finished run says it is waiting to start: %s", res.body)
	}

	st := storedResult(t, w, "survey:demo-en")
	if st.Personas == nil || st.Personas.K != 4 {
		t.Fatalf("personas = %+v, want k=4 from the settings", st.Personas)
	}
	if len(st.PainPoints.PainPoints) < 3 {
		t.Fatalf("%d pain points, want at least 3", len(st.PainPoints.PainPoints))
	}
	for _, it := range st.Personas.Quality.Items {
		if it == "gender" {
			t.Error("gender took part though it was left out")
		}
	}
	top := st.PainPoints.PainPoints[0]
	res.get(base+"/painpoints").want(http.StatusOK, top.Label, `class="bar"`, "/app/surveys/demo-en/responses/", "Download report", "Re-run analysis",
		fmt.Sprintf("%d texts voice none of these problems.", st.PainPoints.Other))
	if strings.Contains(res.body, "New responses") {
		t.Error("fresh result marked stale")
	}
	if top.LabelTexts == 0 || !strings.Contains(res.body, fmt.Sprintf("%d say the label", top.LabelTexts)) {
		t.Errorf("the top pain point does not say how many of its texts say its label (%d)", top.LabelTexts)
	}
	res.get(base+"/personas").want(http.StatusOK, st.Personas.Personas[0].Name, "What sets them apart", "Lift", htmlEscape(st.Personas.Personas[0].Trust))
	res.get(base+"/journey").want(http.StatusOK, `class="emotion"`, "<polyline", "n = ", "Opportunities")
	res.get(base+"/journey?persona=2").want(http.StatusOK, `aria-current="page"><bdi>`+htmlEscape(st.Journeys[2].Name)+`</bdi>`)
	res.get(base+"/touchpoints").want(http.StatusOK, `class="heatmap"`, "heat-")

	// Viewers read and download, but correct nothing.
	view.get(base+"/painpoints").want(http.StatusOK, top.Label, "Download report")
	if strings.Contains(view.body, "painpoints/correct") || strings.Contains(view.body, base+"/run") {
		t.Error("viewer is offered corrections or re-run")
	}
	view.post(base+"/painpoints/correct", url.Values{"key": {top.Key}, "action": {"hide"}}).want(http.StatusForbidden)
	view.post(base+"/personas", url.Values{"k": {"3"}}).want(http.StatusForbidden)
	prepareReport(t, view, base, "en") // viewers may prepare and download the workbook
	f, err := excelize.OpenReader(bytes.NewReader([]byte(view.body)))
	if err != nil {
		t.Fatalf("report does not open: %v", err)
	}
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, row := range rows {
			for _, cell := range row {
				found = found || cell == top.Label
			}
		}
	}
	f.Close()
	if !found {
		t.Errorf("report has no cell %q", top.Label)
	}

	// A new response makes the stored result stale.
	sv, err := w.store.SurveyBySlug(context.Background(), "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := w.store.SaveResponse(context.Background(), &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: "late",
		Status: survey.Partial, StartedAt: time.Now().UTC(), Answers: survey.Answers{}}); err != nil {
		t.Fatal(err)
	}
	res.get(base+"/painpoints").want(http.StatusOK, "New responses, transcripts or notes arrived")
}

func TestAnalysisCorrectionsApplyOnRerun(t *testing.T) {
	w, runner := demoWorkspace(t)
	const base = "/app/surveys/demo-en/analysis"
	res := w.login("res@example.com")
	res.get(base + "/painpoints")
	if err := w.store.SaveAnalysisSettings(context.Background(), &survey.AnalysisSettings{Scope: "survey:demo-en", K: 3}); err != nil {
		t.Fatal(err)
	}
	res.post(base+"/run", url.Values{"back": {base + "/journey"}}).wantRedirect(base + "/journey")
	runNext(t, runner, true)
	st := storedResult(t, w, "survey:demo-en")
	pps := st.PainPoints.PainPoints
	if len(pps) < 3 {
		t.Fatalf("%d pain points", len(pps))
	}
	hide, rename, from, into := pps[0], pps[1], pps[2], pps[1]

	res.get(base + "/painpoints")
	res.post(base+"/painpoints/correct", url.Values{"key": {hide.Key}, "action": {"hide"}}).wantRedirect(base + "/painpoints")
	res.post(base+"/painpoints/correct", url.Values{"key": {rename.Key}, "action": {"rename"}, "label": {"Renamed <b>by</b> us"}}).wantRedirect(base + "/painpoints")
	res.post(base+"/painpoints/correct", url.Values{"key": {from.Key}, "action": {"merge"}, "into": {into.Key}}).wantRedirect(base + "/painpoints")
	res.post(base+"/painpoints/correct", url.Values{"key": {into.Key}, "action": {"merge"}, "into": {from.Key}}).want(http.StatusUnprocessableEntity)
	res.post(base+"/painpoints/correct", url.Values{"key": {hide.Key}, "action": {"explode"}}).want(http.StatusUnprocessableEntity)
	res.post(base+"/painpoints/correct", url.Values{"key": {hide.Key}, "action": {"hide"}, "csrf": {"forged"}}).want(http.StatusForbidden)

	// Renames and hides show at once, before the re-run.
	res.get(base+"/painpoints").want(http.StatusOK, "Renamed &lt;b&gt;by&lt;/b&gt; us", "Your corrections", "Analysis in progress")

	runNext(t, runner, true)
	runNext(t, runner, false) // the corrections queued one run, not three
	st = storedResult(t, w, "survey:demo-en")
	byKey := map[string]int{}
	for i, pp := range st.PainPoints.PainPoints {
		byKey[pp.Key] = i
	}
	if _, ok := byKey[hide.Key]; ok {
		t.Errorf("hidden %q still reported", hide.Key)
	}
	if _, ok := byKey[from.Key]; ok {
		t.Errorf("merged %q still reported on its own", from.Key)
	}
	i, ok := byKey[into.Key]
	if !ok {
		t.Fatalf("merge target %q gone", into.Key)
	}
	got := st.PainPoints.PainPoints[i]
	if got.Label != "Renamed <b>by</b> us" || got.Documents < into.Documents {
		t.Errorf("merged and renamed = %q with %d people; want the new label and at least %d people", got.Label, got.Documents, into.Documents)
	}
	if st.Personas == nil || st.Personas.K != 3 {
		t.Errorf("personas k = %v, want 3 from the settings", st.Personas)
	}
	// The list of corrections names the pain points as the researcher
	// saw them, not by their keys, after the re-run took them out.
	res.get(base+"/painpoints").want(http.StatusOK, html.EscapeString(from.Label)+" is merged into Renamed &lt;b&gt;by&lt;/b&gt; us",
		html.EscapeString(hide.Label)+" is hidden")

	// Undo the hide: it is reported again after the next run.
	res.get(base + "/painpoints")
	res.post(base+"/painpoints/correct", url.Values{"key": {hide.Key}, "action": {"show"}}).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	st = storedResult(t, w, "survey:demo-en")
	shown := false
	for _, pp := range st.PainPoints.PainPoints {
		shown = shown || pp.Key == hide.Key
	}
	if !shown {
		t.Errorf("%q not reported after showing it again", hide.Key)
	}
}

func TestAnalysisPersianAndProject(t *testing.T) {
	w, runner := demoWorkspace(t)
	p, err := w.store.ProjectByName(context.Background(), demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	base := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	fa := w.login("fa@example.com")
	fa.get("/app/projects/"+strconv.FormatInt(p.ID, 10)).want(http.StatusOK, base+"/painpoints")
	fa.get(base).wantRedirect(base + "/painpoints")
	if err := w.store.SaveAnalysisSettings(context.Background(), &survey.AnalysisSettings{Scope: survey.AnalysisScope{ProjectID: p.ID}.String(), K: 3}); err != nil {
		t.Fatal(err)
	}
	fa.get(base+"/painpoints").want(http.StatusOK, `dir="rtl"`, "اجرای تحلیل")
	fa.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	for _, page := range []string{"painpoints", "personas", "journey", "touchpoints"} {
		fa.get(base+"/"+page).want(http.StatusOK, `dir="rtl"`, "تحلیل دوباره", "دریافت گزارش")
	}
	fa.get(base+"/painpoints").want(http.StatusOK, "/app/surveys/demo-fa/responses/")
	if f, _ := prepareReport(t, fa, base, "fa"); f.GetSheetList()[0] != "خلاصه" {
		t.Errorf("project report sheets %q", f.GetSheetList())
	}
	fa.get("/app/projects/999999/analysis/painpoints").want(http.StatusNotFound)
	fa.get("/app/surveys/nope/analysis/painpoints").want(http.StatusNotFound)
}

var questionBoxRE = regexp.MustCompile(`name="q" value="([^"]+)"`)

// keptQuestions is the persona settings form with k and every question on
// the page checked but the one left out.
func keptQuestions(page, k, leftOut string) url.Values {
	qs := url.Values{"k": {k}}
	for _, m := range questionBoxRE.FindAllStringSubmatch(page, -1) {
		if m[1] != leftOut {
			qs.Add("q", m[1])
		}
	}
	return qs
}

func htmlEscape(s string) string { return template.HTMLEscapeString(s) }

// An empty project's journey map is not a grid of empty cells around a
// blank chart: the page says what the map is drawn from and what to do.
func TestEmptyJourneyMapSaysWhatToDo(t *testing.T) {
	w := newWorkspace(t)
	runner := &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: -1}
	p := &survey.Project{Name: "empty", Title: "Empty study"}
	if err := w.store.CreateProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	base := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	res := w.login("res@example.com")
	res.post(base+"/run", nil).wantRedirect(base)
	runNext(t, runner, true)
	res.get(base+"/journey").want(http.StatusOK, `<p class="empty">Nothing to map yet.`, "then run the analysis again.")
	for _, s := range []string{`class="journey"`, `class="emotion"`, "<polyline"} {
		if strings.Contains(res.body, s) {
			t.Errorf("the empty journey page still has %s", s)
		}
	}
	w.login("fa@example.com").get(base+"/journey").want(http.StatusOK, `<p class="empty">هنوز چیزی برای نقشهٔ سفر نیست.`)
}
