package cluster

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
)

// Stability verdicts, by mean adjusted Rand index of resampled refits.
const (
	Stable           = "stable"            // mean ARI >= 0.8
	ModeratelyStable = "moderately stable" // 0.5 to 0.8
	Unstable         = "unstable"          // below 0.5: the data do not support k distinct personas
)

// Verdict reads a mean ARI of resampled refits as one of Stable,
// ModeratelyStable or Unstable.
func Verdict(meanARI float64) string {
	switch {
	case meanARI >= 0.8:
		return Stable
	case meanARI >= 0.5:
		return ModeratelyStable
	default:
		return Unstable
	}
}

// BICMargin is how much higher than the best BIC (bestBIC) a smaller k's
// BIC may be and still be preferred, given the BIC of one class
// (oneBIC, no segments at all): 0.5% of the improvement that segmenting
// brings, and at least 2.
//
// Why: on batteries of correlated items (several questions about one
// attitude) BIC keeps falling with every extra class, because a continuous
// trait is cut into ever finer slices; in a simulated one-trait battery
// the fifth such slice adds 0.46% of what segmenting explains. Genuinely
// distinct groups add more: the smallest, most overlapping true persona of
// the synthetic sets (synth.Example's fourth, 7% of respondents) adds
// 1.0%, the others 3.7% or more. Below 2 a BIC difference is "not worth
// more than a bare mention" (Raftery 1995), so a tie goes to the simpler
// model. docs/personas.md has the numbers.
func BICMargin(oneBIC, bestBIC float64) float64 { return max(2, 0.005*(oneBIC-bestBIC)) }

