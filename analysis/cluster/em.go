package cluster

import (
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
)

// params are a model's parameters in the coded (standardised) space, laid
// out for the E-step: logP[(off[v]+level)*k + c] is log P(level | class c)
// for categorical item v, and numeric item j in class c has mean
// mean[j*k+c], variance vari[j*k+c].
type params struct {
	k    int
	logW []float64
	logP []float64
	mean []float64
	vari []float64
	// derived for the E-step
	lnorm []float64 // -0.5*log(2*pi*var)
	inv2  []float64 // 1/(2*var)
}

func newParams(d *Data, k int) *params {
	nn := len(d.numIdx)
	return &params{k: k, logW: make([]float64, k), logP: make([]float64, d.nLev*k),
		mean: make([]float64, nn*k), vari: make([]float64, nn*k),
		lnorm: make([]float64, nn*k), inv2: make([]float64, nn*k)}
}

func (p *params) clone() *params {
	q := *p
	q.logW = append([]float64(nil), p.logW...)
	q.logP = append([]float64(nil), p.logP...)
	q.mean = append([]float64(nil), p.mean...)
	q.vari = append([]float64(nil), p.vari...)
	q.lnorm = append([]float64(nil), p.lnorm...)
	q.inv2 = append([]float64(nil), p.inv2...)
	return &q
}

func (p *params) derive() {
	for i, v := range p.vari {
		p.lnorm[i] = -0.5 * math.Log(2*math.Pi*v)
		p.inv2[i] = 1 / (2 * v)
	}
}

// randomParams is one random start, as poLCA does it: equal class weights,
// uniform-random response probabilities per class and item; numeric means
// at a random respondent's value (or near the centre) with unit variance.
func randomParams(d *Data, k int, rng *rand.Rand) *params {
	p := newParams(d, k)
	for c := range k {
		p.logW[c] = -math.Log(float64(k))
	}
	for v, off := range d.off {
		L := d.vars[d.catIdx[v]].Levels
		for c := range k {
			sum := 0.0
			for l := range L {
				x := 0.05 + rng.Float64()
				p.logP[(off+l)*k+c] = x
				sum += x
			}
			for l := range L {
				p.logP[(off+l)*k+c] = math.Log(p.logP[(off+l)*k+c] / sum)
			}
		}
	}
	nn := len(d.numIdx)
	for c := range k {
		i := d.row(rng.IntN(d.resp()))
		for j := range nn {
			x := d.nums[i*nn+j]
			if math.IsNaN(x) {
				x = rng.NormFloat64() * 0.5
			}
			p.mean[j*k+c] = x
			p.vari[j*k+c] = 1
		}
	}
	p.derive()
	return p
}

// varFloor keeps a Gaussian class from collapsing onto a single repeated
// value (survey numbers such as age are heavily tied): variance never goes
// below 1% of the item's overall variance.
const varFloor = 0.01

// probFloor keeps log probabilities finite.
const probFloor = 1e-300

const chunkRows = 2048

// acc holds one chunk's sufficient statistics.
type acc struct {
	ll  float64
	nc  []float64 // per class: sum of posteriors
	cnt []float64 // per block cell and class (see block)
	sw  []float64 // per numeric item and class: sum of posteriors where observed
	sx  []float64
	sxx []float64
}

func newAcc(d *Data, k int) *acc {
	nn := len(d.numIdx)
	return &acc{nc: make([]float64, k), cnt: make([]float64, d.nCell*k),
		sw: make([]float64, nn*k), sx: make([]float64, nn*k), sxx: make([]float64, nn*k)}
}

func (a *acc) reset() {
	a.ll = 0
	clear(a.nc)
	clear(a.cnt)
	clear(a.sw)
	clear(a.sx)
	clear(a.sxx)
}

// engine runs EM passes over one Data with a fixed k, reusing buffers.
type engine struct {
	d       *Data
	k       int
	workers int
	accs    []*acc
	passes  int
	cells   []uint8   // per row and block: the cell of the row's answers
	boff    []int     // per block: where its cells' k values start in logCell (off*k)
	logCell []float64 // per block cell and class: log P(the cell's answers | class)
	cnt     []float64 // per categorical level and class: the last estep's counts
}

func newEngine(d *Data, k, workers int) *engine {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	nch := (d.n + chunkRows - 1) / chunkRows
	e := &engine{d: d, k: k, workers: min(workers, nch), accs: make([]*acc, nch),
		cells: d.cellCodes(), logCell: make([]float64, d.nCell*k), cnt: make([]float64, d.nLev*k)}
	for i := range e.accs {
		e.accs[i] = newAcc(d, k)
	}
	for _, bl := range d.blocks {
		e.boff = append(e.boff, bl.off*k)
	}
	return e
}

