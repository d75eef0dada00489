package analysis

import (
	"math"
	"sort"
	"strings"
)

// Terms that name one problem are grouped by the similarity of their
// learned vectors (average-linkage on centroids) and by their words (a
// collocation joins the group of its rarer word: "customer service" with
// "customer"), and kept apart when the texts list them side by side or
// use them as alternatives (alternatives.go). The number of groups
// follows from a similarity threshold, not from a set count.

// mergeSimilarity is the least centroid cosine at which two groups of terms
// merge. Measured on the development sets (docs/painpoints.md).
const mergeSimilarity = 0.2

// togetherShare: two terms whose texts overlap at least this much (Jaccard)
// are one problem.
const togetherShare = 0.6

// listedShare: two terms listed side by side in at least this share of the
// rarer one's texts name two things and never share a group, unless their
// vectors are at least synonymSimilarity alike: words used in nearly the
// same contexts are a pair of synonyms said together ("طعم و مزه", taste
// and flavour), not two problems; nor do two forms of one word
// (formsOfOneWord: "waiters and waitresses"). On the development sets, listed pairs
// of distinct things stay below .7 (food/service .69, small/medium .69);
// the one synonym pair is at .94.
const (
	listedShare       = 0.02
	synonymSimilarity = 0.8
	formPrefix        = 4 // letters two forms of one word begin with (formsOfOneWord)
)

// formsOfOneWord reports whether two single-word terms are forms of one
// word that the stemmer left apart: their keys begin with the same
// letters, at least formPrefix of them and at least two thirds of the
// shorter key ("waiter" and "waitress", "host" and "hostess"). Listed side
// by side, such words name one thing in its forms ("the waiters and
// waitresses"), not two. Two senses of one word (senses.go) are two.
func formsOfOneWord(a, b *term) bool {
	if len(a.parts) != 1 || len(b.parts) != 1 || strings.Contains(a.key, senseSep) || strings.Contains(b.key, senseSep) {
		return false
	}
	x, y := []rune(a.key), []rune(b.key)
	k := 0
	for k < len(x) && k < len(y) && x[k] == y[k] {
		k++
	}
	return k >= formPrefix && 3*k >= 2*min(len(x), len(y))
}

// A tgroup is one candidate pain point: the terms that voice it.
type tgroup struct {
	key     string
	terms   []*term
	concept int // 1-based pack concept, 0 for none
}

func termVector(t *term, wv *wordVectors, st *termStats) []float64 {
	var out []float64
	for _, p := range t.parts {
		v := wv.of(p)
		if v == nil {
			continue
		}
		w := 1.0
		if len(t.parts) > 1 && st.byKey[p] != nil && st.byKey[p].df > 0 {
			w = math.Log(float64(st.n) / float64(st.byKey[p].df)) // the rarer word says more
		}
		if len(out) == 0 {
			out = make([]float64, len(v))
		}
		for d, x := range v {
			out[d] += w * float64(x)
		}
	}
	normalize(out)
	return out
}

