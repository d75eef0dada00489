package cluster

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// Options control fitting. The zero value is usable: every zero field takes
// the documented default.
type Options struct {
	Seed   uint64 // random starts and subsamples derive from it; same seed, same result
	Starts int    // random starts per k (default 10)
	// Keep is how many of the best starts, ranked after BurnIn passes, are
	// run to convergence (default 3). Starts on data with at most
	// SmallCells cells all run to convergence.
	Keep    int
	BurnIn  int // passes before ranking starts (default 30)
	MaxIter int // EM passes per start at most (default 1000)
	// Tol: stop when a pass gains less than Tol*|logLik| (default 1e-7;
	// small data, where every start runs to convergence, use Tol/100).
	Tol float64
	// SampleSize: data with more rows are fitted in two stages: the random
	// starts (and, in Auto, every candidate k) run on a seeded random
	// subsample of this many rows, then the best solution is refined by EM
	// on all rows. Default 5000. EM from a good start needs few passes, so
	// the cost stays linear in rows with a small constant.
	SampleSize int
	KMin, KMax int // Auto's range of k (default 2..8)
	// FitAll makes Auto fit every k of the range; by default it stops once
	// BIC has risen at two consecutive k (a researcher comparing a fixed k
	// with the others wants them all).
	FitAll   bool
	MinShare float64 // Auto: smallest acceptable class share (default 0.05)
	// Resamples is how many bootstrap refits Auto measures each candidate's
	// stability with (default 10; negative: not measured, and the k rule
	// then rests on BIC and class sizes alone).
	Resamples int
	// ChoiceStabilityOnly makes Auto measure stability only where its rule
	// reads it: the k it keeps and, when that k is unstable, the smaller
	// eligible k it may keep instead. The choice, the criterion and the
	// kept k's stability are those of measuring every candidate; the other
	// candidates' Stability and Verdict stay empty. For a caller that shows
	// the kept k's stability alone (the study's workbook).
	ChoiceStabilityOnly bool
	// BICMargin overrides Auto's parsimony margin (default BICMargin(n)).
	BICMargin float64
	// Workers is how many goroutines share the work (default GOMAXPROCS):
	// the rows of one EM pass, or, in Auto and Stability, whole candidate
	// fits and resamples (each then single-threaded: on a subsample a pass
	// has too few rows to split well).
	Workers int

	screen bool // rank starts after BurnIn even on small data (Auto, Stability)
}

// SmallCells is the size (rows x items) up to which every random start
// runs to convergence, with a tolerance of Tol/100; larger data rank
// starts after BurnIn passes.
const SmallCells = 10000

func (o Options) withDefaults() Options {
	if o.Starts <= 0 {
		o.Starts = 10
	}
	if o.Keep <= 0 {
		o.Keep = 3
	}
	if o.BurnIn <= 0 {
		o.BurnIn = 30
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 1000
	}
	if o.Tol <= 0 {
		o.Tol = 1e-7
	}
	if o.SampleSize <= 0 {
		o.SampleSize = 5000
	}
	if o.KMin <= 0 {
		o.KMin = 2
	}
	if o.KMax <= 0 {
		o.KMax = 8
	}
	if o.MinShare <= 0 {
		o.MinShare = 0.05
	}
	if o.Resamples == 0 {
		o.Resamples = 10
	}
	return o
}

// Model is a fitted latent class model.
type Model struct {
	K       int
	Vars    []Var
	Weights []float64 // class shares (prior probabilities), sum 1
	// Probs[v][c][l] is P(level l | class c) for categorical/ordinal item v
	// (nil for numeric items).
	Probs [][][]float64
	// Mean[v][c] and SD[v][c] describe numeric item v in class c, in the
	// item's original units (nil for categorical items).
	Mean, SD [][]float64

	p      *params
	d      *Data // coding reference (vars, offsets, standardisation); rows unused
	center []float64
	scale  []float64
}

// Candidate summarises the fit for one k, as Auto compares them.
type Candidate struct {
	K        int     `json:"k"`
	LogLik   float64 `json:"loglik"`
	BIC      float64 `json:"bic"`
	AIC      float64 `json:"aic"`
	Entropy  float64 `json:"entropy_r2"`
	MinShare float64 `json:"min_share"`
	Params   int     `json:"params"`
	N        int     `json:"n"`  // rows the candidate was fitted on
	OK       bool    `json:"ok"` // meets the minimum share
	// Stability is the mean ARI of resampled refits of this k (Verdict
	// reads it); both are empty when Auto did not measure stability.
	Stability float64 `json:"stability_ari,omitempty"`
	Verdict   string  `json:"verdict,omitempty"`
	Chosen    bool    `json:"chosen,omitempty"` // the k Auto kept
}

