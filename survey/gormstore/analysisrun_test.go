package gormstore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/gormstore/storetest"
)

// twoProcesses opens two stores on one database, like two server
// processes: SQLite files and, when SAFAR_TEST_POSTGRES is set, PostgreSQL.
func twoProcesses(t *testing.T) map[string][2]*gormstore.Store {
	t.Helper()
	ctx := context.Background()
	open := func(dsn string) *gormstore.Store {
		s, err := gormstore.Open(ctx, dsn, gormstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	path := filepath.Join(t.TempDir(), "safar.db")
	out := map[string][2]*gormstore.Store{"sqlite": {open(path), open(path)}}
	if dsn := os.Getenv(storetest.PostgresEnv); dsn != "" {
		schemaDSN, drop := pgtest.TempSchema(t, dsn)
		a := open(schemaDSN)
		b := open(schemaDSN)
		t.Cleanup(drop)
		out["postgres"] = [2]*gormstore.Store{a, b}
	}
	return out
}

func TestAnalysisRunClaimedExactlyOnce(t *testing.T) {
	for name, stores := range twoProcesses(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			const runs = 12
			for i := 0; i < runs; i++ {
				r := &survey.AnalysisRun{Scope: survey.AnalysisScope{ProjectID: int64(i + 1)}.String(), Seed: 1}
				if err := stores[0].EnqueueAnalysisRun(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			var mu sync.Mutex
			claimed := map[int64]int{}
			var wg sync.WaitGroup
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func(st *gormstore.Store) {
					defer wg.Done()
					for {
						now := time.Now().UTC()
						r, err := st.ClaimAnalysisRun(ctx, now, now.Add(-time.Hour))
						if errors.Is(err, survey.ErrNotFound) {
							return
						}
						if err != nil {
							t.Error(err)
							return
						}
						mu.Lock()
						claimed[r.ID]++
						mu.Unlock()
					}
				}(stores[w%2])
			}
			wg.Wait()
			if len(claimed) != runs {
				t.Errorf("claimed %d runs, want %d", len(claimed), runs)
			}
			for id, n := range claimed {
				if n != 1 {
					t.Errorf("run %d claimed %d times", id, n)
				}
			}
		})
	}
}

func TestAnalysisRunLifecycle(t *testing.T) {
	st := storetest.MustOpenTemp(t)
	ctx := context.Background()
	scope := survey.AnalysisScope{Survey: "s1"}.String()
	a := &survey.AnalysisRun{Scope: scope, K: 3, Seed: 1}
	if err := st.EnqueueAnalysisRun(ctx, a); err != nil {
		t.Fatal(err)
	}
	b := &survey.AnalysisRun{Scope: scope, K: 4, Seed: 1}
	if err := st.EnqueueAnalysisRun(ctx, b); err != nil {
		t.Fatal(err)
	}
	if a.ID != b.ID || b.K != 4 {
		t.Fatalf("second enqueue made run %d (k=%d), want the queued run %d updated to k=4", b.ID, b.K, a.ID)
	}
	t0 := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	r, err := st.ClaimAnalysisRun(ctx, t0, t0.Add(-10*time.Minute))
	if err != nil || r.ID != a.ID || r.Status != survey.RunRunning || r.K != 4 {
		t.Fatalf("claim = %+v, %v", r, err)
	}
	if _, err := st.ClaimAnalysisRun(ctx, t0, t0.Add(-10*time.Minute)); !errors.Is(err, survey.ErrNotFound) {
		t.Fatalf("second claim: %v, want not found", err)
	}
	// A run whose process died (no heartbeat for long) is taken over.
	later := t0.Add(time.Hour)
	r2, err := st.ClaimAnalysisRun(ctx, later, later.Add(-10*time.Minute))
	if err != nil || r2.ID != a.ID {
		t.Fatalf("reclaim of a dead run = %+v, %v", r2, err)
	}
	if err := st.UpdateAnalysisProgress(ctx, r.ID, 0.5, "personas", later); err != nil {
		t.Fatal(err)
	}
	if err := st.StartAnalysisRun(ctx, r.ID, "v1", `{"k":4}`); err != nil {
		t.Fatal(err)
	}
	if _, err := st.LatestAnalysisResult(ctx, scope, true); !errors.Is(err, survey.ErrNotFound) {
		t.Fatalf("result before done: %v", err)
	}
	if err := st.FinishAnalysisRun(ctx, r.ID, survey.RunDone, `{"study":{}}`, "", later); err != nil {
		t.Fatal(err)
	}
	got, err := st.LatestAnalysisResult(ctx, scope, true)
	if err != nil || got.Result != `{"study":{}}` || got.DataVersion != "v1" || got.Progress != 1 || got.FinishedAt == nil {
		t.Fatalf("result = %+v, %v", got, err)
	}
	// A newer result clears the older one's (large) result.
	c := &survey.AnalysisRun{Scope: scope, Seed: 1}
	if err := st.EnqueueAnalysisRun(ctx, c); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ClaimAnalysisRun(ctx, later, later); err != nil {
		t.Fatal(err)
	}
	if err := st.FinishAnalysisRun(ctx, c.ID, survey.RunDone, `{"study":{"name":"new"}}`, "", later); err != nil {
		t.Fatal(err)
	}
	if got, err := st.LatestAnalysisResult(ctx, scope, true); err != nil || got.ID != c.ID {
		t.Fatalf("newest result = %+v, %v", got, err)
	}
	var n int64
	st.DB().Table("analysis_runs").Where("scope = ? AND result <> ''", scope).Count(&n)
	if n != 1 {
		t.Errorf("%d runs keep a result, want 1", n)
	}
	latest, err := st.LatestAnalysisRun(ctx, scope)
	if err != nil || latest.Status != survey.RunDone || latest.Result != "" {
		t.Fatalf("latest = %+v, %v (want done, without result)", latest, err)
	}

	set, err := st.AnalysisSettings(ctx, scope)
	if err != nil || set.K != 0 || len(set.Hide) != 0 {
		t.Fatalf("empty settings = %+v, %v", set, err)
	}
	set.Merge, set.Rename, set.Hide, set.K, set.Exclude = map[string]string{"a": "b"}, map[string]string{"b": "B!"}, []string{"c"}, 3, []string{"q1"}
	if err := st.SaveAnalysisSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	set.K = 5
	if err := st.SaveAnalysisSettings(ctx, set); err != nil {
		t.Fatal(err)
	}
	back, err := st.AnalysisSettings(ctx, scope)
	if err != nil || back.K != 5 || back.Merge["a"] != "b" || back.Rename["b"] != "B!" || back.Hide[0] != "c" || back.Exclude[0] != "q1" {
		t.Fatalf("settings = %+v, %v", back, err)
	}
}

func TestAnalysisDataVersionChangesWithNewResponses(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testDataVersion(t, storetest.MustOpenTemp(t)) })
	t.Run("postgres", func(t *testing.T) { testDataVersion(t, storetest.MustOpenPostgres(t)) })
}

