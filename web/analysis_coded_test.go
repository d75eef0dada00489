package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

// TestCodedPainPointsOnTheAnalysisPage: a code of the pain-point group
// shows beside the automatic pain points, marked researcher-coded.
func TestCodedPainPointsOnTheAnalysisPage(t *testing.T) {
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	tr := &survey.Transcript{ProjectID: p.ID, Kind: survey.KindInterview, Title: "visit.txt", Stage: "purchase",
		Utterances: []survey.Utterance{{Order: 1, Speaker: "Neda", Text: "The parking was full, I drove around for twenty minutes"}}}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	code := &survey.Code{ProjectID: p.ID, Name: "no parking", Group: survey.GroupPainPoint}
	if err := w.store.CreateCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	if err := w.store.ApplyCode(ctx, &survey.Coding{ProjectID: p.ID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[0].ID}); err != nil {
		t.Fatal(err)
	}
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: survey.AnalysisScope{ProjectID: p.ID}.String(), K: 3}); err != nil {
		t.Fatal(err)
	}
	base := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	b := w.login("res@example.com")
	b.get(base + "/painpoints").want(http.StatusOK)
	b.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	b.get(base+"/painpoints").want(http.StatusOK, "Pain points you coded", "no parking", "researcher-coded",
		"The parking was full, I drove around for twenty minutes", "1 coded passage")
	st := storedResult(t, w, survey.AnalysisScope{ProjectID: p.ID}.String())
	// The demo codes its own passages too; the one coded here is among them.
	found := false
	for _, cp := range st.Codes.PainPoints {
		found = found || (cp.Label == "no parking" && cp.People == 1)
	}
	if st.Codes == nil || !found {
		t.Fatalf("stored codes = %+v", st.Codes)
	}
}
