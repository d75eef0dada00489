package cluster

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/safarhq/safar/personas/synth"
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

// TestAutoStopsWhenBICRises: on data of three classes the search ends
// where BIC has risen at two consecutive k, keeps every candidate up to
// there exactly as a search of the whole range fits it, and chooses the
// same k; FitAll fits the whole range; the result does not depend on how
// many workers share the fits.
func TestAutoStopsWhenBICRises(t *testing.T) {
	d, _ := mustData(t, synth.Example(), 1500)
	ctx := context.Background()
	all, err := Auto(ctx, d, Options{Seed: 2, KMin: 2, KMax: 8, FitAll: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all.Candidates) != 7 {
		t.Fatalf("FitAll: %d candidates, want 7", len(all.Candidates))
	}
	for _, w := range []int{1, 2, 4} {
		got, err := Auto(ctx, d, Options{Seed: 2, KMin: 2, KMax: 8, Workers: w})
		if err != nil {
			t.Fatal(err)
		}
		c := got.Candidates
		n := len(c)
		if n >= 7 || n < 3 || !(c[n-1].BIC > c[n-2].BIC && c[n-2].BIC > c[n-3].BIC) {
			t.Fatalf("%d workers: candidates k=2..%d, want the search to end where BIC rose twice: %+v", w, c[n-1].K, c)
		}
		for i := 2; i < n-1; i++ {
			if c[i].BIC > c[i-1].BIC && c[i-1].BIC > c[i-2].BIC {
				t.Errorf("%d workers: BIC rose twice at k=%d, but the search went on to k=%d", w, c[i].K, c[n-1].K)
			}
		}
		if !reflect.DeepEqual(c, all.Candidates[:n]) || got.K != all.K || got.LogLik != all.LogLik || !reflect.DeepEqual(got.Assign, all.Assign) {
			t.Errorf("%d workers: k=%d LL %v, candidates %+v; the whole range gives k=%d LL %v, %+v",
				w, got.K, got.LogLik, c, all.K, all.LogLik, all.Candidates[:n])
		}
		if !strings.Contains(got.Criterion, fmt.Sprintf("BIC rose at k=%d and k=%d", c[n-2].K, c[n-1].K)) {
			t.Errorf("criterion %q does not say where the search ended", got.Criterion)
		}
		if r := got.Rule; r == nil || r.Chosen != got.K || r.KLast != c[n-1].K || r.KMax != 8 || r.criterion() != got.Criterion {
			t.Errorf("rule %+v for k=%d, criterion %q", r, got.K, got.Criterion)
		}
	}
}

// TestFitInOrder: fits start in order of k, none beyond the ones wanted
// starts once the stop is known, a running one beyond it is cancelled and
// dropped, and an error of a kept fit is returned.
func TestFitInOrder(t *testing.T) {
	var mu sync.Mutex
	var started []int
	fit := func(ctx context.Context, i int) error {
		mu.Lock()
		started = append(started, i)
		mu.Unlock()
		if i == 3 { // runs until cancelled
			<-ctx.Done()
			return ctx.Err()
		}
		return nil
	}
	// Three fits are wanted once the first three are complete; fits may
	// run ahead until then.
	keep := func(done int) (int, bool) {
		if done >= 3 {
			return 3, false
		}
		return 8, true
	}
	n, err := fitInOrder(context.Background(), 8, 2, fit, keep)
	if err != nil || n != 3 {
		t.Fatalf("kept %d, err %v; want 3, nil", n, err)
	}
	for _, i := range started {
		if i > 3 {
			t.Errorf("fit %d started after the stop was known (started %v)", i, started)
		}
	}
	boom := errors.New("boom")
	n, err = fitInOrder(context.Background(), 5, 2, func(_ context.Context, i int) error {
		if i == 1 {
			return boom
		}
		return nil
	}, func(int) (int, bool) { return 5, true })
	if err != boom {
		t.Errorf("kept %d, err %v; want the failed fit's error", n, err)
	}
}

// TestChoiceStabilityOnly: measuring stability only where the rule reads
// it keeps the same k, with the same reason, as measuring every
// candidate, over random candidate lists (BIC, eligibility and each k's
// stability drawn at random), and measures fewer.
func TestChoiceStabilityOnly(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	saved := 0
	for trial := range 2000 {
		n := 2 + rng.IntN(6)
		base := make([]Candidate, n)
		aris := make([]float64, n)
		for i := range base {
			base[i] = Candidate{K: i + 2, BIC: 1000 - 40*float64(i) + 60*rng.Float64()*float64(i*i)/4, OK: rng.IntN(5) > 0}
			aris[i] = rng.Float64()
		}
		run := func(only bool) ([]Candidate, int, string, int) {
			cands := append([]Candidate(nil), base...)
			measured := 0
			err := measureStability(cands, 10, only, func(i int) error {
				measured++
				cands[i].Stability, cands[i].Verdict = aris[i], Verdict(aris[i])
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			pick, why := choose(cands, 10)
			return cands, pick, why, measured
		}
		allC, allPick, allWhy, allN := run(false)
		oneC, onePick, oneWhy, oneN := run(true)
		if allPick != onePick || allWhy != oneWhy {
			t.Fatalf("trial %d: every candidate measured keeps k=%d (%s); the choice's only, k=%d (%s)",
				trial, allC[allPick].K, allWhy, oneC[onePick].K, oneWhy)
		}
		if allC[allPick].Verdict != oneC[onePick].Verdict {
			t.Fatalf("trial %d: kept k's verdict %q against %q", trial, allC[allPick].Verdict, oneC[onePick].Verdict)
		}
		if oneN > allN {
			t.Fatalf("trial %d: measured %d candidates, more than all's %d", trial, oneN, allN)
		}
		saved += allN - oneN
	}
	if saved == 0 {
		t.Error("measuring the choice only never measured fewer candidates")
	}
}
