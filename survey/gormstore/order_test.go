package gormstore_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// TestResponseOrderIsStoredAndRead: the order a respondent saw comes back
// from every read (by client id, by id, listed, streamed), survives an
// update that carries none (an API retry), and is stored by a bulk import.
func TestResponseOrderIsStoredAndRead(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		order := survey.ItemOrder{"channel": {"web", "app", "store"}, "pages[1]": {"b", "a"}}
		r := &survey.Response{SurveyID: sv.ID, ClientID: "8f7c1d2e-0000-4000-8000-000000000001", Status: survey.Partial, Source: "web", Order: order}
		stored, _, err := s.SaveResponse(ctx, r)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stored.Order, order) {
			t.Errorf("SaveResponse returned order %v, want %v", stored.Order, order)
		}
		// Completing it without an order keeps the stored one.
		done := &survey.Response{SurveyID: sv.ID, ClientID: r.ClientID, Status: survey.Complete, Source: "web"}
		if _, _, err := s.SaveResponse(ctx, done); err != nil {
			t.Fatal(err)
		}
		byClient, err := s.ResponseByClientID(ctx, sv.ID, r.ClientID)
		if err != nil {
			t.Fatal(err)
		}
		byID, err := s.ResponseByID(ctx, stored.ID)
		if err != nil {
			t.Fatal(err)
		}
		listed, err := s.ListResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}, 0, 10)
		if err != nil || len(listed) != 1 {
			t.Fatalf("listed %d (%v)", len(listed), err)
		}
		var streamed *survey.Response
		if err := s.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error { streamed = r; return nil }); err != nil {
			t.Fatal(err)
		}
		for name, got := range map[string]*survey.Response{"by client id": byClient, "by id": byID, "listed": listed[0], "streamed": streamed} {
			if got.Status != survey.Complete || !reflect.DeepEqual(got.Order, order) {
				t.Errorf("%s: status %s order %v, want complete with %v", name, got.Status, got.Order, order)
			}
		}

		imported := []*survey.Response{
			{SurveyID: sv.ID, ClientID: "import-1", Status: survey.Complete, Source: "import", Order: survey.ItemOrder{"channel": {"store", "web", "app"}}},
			{SurveyID: sv.ID, ClientID: "import-2", Status: survey.Complete, Source: "import"},
		}
		if err := s.SaveResponses(ctx, imported); err != nil {
			t.Fatal(err)
		}
		for _, want := range imported {
			got, err := s.ResponseByClientID(ctx, sv.ID, want.ClientID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Order, want.Order) {
				t.Errorf("imported %s: order %v, want %v", want.ClientID, got.Order, want.Order)
			}
		}
	})
}

// TestMigration0014OnAnOldDatabase drops responses.item_order as a
// database made before 0014 lacks it, and checks that opening the store
// adds it back with the old responses readable and orders storable.
func TestMigration0014OnAnOldDatabase(t *testing.T) {
	path := t.TempDir() + "/old.db"
	ctx := context.Background()
	s, err := gormstore.Open(ctx, path, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sv := mustCreateSurvey(t, s, survey.Published)
	old, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, ClientID: "old-one", Status: survey.Complete, Source: "import"})
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{"ALTER TABLE responses DROP COLUMN item_order", "DELETE FROM schema_migrations WHERE id = '0014_response_item_order'"} {
		if err := s.DB().Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	if s, err = gormstore.Open(ctx, path, gormstore.Options{}); err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	if got, err := s.ResponseByID(ctx, old.ID); err != nil || got.Order != nil {
		t.Fatalf("old response after 0014: %v, order %v", err, got)
	}
	order := survey.ItemOrder{"channel": {"app", "web"}}
	if _, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, ClientID: "new-one", Status: survey.Complete, Source: "web", Order: order}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.ResponseByClientID(ctx, sv.ID, "new-one"); err != nil || !reflect.DeepEqual(got.Order, order) {
		t.Fatalf("new response after 0014: %v, order %v", err, got)
	}
}
