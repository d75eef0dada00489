package studyrun_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// seededDemo opens a fresh SQLite store holding the demo project with n
// responses per survey.
func seededDemo(tb testing.TB, n int) (*gormstore.Store, survey.AnalysisScope) {
	tb.Helper()
	ctx := context.Background()
	st, err := gormstore.Open(ctx, filepath.Join(tb.TempDir(), "safar.db"), gormstore.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	if _, err := demo.SeedN(ctx, st, n); err != nil {
		tb.Fatal(err)
	}
	p, err := st.ProjectByName(ctx, demo.Project)
	if err != nil {
		tb.Fatal(err)
	}
	return st, survey.AnalysisScope{ProjectID: p.ID}
}

// loadAll is the in-memory path: every response of the study read into
// SurveyData.Responses before the analysis starts.
func loadAll(tb testing.TB, st *gormstore.Store, scope survey.AnalysisScope) *studyrun.Study {
	tb.Helper()
	ctx := context.Background()
	s, err := studyrun.Load(ctx, st, scope, false)
	if err != nil {
		tb.Fatal(err)
	}
	for i, sv := range s.Surveys {
		sd := &s.Input.Surveys[i]
		if err := st.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
			sd.Responses = append(sd.Responses, r)
			return nil
		}); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// The analysis that reads responses once from the store's cursor says
// exactly what the analysis of the same responses held in memory says:
// every pain point, persona, metric, journey and code, byte for byte.
func TestStreamedAnalysisEqualsInMemory(t *testing.T) {
	ctx := context.Background()
	st, scope := seededDemo(t, 150)
	set := &survey.AnalysisSettings{Scope: scope.String()}
	q := studyrun.Request{Seed: 7, Bootstrap: -1}
	var reads []int
	q.Read = func(n int) { reads = append(reads, n) }

	streamed, got, err := studyrun.Analyze(ctx, st, scope, set, q)
	if err != nil {
		t.Fatal(err)
	}
	for _, sd := range streamed.Input.Surveys {
		if sd.Responses != nil || sd.Each == nil {
			t.Fatalf("survey %s: the analysis path held %d responses in memory; want a cursor", sd.Slug, len(sd.Responses))
		}
	}
	q.Read = nil
	mem := loadAll(t, st, scope)
	want, err := study.Analyze(ctx, mem.Input, q.Options(set))
	if err != nil {
		t.Fatal(err)
	}
	if want.Study.Responses < 200 || want.Personas == nil || len(want.PainPoints.PainPoints) == 0 || want.Codes == nil {
		t.Fatalf("the seeded demo is too thin to compare: %d responses, personas %v, %d pain points, codes %v",
			want.Study.Responses, want.Personas != nil, len(want.PainPoints.PainPoints), want.Codes != nil)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) {
		i := 0
		for i < len(a) && i < len(b) && a[i] == b[i] {
			i++
		}
		t.Fatalf("streamed and in-memory analyses differ at byte %d:\nstreamed:  %.200s\nin memory: %.200s", i, a[i:], b[i:])
	}
	total := want.Study.Responses + want.Study.Partial
	if len(reads) == 0 || reads[len(reads)-1] != total {
		t.Errorf("progress reads %v; want it to end at the %d responses read", reads, total)
	}
}

// A failing cursor fails the analysis with its error, not a partial result.
func TestStreamedAnalysisStopsOnCursorError(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	st, scope := seededDemo(t, 40)
	n := 0
	q := studyrun.Request{Seed: 1, Bootstrap: -1, Read: func(int) {}}
	in, err := studyrun.Load(ctx, st, scope, true)
	if err != nil {
		t.Fatal(err)
	}
	each := in.Input.Surveys[0].Each
	in.Input.Surveys[0].Each = func(ctx context.Context, fn func(*survey.Response) error) error {
		return each(ctx, func(r *survey.Response) error {
			if n++; n == 10 {
				cancel()
			}
			return fn(r)
		})
	}
	if _, err := study.Analyze(ctx, in.Input, q.Options(&survey.AnalysisSettings{})); err == nil {
		t.Fatal("analysis of a cancelled read succeeded")
	}
}

// countingSource counts the responses its store hands out.
type countingSource struct {
	*gormstore.Store
	rows atomic.Int64
}

func (c *countingSource) EachResponse(ctx context.Context, f survey.ResponseFilter, fn func(*survey.Response) error) error {
	return c.Store.EachResponse(ctx, f, func(r *survey.Response) error {
		c.rows.Add(1)
		return fn(r)
	})
}

// Cancelling the analysis' read stops the store's reader, though a SQLite
// store reads with a context that is never cancelled (storeContext): of a
// survey's 4,000 responses, the store hands out those read before and a
// few batches ahead, not all.
func TestCancelledReadStopsTheStore(t *testing.T) {
	st, scope := seededDemo(t, 4000)
	src := &countingSource{Store: st}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s, err := studyrun.Load(ctx, src, scope, true)
	if err != nil {
		t.Fatal(err)
	}
	read := 0
	err = s.Input.Surveys[0].Each(ctx, func(*survey.Response) error {
		if read++; read == 10 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("the cancelled read returned %v", err)
	}
	if n := src.rows.Load(); n >= 4000 {
		t.Errorf("the store handed out %d responses after the read was cancelled at 10", n)
	}
}