// Auto fits k = KMin..KMax, measures the stability of every candidate, and
// keeps the k a researcher would choose (see choose): the smallest k whose
// BIC is within BICMargin of the lowest, among solutions whose smallest
// class holds at least MinShare of respondents; never an unstable k when a
// smaller one is not. On data above SampleSize rows all candidates are
// fitted and resampled on the same subsample and only the chosen k is
// refined on all rows.
func Auto(ctx context.Context, d *Data, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	if opt.KMin > opt.KMax {
		return nil, fmt.Errorf("cluster: k range %d..%d is empty", opt.KMin, opt.KMax)
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	work := d
	if d.resp() > opt.SampleSize {
		work = d.rows(sampleIdx(d.resp(), opt.SampleSize, rng))
	}
	// Candidates are screened more cheaply than a fixed-k fit (10x looser
	// tolerance, 20 burn-in passes, best 2 starts to at most 200 passes):
	// BIC differences that matter are far above that precision, and the
	// long EM crawl of over-fitted k is what costs time. An unconverged
	// candidate only looks worse, which biases towards fewer personas.
	// The chosen k is refined at opt.Tol.
	copt := opt
	copt.Tol = opt.Tol * 10
	copt.MaxIter = min(opt.MaxIter, 200)
	copt.Keep = min(opt.Keep, 2)
	copt.BurnIn = min(opt.BurnIn, 20)
	copt.screen = true
	kMax := min(opt.KMax, work.n)
	if kMax < opt.KMin {
		return nil, errors.New("cluster: too few rows for the k range")
	}
	// The candidates are independent fits (each seeded by k): they run
	// side by side, each on one goroutine, in order of k, and once BIC has
	// risen at two consecutive k (stopAfter) the larger k are not fitted,
	// or are stopped and dropped if a worker had started one. Which k are
	// kept depends on the BIC values only, so the result does not depend
	// on scheduling.
	n := kMax - opt.KMin + 1
	cands := make([]Candidate, n)
	fits := make([]*Result, n)
	params := make([]*params, n)
	passesOf := make([]int, n)
	single := copt
	single.Workers = 1
	fitOne := func(ctx context.Context, i int) error {
		k := opt.KMin + i
		p, np, err := bestStart(ctx, work, k, single)
		if err != nil {
			return err
		}
		r, err := finish(ctx, work, p, false, 0, single)
		if err != nil {
			return err
		}
		fits[i], params[i], passesOf[i] = r, p, np+r.Passes
		cands[i] = Candidate{K: k, LogLik: r.LogLik, BIC: r.BIC, AIC: r.AIC, Entropy: r.Entropy,
			Params: r.Params, N: work.n, MinShare: minShare(r.Assign, k)}
		cands[i].OK = cands[i].MinShare >= opt.MinShare
		return nil
	}
	keep, err := fitInOrder(ctx, n, opt.workers(), fitOne, func(done int) (int, bool) {
		if opt.FitAll {
			return n, true
		}
		if s, ok := stopAfter(cands[:done]); ok {
			return s, false
		}
		// The next fit can end the search only if BIC has just risen:
		// then do not start the one after it yet.
		rising := done >= 2 && cands[done-1].BIC > cands[done-2].BIC
		return n, !rising
	})
	if err != nil {
		return nil, err
	}
	cands, fits, params, passesOf = cands[:keep], fits[:keep], params[:keep], passesOf[:keep]
	margin := opt.BICMargin
	if margin <= 0 {
		one, err := Fit(ctx, work, 1, single)
		if err != nil {
			return nil, err
		}
		margin = BICMargin(one.BIC, cands[bestBIC(cands)].BIC)
	}
	// Stability is measured for the candidates the rule can choose: every
	// class large enough, k no larger than the lowest BIC's. Larger k are
	// never chosen, and they are the slowest to resample.
	stab := make([]*StabilityResult, len(cands))
	if opt.Resamples > 0 {
		err := measureStability(cands, margin, opt.ChoiceStabilityOnly, func(i int) error {
			s, err := Stability(ctx, work, fits[i], opt.Resamples, StabilityRows, opt)
			if err != nil {
				return err
			}
			stab[i] = &s
			cands[i].Stability = s.MeanARI
			cands[i].Verdict = Verdict(s.MeanARI)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	pick, rule := decide(cands, margin)
	passes := 0
	for _, n := range passesOf {
		passes += n
	}
	r, err := finish(ctx, d, params[pick], true, passes, opt)
	if err != nil {
		return nil, err
	}
	cands[pick].Chosen = true
	r.Sampled = work != d
	r.Candidates = cands
	r.Stability = stab[pick]
	rule.KMin, rule.KLast, rule.KMax, rule.MinShare, rule.Margin = opt.KMin, cands[len(cands)-1].K, opt.KMax, opt.MinShare, margin
	r.Rule = &rule
	r.Criterion = rule.criterion()
	return r, nil
}

// measureStability calls measure(i) for the candidates whose stability
// choose may read, in order of k: every eligible k up to the lowest BIC's,
// or, onlyChoice, the k choose keeps on BIC and sizes alone and, when that
// one is unstable, the eligible k below it (choose reads no other verdict,
// so it keeps the same k either way).
func measureStability(cands []Candidate, margin float64, onlyChoice bool, measure func(i int) error) error {
	upTo := bestBIC(cands)
	if onlyChoice {
		pick, _ := choose(cands, margin)
		if !cands[pick].OK {
			return nil
		}
		if err := measure(pick); err != nil {
			return err
		}
		if cands[pick].Verdict != Unstable {
			return nil
		}
		upTo = pick - 1
	}
	for i := range cands[:upTo+1] {
		if cands[i].OK && cands[i].Verdict == "" {
			if err := measure(i); err != nil {
				return err
			}
		}
	}
	return nil
}

// choose returns the index of the candidate a researcher would keep, and
// why, in words:
//
//  1. Eligible: every class holds at least the minimum share (if none is,
//     the smallest k).
//  2. Parsimony: the smallest eligible k whose BIC is within margin of the
//     lowest eligible BIC.
//  3. Stability: if that k is unstable (Verdict), the smaller eligible k
//     that is not unstable with the lowest BIC; if every smaller k is
//     unstable too, step 2's k stays (and its verdict says so).
//
// Candidates without a verdict (stability not measured) pass step 3.
func choose(cands []Candidate, margin float64) (int, string) {
	pick, r := decide(cands, margin)
	return pick, r.why()
}

// Rule is how Auto chose k, as numbers: Result.Criterion words it in
// English, and a reader in another language can word it from these.
type Rule struct {
	KMin     int     `json:"k_min"`
	KLast    int     `json:"k_last"` // the largest k fitted
	KMax     int     `json:"k_max"`  // the largest k allowed (the search stops where BIC rose twice)
	MinShare float64 `json:"min_share"`
	Margin   float64 `json:"bic_margin"`
	// Lowest is the eligible k with the lowest BIC, 0 when no k has every
	// class above MinShare (then the smallest k, Chosen, is kept).
	Lowest int `json:"lowest_bic_k"`
	// Within is the smallest eligible k within Margin of Lowest's BIC, Gap
	// its BIC above Lowest's (0 when it is Lowest).
	Within int     `json:"within_k"`
	Gap    float64 `json:"within_gap,omitempty"`
	// WithinARI is Within's stability when it is unstable; Chosen is then
	// the smaller stable k with the lowest BIC (ChosenARI, ChosenVerdict),
	// or Within itself when no smaller k is stable.
	Unstable      bool    `json:"unstable,omitempty"`
	WithinARI     float64 `json:"within_ari,omitempty"`
	Chosen        int     `json:"chosen_k"`
	ChosenARI     float64 `json:"chosen_ari,omitempty"`
	ChosenVerdict string  `json:"chosen_verdict,omitempty"`
}

// decide is choose with its reasons as a Rule (without the search's
// range, MinShare and Margin, which Auto fills in).
func decide(cands []Candidate, margin float64) (int, Rule) {
	best := bestBIC(cands)
	if !cands[best].OK {
		return 0, Rule{Chosen: cands[0].K}
	}
	pick := best
	for i, c := range cands {
		if c.OK && c.BIC <= cands[best].BIC+margin {
			pick = i
			break
		}
	}
	r := Rule{Lowest: cands[best].K, Within: cands[pick].K, Gap: cands[pick].BIC - cands[best].BIC, Chosen: cands[pick].K}
	if cands[pick].Verdict != Unstable {
		return pick, r
	}
	r.Unstable, r.WithinARI = true, cands[pick].Stability
	alt := -1
	for i, c := range cands[:pick] {
		if c.OK && c.Verdict != Unstable && (alt < 0 || c.BIC < cands[alt].BIC) {
			alt = i
		}
	}
	if alt < 0 {
		return pick, r
	}
	r.Chosen, r.ChosenARI, r.ChosenVerdict = cands[alt].K, cands[alt].Stability, cands[alt].Verdict
	return alt, r
}

// why words the choice of k in English.
func (r Rule) why() string {
	if r.Lowest == 0 {
		return fmt.Sprintf("no k has every class above the minimum share, so k=%d", r.Chosen)
	}
	why := fmt.Sprintf("lowest BIC at k=%d", r.Lowest)
	if r.Within != r.Lowest {
		why = fmt.Sprintf("lowest BIC at k=%d, k=%d within %.0f of it", r.Lowest, r.Within, r.Gap)
	}
	switch {
	case !r.Unstable:
		return why
	case r.Chosen == r.Within:
		return why + fmt.Sprintf("; no smaller k is stable (k=%d: mean ARI %.2f)", r.Within, r.WithinARI)
	}
	return why + fmt.Sprintf("; k=%d is unstable (mean ARI %.2f), so k=%d (%.2f, %s)",
		r.Within, r.WithinARI, r.Chosen, r.ChosenARI, r.ChosenVerdict)
}

// criterion words the whole rule in English (Result.Criterion).
func (r Rule) criterion() string {
	searched := fmt.Sprintf("k=%d..%d", r.KMin, r.KLast)
	if r.KLast < r.KMax {
		searched += fmt.Sprintf(" (BIC rose at k=%d and k=%d, so no larger k up to %d)", r.KLast-1, r.KLast, r.KMax)
	}
	return fmt.Sprintf("%s, every class >= %.0f%% of respondents: the smallest k with BIC within %.0f of the lowest, never an unstable k when a smaller one is not; %s",
		searched, 100*r.MinShare, r.Margin, r.why())
}

// bestBIC returns the index of the eligible candidate with the lowest BIC,
// or 0 (the smallest k) when none is eligible.
func bestBIC(cands []Candidate) int {
	best := -1
	for i, c := range cands {
		if c.OK && (best < 0 || c.BIC < cands[best].BIC) {
			best = i
		}
	}
	return max(best, 0)
}

// StabilityRows is how many respondents Auto's stability check compares
// per resample (a seeded subset when there are more): enough to estimate
// an ARI to about ±0.01, at a fraction of the cost on large data.
const StabilityRows = 2000

// stopAfter says whether the search ends among the candidates fitted so
// far, in order of k, and how many of them to keep: it ends where BIC
// rose at two consecutive k (each higher than the one before): past the lowest
// BIC, a latent class model's BIC rises with every class it adds
// (measured on every development set, docs/personas.md), and the rule
// chooses no k above the lowest BIC.
func stopAfter(cands []Candidate) (int, bool) {
	for i := 2; i < len(cands); i++ {
		if cands[i].BIC > cands[i-1].BIC && cands[i-1].BIC > cands[i-2].BIC {
			return i + 1, true
		}
	}
	return len(cands), false
}

// fitInOrder calls fit(ctx, 0..n-1) in order on up to workers goroutines.
// Whenever the fits from 0 to done-1 are complete, keep(done) says how
// many of all n fits are wanted, and whether a fit may start before the
// ones before it are complete (ahead): fits beyond the wanted ones are not
// started, and those running are cancelled and dropped. It returns how
// many are kept (all complete), or the error of the lowest kept fit that
// failed.
func fitInOrder(ctx context.Context, n, workers int, fit func(context.Context, int) error, keep func(done int) (want int, ahead bool)) (int, error) {
	errs := make([]error, n)
	finished := make([]bool, n)
	cancels := make([]context.CancelFunc, n)
	doneCh := make(chan int)
	want, ahead := keep(0)
	next, running, prefix := 0, 0, 0 // prefix: the fits from 0 complete without error
	for {
		for running < max(workers, 1) && next < want && (next == prefix || ahead) {
			i := next
			next++
			cctx, cancel := context.WithCancel(ctx)
			cancels[i] = cancel
			running++
			go func() {
				errs[i] = fit(cctx, i)
				doneCh <- i
			}()
		}
		if running == 0 {
			break
		}
		i := <-doneCh
		running--
		finished[i] = true
		cancels[i]()
		for prefix < want && finished[prefix] && errs[prefix] == nil {
			prefix++
		}
		var w int
		w, ahead = keep(prefix)
		if w < want {
			want = w
			for j := w; j < n; j++ {
				if cancels[j] != nil {
					cancels[j]()
				}
			}
		}
	}
	for i := range want {
		if errs[i] != nil {
			return 0, errs[i]
		}
	}
	return want, nil
}
