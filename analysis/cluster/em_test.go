package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
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
