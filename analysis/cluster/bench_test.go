package cluster

import (
	"context"
	"math/rand/v2"
	"testing"

	"github.com/safarhq/safar/personas/synth"
)

// benchData is 100,000 respondents x 30 items (categorical, ordinal,
// yes/no and numeric) from 5 hidden personas at 15% noise.
func benchData(b *testing.B) (*Data, []int) {
	s := synth.Random(30, 5, 0.5, 42)
	s.Noise = 0.15
	return mustData(b, s, 100000)
}

func BenchmarkFitK5_100kx30(b *testing.B) {
	d, truth := benchData(b)
	b.ResetTimer()
	for b.Loop() {
		r, err := Fit(context.Background(), d, 5, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.Passes), "passes")
		b.ReportMetric(float64(r.FullPasses), "fullpasses")
		b.ReportMetric(ARI(truth, r.Assign), "ARI")
	}
}

func BenchmarkAuto_100kx30(b *testing.B) {
	d, truth := benchData(b)
	b.ResetTimer()
	for b.Loop() {
		r, err := Auto(context.Background(), d, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(r.K), "k")
		b.ReportMetric(float64(r.FullPasses), "fullpasses")
		b.ReportMetric(float64(r.Passes), "passes")
		b.ReportMetric(ARI(truth, r.Assign), "ARI")
	}
}

// BenchmarkEStep is one E+M pass over 100k x 30 at k=5.
func BenchmarkPass_100kx30_k5(b *testing.B) {
	d, _ := benchData(b)
	p := randomParams(d, 5, rand.New(rand.NewPCG(1, 2)))
	e := newEngine(d, 5, 0)
	b.ResetTimer()
	for b.Loop() {
		e.estep(p, nil)
		e.mstep(p)
	}
}

// BenchmarkStability_k5 is Auto's stability check of one candidate: 10
// bootstrap refits of 2,000 of the 100k x 30 respondents at k=5.
func BenchmarkStability_k5(b *testing.B) {
	d, _ := benchData(b)
	r, err := Fit(context.Background(), d, 5, Options{Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		s, err := Stability(context.Background(), d, r, 10, StabilityRows, Options{Seed: 1})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(s.MeanARI, "meanARI")
		b.ReportMetric(s.MinARI, "minARI")
	}
}