// termWords lists the words of the terms, each once.
func termWords(terms []*term) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range terms {
		for _, p := range t.parts {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// dot is the cosine of two unit vectors; 0 when either is missing.
func dot(a, b []float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var s float64
	for d := range a {
		s += a[d] * b[d]
	}
	return s
}

func normalize(v []float64) {
	var n float64
	for _, x := range v {
		n += x * x
	}
	if n = math.Sqrt(n); n > 0 {
		for d := range v {
			v[d] /= n
		}
	}
}

// clusterTerms groups the terms. With a pack, terms the pack knows start in
// their concept's group, and two concepts never merge.
func clusterTerms(terms []*term, docs []*tdoc, wv *wordVectors, st *termStats, pack []concept) []*tgroup {
	type cl struct {
		terms   []int
		sum     []float64 // of the terms' unit vectors
		n       int       // terms with a vector
		concept int
		alive   bool
	}
	index := map[string]int{}
	for i, t := range terms {
		index[t.key] = i
	}
	owner := make([]int, len(terms))
	var cls []*cl
	byConcept := map[int]int{}
	for i, t := range terms {
		c := 0
		if pack != nil {
			c = packConcept(t.surface())
		}
		if j, ok := byConcept[c]; ok && c > 0 {
			cls[j].terms = append(cls[j].terms, i)
			owner[i] = j
			continue
		}
		if c > 0 {
			byConcept[c] = len(cls)
		}
		owner[i] = len(cls)
		cls = append(cls, &cl{terms: []int{i}, concept: c, alive: true})
	}
	join := func(a, b int) { // b into a
		for _, i := range cls[b].terms {
			owner[i] = a
		}
		cls[a].terms = append(cls[a].terms, cls[b].terms...)
		cls[b].alive, cls[b].terms = false, nil
		if cls[a].concept == 0 {
			cls[a].concept = cls[b].concept
		}
	}
	// A collocation joins the group of its rarer word when that is a term.
	for i, t := range terms {
		if len(t.parts) != 2 {
			continue
		}
		best, bestDF := -1, math.MaxInt
		for _, p := range t.parts {
			if j, ok := index[p]; ok && terms[j].df < bestDF {
				best, bestDF = j, terms[j].df
			}
		}
		if best >= 0 {
			a, b := owner[best], owner[i]
			if a != b && (cls[a].concept == 0 || cls[b].concept == 0) {
				join(a, b)
			}
		}
	}
	// Terms used together in most of their texts voice one problem;
	// terms listed side by side are two.
	vecs := make([][]float64, len(terms))
	for i, t := range terms {
		vecs[i] = termVector(t, wv, st)
	}
	addTimeProfiles(vecs, terms, st.cv) // in a long conversation, where a term is said
	together, listed := coUse(docs, terms)
	apart := func(p [2]int) bool {
		n := listed[p]
		return n >= 2 && float64(n) >= listedShare*float64(min(terms[p[0]].df, terms[p[1]].df)) &&
			dot(vecs[p[0]], vecs[p[1]]) < synonymSimilarity && !formsOfOneWord(terms[p[0]], terms[p[1]])
	}
	for p, n := range together {
		a, b := terms[p[0]], terms[p[1]]
		if n >= 2 && float64(n) >= togetherShare*float64(a.df+b.df-n) && !apart(p) {
			x, y := owner[p[0]], owner[p[1]]
			if x != y && (cls[x].concept == 0 || cls[y].concept == 0) {
				join(min(x, y), max(x, y))
			}
		}
	}
	var live []int
	for j, c := range cls {
		if !c.alive {
			continue
		}
		for _, i := range c.terms {
			if len(vecs[i]) > 0 {
				if c.sum == nil {
					c.sum = make([]float64, len(vecs[i]))
				}
				for d, x := range vecs[i] {
					c.sum[d] += x
				}
				c.n++
			}
		}
		live = append(live, j)
	}
	// Average linkage: the mean cosine over all pairs of terms, which is
	// the dot product of the groups' sums of unit vectors over the product
	// of their sizes. Unlike a centroid's, it does not drift toward the
	// corpus mean as a group grows, so one big group cannot swallow all.
	cos := func(a, b *cl) float64 {
		if a.sum == nil || b.sum == nil {
			return -1
		}
		var dot float64
		for d := range a.sum {
			dot += a.sum[d] * b.sum[d]
		}
		return dot / float64(a.n*b.n)
	}
	sim := make([][]float64, len(cls))
	for _, a := range live {
		sim[a] = make([]float64, len(cls))
	}
	blocked := make([][]bool, len(cls))
	for _, a := range live {
		blocked[a] = make([]bool, len(cls))
	}
	for p := range listed {
		if apart(p) {
			a, b := owner[p[0]], owner[p[1]]
			if blocked[a] != nil && blocked[b] != nil {
				blocked[a][b], blocked[b][a] = true, true
			}
		}
	}
	// Terms that are alternatives never share a group either: each in
	// many texts, rarely together, the texts of each speaking of other
	// things ("dress" and "top").
	for _, p := range alternatives(docs, terms) {
		a, b := owner[p[0]], owner[p[1]]
		if a != b && blocked[a] != nil && blocked[b] != nil {
			blocked[a][b], blocked[b][a] = true, true
		}
	}
	for x, a := range live {
		for _, b := range live[x+1:] {
			sim[a][b] = cos(cls[a], cls[b])
			sim[b][a] = sim[a][b]
		}
	}
	hi := mergeSimilarity + bandWidth
	for {
		best, ba, bb := hi, -1, -1
		for x, a := range live {
			for _, b := range live[x+1:] {
				if s := sim[a][b]; s >= best && !blocked[a][b] && !(cls[a].concept > 0 && cls[b].concept > 0) {
					if s > best || ba < 0 {
						best, ba, bb = s, a, b
					}
				}
			}
		}
		if ba < 0 {
			break
		}
		join(ba, bb)
		for d, x := range cls[bb].sum {
			cls[ba].sum[d] += x
		}
		if cls[ba].sum == nil {
			cls[ba].sum = cls[bb].sum
		}
		cls[ba].n += cls[bb].n
		n := live[:0]
		for _, c := range live {
			if c != bb {
				n = append(n, c)
			}
		}
		live = n
		for _, c := range live {
			if c != ba {
				blocked[ba][c] = blocked[ba][c] || blocked[bb][c]
				blocked[c][ba] = blocked[ba][c]
				sim[ba][c] = cos(cls[ba], cls[c])
				sim[c][ba] = sim[ba][c]
			}
		}
	}
	// The merges in the band just above the cut are decided at once
	// (bandMerges): near ties there must not reorder the merges after them.
	live = bandMerges(live, sim, blocked, func(a int) bool { return cls[a].concept > 0 }, join)
	var out []*tgroup
	for _, j := range live {
		c := cls[j]
		g := &tgroup{concept: c.concept}
		for _, i := range c.terms {
			g.terms = append(g.terms, terms[i])
		}
		sort.Slice(g.terms, func(a, b int) bool {
			if g.terms[a].support != g.terms[b].support {
				return g.terms[a].support > g.terms[b].support
			}
			return g.terms[a].key < g.terms[b].key
		})
		g.key = g.terms[0].key
		if c.concept > 0 {
			g.key = pack[c.concept-1].id
		}
		out = append(out, g)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
	return out
}
