package gormstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestBackupWhileWriting backs up a SQLite database while responses are
// being saved, then opens the copy as a store: it passes integrity_check,
// holds every response saved before the backup began, and each of its
// responses has all its answers (a consistent snapshot, not a torn copy).
func TestBackupWhileWriting(t *testing.T) {
	s := storetest.MustOpenTemp(t)
	ctx := context.Background()
	sv := mustCreateSurvey(t, s, survey.Published)
	save := func(i int64) error {
		_, _, err := s.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: fmt.Sprint("c", i),
			Status: survey.Complete, Answers: surveytest.FullAnswers()})
		return err
	}
	var seq atomic.Int64
	for range 200 {
		if err := save(seq.Add(1)); err != nil {
			t.Fatal(err)
		}
	}
	var (
		stop atomic.Bool
		wg   sync.WaitGroup
	)
	for range 8 {
		wg.Go(func() {
			for !stop.Load() {
				if err := save(seq.Add(1)); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	before, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
	out := filepath.Join(t.TempDir(), "backup.db")
	err := s.Backup(ctx, out)
	stop.Store(true)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, out); err == nil {
		t.Error("a second backup to the same file succeeded; want an error")
	}

	b, err := gormstore.Open(ctx, out, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if err := b.IntegrityCheck(ctx); err != nil {
		t.Fatal(err)
	}
	n := 0
	want := gormstore.AnswerValueCount(surveytest.FullAnswers())
	err = b.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
		n++
		if got := gormstore.AnswerValueCount(r.Answers); got != want {
			return fmt.Errorf("%s: %d answer values, want %d", r.ClientID, got, want)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < before {
		t.Fatalf("backup holds %d responses, but %d were stored before it began", n, before)
	}
	t.Logf("backup holds %d responses (%d before it began, %d at the end)", n, before, seq.Load())
}

func TestBackupRefusesPostgres(t *testing.T) {
	s := storetest.MustOpenPostgres(t)
	if err := s.Backup(context.Background(), filepath.Join(t.TempDir(), "x.db")); !errors.Is(err, gormstore.ErrBackupPostgres) {
		t.Fatalf("got %v, want ErrBackupPostgres", err)
	}
}

// TestBackupCleansUpAfterAKilledOne: a backup killed midway (no deferred
// cleanup runs on SIGKILL) left a hidden partial file beside the target;
// the next backup to that target removes it. A cancelled one leaves none.
func TestBackupCleansUpAfterAKilledOne(t *testing.T) {
	s := storetest.MustOpenTemp(t)
	dir := t.TempDir()
	target := filepath.Join(dir, "copy.db")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Backup(ctx, target); err == nil {
		t.Fatal("a cancelled backup succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a cancelled backup left %v", entries)
	}
	stale := filepath.Join(dir, ".copy.db.partial-12345")
	other := filepath.Join(dir, ".other.db.partial-1")
	for _, f := range []string{stale, other} {
		if err := os.WriteFile(f, []byte("half a database"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Backup(context.Background(), target); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the killed backup's partial file is still there: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("another target's file was touched: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 { // copy.db and the other target's file
		t.Errorf("directory holds %d files, want 2", len(entries))
	}
}