func testDataVersion(t *testing.T, st *gormstore.Store) {
	ctx := context.Background()
	p, err := st.EnsureProject(ctx, "p", "P")
	if err != nil {
		t.Fatal(err)
	}
	d := &survey.Definition{Slug: "s1", Title: survey.Text("S"), Language: "en", Pages: []survey.Page{{Questions: []survey.Question{{ID: "q", Type: survey.ShortText, Text: survey.Text("Q")}}}}}
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
	if err := st.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	scopes := []survey.AnalysisScope{{Survey: "s1"}, {ProjectID: p.ID}}
	before := map[survey.AnalysisScope]string{}
	for _, sc := range scopes {
		if before[sc], err = st.AnalysisDataVersion(ctx, sc); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := st.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "c1", Status: survey.Complete,
		StartedAt: time.Now().UTC(), Answers: survey.Answers{"q": {Text: "slow"}}}); err != nil {
		t.Fatal(err)
	}
	for _, sc := range scopes {
		after, err := st.AnalysisDataVersion(ctx, sc)
		if err != nil {
			t.Fatal(err)
		}
		if after == before[sc] {
			t.Errorf("%s: data version %q unchanged after a new response", sc, after)
		}
		again, _ := st.AnalysisDataVersion(ctx, sc)
		if again != after {
			t.Errorf("%s: data version not stable: %q then %q", sc, after, again)
		}
	}
	// Transcripts, notes and speaker roles change a project's version.
	proj := survey.AnalysisScope{ProjectID: p.ID}
	v0, _ := st.AnalysisDataVersion(ctx, proj)
	tr := &survey.Transcript{ProjectID: p.ID, Kind: survey.KindInterview, Title: "notes", Format: "notes",
		Utterances: []survey.Utterance{{Order: 1, Speaker: "Mod", Text: "How was it?"}, {Order: 2, Speaker: "Ana", Text: "Too slow."}}}
	if err := st.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	v1, err := st.AnalysisDataVersion(ctx, proj)
	if err != nil || v1 == v0 {
		t.Errorf("version after a transcript: %q (was %q), %v", v1, v0, err)
	}
	if err := st.UpdateSpeaker(ctx, tr.ID, survey.Speaker{Name: "Mod", Moderator: true}); err != nil {
		t.Fatal(err)
	}
	if v2, _ := st.AnalysisDataVersion(ctx, proj); v2 == v1 {
		t.Errorf("version unchanged after marking the moderator: %q", v2)
	}
	if _, err := st.AnalysisDataVersion(ctx, survey.AnalysisScope{Survey: "nope"}); !errors.Is(err, survey.ErrNotFound) {
		t.Errorf("unknown survey: %v", err)
	}
}
