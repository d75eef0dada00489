package gormstore_test

import (
	"context"
	"fmt"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestBulkWriterMixedGroups sends many concurrent writes, so groups mix new
// responses, retries of stored client ids, the same client id twice and
// partial responses being completed, and checks each caller's outcome and
// that every client id is stored exactly once with all its answers.
func TestBulkWriterMixedGroups(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		const clients = 300
		// Some clients start with a partial response the bulk path must not
		// insert again.
		for i := 0; i < clients; i += 10 {
			r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: fmt.Sprintf("c%03d", i), Status: survey.Partial,
				Answers: survey.Answers{"age": {Choice: "25-34"}}}
			if _, _, err := s.SaveResponse(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		var (
			wg      sync.WaitGroup
			mu      sync.Mutex
			ids     = map[string]string{}
			created atomic.Int64
		)
		for i := 0; i < 3*clients; i++ { // every client submits three times
			wg.Go(func() {
				cid := fmt.Sprintf("c%03d", i%clients)
				r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: cid, Status: survey.Complete,
					Answers: surveytest.FullAnswers()}
				got, isNew, err := s.SaveResponse(ctx, r)
				if err != nil {
					t.Error(err)
					return
				}
				if isNew {
					created.Add(1)
				}
				if !reflect.DeepEqual(got.Answers, surveytest.FullAnswers()) {
					t.Errorf("%s: answers came back as %+v", cid, got.Answers)
				}
				mu.Lock()
				defer mu.Unlock()
				if prev, ok := ids[cid]; ok && prev != got.ID {
					t.Errorf("%s: two ids %s and %s", cid, prev, got.ID)
				}
				ids[cid] = got.ID
			})
		}
		wg.Wait()
		if got, want := created.Load(), int64(clients-clients/10); got != want {
			t.Errorf("created: got %d, want %d", got, want)
		}
		n := 0
		err := s.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
			n++
			if r.Status != survey.Complete || ids[r.ClientID] != r.ID {
				t.Errorf("%s: stored %s %s, callers saw %s", r.ClientID, r.ID, r.Status, ids[r.ClientID])
			}
			if !reflect.DeepEqual(r.Answers, surveytest.FullAnswers()) {
				t.Errorf("%s: stored answers %+v", r.ClientID, r.Answers)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if n != clients {
			t.Fatalf("stored %d responses, want %d", n, clients)
		}
	})
}

// BenchmarkSaveResponseParallel measures the store alone: 50 goroutines
// saving new complete responses through the group-commit writer.
//
//	go test ./survey/gormstore -run '^$' -bench SaveResponseParallel -benchtime 20000x
func BenchmarkSaveResponseParallel(b *testing.B) {
	s := storetest.MustOpenTemp(b)
	ctx := context.Background()
	p, _ := s.EnsureProject(ctx, "bench", "")
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(b), Status: survey.Published}
	if err := s.CreateSurvey(ctx, sv); err != nil {
		b.Fatal(err)
	}
	var seq atomic.Int64
	b.SetParallelism(25)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r := &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: fmt.Sprintf("00000000-0000-4000-8000-%012d", seq.Add(1)),
				Status: survey.Complete, Answers: surveytest.FullAnswers()}
			if _, _, err := s.SaveResponse(ctx, r); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
}
