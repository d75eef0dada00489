package analysis

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Word vectors learned from the texts at hand: positive pointwise mutual
// information (PPMI) of co-occurrence within a window, reduced by a
// randomized truncated SVD. Words used in the same contexts ("bag",
// "luggage", "baggage" all next to "lost", "claim", "delayed") get close
// vectors even when no text uses two of them together, which is how
// synonyms and paraphrases merge without a domain lexicon.

const (
	vecWindow    = 5       // words either side
	vecDims      = 100     // dimensions kept
	vecMaxVocab  = 5000    // most frequent words modelled
	vecMaxTokens = 600_000 // training words read; beyond, documents are sampled evenly
	ctxSmoothing = 0.75    // context distribution smoothing (Levy et al. 2015)
)

// wordVectors holds one unit-length vector per modelled word.
type wordVectors struct {
	index map[string]int
	vecs  [][]float32
}

func (wv *wordVectors) of(key string) []float32 {
	if i, ok := wv.index[key]; ok {
		return wv.vecs[i]
	}
	return nil
}

// trainVectors builds the vectors from the word sequences of docs (one per
// distinct text). Deterministic: documents are read in order and the random
// projection uses a fixed seed.
func trainVectors(docs []*tdoc) *wordVectors {
	count := map[string]int{}
	total := 0
	for _, d := range docs {
		for _, w := range d.words {
			count[w.key]++
		}
		total += len(d.words)
	}
	keys := make([]string, 0, len(count))
	for k, c := range count {
		if c >= 2 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(a, b int) bool {
		if count[keys[a]] != count[keys[b]] {
			return count[keys[a]] > count[keys[b]]
		}
		return keys[a] < keys[b]
	})
	if len(keys) > vecMaxVocab {
		keys = keys[:vecMaxVocab]
	}
	wv := &wordVectors{index: make(map[string]int, len(keys))}
	for i, k := range keys {
		wv.index[k] = i
	}
	V := len(keys)
	if V < 8 {
		return &wordVectors{} // too few words to learn from
	}
	step := 1
	if total > vecMaxTokens {
		step = (total + vecMaxTokens - 1) / vecMaxTokens
	}
	pairs := map[uint64]float32{}
	ids := []int{}
	for di := 0; di < len(docs); di += step {
		ids = ids[:0]
		for _, w := range docs[di].words {
			if i, ok := wv.index[w.key]; ok {
				ids = append(ids, i)
			} else {
				ids = append(ids, -1)
			}
		}
		for a, i := range ids {
			if i < 0 {
				continue
			}
			for b := a + 1; b < len(ids) && b <= a+vecWindow; b++ {
				j := ids[b]
				if j < 0 || j == i {
					continue
				}
				wgt := 1 / float32(b-a) // nearer words count more
				pairs[uint64(i)<<32|uint64(j)] += wgt
				pairs[uint64(j)<<32|uint64(i)] += wgt
			}
		}
	}
	rows := ppmiRows(V, pairs)
	k := min(vecDims, V/2)
	emb := randomizedSVD(rows, V, k)
	wv.vecs = make([][]float32, V)
	for i := range V {
		v := make([]float32, k)
		var n float64
		for d := range k {
			x := emb.v[i*k+d]
			v[d] = float32(x)
			n += x * x
		}
		if n > 0 {
			s := float32(1 / math.Sqrt(n))
			for d := range v {
				v[d] *= s
			}
		}
		wv.vecs[i] = v
	}
	return wv
}

type sparseEntry struct {
	col int
	val float64
}

