package analysis

import (
	"math"
	"slices"
	"sort"
)

// A group can hold two problems whose words the vectors found alike but
// the texts never say together: "too tight" and "too loose", cracked
// eggs and coffee in one food shop's reviews. splitGroups cuts such a
// group in two by the texts (docs/painpoints.md, round 49): the terms are
// ordered by the Fiedler vector of the group's normalised co-occurrence
// graph (which terms are said in the same texts), and the best cut along
// that order is taken when its two sides are said together far less often
// than chance.
// A problem said in varied words ("late", "days", "waiting") has words
// said together more often than chance, and a word shared by the two
// sides glues them: neither splits.

// splitMinTerms is the least number of terms a group needs to be tested.
const splitMinTerms = 3

// splitRatio is the most the two sides may be said together, as a share of
// what chance predicts: each text keeps how many of the group's terms it
// says, drawn at random by the terms' frequencies; and
// splitP is the Poisson chance of so few joint texts under independence,
// taken small enough that the k-1 cuts tried in a group do not find one
// by luck.
const (
	splitRatio = 0.5
	splitP     = 0.001
)

// splitGroups splits each group whose terms fall into two sets said in
// separate texts, each side in at least minTexts texts. Every text is read
// once; the work per group grows with its terms times its texts.
func splitGroups(groups []*tgroup, docs []*tdoc, minTexts float64) []*tgroup {
	type at struct{ g, i int }
	where := map[string]at{}
	for g, gr := range groups {
		if gr.concept > 0 || len(gr.terms) < splitMinTerms {
			continue
		}
		for i, t := range gr.terms {
			where[t.key] = at{g, i}
		}
	}
	if len(where) == 0 {
		return groups
	}
	said := make([][][]int, len(groups)) // per group, per text using it: its terms
	var words []tword
	var in []at
	// A text said by several persons is read once: its groups' terms are
	// given again, in the texts' order, where it is said again.
	type groupTerms struct {
		g  int
		ts []int
	}
	times := make(map[*tdoc]int32, len(docs))
	for _, d := range docs {
		times[d]++
	}
	read := map[*tdoc][]groupTerms{}
	for _, d := range docs {
		if r, ok := read[d]; ok {
			for _, x := range r {
				said[x.g] = append(said[x.g], x.ts)
			}
			continue
		}
		var r []groupTerms
		words = d.decode(words)
		in = in[:0]
		add := func(key string) {
			if a, ok := where[key]; ok && !slices.Contains(in, a) {
				in = append(in, a)
			}
		}
		for wi, w := range words {
			add(w.key)
			if wi > 0 && w.joined {
				add(bigramKey(words[wi-1], w))
			}
		}
		sort.Slice(in, func(x, y int) bool { return in[x].g < in[y].g || in[x].g == in[y].g && in[x].i < in[y].i })
		for x := 0; x < len(in); {
			y := x
			var ts []int
			for ; y < len(in) && in[y].g == in[x].g; y++ {
				ts = append(ts, in[y].i)
			}
			said[in[x].g] = append(said[in[x].g], ts)
			if times[d] > 1 {
				r = append(r, groupTerms{in[x].g, ts})
			}
			x = y
		}
		if times[d] > 1 {
			read[d] = r
		}
	}
	var out []*tgroup
	for g, gr := range groups {
		side := bestCut(len(gr.terms), said[g], minTexts)
		if side == nil {
			out = append(out, gr)
			continue
		}
		a, b := &tgroup{}, &tgroup{}
		for i, t := range gr.terms { // kept in the group's order: the key is the first
			if side[i] {
				b.terms = append(b.terms, t)
			} else {
				a.terms = append(a.terms, t)
			}
		}
		a.key, b.key = a.terms[0].key, b.terms[0].key
		out = append(out, a, b)
	}
	sort.Slice(out, func(a, b int) bool { return out[a].key < out[b].key })
	return out
}

