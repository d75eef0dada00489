package metrics

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestNetPromoter(t *testing.T) {
	tests := []struct {
		name      string
		scores    []float64
		value     float64
		low, high float64
		p, pa, d  int
	}{
		// 5 promoters, 3 passives, 2 detractors: NPS 30;
		// var = (0.5+0.2-0.09)/10 = 0.061, se 0.247 -> 30 +- 48.4
		{"ten answers", []float64{10, 9, 9, 10, 9, 8, 7, 7, 3, 6}, 30, -18.4, 78.4, 5, 3, 2},
		{"all promoters", []float64{9, 10, 9}, 100, 100, 100, 3, 0, 0},
		{"ignores out of range and NaN", []float64{10, 11, -1, math.NaN()}, 100, 100, 100, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := NetPromoter(tt.scores)
			if !near(got.Value, tt.value, 0.01) || !near(got.Low, tt.low, 0.1) || !near(got.High, tt.high, 0.1) {
				t.Errorf("NPS = %.2f [%.2f, %.2f], want %.2f [%.2f, %.2f]", got.Value, got.Low, got.High, tt.value, tt.low, tt.high)
			}
			if got.Promoters != tt.p || got.Passives != tt.pa || got.Detractors != tt.d {
				t.Errorf("parts %d/%d/%d, want %d/%d/%d", got.Promoters, got.Passives, got.Detractors, tt.p, tt.pa, tt.d)
			}
		})
	}
	if e := NetPromoter(nil); e.Valid() || e.N != 0 {
		t.Errorf("empty NPS: %+v", e)
	}
}

func TestMeanAndProportion(t *testing.T) {
	m := Mean([]float64{2, 4, 4, 4, 5, 5, 7, 9})
	// mean 5, sd 2.138, se 0.756, t(7) 2.365 -> 5 +- 1.788
	if !near(m.Value, 5, 1e-9) || !near(m.High-m.Value, 1.788, 0.001) || m.N != 8 {
		t.Errorf("Mean = %+v", m)
	}
	// Wilson interval for 8/10: [0.490, 0.943]
	p := Proportion(8, 10)
	if !near(p.Low, 0.490, 0.001) || !near(p.High, 0.943, 0.001) {
		t.Errorf("Proportion(8,10) = %+v", p)
	}
	if p := Proportion(0, 5); p.Low != 0 || p.High <= 0 {
		t.Errorf("Proportion(0,5) = %+v", p)
	}
	if tb := TopBox([]float64{5, 4, 3, 2, math.NaN()}, 4); tb.Value != 0.5 || tb.N != 4 {
		t.Errorf("TopBox = %+v", tb)
	}
	if !Different(Proportion(90, 100), Proportion(10, 100)) || Different(Proportion(5, 10), Proportion(6, 10)) {
		t.Error("Different")
	}
}

func TestCompletion(t *testing.T) {
	f := Completion(3, []int{0, 0, 2, 1}, 6)
	if f.Started != 10 || f.Rate.Value != 0.6 {
		t.Fatalf("funnel: %+v", f)
	}
	want := []PageStep{{0, 10, 2, 0.2}, {1, 8, 1, 0.125}, {2, 7, 1, 1.0 / 7}}
	for i, w := range want {
		if g := f.Pages[i]; g != w {
			t.Errorf("page %d: got %+v, want %+v", i, g, w)
		}
	}
}
