package analysis

import (
	"math"
	"os"
	"slices"
	"sort"
	"strconv"
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
// and flavour), not two problems. On the development sets, listed pairs
// of distinct things stay below .7 (food/service .69, small/medium .69);
// the one synonym pair is at .94.
const (
	listedShare       = 0.02
	synonymSimilarity = 0.8
)

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
			dot(vecs[p[0]], vecs[p[1]]) < synonymSimilarity
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
	// The units the greedy starts from (a term, or terms joined as one
	// problem) and the blocks between them, kept for the refinement.
	unitOf := make([]int, len(terms))
	copy(unitOf, owner)
	unitBlocked := make(map[[2]int]bool)
	unitSingle := map[int]bool{}
	for x, a := range live {
		unitSingle[a] = len(cls[a].terms) == 1 && cls[a].concept == 0
		for _, b := range live[x+1:] {
			if blocked[a][b] {
				unitBlocked[[2]int{a, b}], unitBlocked[[2]int{b, a}] = true, true
			}
		}
	}
	for {
		best, ba, bb := mergeSimilarity, -1, -1
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
	mv := &moves{terms: terms, vecs: vecs, owner: owner, unitOf: unitOf, single: unitSingle,
		blocked: unitBlocked, live: live, members: func(j int) *[]int { return &cls[j].terms },
		apart: func(a, b int) bool { return blocked[a][b] }}
	if moveGuards["text"] || moveGuards["headtext"] || moveGuards["textmean"] {
		mv.textsOf, mv.docTerms = termTexts(docs, terms)
	}
	mv.run()
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

// moveMargin: after the greedy, a single term moves to the group whose
// mean link to it beats its own group's (without it) by more than this.
// An experiment (rounds 42 and 45, not adopted): off unless SAFAR_PPMOVE
// is set.
var moveMargin = func() float64 {
	if v, err := strconv.ParseFloat(os.Getenv("SAFAR_PPMOVE"), 64); err == nil {
		return v
	}
	return -1
}()

// moveMinLinks: a group is a move's target only when its mean link to the
// term averages at least this many cosines (SAFAR_PPMOVE_MINLINKS; 2: a
// term never moves into a group of one, as it never leaves a group of
// fewer than three).
var moveMinLinks = func() int {
	if v, err := strconv.Atoi(os.Getenv("SAFAR_PPMOVE_MINLINKS")); err == nil {
		return v
	}
	return 2
}()

// moveGuards (SAFAR_PPGUARD, comma-separated; round 45) keep a move from
// happening:
//   - head: the term is its group's head (no other term has more support);
//   - gblock: the greedy kept the two groups apart (a term of each listed
//     side by side with, or an alternative to, one of the other's);
//   - tgt: the term would be the target's head;
//   - text: fewer of its texts say a term of the target than of its own group;
//   - headtext: the same, for a group's head only;
//   - textmean: its texts' mean overlap (Ochiai) with the target's terms'
//     is below that with its own group's.
var moveGuards = func() map[string]bool {
	g := map[string]bool{}
	for _, s := range strings.Split(os.Getenv("SAFAR_PPGUARD"), ",") {
		if s != "" {
			g[s] = true
		}
	}
	return g
}()

// moves holds what the refinement reads: the greedy's starting units (a
// term, or terms joined as one problem) and the blocks between them, its
// groups (live, members) and whether two of them were kept apart, and for
// the text guards the texts of each term and the terms of each text.
type moves struct {
	terms             []*term
	vecs              [][]float64
	owner, unitOf     []int
	single            map[int]bool
	blocked           map[[2]int]bool
	live              []int
	members           func(int) *[]int
	apart             func(a, b int) bool
	textsOf, docTerms [][]int
}

// run refines the greedy's groups: in up to five passes, in term order, a
// single term (not a pack concept's, not one joined to others before the
// greedy: a collocation stays with its word) whose group keeps at least
// two other terms moves to the group with the highest mean cosine to it,
// when that beats its own group's mean cosine to it by more than
// moveMargin, no term there is kept apart from it (blocks are the
// greedy's, between its starting units) and no guard of moveGuards holds.
func (m *moves) run() {
	if moveMargin < 0 {
		return
	}
	terms, vecs, owner := m.terms, m.vecs, m.owner
	sim := make([][]float64, len(terms))
	for i := range terms {
		sim[i] = make([]float64, len(terms))
		for k := 0; k < i; k++ {
			sim[i][k] = dot(vecs[i], vecs[k])
			sim[k][i] = sim[i][k]
		}
	}
	mean := func(i int, group []int) (float64, int) {
		var s float64
		n := 0
		for _, k := range group {
			if k != i && len(vecs[k]) > 0 {
				s += sim[i][k]
				n++
			}
		}
		if n == 0 {
			return 0, 0
		}
		return s / float64(n), n
	}
	const passes = 5
	for pass := 0; pass < passes; pass++ {
		moved := false
		for i := range terms {
			if len(vecs[i]) == 0 || !m.single[m.unitOf[i]] {
				continue
			}
			a := owner[i]
			at := m.members(a)
			own, on := mean(i, *at)
			head := m.isHead(i, *at)
			if on < 2 || moveGuards["head"] && head {
				continue
			}
			best, bb := own+moveMargin, -1
			for _, b := range m.live {
				if b == a {
					continue
				}
				bt := m.members(b)
				s, n := mean(i, *bt)
				if n < moveMinLinks || n == 0 || s <= best || m.guarded(i, a, b, head) {
					continue
				}
				ok := true
				for _, k := range *bt {
					if m.blocked[[2]int{m.unitOf[i], m.unitOf[k]}] {
						ok = false
						break
					}
				}
				if ok {
					best, bb = s, b
				}
			}
			if bb < 0 {
				continue
			}
			for x, k := range *at {
				if k == i {
					*at = append((*at)[:x:x], (*at)[x+1:]...)
					break
				}
			}
			bt := m.members(bb)
			*bt = append(*bt, i)
			owner[i] = bb
			moved = true
		}
		if !moved {
			break
		}
	}
}

// guarded reports whether a guard keeps term i (head: the head of its
// group a) from moving to group b.
func (m *moves) guarded(i, a, b int, head bool) bool {
	switch {
	case moveGuards["gblock"] && m.apart(a, b):
		return true
	case moveGuards["tgt"] && m.isHead(i, *m.members(b)):
		return true
	case (moveGuards["text"] || moveGuards["headtext"] && head) && m.say(i, b) < m.say(i, a):
		return true
	case moveGuards["textmean"] && len(m.textsOf[i]) > 0 && m.overlap(i, b) < m.overlap(i, a):
		return true
	}
	return false
}

// isHead: no other term of the group has more support (ties: the first key).
func (m *moves) isHead(i int, group []int) bool {
	for _, k := range group {
		ti, tk := m.terms[i], m.terms[k]
		if k != i && (tk.support > ti.support || tk.support == ti.support && tk.key < ti.key) {
			return false
		}
	}
	return true
}

// say counts the texts that say term i and another term of group g.
func (m *moves) say(i, g int) int {
	n := 0
	for _, d := range m.textsOf[i] {
		for _, k := range m.docTerms[d] {
			if k != i && m.owner[k] == g {
				n++
				break
			}
		}
	}
	return n
}

// overlap is the mean Ochiai overlap of term i's texts with those of the
// other terms of group g.
func (m *moves) overlap(i, g int) float64 {
	in := map[int]bool{}
	for _, d := range m.textsOf[i] {
		in[d] = true
	}
	var s float64
	n := 0
	for _, k := range *m.members(g) {
		if k == i || len(m.textsOf[k]) == 0 {
			continue
		}
		both := 0
		for _, d := range m.textsOf[k] {
			if in[d] {
				both++
			}
		}
		s += float64(both) / math.Sqrt(float64(len(m.textsOf[i])*len(m.textsOf[k])))
		n++
	}
	if n == 0 {
		return 0
	}
	return s / float64(n)
}

// termTexts lists, for each term, the texts that use it, and for each text
// the terms it uses.
func termTexts(docs []*tdoc, terms []*term) (textsOf, docTerms [][]int) {
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t.key] = i
	}
	textsOf = make([][]int, len(terms))
	docTerms = make([][]int, len(docs))
	var words []tword
	for d, doc := range docs {
		words = doc.decode(words)
		add := func(i int) {
			if !slices.Contains(docTerms[d], i) {
				docTerms[d] = append(docTerms[d], i)
				textsOf[i] = append(textsOf[i], d)
			}
		}
		for wi, w := range words {
			if i, ok := index[w.key]; ok {
				add(i)
			}
			if wi > 0 && w.joined {
				if i, ok := index[bigramKey(words[wi-1], w)]; ok {
					add(i)
				}
			}
		}
	}
	return textsOf, docTerms
}
