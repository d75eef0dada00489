package web_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

// TestPainPointLabelsFollowTheReader: a pain point voiced in Persian and
// English is one row, labelled in the reader's language with the other
// language's label beside it.
func TestPainPointLabelsFollowTheReader(t *testing.T) {
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	scope := survey.AnalysisScope{ProjectID: p.ID}.String()
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope, K: 3}); err != nil {
		t.Fatal(err)
	}
	base := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	en := w.login("res@example.com")
	en.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	st := storedResult(t, w, scope)
	var fa, eng string
	for _, set := range st.PainPointLabels {
		if set["fa"] != "" && set["en"] != "" {
			fa, eng = set["fa"], set["en"]
			break
		}
	}
	if fa == "" {
		t.Fatal("no pain point of the demo is labelled in both languages")
	}
	en.get(base+"/painpoints").want(http.StatusOK, htmlEscape(eng)+`</bdi></a> <span class="other-label muted">(<bdi>`+htmlEscape(fa)+`</bdi>)</span>`)
	w.login("fa@example.com").get(base+"/painpoints").want(http.StatusOK, htmlEscape(fa)+`</bdi></a> <span class="other-label muted">(<bdi>`+htmlEscape(eng)+`</bdi>)</span>`)
}
