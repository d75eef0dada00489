package gormstore_test

import (
	"context"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// TestCodeEditMakesAnalysesStale: renaming a code (or changing its group
// or description) changes the codes part of the analysis data version, so
// the analyses that report it say the codebook changed; nothing else does.
func TestCodeEditMakesAnalysesStale(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		code := &survey.Code{ProjectID: sv.ProjectID, Name: "late", Group: survey.GroupPainPoint}
		if err := s.CreateCode(ctx, code); err != nil {
			t.Fatal(err)
		}
		for _, scope := range []survey.AnalysisScope{{ProjectID: sv.ProjectID}, {Survey: sv.Slug}} {
			before := mustVersion(t, s, scope)
			if again := mustVersion(t, s, scope); again != before {
				t.Fatalf("%v: version %q, then %q with nothing changed", scope, before, again)
			}
			code.Name += " delivery"
			if err := s.UpdateCode(ctx, code); err != nil {
				t.Fatal(err)
			}
			if data, codes := survey.StaleParts(before, mustVersion(t, s, scope)); data || !codes {
				t.Errorf("%v: after a rename stale data %v, codes %v; want the codes only", scope, data, codes)
			}
		}
	})
}

// TestMigration0020OnAnOldDatabase: a database made before codes had a
// change time gets one; its analyses stay current until a code is edited.
func TestMigration0020OnAnOldDatabase(t *testing.T) {
	path := t.TempDir() + "/old.db"
	ctx := context.Background()
	s, err := gormstore.Open(ctx, path, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv := mustCreateSurvey(t, s, survey.Published)
	code := &survey.Code{ProjectID: sv.ProjectID, Name: "late", Group: survey.GroupPainPoint}
	if err := s.CreateCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	scope := survey.AnalysisScope{ProjectID: sv.ProjectID}
	before := mustVersion(t, s, scope)
	for _, stmt := range []string{"ALTER TABLE codes DROP COLUMN updated_at", "DELETE FROM schema_migrations WHERE id = '0020_code_updated_at'"} {
		if err := s.DB().Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	if s, err = gormstore.Open(ctx, path, gormstore.Options{}); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if after := mustVersion(t, s, scope); after != before {
		t.Errorf("version %q after the migration, %q before: every analysis would read as stale", after, before)
	}
	code.Group = survey.GroupGoal
	if err := s.UpdateCode(ctx, code); err != nil {
		t.Fatal(err)
	}
	if _, codes := survey.StaleParts(before, mustVersion(t, s, scope)); !codes {
		t.Error("a code edited after the migration leaves the analysis current")
	}
}

func mustVersion(t *testing.T, s *gormstore.Store, scope survey.AnalysisScope) string {
	t.Helper()
	v, err := s.AnalysisDataVersion(context.Background(), scope)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
