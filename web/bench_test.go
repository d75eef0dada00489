package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// BenchmarkSubmitResponse measures the submit path end to end, minus the
// network: JSON decoding, validation, and a committed write of a complete
// 12-question response to a SQLite file (WAL, synchronous=NORMAL).
//
// With quotas=2 every response falls into two quotas (its age group and
// its touchpoint) that never fill, so each completion takes two slots.
//
//	go test ./web -run '^$' -bench SubmitResponse -benchtime 5000x
func BenchmarkSubmitResponse(b *testing.B) {
	b.Run("quotas=0", func(b *testing.B) { benchSubmitResponse(b, nil) })
	age := "25-34"
	b.Run("quotas=2", func(b *testing.B) {
		benchSubmitResponse(b, []survey.Quota{{ID: "age", Question: "age", Equals: &age, Limit: 1 << 30}, {ID: "email", Touchpoint: "email", Limit: 1 << 30}})
	})
}

func benchSubmitResponse(b *testing.B, quotas []survey.Quota) {
	store := storetest.MustOpenTemp(b)
	ctx := context.Background()
	p, _ := store.EnsureProject(ctx, "bench", "")
	d := surveytest.AllTypes(b)
	d.Quotas = quotas
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		b.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		SubmitRatePerIP: -1, SubmitRatePerSurvey: -1}) // every request comes from one address
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	body := strings.Replace(validBody, "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e", "%s", 1)
	var seq atomic.Int64
	b.SetParallelism(25) // 50 concurrent submitters on 2 cores, like phones on a busy link
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			id := fmt.Sprintf("00000000-0000-4000-8000-%012d", seq.Add(1))
			req := httptest.NewRequest(http.MethodPost, "/api/v1/surveys/all-types/responses", strings.NewReader(fmt.Sprintf(body, id)))
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusCreated {
				b.Fatalf("status %d: %s", w.Code, w.Body)
			}
		}
	})
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "responses/s")
	if n, _ := store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}); n != b.N {
		b.Fatalf("stored %d responses, want %d", n, b.N)
	}
	if c, _ := store.QuotaCounts(ctx, sv.ID); len(quotas) > 0 && (c["age"] != b.N || c["email"] != b.N) {
		b.Fatalf("quota counts %v, want %d each", c, b.N)
	}
}