// estep computes posteriors under p, accumulates sufficient statistics and
// returns the log-likelihood. If post is non-nil it receives the n*k
// posterior matrix.
func (e *engine) estep(p *params, post []float64) float64 {
	e.passes++
	e.forCells(func(off, cell, l int) {
		dst, src := e.logCell[cell*e.k:(cell+1)*e.k], p.logP[(off+l)*e.k:(off+l+1)*e.k]
		for c := range dst {
			dst[c] += src[c]
		}
	}, func(cell int) { clear(e.logCell[cell*e.k : (cell+1)*e.k]) })
	nch := len(e.accs)
	if e.workers <= 1 || nch == 1 {
		for c := range nch {
			e.chunk(p, c, post)
		}
	} else {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range e.workers {
			wg.Go(func() {
				for {
					c := int(next.Add(1) - 1)
					if c >= nch {
						return
					}
					e.chunk(p, c, post)
				}
			})
		}
		wg.Wait()
	}
	// Merge in chunk order so results do not depend on scheduling.
	tot := e.accs[0]
	for _, a := range e.accs[1:] {
		tot.ll += a.ll
		addTo(tot.nc, a.nc)
		addTo(tot.cnt, a.cnt)
		addTo(tot.sw, a.sw)
		addTo(tot.sx, a.sx)
		addTo(tot.sxx, a.sxx)
	}
	clear(e.cnt)
	e.forCells(func(off, cell, l int) {
		dst, src := e.cnt[(off+l)*e.k:(off+l+1)*e.k], tot.cnt[cell*e.k:(cell+1)*e.k]
		for c := range dst {
			dst[c] += src[c]
		}
	}, nil)
	return tot.ll
}

// forCells calls start(cell), when not nil, for every block cell, then
// level(off, cell, l) for each item of the block answered in that cell:
// off is the item's first level in the level table, l its level.
func (e *engine) forCells(level func(off, cell, l int), start func(cell int)) {
	d := e.d
	for _, bl := range d.blocks {
		for cell := range bl.cells {
			at := bl.off + cell
			if start != nil {
				start(at)
			}
			rem := cell
			for v := bl.first; v < bl.first+bl.items; v++ {
				r := d.vars[d.catIdx[v]].Levels + 1
				if l := rem % r; l < r-1 {
					level(d.off[v], at, l)
				}
				rem /= r
			}
		}
	}
}

func addTo(dst, src []float64) {
	for i, v := range src {
		dst[i] += v
	}
}

func (e *engine) chunk(p *params, ch int, post []float64) {
	d, k := e.d, e.k
	a := e.accs[ch]
	a.reset()
	lo, hi := ch*chunkRows, min((ch+1)*chunkRows, d.n)
	nb, nn := len(d.blocks), len(d.numIdx)
	lp := make([]float64, k)
	pr := make([]float64, k)
	// at is, per block of the row, where its cell's k values start in
	// logCell and cnt.
	at := make([]int, nb)
	// wp is what a row adds to the counts: its posterior times its
	// weight (the posterior itself, pr, on unweighted data).
	wp := pr
	if d.count != nil {
		wp = make([]float64, k)
	}
	// A row's likelihood is exp(m)*s (s in 1..k): the m are summed and
	// the s multiplied, with a logarithm only when the product grows
	// large, instead of one per row.
	prod := 1.0
	defer func() { a.ll += math.Log(prod) }()
	logCell, cnt := e.logCell, a.cnt
	// Of one length, which the compiler then knows: no bounds checks in
	// the loops over the classes.
	pr, wp, logW, nc := pr[:len(lp)], wp[:len(lp)], p.logW[:len(lp)], a.nc[:len(lp)]
	boff := e.boff[:nb]
	for i := lo; i < hi; i++ {
		cells := e.cells[i*nb : (i+1)*nb]
		cells = cells[:len(boff)]
		for b, cell := range cells {
			at[b] = boff[b] + int(cell)*k
		}
		nums := d.nums[i*nn : (i+1)*nn]
		sumAt(lp, logW, logCell, at)
		for j, x := range nums {
			if x != x { // NaN: missing
				continue
			}
			b := j * k
			mu, ln, iv := p.mean[b:b+k], p.lnorm[b:b+k], p.inv2[b:b+k]
			mu, ln, iv = mu[:len(lp)], ln[:len(lp)], iv[:len(lp)]
			for c := range lp {
				dd := x - mu[c]
				lp[c] += ln[c] - dd*dd*iv[c]
			}
		}
		m := lp[0]
		for _, v := range lp[1:] {
			if v > m {
				m = v
			}
		}
		s := expShift(pr, lp, m)
		rep := 1
		if d.count != nil {
			rep = int(d.count[i])
		}
		a.ll += m * float64(rep)
		for range rep {
			if prod *= s; prod > 1e250 {
				a.ll += math.Log(prod)
				prod = 1
			}
		}
		inv := 1 / s
		for c := range pr {
			pr[c] *= inv
		}
		if post != nil {
			copy(post[i*k:(i+1)*k], pr)
		}
		if d.count != nil {
			for c := range wp {
				wp[c] = pr[c] * float64(rep)
			}
		}
		for c, w := range wp {
			nc[c] += w
		}
		addAt(cnt, at, wp)
		for j, x := range nums {
			if x != x {
				continue
			}
			b := j * k
			sw, sx, sxx := a.sw[b:b+k], a.sx[b:b+k], a.sxx[b:b+k]
			sw, sx, sxx = sw[:len(wp)], sx[:len(wp)], sxx[:len(wp)]
			for c := range wp {
				w := wp[c]
				sw[c] += w
				sx[c] += w * x
				sxx[c] += w * x * x
			}
		}
	}
}

