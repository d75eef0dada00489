package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/safarhq/safar/personas/synth"
)

// columnsOf codes a synthetic sample for the model.
func columnsOf(tb testing.TB, s synth.Spec, d *synth.Data) []Column {
	tb.Helper()
	cols := make([]Column, len(s.Items))
	for j, it := range s.Items {
		c := Column{Name: it.Name}
		switch it.Kind {
		case synth.Numeric:
			c.Kind = Numeric
			c.Values = make([]float64, len(d.Rows))
		default:
			c.Kind = Categorical
			if it.Kind == synth.Ordinal {
				c.Kind = Ordinal
			}
			c.Levels = len(it.Levels)
			c.Codes = make([]int, len(d.Rows))
		}
		lev := map[string]int{}
		for l, s := range it.Levels {
			lev[s] = l
		}
		for i, r := range d.Rows {
			switch x := r[j].(type) {
			case nil:
				if c.Kind == Numeric {
					c.Values[i] = math.NaN()
				} else {
					c.Codes[i] = Missing
				}
			case float64:
				c.Values[i] = x
			case string:
				c.Codes[i] = lev[x]
			}
		}
		cols[j] = c
	}
	return cols
}

func mustData(tb testing.TB, s synth.Spec, n int) (*Data, []int) {
	tb.Helper()
	sd, err := s.Sample(n)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := NewData(columnsOf(tb, s, sd))
	if err != nil {
		tb.Fatal(err)
	}
	return d, sd.Class
}

