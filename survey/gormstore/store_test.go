package gormstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

// forEachStore runs a test against SQLite and, when SAFAR_TEST_POSTGRES is
// set, PostgreSQL.
func forEachStore(t *testing.T, fn func(t *testing.T, s *gormstore.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, storetest.MustOpenTemp(t))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, storetest.MustOpenPostgres(t))
	})
}

func mustCreateSurvey(t *testing.T, s *gormstore.Store, status survey.Status) *survey.Survey {
	t.Helper()
	ctx := context.Background()
	p, err := s.EnsureProject(ctx, "demo", "Demo")
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: status}
	if err := s.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	return sv
}

func TestSurveyLifecycle(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)

		dup := &survey.Survey{ProjectID: sv.ProjectID, Definition: surveytest.AllTypes(t)}
		if err := s.CreateSurvey(ctx, dup); !errors.Is(err, survey.ErrConflict) {
			t.Fatalf("second survey with the same slug: got %v, want ErrConflict", err)
		}

		got, err := s.SurveyBySlug(ctx, "all-types")
		if err != nil {
			t.Fatal(err)
		}
		if got.Version != 1 || got.Status != survey.Published || len(got.Definition.Questions()) != 12 {
			t.Fatalf("got version %d status %s %d questions", got.Version, got.Status, len(got.Definition.Questions()))
		}

		d2 := surveytest.AllTypes(t)
		d2.Title = survey.Text("Every question type, v2")
		v, err := s.UpdateDefinition(ctx, sv.ID, d2)
		if err != nil || v != 2 {
			t.Fatalf("update definition: version %d, err %v", v, err)
		}
		old, err := s.DefinitionVersion(ctx, sv.ID, 1)
		if err != nil || old.Title.String() != "Every question type" {
			t.Fatalf("version 1 kept: %v %v", old, err)
		}
		d2.Slug = "renamed"
		if _, err := s.UpdateDefinition(ctx, sv.ID, d2); !errors.Is(err, survey.ErrInvalid) {
			t.Fatalf("slug change: got %v, want ErrInvalid", err)
		}
		if _, err := s.SurveyBySlug(ctx, "nope"); !errors.Is(err, survey.ErrNotFound) {
			t.Fatalf("unknown slug: got %v, want ErrNotFound", err)
		}
		if err := s.SetSurveyStatus(ctx, sv.ID, survey.Closed); err != nil {
			t.Fatal(err)
		}
		list, err := s.Surveys(ctx, sv.ProjectID)
		if err != nil || len(list) != 1 || list[0].Status != survey.Closed {
			t.Fatalf("surveys: %v %v", list, err)
		}
	})
}

func TestResponseRoundTripAndIdempotency(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		want := surveytest.FullAnswers()

		r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "c-1", Touchpoint: "instagram",
			Status: survey.Partial, Page: 1, Answers: survey.Answers{"age": want["age"]}}
		got, created, err := s.SaveResponse(ctx, r)
		if err != nil || !created {
			t.Fatalf("first save: created=%v err=%v", created, err)
		}
		id := got.ID

		r.Status, r.Answers = survey.Complete, want
		got, created, err = s.SaveResponse(ctx, r)
		if err != nil || created || got.ID != id {
			t.Fatalf("completing save: id %s->%s created=%v err=%v", id, got.ID, created, err)
		}

		// A retry after completion changes nothing.
		r.Answers = survey.Answers{"age": {Choice: "50+"}}
		got, created, err = s.SaveResponse(ctx, r)
		if err != nil || created || got.Answers["age"].Choice != "25-34" {
			t.Fatalf("retry after complete: created=%v age=%v err=%v", created, got.Answers["age"], err)
		}

		back, err := s.ResponseByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if back.Status != survey.Complete || back.CompletedAt == nil || back.Touchpoint != "instagram" {
			t.Fatalf("stored response: %+v", back)
		}
		for qid, w := range want {
			if g := back.Answers[qid]; !reflect.DeepEqual(g, w) {
				t.Errorf("answer %s: got %#v, want %#v", qid, g, w)
			}
		}
		n, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
		if n != 1 {
			t.Fatalf("responses stored: got %d, want 1", n)
		}
	})
}

func TestConcurrentSubmitsWithOneClientIDStoreOne(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		var wg sync.WaitGroup
		ids := make([]string, 8)
		for i := range ids {
			wg.Go(func() {
				r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "same", Status: survey.Complete,
					Answers: surveytest.FullAnswers()}
				got, _, err := s.SaveResponse(ctx, r)
				if err != nil {
					t.Error(err)
					return
				}
				ids[i] = got.ID
			})
		}
		wg.Wait()
		for _, id := range ids[1:] {
			if id != ids[0] {
				t.Fatalf("double submit gave two ids: %v", ids)
			}
		}
		if n, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}); n != 1 {
			t.Fatalf("responses: got %d, want 1", n)
		}
	})
}

func TestEachResponseStreamsAllInOrder(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		const n = 1234 // more than two pages
		base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		rs := make([]*survey.Response, n)
		for i := range rs {
			st := survey.Complete
			if i%10 == 0 {
				st = survey.Partial
			}
			rs[i] = &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: fmt.Sprint("imp-", i),
				Status: st, Source: "import", StartedAt: base.Add(time.Duration(i) * time.Minute),
				Answers: survey.Answers{"age": {Choice: "18-24"}, "nps": survey.NumberValue(float64(i % 11))}}
		}
		if err := s.SaveResponses(ctx, rs); err != nil {
			t.Fatal(err)
		}
		var seen int
		err := s.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
			if r.ClientID != fmt.Sprint("imp-", seen) {
				return fmt.Errorf("position %d: got %s", seen, r.ClientID)
			}
			if got := *r.Answers["nps"].Number; got != float64(seen%11) {
				return fmt.Errorf("%s: nps %v", r.ClientID, got)
			}
			seen++
			return nil
		})
		if err != nil || seen != n {
			t.Fatalf("streamed %d of %d: %v", seen, n, err)
		}
		// A cancelled read stops at the next response, SQLite too (whose
		// pages are queried with a context that is never cancelled).
		cctx, cancel := context.WithCancel(ctx)
		seen = 0
		err = s.EachResponse(cctx, survey.ResponseFilter{SurveyID: sv.ID}, func(*survey.Response) error {
			if seen++; seen == 10 {
				cancel()
			}
			return nil
		})
		cancel()
		if !errors.Is(err, context.Canceled) || seen != 10 {
			t.Fatalf("cancelled at 10: read %d, %v", seen, err)
		}
		partial, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID, Status: survey.Partial})
		if partial != 124 {
			t.Fatalf("partial: got %d, want 124", partial)
		}
		if err := s.SaveResponses(ctx, rs[:1]); !errors.Is(err, survey.ErrConflict) {
			t.Fatalf("re-import of a stored client id: got %v, want ErrConflict", err)
		}
	})
}

func TestSQLiteFileUsesWAL(t *testing.T) {
	path := filepath.Join(t.TempDir(), "safar.db")
	s, err := gormstore.Open(context.Background(), path, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var mode string
	s.DB().Raw("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Fatalf("journal_mode: got %q, want wal", mode)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	// Opening again runs no migration twice.
	s2, err := gormstore.Open(context.Background(), path, gormstore.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	s2.Close()
}
