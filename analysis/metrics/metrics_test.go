package metrics

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}

func TestWilson(t *testing.T) {
	tests := []struct {
		name      string
		k, n      int
		p, lo, hi float64
	}{
		// Reference values: Newcombe (1998), Table I, and R's prop.test(correct=FALSE).
		{"81 of 263", 81, 263, 0.30798, 0.2553, 0.3662},
		{"15 of 148", 15, 148, 0.10135, 0.06239, 0.16050},
		{"none of 10", 0, 10, 0, 0, 0.27753},
		{"all of 10", 10, 10, 1, 0.72247, 1},
		{"1 of 1", 1, 1, 1, 0.20654, 1},
		{"no data", 0, 0, math.NaN(), math.NaN(), math.NaN()},
		{"k > n is nonsense", 3, 2, math.NaN(), math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Wilson(tt.k, tt.n)
			if !near(got.P, tt.p, 1e-4) || !near(got.Lo, tt.lo, 1e-4) || !near(got.Hi, tt.hi, 1e-4) {
				t.Errorf("Wilson(%d, %d) = %.5f [%.5f, %.5f], want %.5f [%.5f, %.5f]", tt.k, tt.n, got.P, got.Lo, got.Hi, tt.p, tt.lo, tt.hi)
			}
		})
	}
}

func TestMeanCI(t *testing.T) {
	tests := []struct {
		name             string
		xs               []float64
		mean, sd, lo, hi float64
	}{
		// R: t.test(c(2,4,4,4,5,5,7,9))
		{"eight values", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 5, 2.13809, 3.21253, 6.78747},
		{"two values", []float64{1, 3}, 2, 1.41421, -10.70620, 14.70620},
		{"one value", []float64{4}, 4, math.NaN(), math.NaN(), math.NaN()},
		{"none", nil, math.NaN(), math.NaN(), math.NaN(), math.NaN()},
		{"constant", []float64{3, 3, 3}, 3, 0, 3, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MeanCI(tt.xs)
			if got.N != len(tt.xs) || !near(got.Mean, tt.mean, 1e-4) || !near(got.SD, tt.sd, 1e-4) || !near(got.Lo, tt.lo, 1e-3) || !near(got.Hi, tt.hi, 1e-3) {
				t.Errorf("MeanCI = %+v, want mean %.5f sd %.5f [%.5f, %.5f]", got, tt.mean, tt.sd, tt.lo, tt.hi)
			}
		})
	}
}

func TestT975(t *testing.T) {
	tests := []struct {
		df   int
		want float64
	}{{1, 12.706}, {10, 2.228}, {30, 2.042}, {40, 2.021}, {60, 2.000}, {120, 1.980}, {100000, 1.960}}
	for _, tt := range tests {
		if got := T975(tt.df); !near(got, tt.want, 1.5e-3) {
			t.Errorf("T975(%d) = %.4f, want %.3f", tt.df, got, tt.want)
		}
	}
	if !math.IsNaN(T975(0)) {
		t.Error("T975(0) should be NaN")
	}
}

func TestNetPromoter(t *testing.T) {
	tests := []struct {
		name             string
		scores           []int
		n, pro, pas, det int
		score, lo, hi    float64
	}{
		// 5 promoters, 3 passives, 2 detractors: NPS 30; var = (.5+.2-.09)/10 = .061
		{"ten answers", []int{10, 9, 9, 10, 9, 8, 7, 7, 3, 0}, 10, 5, 3, 2, 30, 100 * (0.3 - Z95*math.Sqrt(0.061)), 100 * (0.3 + Z95*math.Sqrt(0.061))},
		{"all promoters", []int{9, 10, 10}, 3, 3, 0, 0, 100, 100, 100},
		{"all detractors", []int{0, 6}, 2, 0, 0, 2, -100, -100, -100},
		{"out of range ignored", []int{-1, 11, 8}, 1, 0, 1, 0, 0, 0, 0},
		{"none", nil, 0, 0, 0, 0, math.NaN(), math.NaN(), math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NetPromoter(tt.scores)
			if got.N != tt.n || got.Promoters != tt.pro || got.Passives != tt.pas || got.Detractors != tt.det ||
				!near(got.Score, tt.score, 1e-9) || !near(got.Lo, tt.lo, 1e-9) || !near(got.Hi, tt.hi, 1e-9) {
				t.Errorf("NetPromoter = %+v, want n %d %d/%d/%d score %.2f [%.2f, %.2f]", got, tt.n, tt.pro, tt.pas, tt.det, tt.score, tt.lo, tt.hi)
			}
		})
	}
}

func TestFunnel(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name     string
		furthest []int
		pages    int
		reached  []int
		drop     []float64
	}{
		{"three pages", []int{0, 0, 1, 2, 2, 5, -1}, 3, []int{6, 4, 3}, []float64{0, 2.0 / 6, 1.0 / 4}},
		{"nobody", nil, 2, []int{0, 0}, []float64{0, nan}},
		{"no pages", []int{1}, 0, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Funnel(tt.furthest, tt.pages)
			if len(got) != len(tt.reached) {
				t.Fatalf("%d steps, want %d", len(got), len(tt.reached))
			}
			for i, s := range got {
				if s.Reached != tt.reached[i] || !near(s.DropOff, tt.drop[i], 1e-9) {
					t.Errorf("step %d = %+v, want reached %d drop-off %.3f", i, s, tt.reached[i], tt.drop[i])
				}
			}
		})
	}
}