// sumAt sets lp[c] to w[c] plus tab[base+c] for each base in at, added in
// order, two classes at a time (two independent sums). It and addAt are
// functions of their own, not inlined, so that their loops keep every
// value in a register (in chunk they spilled).
//
//go:noinline
func sumAt(lp, w, tab []float64, at []int) {
	w = w[:len(lp)]
	c := 0
	for ; c+1 < len(lp); c += 2 {
		v0, v1 := w[c], w[c+1]
		for _, base := range at {
			t := tab[base+c : base+c+2]
			v0 += t[0]
			v1 += t[1]
		}
		lp[c], lp[c+1] = v0, v1
	}
	if c < len(lp) {
		v := w[c]
		for _, base := range at {
			v += tab[base+c]
		}
		lp[c] = v
	}
}

// addAt adds w[c] to tab[base+c] for each base in at, two classes at a
// time (each cell of tab is added to once: the order does not matter).
//
//go:noinline
func addAt(tab []float64, at []int, w []float64) {
	c := 0
	for ; c+1 < len(w); c += 2 {
		x0, x1 := w[c], w[c+1]
		for _, base := range at {
			t := tab[base+c : base+c+2]
			t[0] += x0
			t[1] += x1
		}
	}
	if c < len(w) {
		x := w[c]
		for _, base := range at {
			tab[base+c] += x
		}
	}
}

// mstep sets p from the statistics of the last estep.
func (e *engine) mstep(p *params) {
	d, k := e.d, e.k
	a := e.accs[0]
	n := float64(d.resp())
	cnt := e.cnt
	for c := range k {
		p.logW[c] = math.Log(max(a.nc[c]/n, probFloor))
	}
	for v, off := range d.off {
		L := d.vars[d.catIdx[v]].Levels
		for c := range k {
			den := 0.0
			for l := range L {
				den += cnt[(off+l)*k+c]
			}
			for l := range L {
				q := 1 / float64(L)
				if den > 0 {
					q = cnt[(off+l)*k+c] / den
				}
				p.logP[(off+l)*k+c] = math.Log(max(q, probFloor))
			}
		}
	}
	for i := range p.mean {
		if a.sw[i] > 1e-12 {
			mu := a.sx[i] / a.sw[i]
			p.mean[i] = mu
			p.vari[i] = max(a.sxx[i]/a.sw[i]-mu*mu, varFloor)
		}
	}
	p.derive()
}

// run iterates EM from p until the log-likelihood gains less than
// tol*|LL| in a pass or maxIter passes are done; it returns the final
// log-likelihood (of the returned p) and the number of passes.
func (e *engine) run(p *params, maxIter int, tol float64) (float64, int) {
	prev := math.Inf(-1)
	ll := prev
	it := 0
	for it < maxIter {
		ll = e.estep(p, nil)
		it++
		if ll-prev < tol*math.Abs(ll) {
			return ll, it
		}
		e.mstep(p)
		prev = ll
	}
	// Return the likelihood of the parameters actually held.
	ll = e.estep(p, nil)
	return ll, it + 1
}
