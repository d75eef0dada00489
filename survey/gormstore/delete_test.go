package gormstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestDeleteResponseRemovesTheRespondentEverywhere: answers, codes on their
// answers and stored analyses quoting them go; other analyses stay.
func TestDeleteResponseRemovesTheRespondentEverywhere(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		r, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "gone",
			Status: survey.Complete, Answers: surveytest.FullAnswers()})
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now().UTC()
		store := func(scope, result string) int64 {
			if err := s.EnqueueAnalysisRun(ctx, &survey.AnalysisRun{Scope: scope}); err != nil {
				t.Fatal(err)
			}
			run, err := s.ClaimAnalysisRun(ctx, now, now.Add(-time.Hour))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.FinishAnalysisRun(ctx, run.ID, survey.RunDone, result, "", now); err != nil {
				t.Fatal(err)
			}
			return run.ID
		}
		quoting := store("survey:a", `{"members":["r:`+r.ID+`:problem"]}`)
		other := store("survey:b", `{"members":["r:someone-else:problem"]}`)

		if err := s.DeleteResponse(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResponseByID(ctx, r.ID); !errors.Is(err, survey.ErrNotFound) {
			t.Fatalf("response still there: %v", err)
		}
		if _, err := s.AnalysisRun(ctx, quoting); !errors.Is(err, survey.ErrNotFound) {
			t.Fatalf("an analysis quoting the deleted respondent survived: %v", err)
		}
		if _, err := s.AnalysisRun(ctx, other); err != nil {
			t.Fatalf("an unrelated analysis was dropped: %v", err)
		}
	})
}
