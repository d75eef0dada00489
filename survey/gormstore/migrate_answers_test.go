package gormstore

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestMigrationMovesAnswersIntoRows builds a database as migration 0005
// left it, with answers one row per value (as written before 0006), and
// checks that opening it with this version reads every response back the
// same, finds it by search, and leaves no answers table.
func TestMigrationMovesAnswersIntoRows(t *testing.T) {
	dsns := map[string]string{"sqlite": filepath.Join(t.TempDir(), "legacy.db")}
	if pg := os.Getenv(pgtest.Env); pg != "" {
		schema, drop := pgtest.TempSchema(t, pg)
		t.Cleanup(drop)
		dsns["postgres"] = schema
	} else {
		t.Logf("PostgreSQL part skipped: set %s to run it", pgtest.Env)
	}
	for name, dsn := range dsns {
		t.Run(name, func(t *testing.T) { testMigrationMovesAnswers(t, dsn) })
	}
}

func testMigrationMovesAnswers(t *testing.T, dsn string) {
	ctx := context.Background()
	var dial gorm.Dialector
	if IsPostgres(dsn) {
		dial = postgres.Open(dsn)
	} else {
		dial = sqliteDialector(sqliteDSN(dsn, Options{}))
	}
	old, err := gorm.Open(dial, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	opts := *gormigrate.DefaultOptions
	opts.TableName, opts.UseTransaction = "schema_migrations", true
	if err := gormigrate.New(old, &opts, migrations).MigrateTo("0005_coding"); err != nil {
		t.Fatal(err)
	}
	def := surveytest.AllTypes(t)
	defJSON, _ := json.Marshal(def)
	now := time.Now().UTC().Truncate(time.Second)
	mustCreate := func(v any) {
		t.Helper()
		if err := old.Create(v).Error; err != nil {
			t.Fatal(err)
		}
	}
	mustCreate(&projectRow{ID: 1, Name: "p", Title: "P", CreatedAt: now})
	mustCreate(&surveyRow{ID: 1, ProjectID: 1, Slug: def.Slug, Title: def.Title.String(), Language: def.Language, Status: "published",
		Version: 1, Definition: string(defJSON), CreatedAt: now, UpdatedAt: now})
	mustCreate(&surveyVersionRow{SurveyID: 1, Version: 1, Definition: string(defJSON), CreatedAt: now})
	legacy := func(id, client string, rows ...answerRow) {
		mustCreate(&responseRow{ID: id, SurveyID: 1, SurveyVersion: 1, ClientID: client, Status: "complete", StartedAt: now, UpdatedAt: now})
		for _, r := range rows {
			r.ResponseID = id
			mustCreate(&r)
		}
	}
	n := func(f float64) *float64 { return &f }
	// The rows the pre-0006 writer stored for surveytest.FullAnswers.
	legacy("r1", "c1",
		answerRow{QuestionID: "age", Item: "25-34"},
		answerRow{QuestionID: "channels", Item: "instagram"},
		answerRow{QuestionID: "channels", Item: "other", Text: "A billboard"},
		answerRow{QuestionID: "city", Item: "Shiraz"},
		answerRow{QuestionID: "first_order", Text: "2025-03-21"},
		answerRow{QuestionID: "insta_often", Num: n(4)},
		answerRow{QuestionID: "nickname", Text: "Sara"},
		answerRow{QuestionID: "nps", Num: n(6)},
		answerRow{QuestionID: "orders", Num: n(12)},
		answerRow{QuestionID: "problem", Text: "The parcel arrived a week late <script>alert(1)</script>"},
		answerRow{QuestionID: "rating", Num: n(2)},
		answerRow{QuestionID: "site", Item: "find", Num: n(4)},
		answerRow{QuestionID: "site", Item: "pay", Num: n(2)},
	)
	// A partial response, and a number a respondent once could type as "Inf".
	legacy("r2", "c2", answerRow{QuestionID: "age", Item: "18-24"}, answerRow{QuestionID: "orders", Num: n(math.Inf(1))})
	legacy("r3", "c3")
	if db, err := old.DB(); err == nil {
		db.Close()
	}

	s, err := Open(ctx, dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	want := map[string]survey.Answers{"r1": surveytest.FullAnswers(), "r2": {"age": {Choice: "18-24"}}, "r3": {}}
	for id, a := range want {
		got, err := s.ResponseByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Answers, a) {
			t.Errorf("%s: got %#v\nwant %#v", id, got.Answers, a)
		}
	}
	for search, wantN := range map[string]int{"BILLBOARD": 1, "18-24": 1, "parcel arrived": 1, "nothing like this": 0} {
		if got, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: 1, Search: search}); got != wantN {
			t.Errorf("search %q: %d responses, want %d", search, got, wantN)
		}
	}
	if s.db.Migrator().HasTable("answers") {
		t.Error("the answers table is still there")
	}
}