// Result is a fit on all rows of a Data.
type Result struct {
	Model      *Model
	K          int
	N          int
	LogLik     float64
	BIC        float64   // -2 LL + params * ln N
	AIC        float64   // -2 LL + 2 params
	Params     int       // free parameters
	Entropy    float64   // entropy R^2 in [0,1]: 1 means crisp assignments
	Posterior  []float64 // N*K, row-major: Posterior[i*K+c] = P(class c | row i)
	Assign     []int     // modal class per row
	Passes     int       // EM passes over any data, all starts and stages
	FullPasses int       // of which passes over all N rows (the costly ones on big data)
	Sampled    bool      // starts ran on a subsample, then refined on all rows
	// Candidates, Criterion and Stability (of the chosen candidate; nil
	// when not measured) are set by Auto.
	Candidates []Candidate
	Criterion  string
	Rule       *Rule // Criterion as numbers
	Stability  *StabilityResult
}

// Fit fits a k-class model.
func Fit(ctx context.Context, d *Data, k int, opt Options) (*Result, error) {
	if k < 1 {
		return nil, fmt.Errorf("cluster: k = %d, want at least 1", k)
	}
	if k > d.resp() {
		return nil, fmt.Errorf("cluster: k = %d exceeds %d rows", k, d.resp())
	}
	opt = opt.withDefaults()
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	work := d
	if d.resp() > opt.SampleSize {
		work = d.rows(sampleIdx(d.resp(), opt.SampleSize, rng))
	}
	p, passes, err := bestStart(ctx, work, k, opt)
	if err != nil {
		return nil, err
	}
	return finish(ctx, d, p, work != d, passes, opt)
}

// bestStart runs the random starts on d and returns the best parameters.
func bestStart(ctx context.Context, d *Data, k int, opt Options) (*params, int, error) {
	e := newEngine(d, k, opt.Workers)
	type start struct {
		p  *params
		ll float64
	}
	// One class has no random part: every start's first M-step sets the
	// same parameters (each row's posterior is 1), so one start is all.
	if k == 1 {
		opt.Starts = 1
	}
	starts := make([]start, 0, opt.Starts)
	burn := opt.BurnIn
	if d.resp()*len(d.vars) <= SmallCells && !opt.screen {
		burn = opt.MaxIter
		opt.Tol /= 100
	}
	for s := range opt.Starts {
		if err := ctx.Err(); err != nil {
			return nil, e.passes, err
		}
		rng := rand.New(rand.NewPCG(opt.Seed, uint64(k)<<32|uint64(s)))
		p := randomParams(d, k, rng)
		ll, _ := e.run(p, burn, opt.Tol)
		starts = append(starts, start{p, ll})
	}
	sort.SliceStable(starts, func(i, j int) bool { return starts[i].ll > starts[j].ll })
	if burn < opt.MaxIter {
		starts = starts[:min(opt.Keep, len(starts))]
		for i := range starts {
			if err := ctx.Err(); err != nil {
				return nil, e.passes, err
			}
			starts[i].ll, _ = e.run(starts[i].p, opt.MaxIter, opt.Tol)
		}
		sort.SliceStable(starts, func(i, j int) bool { return starts[i].ll > starts[j].ll })
	}
	return starts[0].p, e.passes, nil
}

// finish optionally refines p by EM on all of d, then computes the result.
func finish(ctx context.Context, d *Data, p *params, refine bool, passes int, opt Options) (*Result, error) {
	k := p.k
	e := newEngine(d, k, opt.Workers)
	if refine {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e.run(p, opt.MaxIter, opt.Tol)
	}
	// (finish on small data re-runs nothing: p is already converged.)
	post := make([]float64, d.n*k)
	ll := e.estep(p, post)
	post = d.perRespondent(post, k)
	n := d.resp()
	r := &Result{K: k, N: n, LogLik: ll, Posterior: post, Passes: passes + e.passes, FullPasses: e.passes, Sampled: refine}
	r.Model = newModel(d, p)
	r.Params = paramCount(d, k)
	r.BIC = -2*ll + float64(r.Params)*math.Log(float64(n))
	r.AIC = -2*ll + 2*float64(r.Params)
	r.Entropy = entropyR2(post, k)
	r.Assign = make([]int, n)
	for i := range r.Assign {
		r.Assign[i] = argmax(post[i*k : (i+1)*k])
	}
	return r, nil
}

func paramCount(d *Data, k int) int {
	per := 2 * len(d.numIdx)
	for _, v := range d.catIdx {
		per += d.vars[v].Levels - 1
	}
	return k - 1 + k*per
}

