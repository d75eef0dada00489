package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
)

// TestBackupWhileServing runs `safar backup` against the database of a
// running server that is taking submissions, then restores the copy the
// documented way (docs/operations.md: it is a plain database file) and
// checks it: integrity_check passes and it holds every response
// acknowledged before the backup started.
func TestBackupWhileServing(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server process; skipped with -short")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	srv := startChildServer(t, "serve", "--addr", "127.0.0.1:0", "--db", db, "--demo", "--log-level", "error", "--submit-rate-ip", "-1")
	def, err := fetchDefinition(context.Background(), srv.base, "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	bodies, _, err := submitBodies(def, 8)
	if err != nil {
		t.Fatal(err)
	}
	var (
		acked atomic.Int64
		stop  atomic.Bool
		wg    sync.WaitGroup
	)
	for g := range 8 {
		wg.Go(func() {
			for i := g; !stop.Load(); i++ {
				resp, err := http.Post(srv.base+"/api/v1/surveys/demo-en/responses", "application/json",
					strings.NewReader(fmt.Sprintf(bodies[i%len(bodies)], uuid.NewString())))
				if err != nil {
					t.Error(err)
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode/100 == 2 {
					acked.Add(1)
				}
			}
		})
	}
	time.Sleep(500 * time.Millisecond)
	before := acked.Load()
	out := filepath.Join(dir, "backup.db")
	code, stdout, stderr := runSafar(t, db, "backup", "-o", out)
	time.Sleep(200 * time.Millisecond)
	stop.Store(true)
	wg.Wait()
	srv.stop(t)
	if code != 0 {
		t.Fatalf("backup: exit %d: %s %s", code, stdout, stderr)
	}
	if code, _, stderr := runSafar(t, db, "backup", "-o", out); code == 0 || !strings.Contains(stderr, "already exists") {
		t.Errorf("backup over an existing file: exit %d, %q", code, stderr)
	}

	// Restore: the backup is a complete database file on its own.
	restored := filepath.Join(t.TempDir(), "restored.db")
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(restored, b, 0o600); err != nil {
		t.Fatal(err)
	}
	store, err := openStore(context.Background(), restored, false)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.IntegrityCheck(context.Background()); err != nil {
		t.Fatal(err)
	}
	sv, err := store.SurveyBySlug(context.Background(), "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	n, err := store.CountResponses(context.Background(), survey.ResponseFilter{SurveyID: sv.ID, Touchpoint: "loadtest"})
	if err != nil {
		t.Fatal(err)
	}
	if int64(n) < before {
		t.Fatalf("restored backup holds %d API responses, want at least the %d acknowledged before it began", n, before)
	}
	t.Logf("backup taken under load: %d API responses (%d acknowledged before, %d by the end)", n, before, acked.Load())
}
