package web_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// TestFailedAnalysisSaysWhatToDo: a failed analysis says in the reader's
// language what failed and what to do; the error's English detail goes to
// the log under the run's id (the page showed "analyse survey:…: personas:
// …" after the Persian "the last analysis failed").
func TestFailedAnalysisSaysWhatToDo(t *testing.T) {
	w, _ := demoWorkspace(t)
	ctx := context.Background()
	const scope, base = "survey:demo-en", "/app/surveys/demo-en/analysis"
	var log bytes.Buffer
	runner := &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(&log, nil)), Bootstrap: -1}

	// Settings that leave every question out of the personas (the form
	// refuses them; an API client or an older version could store them).
	sv, err := w.store.SurveyBySlug(ctx, "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, q := range sv.Definition.Questions() {
		all = append(all, q.ID)
	}
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope, Exclude: all}); err != nil {
		t.Fatal(err)
	}
	fa := w.login("fa@example.com") // Persian digits
	fa.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	run, err := w.store.LatestAnalysisRun(ctx, scope)
	if err != nil || run.Status != survey.RunFailed {
		t.Fatalf("run = %+v, %v; want failed", run, err)
	}
	id := strconv.FormatInt(run.ID, 10)
	fa.get(base+"/painpoints").want(http.StatusOK, "آخرین تحلیل ناموفق بود", "اجرای تحلیل شمارهٔ "+persian(id))
	for _, detail := range []string{"no items take part", "analyse " + scope} {
		if strings.Contains(fa.body, detail) {
			t.Errorf("the Persian page shows the error's detail %q", detail)
		}
	}
	if l := log.String(); !strings.Contains(l, "run="+id) || !strings.Contains(l, "no items take part") {
		t.Errorf("the log lacks the run and its error:\n%s", l)
	}
	en := w.login("res@example.com")
	en.get(base+"/painpoints").want(http.StatusOK, "The last analysis failed", "look up analysis run "+id+" in the server log")

	// A run the server stopped: run it again, nothing more to look up.
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope, K: 3}); err != nil {
		t.Fatal(err)
	}
	fa.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	stopping, stop := context.WithCancel(ctx)
	runner.Hold = func(int64) func() { stop(); return func() {} }
	if ran, _ := runner.RunNext(stopping); !ran {
		t.Fatal("the run was not claimed")
	}
	fa.get(base+"/painpoints").want(http.StatusOK, "سرور پیش از پایان آخرین تحلیل", "دوباره اجرایش کنید")
	en.get(base+"/painpoints").want(http.StatusOK, "The server stopped before the last analysis")
	if strings.Contains(en.body, "look up analysis run") {
		t.Error("an interrupted run sends the researcher to the log")
	}
}
