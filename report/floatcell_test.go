package report

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAppendFloatNumberAsExcelFloat: a float cell's value is what
// excelFloat writes, whole numbers (written as integers, without a string)
// included, and a whole number allocates nothing.
func TestAppendFloatNumberAsExcelFloat(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		got := string(appendFloatNumber(nil, f))
		if want := string(appendNumber(nil, excelFloat(f))); got != want {
			t.Fatalf("appendFloatNumber(%v) = %s, want %s", f, got, want)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 4, 137, 10, -9.5, 0.1, 1e14, 1e15 - 1, 1e15, -1e15 + 1,
		-1e15, 1e16, 123456789012345678, 1e300, math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64,
		math.Inf(1), math.Inf(-1), math.NaN(), 4.5, 46264.65758101852, 2.0000000000000004} {
		check(f)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		check(float64(rng.Int64N(1<<53) - 1<<52))
		check(math.Trunc(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(20)))))
		check(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(30)-10)))
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = appendFloatNumber(buf[:0], 137) }); n != 0 {
		t.Errorf("a whole number allocated %v times", n)
	}
}
