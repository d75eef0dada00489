package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// TestUnstablePairOfPersonasAdvice: two personas are the fewest there can
// be, so when a small study's pair is unstable the personas page does not
// advise "fewer personas" (the 30-response study a researcher tried was
// told to), but more responses or other questions.
func TestUnstablePairOfPersonasAdvice(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	d, err := survey.ParseDefinition([]byte(`{"slug": "small", "title": "Small", "language": "en", "pages": [{"id": "p1", "questions": [
		{"id": "age", "type": "single", "text": "Age", "role": "demographic", "options": ["young", "middle", "old"]},
		{"id": "channel", "type": "single", "text": "Channel", "role": "behaviour", "options": ["web", "store", "phone"]},
		{"id": "often", "type": "single", "text": "How often", "role": "behaviour", "options": ["daily", "weekly", "monthly"]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pick := func(o ...string) survey.Value { return survey.Value{Choice: o[rng.IntN(len(o))]} }
	now := time.Now().UTC()
	for i := range 30 {
		r := &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: fmt.Sprintf("c%d", i), Status: survey.Complete,
			StartedAt: now, CompletedAt: &now, Source: survey.SourceWeb, Answers: survey.Answers{
				"age": pick("young", "middle", "old"), "channel": pick("web", "store", "phone"), "often": pick("daily", "weekly", "monthly")}}
		if _, _, err := w.store.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: "survey:small", K: 2}); err != nil {
		t.Fatal(err)
	}
	runner := &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: 10}
	const base = "/app/surveys/small/analysis"
	b := w.login("res@example.com")
	b.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	st := storedResult(t, w, "survey:small")
	if st.Personas == nil || st.Personas.K != 2 || st.Personas.Quality.Reading() != personas.Unstable {
		t.Fatalf("want two unstable personas from answers drawn at random, got %+v", st.Personas)
	}
	b.get(base+"/personas").want(http.StatusOK, "the data do not support 2 distinct personas, the fewest there can be. Collect more responses",
		"): collect more responses or choose other questions")
	if strings.Contains(b.body, "fewer personas") {
		t.Error("two unstable personas advised to try fewer personas")
	}
}
