package cluster

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/safarhq/safar/personas/synth"
)

// The E-step looks answers up by blocks of items; its log-likelihood and
// the level counts it hands the M-step must be those of the model taken
// item by item, for any mix of level counts (one level, two, many, an item
// too big to share a block) and missing answers.
func TestBlockedEStepMatchesItemByItem(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const n = 3000
	levels := []int{2, 1, 5, 3, 12, 2, 2, 2, 70, 4, 254, 6, 2}
	var cols []Column
	for v, L := range levels {
		c := Column{Name: string(rune('a' + v)), Kind: Categorical, Levels: L, Codes: make([]int, n)}
		for i := range c.Codes {
			c.Codes[i] = rng.IntN(L)
			if rng.Float64() < 0.2 {
				c.Codes[i] = Missing
			}
		}
		cols = append(cols, c)
		if v == 4 {
			x := Column{Name: "x", Kind: Numeric, Values: make([]float64, n)}
			for i := range x.Values {
				x.Values[i] = rng.NormFloat64()
				if rng.Float64() < 0.1 {
					x.Values[i] = math.NaN()
				}
			}
			cols = append(cols, x)
		}
	}
	d, err := NewData(cols)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.blocks) >= len(d.catIdx) {
		t.Fatalf("%d blocks for %d items: nothing grouped", len(d.blocks), len(d.catIdx))
	}
	for _, k := range []int{1, 3, 8} {
		p := randomParams(d, k, rng)
		e := newEngine(d, k, 2)
		post := make([]float64, n*k)
		got := e.estep(p, post)

		// The same, item by item.
		nc, nn := len(d.catIdx), len(d.numIdx)
		want := 0.0
		cnt := make([]float64, d.nLev*k)
		lp := make([]float64, k)
		for i := range n {
			copy(lp, p.logW)
			for v := range nc {
				if code := d.codes[i*nc+v]; code != missingCode {
					for c := range k {
						lp[c] += p.logP[(d.off[v]+int(code))*k+c]
					}
				}
			}
			for j := range nn {
				if x := d.nums[i*nn+j]; !math.IsNaN(x) {
					for c := range k {
						dd := x - p.mean[j*k+c]
						lp[c] += p.lnorm[j*k+c] - dd*dd*p.inv2[j*k+c]
					}
				}
			}
			m := lp[0]
			for _, x := range lp {
				m = max(m, x)
			}
			s := 0.0
			for _, x := range lp {
				s += math.Exp(x - m)
			}
			want += m + math.Log(s)
			for c := range k {
				pr := math.Exp(lp[c]-m) / s
				if math.Abs(post[i*k+c]-pr) > 1e-12 {
					t.Fatalf("k=%d row %d class %d: posterior %v, want %v", k, i, c, post[i*k+c], pr)
				}
				for v := range nc {
					if code := d.codes[i*nc+v]; code != missingCode {
						cnt[(d.off[v]+int(code))*k+c] += pr
					}
				}
			}
		}
		if math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("k=%d: log-likelihood %v, want %v", k, got, want)
		}
		for i, w := range cnt {
			if math.Abs(e.cnt[i]-w) > 1e-9*max(1, w) {
				t.Fatalf("k=%d: level count %d is %v, want %v", k, i, e.cnt[i], w)
			}
		}
	}
}

// A bootstrap resample is fitted as its distinct rows, each weighted by how
// often it was drawn. The fit must be the fit of the drawn rows themselves
// (the same sums in another order): the same starts, likelihood, BIC,
// entropy, class shares and parameters, and every respondent, repeats
// included, in the same class with the same posterior. Also when the fit
// first runs on a subsample of the respondents.
func TestResampleFitsLikeDrawnRows(t *testing.T) {
	s := synth.Random(12, 4, 0.5, 5)
	s.Noise = 0.15
	d, _ := mustData(t, s, 3000)
	if len(d.numIdx) == 0 || len(d.catIdx) == 0 {
		t.Fatal("want categorical and numeric items")
	}
	rng := rand.New(rand.NewPCG(3, 4))
	draw := make([]int, d.n)
	for i := range draw {
		draw[i] = rng.IntN(d.n)
	}
	w, x := d.resample(draw), d.rows(draw)
	if w.n >= x.n*7/10 || w.Len() != x.n {
		t.Fatalf("resample: %d rows for %d respondents (%d drawn)", w.n, w.Len(), x.n)
	}
	near := func(what string, a, b, tol float64) {
		t.Helper()
		if math.Abs(a-b) > tol*max(1, math.Abs(b)) {
			t.Errorf("%s: weighted %v, drawn rows %v", what, a, b)
		}
	}
	for _, opt := range []Options{{Seed: 1}, {Seed: 2, SampleSize: 2000}} {
		got, err := Fit(context.Background(), w, 4, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Fit(context.Background(), x, 4, opt)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("sample size %d: %d rows for %d respondents; LL %.6f, %d passes (drawn rows: %.6f, %d)",
			opt.SampleSize, w.n, got.N, got.LogLik, got.Passes, want.LogLik, want.Passes)
		if got.N != want.N || got.Sampled != want.Sampled || len(got.Assign) != len(want.Assign) {
			t.Fatalf("N %d sampled %v, want %d %v", got.N, got.Sampled, want.N, want.Sampled)
		}
		near("log-likelihood", got.LogLik, want.LogLik, 1e-9)
		near("BIC", got.BIC, want.BIC, 1e-9)
		near("entropy R2", got.Entropy, want.Entropy, 1e-9)
		for c := range 4 {
			near("class share", got.Model.Weights[c], want.Model.Weights[c], 1e-7)
		}
		for v, probs := range want.Model.Probs {
			for c := range probs {
				for l := range probs[c] {
					near("response probability", got.Model.Probs[v][c][l], probs[c][l], 1e-6)
				}
			}
		}
		for i := range want.Assign {
			if got.Assign[i] != want.Assign[i] {
				t.Fatalf("respondent %d: class %d, want %d", i, got.Assign[i], want.Assign[i])
			}
		}
		for i := range want.Posterior {
			near("posterior", got.Posterior[i], want.Posterior[i], 1e-6)
		}
	}
}
