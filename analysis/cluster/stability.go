package cluster

import (
	"context"
	"math/rand/v2"
)

// ARI is the adjusted Rand index of two labelings of the same items: 1 for
// identical partitions (up to relabelling), about 0 for chance agreement.
// Labels are non-negative ints; it panics if the lengths differ.
func ARI(a, b []int) float64 {
	if len(a) != len(b) {
		panic("cluster: ARI of labelings of different lengths")
	}
	if len(a) < 2 {
		return 1
	}
	idx, sa, sb, tot := pairCounts(a, b)
	exp := sa * sb / tot
	mx := (sa + sb) / 2
	if mx == exp {
		return 1
	}
	return (idx - exp) / (mx - exp)
}

// StabilityResult says how well a segmentation survives resampling.
type StabilityResult struct {
	Resamples int       `json:"resamples"`
	Rows      int       `json:"rows"`     // rows compared per resample
	MeanARI   float64   `json:"mean_ari"` // mean adjusted Rand index vs the full fit
	MinARI    float64   `json:"min_ari"`
	ARIs      []float64 `json:"aris"`
	// Agreement is the mean share of pairs of respondents that the refit
	// and the full fit treat alike (together or apart): the plain Rand
	// index, easier to explain than ARI but inflated by chance.
	Agreement float64 `json:"agreement"`
}

// Stability refits r's k on B bootstrap resamples (rows drawn with
// replacement; each distinct row drawn is fitted once, weighted by how
// often it was drawn) and compares each refit's modal assignments with r's on the
// same respondents. Refits stop after at most 300 EM passes. On data with more than maxRows rows (default 5000
// when <= 0) a seeded random subset of maxRows rows is used as the base,
// to bound the cost; refits use 3 random starts. Mean ARI above about
// 0.8 means the personas are reproducible; below about 0.5 the data do not
// support this many distinct personas.
func Stability(ctx context.Context, d *Data, r *Result, resamples, maxRows int, opt Options) (StabilityResult, error) {
	opt = opt.withDefaults()
	if maxRows <= 0 {
		maxRows = 5000
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0xb007))
	base := sampleIdx(d.resp(), maxRows, rng)
	ref := make([]int, len(base))
	for i, row := range base {
		ref[i] = r.Assign[row]
	}
	baseData := d.rows(base)
	out := StabilityResult{Resamples: resamples, Rows: len(base), MinARI: 1}
	sub := opt
	sub.Starts = 3
	sub.Keep = 1
	sub.MaxIter = min(opt.MaxIter, 300)
	sub.Workers = 1
	sub.screen = true
	// Resamples are drawn in order, then refitted side by side, one per
	// goroutine; results are combined in resample order.
	draws := make([][]int, resamples)
	for b := range draws {
		draws[b] = make([]int, len(base))
		for i := range draws[b] {
			draws[b][i] = rng.IntN(len(base))
		}
	}
	aris, rands := make([]float64, resamples), make([]float64, resamples)
	err := parallel(resamples, opt.workers(), func(b int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		so := sub
		so.Seed = opt.Seed + uint64(b) + 1
		fit, err := Fit(ctx, baseData.resample(draws[b]), r.K, so)
		if err != nil {
			return err
		}
		got := fit.Model.classify(baseData, 1)
		aris[b], rands[b] = ARI(ref, got), randIndex(ref, got)
		return nil
	})
	if err != nil {
		return out, err
	}
	for b, a := range aris {
		out.ARIs = append(out.ARIs, a)
		out.MeanARI += a / float64(resamples)
		out.MinARI = min(out.MinARI, a)
		out.Agreement += rands[b] / float64(resamples)
	}
	if resamples == 0 {
		out.MinARI = 0
	}
	return out, nil
}

func randIndex(a, b []int) float64 {
	if len(a) < 2 {
		return 1
	}
	same, sa, sb, tot := pairCounts(a, b)
	// agreements = pairs together in both + pairs apart in both
	return (tot + 2*same - sa - sb) / tot
}

// pairCounts counts pairs of rows: together in both labelings (same),
// together in a (sa), together in b (sb), and all pairs (tot).
func pairCounts(a, b []int) (same, sa, sb, tot float64) {
	ka, kb := 0, 0
	for i := range a {
		ka, kb = max(ka, a[i]+1), max(kb, b[i]+1)
	}
	table := make([]int, ka*kb)
	ra, rb := make([]int, ka), make([]int, kb)
	for i := range a {
		table[a[i]*kb+b[i]]++
		ra[a[i]]++
		rb[b[i]]++
	}
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	for _, v := range table {
		same += c2(v)
	}
	for _, v := range ra {
		sa += c2(v)
	}
	for _, v := range rb {
		sb += c2(v)
	}
	return same, sa, sb, c2(len(a))
}
