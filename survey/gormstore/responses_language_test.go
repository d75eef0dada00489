package gormstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

// Responses in every language of a survey land in the one survey, with the
// language each was answered in, through every write path (a new response,
// an update, the bulk insert of new ones, a streamed read).
func TestResponsesKeepTheirLanguage(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		p, err := s.EnsureProject(ctx, "demo", "Demo")
		if err != nil {
			t.Fatal(err)
		}
		sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.Bilingual(t), Status: survey.Published}
		if err := s.CreateSurvey(ctx, sv); err != nil {
			t.Fatal(err)
		}
		fa := &survey.Response{SurveyID: sv.ID, ClientID: "c-fa", Status: survey.Partial, Source: "web", Language: "fa",
			Answers: survey.Answers{"city": {Choice: "tabriz"}}}
		if _, _, err := s.SaveResponse(ctx, fa); err != nil {
			t.Fatal(err)
		}
		// The respondent switches to English and finishes.
		fa.Language, fa.Status = "en", survey.Complete
		if _, _, err := s.SaveResponse(ctx, fa); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveResponses(ctx, []*survey.Response{{SurveyID: sv.ID, ClientID: "c-bulk", Status: survey.Complete, Source: "import", Language: "fa",
			Answers: survey.Answers{"city": {Choice: "tabriz"}}}}); err != nil {
			t.Fatal(err)
		}
		got, err := s.ResponseByClientID(ctx, sv.ID, "c-fa")
		if err != nil || got.Language != "en" {
			t.Fatalf("after the switch: language %q (%v), want en", got.Language, err)
		}
		langs := map[string]string{}
		err = s.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
			langs[r.ClientID] = r.Language + "/" + r.Answers["city"].Choice
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if langs["c-fa"] != "en/tabriz" || langs["c-bulk"] != "fa/tabriz" {
			t.Errorf("streamed: %v, want c-fa en/tabriz and c-bulk fa/tabriz: one survey, one set of values", langs)
		}
	})
}

// Migration 0012 on a database from before it: the column is added and the
// responses already stored get their survey's language.
func TestMigration0012OnAnOldDatabase(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) {
		path := t.TempDir() + "/old.db"
		checkMigration0012(t, path, "ALTER TABLE responses DROP COLUMN language")
	})
	t.Run("postgres", func(t *testing.T) {
		dsn := os.Getenv(storetest.PostgresEnv)
		if dsn == "" {
			t.Skip("set " + storetest.PostgresEnv)
		}
		schemaDSN, drop := pgtest.TempSchema(t, dsn)
		t.Cleanup(drop)
		checkMigration0012(t, schemaDSN, "ALTER TABLE responses DROP COLUMN language")
	})
}

func checkMigration0012(t *testing.T, dsn, dropColumn string) {
	ctx := context.Background()
	s, err := gormstore.Open(ctx, dsn, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv := mustCreateSurvey(t, s, survey.Published) // an English survey
	if _, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, ClientID: "old", Status: survey.Complete, Source: "web"}); err != nil {
		t.Fatal(err)
	}
	db := s.DB()
	for _, stmt := range []string{dropColumn, "DELETE FROM schema_migrations WHERE id = '0012_response_language'"} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	if s, err = gormstore.Open(ctx, dsn, gormstore.Options{}); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	r, err := s.ResponseByClientID(ctx, sv.ID, "old")
	if err != nil || r.Language != "en" {
		t.Fatalf("old response after 0012: language %q (%v), want the survey's (en)", r.Language, err)
	}
}