func TestARI(t *testing.T) {
	cases := []struct {
		name string
		a, b []int
		want float64
	}{
		{"identical", []int{0, 0, 1, 1, 2}, []int{0, 0, 1, 1, 2}, 1},
		{"relabelled", []int{0, 0, 1, 1}, []int{1, 1, 0, 0}, 1},
		// sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714285715
		{"split", []int{0, 0, 1, 1}, []int{0, 0, 1, 2}, 0.5714285714285715},
		// index 0, expected 6*3/15 = 1.2, max 4.5: (0-1.2)/(4.5-1.2)
		{"crossed", []int{0, 0, 0, 1, 1, 1}, []int{0, 1, 2, 0, 1, 2}, -1.2 / 3.3},
	}
	for _, c := range cases {
		if got := ARI(c.a, c.b); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("%s: ARI = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestRecoverSynthetic(t *testing.T) {
	s := synth.Example()
	s.Seed = 3
	d, truth := mustData(t, s, 3000)
	ctx := context.Background()
	r, err := Fit(ctx, d, 4, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	sd, _ := s.Sample(3000)
	best := ARI(truth, oracle(s, sd))
	if ari := ARI(truth, r.Assign); ari < best-0.05 {
		t.Errorf("fixed k=4 ARI = %.3f, want within 0.05 of the true model's %.3f", ari, best)
	}
	a, err := Auto(ctx, d, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if a.K != 4 {
		t.Errorf("auto k = %d, want 4; candidates %+v", a.K, a.Candidates)
	}
	// Reproducible.
	r2, _ := Fit(ctx, d, 4, Options{Seed: 1})
	if !reflect.DeepEqual(r.Assign, r2.Assign) || r.LogLik != r2.LogLik {
		t.Error("same seed gave different fits")
	}
	st, err := Stability(ctx, d, r, 4, 0, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.MeanARI < 0.8 {
		t.Errorf("stability mean ARI = %.3f, want >= 0.8", st.MeanARI)
	}
	t.Logf("example spec n=3000: ARI %.3f (true model %.3f), auto k %d, stability %.3f (agreement %.3f), entropy %.3f, passes %d",
		ARI(truth, r.Assign), best, a.K, st.MeanARI, st.Agreement, r.Entropy, r.Passes)
}

func TestRandomSpecSampledFit(t *testing.T) {
	s := synth.Random(20, 5, 0.5, 11)
	s.Noise = 0.15
	d, truth := mustData(t, s, 30000)
	r, err := Fit(context.Background(), d, 5, Options{Seed: 2, SampleSize: 5000})
	if err != nil {
		t.Fatal(err)
	}
	if !r.Sampled {
		t.Error("want a sampled two-stage fit")
	}
	sd, _ := s.Sample(30000)
	best := ARI(truth, oracle(s, sd))
	if ari := ARI(truth, r.Assign); ari < best-0.05 {
		t.Errorf("ARI = %.3f, want within 0.05 of the true model's %.3f", ari, best)
	}
	t.Logf("random spec 30000x20 k=5: ARI %.3f (true model %.3f) passes %d", ARI(truth, r.Assign), best, r.Passes)
}

func TestMissingAndPosteriorOf(t *testing.T) {
	cols := []Column{
		{Name: "a", Kind: Categorical, Levels: 2, Codes: []int{0, 0, 0, 1, 1, 1, Missing, 0}},
		{Name: "b", Kind: Numeric, Values: []float64{1, 1.1, 0.9, 5, 5.2, 4.8, 5.1, math.NaN()}},
	}
	d, err := NewData(cols)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Fit(context.Background(), d, 2, Options{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if math.IsNaN(r.LogLik) || r.Assign[6] != r.Assign[3] || r.Assign[7] != r.Assign[0] {
		t.Fatalf("assign = %v ll = %v", r.Assign, r.LogLik)
	}
	post, err := r.Model.PosteriorOf([]float64{math.NaN(), 5})
	if err != nil {
		t.Fatal(err)
	}
	if post[r.Assign[3]] < 0.9 {
		t.Errorf("PosteriorOf(b=5) = %v, want class %d", post, r.Assign[3])
	}
	all, _ := r.Model.PosteriorOf([]float64{math.NaN(), math.NaN()})
	if math.Abs(all[0]-r.Model.Weights[0]) > 1e-12 {
		t.Errorf("empty row posterior %v, want weights %v", all, r.Model.Weights)
	}
	if _, err := NewData([]Column{{Name: "x", Kind: Categorical, Levels: 2, Codes: []int{0, 2}}}); err == nil {
		t.Error("want error for out-of-range code")
	}
}

// Auto's candidates and Stability's resamples run side by side; the result
// must not depend on how many goroutines share them.
func TestParallelFitsIndependentOfWorkers(t *testing.T) {
	s := synth.Random(12, 4, 0.5, 5)
	s.Noise = 0.15
	d, _ := mustData(t, s, 7000) // above SampleSize: candidates on a subsample, then refined
	ctx := context.Background()
	workers := []int{1, 2, 5}
	var autos []*Result
	var stabs []StabilityResult
	for _, w := range workers {
		opt := Options{Seed: 4, SampleSize: 2000, KMin: 2, KMax: 5, Workers: w}
		a, err := Auto(ctx, d, opt)
		if err != nil {
			t.Fatal(err)
		}
		st, err := Stability(ctx, d, a, 4, 1500, opt)
		if err != nil {
			t.Fatal(err)
		}
		autos, stabs = append(autos, a), append(stabs, st)
	}
	for i := 1; i < len(autos); i++ {
		a, b := autos[0], autos[i]
		if a.K != b.K || a.LogLik != b.LogLik || a.Passes != b.Passes || !reflect.DeepEqual(a.Candidates, b.Candidates) ||
			!reflect.DeepEqual(a.Assign, b.Assign) {
			t.Errorf("Auto with %d workers differs from 1 worker: k %d/%d, LL %v/%v, candidates %+v / %+v",
				workers[i], a.K, b.K, a.LogLik, b.LogLik, a.Candidates, b.Candidates)
		}
		if !reflect.DeepEqual(stabs[0], stabs[i]) {
			t.Errorf("Stability with %d workers differs: %+v / %+v", workers[i], stabs[0], stabs[i])
		}
	}
	if len(autos[0].Candidates) != 4 || stabs[0].Resamples != 4 || len(stabs[0].ARIs) != 4 {
		t.Errorf("candidates %d, resamples %+v", len(autos[0].Candidates), stabs[0])
	}
}

func TestAutoCancelled(t *testing.T) {
	d, _ := mustData(t, synth.Example(), 500)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Auto(ctx, d, Options{Seed: 1}); err != context.Canceled {
		t.Errorf("Auto on a cancelled context: %v, want context.Canceled", err)
	}
}

// One class has no random part: every random start reaches the same
// parameters, bit for bit, so a k=1 fit (Auto's baseline for its BIC
// margin) makes one start, not Options.Starts of them.
func TestOneClassOneStart(t *testing.T) {
	s := synth.Random(12, 3, 0.5, 5)
	s.Noise = 0.2
	d, _ := mustData(t, s, 1500)
	ctx := context.Background()
	opt := Options{Seed: 3}.withDefaults()
	fit, err := Fit(ctx, d, 1, opt)
	if err != nil {
		t.Fatal(err)
	}
	for st := range opt.Starts {
		p := randomParams(d, 1, rand.New(rand.NewPCG(opt.Seed, 1<<32|uint64(st))))
		newEngine(d, 1, 1).run(p, opt.MaxIter, opt.Tol)
		q := fit.Model.p
		if !reflect.DeepEqual([][]float64{p.logW, p.logP, p.mean, p.vari}, [][]float64{q.logW, q.logP, q.mean, q.vari}) {
			t.Fatalf("start %d: parameters differ from the fit's", st)
		}
	}
	one := opt
	one.Starts = 1
	single, err := Fit(ctx, d, 1, one)
	if err != nil {
		t.Fatal(err)
	}
	if fit.Passes != single.Passes || fit.LogLik != single.LogLik {
		t.Errorf("k=1 with %d starts: %d passes, LL %v; with one start: %d passes, LL %v",
			opt.Starts, fit.Passes, fit.LogLik, single.Passes, single.LogLik)
	}
}
