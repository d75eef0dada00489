package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
)

// expNeg stands in for math.Exp in the E-step: within a few ulp over the
// whole range the posteriors take, exact at 0 and where math.Exp is used.
func TestExpNeg(t *testing.T) {
	worst := 0.0
	check := func(x float64) {
		got, want := expNeg(x), math.Exp(x)
		if want == 0 || math.IsNaN(want) || math.IsInf(want, 0) {
			if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("expNeg(%v) = %v, want %v", x, got, want)
			}
			return
		}
		rel := math.Abs(got-want) / want
		worst = max(worst, rel)
		if rel > 6e-16 { // under 3 ulp
			t.Fatalf("expNeg(%v) = %v, math.Exp %v: relative error %.3g", x, got, want, rel)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		check(-rng.Float64() * 40)    // where posteriors are not negligible
		check(-rng.Float64() * 708.5) // the whole table range and past it
	}
	for k := -32 * 1022; k <= 0; k += 7 { // the reduction's boundaries, either side
		x := float64(k) * math.Ln2 / 32
		check(math.Nextafter(x, 0))
		check(x)
		check(math.Nextafter(x, -1000))
	}
	for _, x := range []float64{0, math.Copysign(0, -1), -1e-300, -708, -708.0000001, -745, -746, -1e308, math.Inf(-1), math.NaN(), 1, 700} {
		check(x)
	}
	if got := expNeg(0); got != 1 {
		t.Errorf("expNeg(0) = %v, want exactly 1", got)
	}
	t.Logf("worst relative error %.3g (%.2f ulp at 1)", worst, worst/0x1p-52)
}

func BenchmarkExpNeg(b *testing.B) {
	xs := make([]float64, 1024)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range xs {
		xs[i] = -rng.Float64() * 30
	}
	b.Run("expNeg", func(b *testing.B) {
		s := 0.0
		for b.Loop() {
			for _, x := range xs {
				s += expNeg(x)
			}
		}
		_ = s
	})
	b.Run("math.Exp", func(b *testing.B) {
		s := 0.0
		for b.Loop() {
			for _, x := range xs {
				s += math.Exp(x)
			}
		}
		_ = s
	})
}
