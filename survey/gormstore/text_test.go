package gormstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestNULIsRefusedTheSameOnBothStores: PostgreSQL refuses a NUL in text
// with a raw SQL error where SQLite stored it; both now refuse it as
// invalid input naming the field, before any SQL runs.
func TestNULIsRefusedTheSameOnBothStores(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		fieldOf := func(err error) string {
			var ve *survey.ValidationError
			if !errors.As(err, &ve) || len(ve.Problems) == 0 {
				return ""
			}
			return ve.Problems[0].Field
		}
		a := surveytest.FullAnswers()
		a["nickname"] = survey.Value{Text: "Sa\x00ra"}
		_, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "nul", Status: survey.Complete, Answers: a})
		if !errors.Is(err, survey.ErrInvalid) || fieldOf(err) != "nickname" {
			t.Errorf("answer with NUL: %v, want invalid naming nickname", err)
		}
		a["nickname"] = survey.Value{Text: "Sara"}
		a["channels"] = survey.Value{Choices: []string{"other"}, Other: "\xff"}
		if _, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "utf8", Status: survey.Complete, Answers: a}); fieldOf(err) != "channels" {
			t.Errorf("answer with invalid UTF-8: %v, want invalid naming channels", err)
		}
		for _, f := range []survey.ResponseFilter{{SurveyID: sv.ID, Search: "a\x00"}, {SurveyID: sv.ID, Touchpoint: "\x00"}} {
			if _, err := s.CountResponses(ctx, f); !errors.Is(err, survey.ErrInvalid) {
				t.Errorf("filter %+v: %v, want ErrInvalid", f, err)
			}
		}
		d := surveytest.AllTypes(t)
		d.Slug, d.Title = "nul-title", survey.Text("Shop\x00")
		if err := s.CreateSurvey(ctx, &survey.Survey{ProjectID: sv.ProjectID, Definition: d}); fieldOf(err) != "title" {
			t.Errorf("survey title with NUL: %v, want invalid naming title", err)
		}
		d = surveytest.AllTypes(t)
		d.Title = survey.Text("\x00")
		if _, err := s.UpdateDefinition(ctx, sv.ID, d); fieldOf(err) != "title" {
			t.Errorf("new title with NUL: %v, want invalid naming title", err)
		}
		if n, err := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}); err != nil || n != 0 {
			t.Errorf("%d responses stored (%v), want 0", n, err)
		}
	})
}