// bestCut returns the side of each of k terms for the cut to make, or nil
// for none. texts lists, for each text using the group, its terms.
func bestCut(k int, texts [][]int, minTexts float64) []bool {
	if k < splitMinTerms || float64(len(texts)) < 2*minTexts {
		return nil
	}
	co := make([][]float64, k)
	for i := range co {
		co[i] = make([]float64, k)
	}
	for _, ts := range texts {
		for x, a := range ts {
			for _, b := range ts[x+1:] {
				co[a][b]++
				co[b][a]++
			}
		}
	}
	// Texts by how many of the group's terms they say (at most k): the
	// chance of a joint text depends on that number alone.
	byLen := make([]float64, k+1)
	for _, ts := range texts {
		byLen[len(ts)]++
	}
	// No cut can be significant when even the most joint texts chance
	// could expect (sides of equal weight: a text of m terms is joint
	// with chance 1 - 2·½^m) make zero joint texts likely: then the
	// ordering is not worth its work.
	var most float64
	for m, n := range byLen {
		if m > 1 {
			most += n * (1 - 2*math.Pow(0.5, float64(m)))
		}
	}
	if math.Exp(-most) >= splitP {
		return nil
	}
	order := fiedlerOrder(co)
	// The cuts are tried in order, moving one term at a time to side A:
	// only the texts saying it change, so all k-1 cuts cost one pass.
	textsOf := make([][]int, k) // per term, the texts saying it
	var occ float64
	for x, ts := range texts {
		for _, t := range ts {
			textsOf[t] = append(textsOf[t], x)
		}
		occ += float64(len(ts))
	}
	inA := make([]int, len(texts)) // per text, its terms on side A
	side := make([]bool, k)
	var na, nab int // texts saying side A, and both sides
	nb := len(texts)
	var occA float64
	best, bestSide := math.Inf(1), []bool(nil)
	for c := 1; c < k; c++ { // the first c terms of the order on side A
		t := order[c-1]
		side[t] = true
		occA += float64(len(textsOf[t]))
		for _, x := range textsOf[t] {
			m := len(texts[x])
			if inA[x] == 0 {
				na++
				if m > 1 {
					nab++
				}
			}
			inA[x]++
			if inA[x] == m { // no term left on side B
				nb--
				if m > 1 {
					nab--
				}
			}
		}
		if float64(na) < minTexts || float64(nb) < minTexts {
			continue
		}
		// By chance, a text saying m of the group's terms holds both
		// sides unless all m fall on one.
		pa := occA / occ
		var expected float64
		for m, n := range byLen {
			if n > 0 {
				expected += n * (1 - math.Pow(pa, float64(m)) - math.Pow(1-pa, float64(m)))
			}
		}
		r := float64(nab) / expected
		if r <= splitRatio && poissonAtMost(nab, expected) < splitP && r < best {
			best, bestSide = r, slices.Clone(side)
		}
	}
	return bestSide
}

// fiedlerOrder orders the nodes of a weighted graph by its Fiedler vector:
// the second eigenvector of the normalised adjacency D^-½AD^-½, found by
// power iteration on (I+M)/2 with the first (√d) projected out. The
// adjacency is regularised by the mean degree spread over all pairs, so a
// node said with no other still has a place.
func fiedlerOrder(a [][]float64) []int {
	k := len(a)
	var total float64
	for i := range a {
		for _, x := range a[i] {
			total += x
		}
	}
	tau := total/float64(k)/float64(k) + 1e-9
	deg := make([]float64, k)
	for i := range a {
		for j := range a[i] {
			deg[i] += a[i][j] + tau
		}
	}
	first := make([]float64, k)
	for i := range first {
		first[i] = math.Sqrt(deg[i])
	}
	normalize(first)
	x := make([]float64, k)
	for i := range x {
		x[i] = float64(i%3) - 1 + float64(i)/float64(k) // any start not along the first
	}
	m := make([]float64, k*k) // the normalised adjacency, computed once
	for i := range a {
		for j := range a[i] {
			m[i*k+j] = (a[i][j] + tau) / math.Sqrt(deg[i]*deg[j])
		}
	}
	y := make([]float64, k)
	for range 300 {
		project(x, first)
		normalize(x)
		for i := range y {
			s := x[i]
			row := m[i*k : (i+1)*k]
			for j := range x {
				s += row[j] * x[j]
			}
			y[i] = s / 2
		}
		x, y = y, x
	}
	project(x, first)
	f := make([]float64, k)
	for i := range f {
		f[i] = x[i] / math.Sqrt(deg[i])
	}
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(p, q int) bool { return f[order[p]] < f[order[q]] })
	return order
}

// project removes from x its part along the unit vector u.
func project(x, u []float64) {
	var s float64
	for i := range x {
		s += x[i] * u[i]
	}
	for i := range x {
		x[i] -= s * u[i]
	}
}

// poissonAtMost is the chance of at most m events when lambda are expected.
func poissonAtMost(m int, lambda float64) float64 {
	p, term := 0.0, math.Exp(-lambda)
	for i := 0; i <= m; i++ {
		p += term
		term *= lambda / float64(i+1)
	}
	return min(p, 1)
}
