package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

// TestStaleAnalysisSaysWhy: a survey's analysis reports the project's
// codebook, so a new code makes it stale, and the notice says the codes
// changed (it said new responses had arrived); coding a transcript, which
// a survey's analysis does not read, leaves it current.
func TestStaleAnalysisSaysWhy(t *testing.T) {
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	const base = "/app/surveys/demo-en/analysis"
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: "survey:demo-en", K: 3}); err != nil {
		t.Fatal(err)
	}
	res := w.login("res@example.com")
	res.get(base + "/painpoints")
	res.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	const data, codes = "New responses, transcripts or notes arrived", "The codebook or the coded passages changed"
	notices := func() (bool, bool) {
		t.Helper()
		res.get(base + "/painpoints").want(http.StatusOK)
		return strings.Contains(res.body, data), strings.Contains(res.body, codes)
	}
	if d, c := notices(); d || c {
		t.Fatalf("fresh analysis: data notice %v, codes notice %v", d, c)
	}

	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	ts, err := w.store.Transcripts(ctx, p.ID)
	if err != nil || len(ts) == 0 {
		t.Fatalf("transcripts: %v, %v", ts, err)
	}
	tr, err := w.store.Transcript(ctx, ts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := w.store.Codes(ctx, p.ID)
	if err != nil || len(cs) == 0 {
		t.Fatalf("codes: %v, %v", cs, err)
	}
	if err := w.store.ApplyCode(ctx, &survey.Coding{ProjectID: p.ID, CodeID: cs[0].ID, Source: survey.SourceUtterance,
		UtteranceID: tr.Utterances[len(tr.Utterances)-1].ID, CreatedBy: w.userID("res@example.com")}); err != nil {
		t.Fatal(err)
	}
	if d, c := notices(); d || c {
		t.Errorf("after coding a transcript: data notice %v, codes notice %v; want none", d, c)
	}

	if err := w.store.CreateCode(ctx, &survey.Code{ProjectID: p.ID, Name: "gift wrap", Group: survey.GroupGoal}); err != nil {
		t.Fatal(err)
	}
	if d, c := notices(); d || !c {
		t.Errorf("after a new code: data notice %v, codes notice %v; want the codes notice only", d, c)
	}
}

// TestRenamedCodeMakesAnalysisStale: renaming a code on the codebook page
// says on the analysis that the codebook changed, which still reports the
// old name until it runs again (it said nothing).
func TestRenamedCodeMakesAnalysisStale(t *testing.T) {
	w, scope, base, res := analysedDemoProject(t)
	const codes = "The codebook or the coded passages changed"
	res.get(base + "/painpoints").want(http.StatusOK)
	if strings.Contains(res.body, codes) {
		t.Fatal("a fresh analysis says the codebook changed")
	}
	p, err := w.store.ProjectByName(context.Background(), demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := w.store.Codes(context.Background(), p.ID)
	if err != nil || len(cs) == 0 {
		t.Fatalf("codes: %v, %v", cs, err)
	}
	if storedResult(t, w, scope).Codes == nil {
		t.Fatal("the analysis reports no codes")
	}
	codebook := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/codes"
	res.get(codebook).want(http.StatusOK)
	c := cs[0]
	res.post(codebook+"/"+strconv.FormatInt(c.ID, 10), url.Values{"name": {c.Name + " (renamed)"}, "description": {c.Description}, "group": {string(c.Group)}}).
		wantRedirect(codebook)
	res.get(base+"/painpoints").want(http.StatusOK, codes)
}
