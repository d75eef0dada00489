package analysis

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"
)

// Word vectors learned from the texts at hand: positive pointwise mutual
// information (PPMI) of co-occurrence within a window, reduced by a
// truncated SVD. Words used in the same contexts ("bag", "luggage",
// "baggage" all next to "lost", "claim", "delayed") get close vectors even
// when no text uses two of them together, which is how synonyms and
// paraphrases merge without a domain lexicon.
//
// Only the words the grouping compares (the candidate terms' words, a few
// hundred) get a vector: their PPMI rows against every context word are
// reduced exactly, by the eigendecomposition of the rows' Gram matrix
// (A·Aᵀ = U·S²·Uᵀ, so U·√S is the truncated SVD's word embedding). Nothing
// is random, so the grouping does not move with a seed; the randomized SVD
// of all 5,000 words used before moved the development sets by one or two
// labels from one sketch seed to another (docs/painpoints.md).
//
// Which truncation to keep is itself a choice that moves the result, so a
// word's vector is the concatenation of its unit vectors at several
// truncations (vecLevels), each scaled by 1/√levels: the dot product of two
// such vectors is the mean of their cosines over the truncations, a
// similarity that blends coarse topical likeness (few dimensions) with
// close substitution (many).

const (
	vecWindow    = 5       // words either side
	vecMaxVocab  = 5000    // most frequent words modelled as contexts
	vecMaxTokens = 600_000 // training words read; beyond, documents are sampled evenly
	ctxSmoothing = 0.75    // context distribution smoothing (Levy et al. 2015)
)

// vecTruncations are the numbers of dimensions whose cosines are averaged
// (chosen over {25,50,100,200}, {50,100,200}, {50,100} and {100,200} on the
// development sets, docs/painpoints.md).
var vecTruncations = []int{50, 100}

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

// trainVectors builds vectors for the words in need from the word
// sequences of docs (one per distinct text). Deterministic: documents are
// read in order and the reduction is exact.
func trainVectors(docs []*tdoc, need []string) *wordVectors {
	count := map[string]int{}
	total := 0
	var text []tword
	for _, d := range docs {
		text = d.decode(text)
		for _, w := range text {
			count[w.key]++
		}
		total += len(text)
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
	V := len(keys)
	if V < 8 {
		return &wordVectors{} // too few words to learn from
	}
	vocab := make(map[string]int, V)
	for i, k := range keys {
		vocab[k] = i
	}
	// row[i] is the vector row of vocabulary word i, -1 when not needed.
	row := make([]int32, V)
	for i := range row {
		row[i] = -1
	}
	var words []string
	for _, k := range need {
		if i, ok := vocab[k]; ok && row[i] < 0 {
			row[i] = int32(len(words))
			words = append(words, k)
		}
	}
	n := len(words)
	if n == 0 {
		return &wordVectors{}
	}
	step := 1
	if total > vecMaxTokens {
		step = (total + vecMaxTokens - 1) / vecMaxTokens
	}
	marg := make([]float64, V) // each word's co-occurrence weight
	pairs := map[uint64]float32{}
	ids := []int{}
	add := func(i, j int, w float32) {
		if r := row[i]; r >= 0 {
			pairs[uint64(r)<<32|uint64(j)] += w
		}
	}
	for di := 0; di < len(docs); di += step {
		ids = ids[:0]
		text = docs[di].decode(text)
		for _, w := range text {
			if i, ok := vocab[w.key]; ok {
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
				marg[i] += float64(wgt)
				marg[j] += float64(wgt)
				add(i, j, wgt)
				add(j, i, wgt)
			}
		}
	}
	// PPMI with smoothed context probabilities, grouped by context word so
	// that the Gram matrix is a sum of small outer products.
	var ctxTotal float64
	ctx := make([]float64, V)
	for j, m := range marg {
		ctx[j] = math.Pow(m, ctxSmoothing)
		ctxTotal += ctx[j]
	}
	type cell struct {
		r int32
		v float64
	}
	byCtx := make([][]cell, V)
	for p, c := range pairs {
		r, j := int(p>>32), int(uint32(p))
		i := vocab[words[r]]
		if pmi := math.Log(float64(c) * ctxTotal / (marg[i] * ctx[j])); pmi > 0 {
			byCtx[j] = append(byCtx[j], cell{int32(r), pmi})
		}
	}
	gram := mat.NewSymDense(n, nil)
	g := gram.RawSymmetric().Data // upper triangle used
	for _, cs := range byCtx {
		sort.Slice(cs, func(a, b int) bool { return cs[a].r < cs[b].r })
		for a, x := range cs {
			base := int(x.r) * n
			for _, y := range cs[a:] {
				g[base+int(y.r)] += x.v * y.v
			}
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(gram, true) {
		return &wordVectors{}
	}
	vals := eig.Values(nil) // ascending
	var ev mat.Dense
	eig.VectorsTo(&ev)
	levels := vecLevels(n)
	width := 0
	for _, k := range levels {
		width += k
	}
	wv := &wordVectors{index: make(map[string]int, n), vecs: make([][]float32, n)}
	full := make([]float64, levels[len(levels)-1])
	for r, w := range words {
		wv.index[w] = r
		for d := range full {
			col := n - 1 - d // largest first
			// U·sqrt(S): the singular value is the eigenvalue's root.
			full[d] = ev.At(r, col) * math.Pow(max(vals[col], 0), 0.25)
		}
		v := make([]float32, 0, width)
		for _, k := range levels {
			var norm float64
			for _, x := range full[:k] {
				norm += x * x
			}
			s := 0.0
			if norm > 0 {
				s = 1 / math.Sqrt(norm*float64(len(levels)))
			}
			for _, x := range full[:k] {
				v = append(v, float32(x*s))
			}
		}
		wv.vecs[r] = v
	}
	return wv
}

// vecLevels are the truncations used for n words: vecTruncations, none
// above half the words (a reduction keeps at most half the dimensions, so
// a small vocabulary is smoothed too), each once.
func vecLevels(n int) []int {
	var out []int
	for _, k := range vecTruncations {
		k = min(k, max(1, n/2))
		if len(out) == 0 || out[len(out)-1] != k {
			out = append(out, k)
		}
	}
	return out
}
