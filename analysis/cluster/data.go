// Package cluster segments survey respondents with latent class analysis
// (LCA), the market-research standard for finding personas in survey data.
//
// The model: each respondent belongs to one of K hidden classes; given the
// class, answers are independent. Categorical items are multinomial per
// class. Ordinal items are modelled exactly like categorical items (an
// unconstrained multinomial over their levels): with the 3-7 levels surveys
// use this costs few parameters, fits skewed or bimodal scales that a
// Gaussian or adjacent-category model would distort, and matches poLCA, the
// reference implementation we measure against; the order is used by callers
// when describing classes. Numeric items are Gaussian per class (fitted on
// standardised values; reported in original units). A missing answer is
// left out of that respondent's likelihood (the missing-at-random
// assumption), never imputed as zero.
//
// Parameters are fitted by EM from several seeded random starts, so results
// are reproducible and a poor local optimum is unlikely to be returned. See
// Fit, Auto, Stability and ARI.
package cluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Kind is an item's measurement type.
type Kind int

const (
	Categorical Kind = iota // unordered levels
	Ordinal                 // ordered levels; modelled as categorical (see package doc)
	Numeric                 // real values; Gaussian per class
)

func (k Kind) String() string {
	switch k {
	case Categorical:
		return "categorical"
	case Ordinal:
		return "ordinal"
	case Numeric:
		return "numeric"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Missing is the code for a missing categorical or ordinal answer.
const Missing = -1

// MaxLevels is the most levels a categorical or ordinal item may have.
const MaxLevels = 254

const missingCode = 255

// Column is one item's answers, one entry per respondent.
type Column struct {
	Name   string
	Kind   Kind
	Levels int       // number of levels (Categorical, Ordinal): codes are 0..Levels-1
	Codes  []int     // Categorical/Ordinal answers; Missing (-1) for no answer
	Values []float64 // Numeric answers; NaN for no answer
}

// Var describes an item of a fitted Data or Model.
type Var struct {
	Name   string
	Kind   Kind
	Levels int // 0 for Numeric
}

// Data is respondents' answers coded for fast EM: categorical codes as
// bytes and standardised numbers, both row-major in flat slices.
type Data struct {
	vars   []Var
	n      int
	catIdx []int // positions in vars of categorical/ordinal items
	numIdx []int // positions in vars of numeric items
	off    []int // per categorical item: offset of its first level in the flat level table
	nLev   int   // total levels over categorical items
	codes  []uint8
	nums   []float64
	center []float64 // per numeric item: mean used for standardising
	scale  []float64 // per numeric item: SD used for standardising
	blocks []block   // the categorical items in groups, for the E-step (see block)
	nCell  int       // total cells over blocks
	// A weighted Data (see resample) holds each distinct respondent of a
	// resample once: who[i] is respondent i's row and count[r] how many
	// respondents row r stands for. Both are nil when row i is respondent i.
	who   []int32
	count []int32
}

// block is a group of consecutive categorical items whose answers
// together (each item's level, or missing) take at most blockCells
// combinations: the E-step looks up a row's log-likelihood for the whole
// group in one table of cells (the sum of the items' log probabilities)
// instead of one item at a time, and the M-step counts cells and splits
// them into the items' levels once per pass. The sums are the same; only
// the order of the additions differs.
type block struct {
	first, items int // catIdx positions first..first+items-1
	off          int // offset of the block's first cell in the cell table
	cells        int // product over the items of (levels + 1)
}

// blockCells bounds a block's combinations: its cell code is a byte, and
// its table (cells x k log probabilities) stays small enough for the
// first-level cache.
const blockCells = 64

// makeBlocks groups the categorical items, in order, into blocks.
func (d *Data) makeBlocks() {
	for v := range d.catIdx {
		r := d.vars[d.catIdx[v]].Levels + 1
		if n := len(d.blocks); n > 0 && d.blocks[n-1].cells*r <= blockCells {
			b := &d.blocks[n-1]
			d.nCell += b.cells * (r - 1)
			b.cells *= r
			b.items++
			continue
		}
		d.blocks = append(d.blocks, block{first: v, items: 1, off: d.nCell, cells: r})
		d.nCell += r
	}
}

// cellCodes codes every row's categorical answers by block: the cell is
// the mixed-radix number of the items' levels, missing as the item's
// last digit (levels).
func (d *Data) cellCodes() []uint8 {
	nc, nb := len(d.catIdx), len(d.blocks)
	out := make([]uint8, d.n*nb)
	for i := range d.n {
		codes := d.codes[i*nc : (i+1)*nc]
		for b, bl := range d.blocks {
			cell := 0
			for v := bl.first + bl.items - 1; v >= bl.first; v-- {
				L := d.vars[d.catIdx[v]].Levels
				code := int(codes[v])
				if code == missingCode {
					code = L
				}
				cell = cell*(L+1) + code
			}
			out[i*nb+b] = uint8(cell)
		}
	}
	return out
}

// NewData validates and codes columns of equal length.
func NewData(cols []Column) (*Data, error) {
	if len(cols) == 0 {
		return nil, errors.New("cluster: no columns")
	}
	d := &Data{n: -1}
	for _, c := range cols {
		n := len(c.Codes)
		if c.Kind == Numeric {
			n = len(c.Values)
		}
		if d.n >= 0 && n != d.n {
			return nil, fmt.Errorf("cluster: column %q has %d rows, want %d", c.Name, n, d.n)
		}
		d.n = n
		switch c.Kind {
		case Categorical, Ordinal:
			if c.Levels < 1 || c.Levels > MaxLevels {
				return nil, fmt.Errorf("cluster: column %q: %d levels (want 1..%d)", c.Name, c.Levels, MaxLevels)
			}
			d.catIdx = append(d.catIdx, len(d.vars))
			d.off = append(d.off, d.nLev)
			d.nLev += c.Levels
			d.vars = append(d.vars, Var{Name: c.Name, Kind: c.Kind, Levels: c.Levels})
		case Numeric:
			d.numIdx = append(d.numIdx, len(d.vars))
			d.vars = append(d.vars, Var{Name: c.Name, Kind: Numeric})
		default:
			return nil, fmt.Errorf("cluster: column %q: unknown kind %d", c.Name, c.Kind)
		}
	}
	if d.n == 0 {
		return nil, errors.New("cluster: no rows")
	}
	nc, nn := len(d.catIdx), len(d.numIdx)
	d.codes = make([]uint8, d.n*nc)
	d.nums = make([]float64, d.n*nn)
	ci, ni := 0, 0
	for _, c := range cols {
		if c.Kind == Numeric {
			sum, sq, cnt := 0.0, 0.0, 0.0
			for _, x := range c.Values {
				if math.IsInf(x, 0) {
					return nil, fmt.Errorf("cluster: column %q: infinite value", c.Name)
				}
				if !math.IsNaN(x) {
					sum += x
					cnt++
				}
			}
			mean := 0.0
			if cnt > 0 {
				mean = sum / cnt
			}
			for _, x := range c.Values {
				if !math.IsNaN(x) {
					sq += (x - mean) * (x - mean)
				}
			}
			sd := 1.0
			if cnt > 1 && sq > 0 {
				sd = math.Sqrt(sq / cnt)
			}
			d.center = append(d.center, mean)
			d.scale = append(d.scale, sd)
			for i, x := range c.Values {
				d.nums[i*nn+ni] = (x - mean) / sd // NaN stays NaN
			}
			ni++
			continue
		}
		for i, code := range c.Codes {
			switch {
			case code == Missing:
				d.codes[i*nc+ci] = missingCode
			case code < 0 || code >= c.Levels:
				return nil, fmt.Errorf("cluster: column %q row %d: code %d outside 0..%d", c.Name, i+1, code, c.Levels-1)
			default:
				d.codes[i*nc+ci] = uint8(code)
			}
		}
		ci++
	}
	d.makeBlocks()
	return d, nil
}

// Len is the number of respondents.
func (d *Data) Len() int { return d.resp() }

// resp is the number of respondents: the rows, or on a weighted Data the
// respondents they stand for.
func (d *Data) resp() int {
	if d.who != nil {
		return len(d.who)
	}
	return d.n
}

// row is the row holding respondent i's answers.
func (d *Data) row(i int) int {
	if d.who != nil {
		return int(d.who[i])
	}
	return i
}

// Vars describes the items.
func (d *Data) Vars() []Var { return append([]Var(nil), d.vars...) }

// rows returns a Data holding the given respondents of d (repeats allowed),
// one row each, sharing d's coding and standardisation.
func (d *Data) rows(idx []int) *Data {
	nc, nn := len(d.catIdx), len(d.numIdx)
	s := *d
	s.n = len(idx)
	s.who, s.count = nil, nil
	s.codes = make([]uint8, len(idx)*nc)
	s.nums = make([]float64, len(idx)*nn)
	for r, i := range idx {
		i = d.row(i)
		copy(s.codes[r*nc:(r+1)*nc], d.codes[i*nc:(i+1)*nc])
		copy(s.nums[r*nn:(r+1)*nn], d.nums[i*nn:(i+1)*nn])
	}
	return &s
}

// resample is d.rows(idx) as a weighted Data: each distinct respondent
// drawn is one row, counted as often as it was drawn. EM on it is EM on
// d.rows(idx) (the same sums, added in another order) over fewer rows: a
// bootstrap resample holds about 63% of its draws once.
func (d *Data) resample(idx []int) *Data {
	slot := make([]int32, d.n)
	var uniq []int
	var count []int32
	who := make([]int32, len(idx))
	for r, i := range idx {
		at := d.row(i)
		if slot[at] == 0 {
			uniq = append(uniq, i)
			count = append(count, 0)
			slot[at] = int32(len(uniq))
		}
		who[r] = slot[at] - 1
		count[who[r]]++
	}
	s := d.rows(uniq)
	s.who, s.count = who, count
	return s
}

// perRespondent returns post, k values per row of d, as k values per
// respondent, in order.
func (d *Data) perRespondent(post []float64, k int) []float64 {
	if d.who == nil {
		return post
	}
	out := make([]float64, len(d.who)*k)
	for i, r := range d.who {
		copy(out[i*k:(i+1)*k], post[int(r)*k:(int(r)+1)*k])
	}
	return out
}

// sampleIdx draws m distinct rows of n (sorted), or all rows when m >= n.
func sampleIdx(n, m int, rng *rand.Rand) []int {
	if m >= n {
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	perm := rng.Perm(n)[:m]
	// Sort for memory locality when copying.
	counts := make([]bool, n)
	for _, i := range perm {
		counts[i] = true
	}
	idx := perm[:0]
	for i, ok := range counts {
		if ok {
			idx = append(idx, i)
		}
	}
	return idx
}
