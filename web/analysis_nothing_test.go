package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"testing"
	"time"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// TestNothingToSayCounted: the pain points page says how many of the
// answers in no pain point say there is nothing to say ("N/A", "no idea"),
// in the reader's language and digits, and none of them is a pain point.
func TestNothingToSayCounted(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	d, err := survey.ParseDefinition([]byte(`{"slug": "open", "title": "Open", "language": "en", "pages": [{"id": "p1", "questions": [
		{"id": "channel", "type": "single", "text": "Channel", "role": "behaviour", "options": ["web", "store", "phone"]},
		{"id": "worst", "type": "long_text", "text": "What frustrated you most?", "role": "pain"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	answers := []string{"The delivery was late by a week", "delivery late again", "my parcel was late", "The app crashes at checkout",
		"the app keeps crashing when I pay", "N/A", "no idea", "Nothing to add, thanks"}
	now := time.Now().UTC()
	for i := range 48 {
		r := &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: fmt.Sprintf("c%d", i), Status: survey.Complete,
			StartedAt: now, CompletedAt: &now, Source: survey.SourceWeb, Answers: survey.Answers{
				"channel": {Choice: []string{"web", "store", "phone"}[i%3]}, "worst": {Text: answers[i%len(answers)]}}}
		if _, _, err := w.store.SaveResponse(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: "survey:open", K: 2}); err != nil {
		t.Fatal(err)
	}
	runner := &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: 10}
	const base = "/app/surveys/open/analysis"
	en := w.login("res@example.com")
	en.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	st := storedResult(t, w, "survey:open")
	if st.PainPoints.NothingToSay != 18 {
		t.Fatalf("%d answers say there is nothing to say, want 18", st.PainPoints.NothingToSay)
	}
	for _, pp := range st.PainPoints.PainPoints {
		if pp.Label == "no idea" || pp.Label == "nothing to add" {
			t.Errorf("a non-answer is a pain point: %q", pp.Label)
		}
	}
	en.get(base+"/painpoints").want(http.StatusOK, fmt.Sprintf("%d texts voice none of these problems. 18 of them say there is nothing to say", st.PainPoints.Other))
	fa := w.login("fa@example.com")
	fa.get(base+"/painpoints").want(http.StatusOK, persian("18 مورد از آن‌ها می‌گوید حرفی برای گفتن ندارد"))
}
