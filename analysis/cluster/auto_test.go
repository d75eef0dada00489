package cluster

import (
	"strings"
	"testing"
)

// TestChooseK: the automatic-k rule on candidate tables a researcher meets.
func TestChooseK(t *testing.T) {
	c := func(k int, bic, ari float64, ok bool) Candidate {
		x := Candidate{K: k, BIC: bic, OK: ok, Stability: ari}
		if ari > 0 {
			x.Verdict = Verdict(ari)
		}
		return x
	}
	for _, tc := range []struct {
		name   string
		cands  []Candidate
		margin float64
		want   int
		why    string
	}{
		{"lowest BIC, stable", []Candidate{c(2, 900, .9, true), c(3, 800, .85, true), c(4, 850, .7, true)}, 2, 3, "lowest BIC at k=3"},
		{"BIC keeps falling, stability does not hold",
			[]Candidate{c(2, 1000, .92, true), c(3, 900, .81, true), c(4, 880, .62, true), c(5, 870, .49, true), c(6, 865, .41, true)},
			3, 4, "k=6 is unstable (mean ARI 0.41), so k=4"},
		{"parsimony: smaller k within the margin", []Candidate{c(2, 1000, .9, true), c(3, 905, .8, true), c(4, 900, .7, true)}, 10, 3, "k=3 within 5"},
		{"parsimony then stability", []Candidate{c(2, 1000, .9, true), c(3, 905, .45, true), c(4, 900, .7, true)}, 10, 2, "k=3 is unstable (mean ARI 0.45), so k=2"},
		{"tiny classes skipped", []Candidate{c(2, 1000, .9, true), c(3, 950, .8, true), c(4, 700, .9, false)}, 2, 3, "lowest BIC at k=3"},
		{"every smaller k unstable keeps the BIC choice", []Candidate{c(2, 1000, .3, true), c(3, 900, .4, true)}, 2, 3, "no smaller k is stable"},
		{"not measured: BIC and size alone", []Candidate{c(2, 1000, 0, true), c(3, 900, 0, true)}, 2, 3, "lowest BIC at k=3"},
		{"no k eligible", []Candidate{c(2, 1000, .9, false), c(3, 900, .9, false)}, 2, 2, "no k has every class"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			i, why := choose(tc.cands, tc.margin)
			if got := tc.cands[i].K; got != tc.want {
				t.Errorf("k = %d, want %d (%s)", got, tc.want, why)
			}
			if !strings.Contains(why, tc.why) {
				t.Errorf("reason %q, want it to say %q", why, tc.why)
			}
		})
	}
}

func TestBICMargin(t *testing.T) {
	for _, tc := range []struct{ one, best, want float64 }{
		{5787, 5651, 2},       // gss82: a gain of 136, so the floor
		{59190, 45704, 67.43}, // a 12-item battery of one trait
	} {
		if got := BICMargin(tc.one, tc.best); got < tc.want-0.01 || got > tc.want+0.01 {
			t.Errorf("BICMargin(%v, %v) = %v, want %v", tc.one, tc.best, got, tc.want)
		}
	}
}