// ppmiRows turns co-occurrence counts into PPMI rows with smoothed context
// probabilities.
func ppmiRows(V int, pairs map[uint64]float32) [][]sparseEntry {
	rowSum := make([]float64, V)
	colSum := make([]float64, V)
	var total float64
	for p, c := range pairs {
		i, j := int(p>>32), int(uint32(p))
		rowSum[i] += float64(c)
		colSum[j] += float64(c)
		total += float64(c)
	}
	var ctxTotal float64
	for j := range colSum {
		colSum[j] = math.Pow(colSum[j], ctxSmoothing)
		ctxTotal += colSum[j]
	}
	rows := make([][]sparseEntry, V)
	for p, c := range pairs {
		i, j := int(p>>32), int(uint32(p))
		pmi := math.Log(float64(c) * ctxTotal / (rowSum[i] * colSum[j]))
		if pmi > 0 {
			rows[i] = append(rows[i], sparseEntry{j, pmi})
		}
	}
	for i := range rows {
		sort.Slice(rows[i], func(a, b int) bool { return rows[i][a].col < rows[i][b].col })
	}
	return rows
}

// dense is a row-major matrix.
type dense struct {
	r, c int
	v    []float64
}

func newDense(r, c int) *dense { return &dense{r, c, make([]float64, r*c)} }

func (m *dense) row(i int) []float64 { return m.v[i*m.c : (i+1)*m.c] }

// randomizedSVD returns U·sqrt(S) of the rank-k approximation of the sparse
// V×V matrix (Halko, Martinsson and Tropp 2011): a Gaussian sketch, two
// power iteration, then an exact eigendecomposition of the small l×l
// matrix B·Bᵀ with B = QᵀM. Memory is O(V·k).
func randomizedSVD(rows [][]sparseEntry, V, k int) *dense {
	l := min(V, k+10)
	rng := rand.New(rand.NewPCG(1, 2))
	omega := newDense(V, l)
	for i := range omega.v {
		omega.v[i] = rng.NormFloat64()
	}
	q := orthonormalize(mulSparse(rows, V, omega, false))
	z := orthonormalize(mulSparse(rows, V, q, true))
	q = orthonormalize(mulSparse(rows, V, z, false))
	bt := mulSparse(rows, V, q, true) // (QᵀM)ᵀ, V×l
	c := mat.NewSymDense(l, nil)
	for a := range l {
		for b := a; b < l; b++ {
			var s float64
			for i := range V {
				r := bt.row(i)
				s += r[a] * r[b]
			}
			c.SetSym(a, b, s)
		}
	}
	var eig mat.EigenSym
	out := newDense(V, k)
	if !eig.Factorize(c, true) {
		return out
	}
	vals := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	for d := range k {
		col := l - 1 - d                           // largest first
		scale := math.Pow(max(vals[col], 0), 0.25) // sqrt of the singular value
		for i := range V {
			qi := q.row(i)
			var s float64
			for a := range l {
				s += qi[a] * vecs.At(a, col)
			}
			out.v[i*k+d] = s * scale
		}
	}
	return out
}

// mulSparse returns M·X, or Mᵀ·X when transpose is set.
func mulSparse(rows [][]sparseEntry, V int, x *dense, transpose bool) *dense {
	out := newDense(V, x.c)
	for i, row := range rows {
		for _, e := range row {
			src, dst := x.row(e.col), out.row(i)
			if transpose {
				src, dst = x.row(i), out.row(e.col)
			}
			for d, xv := range src {
				dst[d] += e.val * xv
			}
		}
	}
	return out
}

// orthonormalize returns an orthonormal basis of the columns of a
// (modified Gram-Schmidt).
func orthonormalize(a *dense) *dense {
	cols := make([][]float64, a.c)
	for j := range cols {
		col := make([]float64, a.r)
		for i := range a.r {
			col[i] = a.v[i*a.c+j]
		}
		cols[j] = col
	}
	{
		for j := range cols {
			for p := 0; p < j; p++ {
				var dot float64
				for i, x := range cols[j] {
					dot += x * cols[p][i]
				}
				for i := range cols[j] {
					cols[j][i] -= dot * cols[p][i]
				}
			}
			var n float64
			for _, x := range cols[j] {
				n += x * x
			}
			if n = math.Sqrt(n); n > 1e-12 {
				for i := range cols[j] {
					cols[j][i] /= n
				}
			}
		}
	}
	out := newDense(a.r, a.c)
	for j, col := range cols {
		for i, x := range col {
			out.v[i*a.c+j] = x
		}
	}
	return out
}
