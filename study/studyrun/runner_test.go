package studyrun_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

var _ studyrun.Store = (*gormstore.Store)(nil)

// Two runners (two server processes on one database) race for one queued
// run: exactly one runs it; the result records the data version, which a
// new response then makes stale.
func TestRunnersClaimOnceAndResultGoesStale(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "safar.db")
	var stores [2]*gormstore.Store
	for i := range stores {
		s, err := gormstore.Open(ctx, path, gormstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	if _, err := demo.Seed(ctx, stores[0]); err != nil {
		t.Fatal(err)
	}
	scope := survey.AnalysisScope{Survey: demo.SlugEN}
	if err := stores[0].SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope.String(), K: 3, Hide: []string{"nonexistent"}}); err != nil {
		t.Fatal(err)
	}
	if err := stores[0].EnqueueAnalysisRun(ctx, &survey.AnalysisRun{Scope: scope.String(), K: 3, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	var (
		wg  sync.WaitGroup
		mu  sync.Mutex
		ran int
	)
	for i := range stores {
		r := &studyrun.Runner{Store: stores[i], Bootstrap: -1}
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := r.RunNext(ctx)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			if ok {
				ran++
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if ran != 1 {
		t.Fatalf("the run ran %d times, want once", ran)
	}
	run, err := stores[1].LatestAnalysisResult(ctx, scope.String(), true)
	if err != nil {
		t.Fatal(err)
	}
	if run.Status != survey.RunDone || run.Progress != 1 || run.StartedAt == nil || run.FinishedAt == nil || run.DataVersion == "" {
		t.Errorf("finished run = %+v", run)
	}
	if run.Options == "" || run.Options == "{}" {
		t.Errorf("run options %q: want the settings applied", run.Options)
	}
	st, err := studyrun.Decode(run.Result)
	if err != nil {
		t.Fatal(err)
	}
	if st.Study.Responses == 0 || st.Personas == nil || st.Personas.K != 3 || len(st.PainPoints.PainPoints) == 0 {
		t.Fatalf("result: %d responses, personas %v, %d pain points", st.Study.Responses, st.Personas, len(st.PainPoints.PainPoints))
	}
	linked := 0
	for _, pp := range st.PainPoints.PainPoints {
		for _, o := range st.Examples[pp.Key] {
			if o.Survey == demo.SlugEN && o.Response != "" {
				linked++
			}
		}
	}
	if linked == 0 {
		t.Error("no example quote linked to its response")
	}

	cur, err := stores[0].AnalysisDataVersion(ctx, scope)
	if err != nil || cur != run.DataVersion {
		t.Fatalf("fresh result: current version %q, run saw %q (%v)", cur, run.DataVersion, err)
	}
	sv, err := stores[0].SurveyBySlug(ctx, demo.SlugEN)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := stores[1].SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: "new",
		Status: survey.Complete, StartedAt: time.Now().UTC(), Answers: survey.Answers{}}); err != nil {
		t.Fatal(err)
	}
	if cur, _ := stores[0].AnalysisDataVersion(ctx, scope); cur == run.DataVersion {
		t.Error("a new response did not make the result stale")
	}
}

// A run that fails is stored as failed with the kind of failure its
// pages say in the reader's language (the error itself is logged).
func TestFailedRunKeepsTheReason(t *testing.T) {
	ctx := context.Background()
	s, err := gormstore.Open(ctx, filepath.Join(t.TempDir(), "safar.db"), gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.EnqueueAnalysisRun(ctx, &survey.AnalysisRun{Scope: "survey:missing"}); err != nil {
		t.Fatal(err)
	}
	// The server holds its memory down around each run, failed ones too,
	// until the run's outcome is stored (writing a big result takes memory).
	var held, released int
	r := &studyrun.Runner{Store: s, Bootstrap: -1, Hold: func(responses int64) func() {
		held++
		if responses >= 0 {
			t.Errorf("Hold(%d): the size is not known before loading, want < 0", responses)
		}
		return func() {
			released++
			if run, err := s.LatestAnalysisRun(ctx, "survey:missing"); err != nil || !run.Status.Finished() {
				t.Errorf("released with the run %+v, %v; want it stored as finished first", run, err)
			}
		}
	}}
	if ok, err := r.RunNext(ctx); !ok || err != nil {
		t.Fatalf("RunNext = %v, %v", ok, err)
	}
	if held != 1 || released != 1 {
		t.Errorf("held %d and released %d times, want once each", held, released)
	}
	run, err := s.LatestAnalysisRun(ctx, "survey:missing")
	if err != nil || run.Status != survey.RunFailed || run.Message != survey.RunError {
		t.Fatalf("run = %+v, %v; want failed with %q", run, err, survey.RunError)
	}
}