// entropyR2 is 1 - sum(-p ln p)/(N ln K): the classification certainty.
func entropyR2(post []float64, k int) float64 {
	if k < 2 {
		return 1
	}
	h := 0.0
	for _, q := range post {
		if q > 0 {
			h -= q * math.Log(q)
		}
	}
	n := float64(len(post) / k)
	return 1 - h/(n*math.Log(float64(k)))
}

func argmax(x []float64) int {
	b := 0
	for i, v := range x {
		if v > x[b] {
			b = i
		}
	}
	return b
}

func newModel(d *Data, p *params) *Model {
	k := p.k
	ref := *d // keep the coding, not the rows
	ref.codes, ref.nums, ref.who, ref.count = nil, nil, nil, nil
	m := &Model{K: k, Vars: d.Vars(), p: p.clone(), d: &ref, center: d.center, scale: d.scale}
	m.Weights = make([]float64, k)
	for c := range k {
		m.Weights[c] = math.Exp(p.logW[c])
	}
	m.Probs = make([][][]float64, len(d.vars))
	m.Mean = make([][]float64, len(d.vars))
	m.SD = make([][]float64, len(d.vars))
	for v, off := range d.off {
		vi := d.catIdx[v]
		L := d.vars[vi].Levels
		m.Probs[vi] = make([][]float64, k)
		for c := range k {
			m.Probs[vi][c] = make([]float64, L)
			for l := range L {
				m.Probs[vi][c][l] = math.Exp(p.logP[(off+l)*k+c])
			}
		}
	}
	for j, vi := range d.numIdx {
		m.Mean[vi] = make([]float64, k)
		m.SD[vi] = make([]float64, k)
		for c := range k {
			m.Mean[vi][c] = d.center[j] + d.scale[j]*p.mean[j*k+c]
			m.SD[vi][c] = d.scale[j] * math.Sqrt(p.vari[j*k+c])
		}
	}
	return m
}

// PosteriorOf returns the class probabilities for one respondent given
// only the answers they have: row[v] is the level code (as a float) of a
// categorical item or the value of a numeric item, NaN when unknown. A row
// of all NaN gets the class shares. This places interviewees with a few
// known attributes into the nearest persona.
func (m *Model) PosteriorOf(row []float64) ([]float64, error) {
	if len(row) != len(m.Vars) {
		return nil, fmt.Errorf("cluster: row has %d values, model has %d items", len(row), len(m.Vars))
	}
	k, p, d := m.K, m.p, m.d
	lp := append([]float64(nil), p.logW...)
	for v, off := range d.off {
		x := row[d.catIdx[v]]
		if math.IsNaN(x) {
			continue
		}
		l := int(x)
		if float64(l) != x || l < 0 || l >= d.vars[d.catIdx[v]].Levels {
			return nil, fmt.Errorf("cluster: item %q: level %v out of range", d.vars[d.catIdx[v]].Name, x)
		}
		for c := range k {
			lp[c] += p.logP[(off+l)*k+c]
		}
	}
	for j, vi := range d.numIdx {
		x := row[vi]
		if math.IsNaN(x) {
			continue
		}
		z := (x - m.center[j]) / m.scale[j]
		for c := range k {
			dd := z - p.mean[j*k+c]
			lp[c] += p.lnorm[j*k+c] - dd*dd*p.inv2[j*k+c]
		}
	}
	mx := lp[0]
	for _, v := range lp {
		mx = max(mx, v)
	}
	s := 0.0
	for c := range lp {
		lp[c] = expNeg(lp[c] - mx)
		s += lp[c]
	}
	for c := range lp {
		lp[c] /= s
	}
	return lp, nil
}

// classify returns the modal class of every row of d under m.
func (m *Model) classify(d *Data, workers int) []int {
	e := newEngine(d, m.K, workers)
	post := make([]float64, d.n*m.K)
	e.estep(m.p, post)
	post = d.perRespondent(post, m.K)
	out := make([]int, d.resp())
	for i := range out {
		out[i] = argmax(post[i*m.K : (i+1)*m.K])
	}
	return out
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// parallel calls fn(0..n-1) on up to workers goroutines and returns the
// error of the lowest i that failed.
func parallel(n, workers int, fn func(i int) error) error {
	errs := make([]error, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				errs[i] = fn(i)
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func minShare(assign []int, k int) float64 {
	counts := make([]int, k)
	for _, a := range assign {
		counts[a]++
	}
	m := len(assign)
	for _, c := range counts {
		m = min(m, c)
	}
	return float64(m) / float64(len(assign))
}
