package analysis

import "math"

// One problem said in two vocabularies can end in two groups when the
// vectors, learned from few texts, do not see its words alike enough for
// the merge cut. pairedGroups reads the texts for it: two groups merge
// when each is the other's most similar group by the vectors (average
// linkage; mutual nearest neighbours, no cosine threshold) and the texts
// say both far more often than chance, as the words of one problem are
// (split.go reads the same evidence the other way). Chance allows for a
// text's length: a text that says many terms says any group more often.
// Measured in docs/painpoints.md, round 63: not adopted (the merges it
// makes on the development sets are linked events, "waited" and "our
// reservation", more often than one problem in two vocabularies).

// pairedP is the Poisson chance of so many joint texts under
// independence below which two mutual nearest groups merge; one test per
// pair of mutual nearest groups.
const pairedP = 0.001

// pairedGroups returns the pairs of groups (indices into groups) to
// merge. groups lists each group's term indices; sim is their average
// linkage; allowed says whether two groups may merge at all (not kept
// apart by a listing, as alternatives or as two pack concepts).
func pairedGroups(docs []*tdoc, terms []*term, groups [][]int, sim func(a, b int) float64, allowed func(a, b int) bool) [][2]int {
	ng := len(groups)
	if ng < 2 {
		return nil
	}
	near := make([]int, ng)
	for a := range ng {
		near[a] = -1
		best := math.Inf(-1)
		for b := range ng {
			if b != a && allowed(a, b) {
				if s := sim(a, b); s > best {
					best, near[a] = s, b
				}
			}
		}
	}
	var cand [][2]int
	pairOf := map[[2]int]int{}
	for a, b := range near {
		if b > a && near[b] == a {
			pairOf[[2]int{a, b}] = len(cand)
			cand = append(cand, [2]int{a, b})
		}
	}
	if len(cand) == 0 {
		return nil
	}
	owner := make(map[string]int, len(terms))
	for g, ts := range groups {
		for _, i := range ts {
			owner[terms[i].key] = g
		}
	}
	// Per text: the groups it says, and how many distinct terms.
	hist := map[int]int{} // texts by the number of terms they say
	gdf := make([]int, ng)
	both := make([]int, len(cand))
	var words []tword
	var in []int
	seen := map[string]bool{}
	for _, doc := range docs {
		words = doc.decode(words)
		in, m := in[:0], 0
		clear(seen)
		add := func(key string) {
			g, ok := owner[key]
			if !ok || seen[key] {
				return
			}
			seen[key] = true
			m++
			for _, x := range in {
				if x == g {
					return
				}
			}
			in = append(in, g)
		}
		for wi, w := range words {
			add(w.key)
			if wi > 0 && w.joined {
				add(bigramKey(words[wi-1], w))
			}
		}
		if m == 0 {
			continue
		}
		hist[m]++
		for x, a := range in {
			gdf[a]++
			for _, b := range in[x+1:] {
				if c, ok := pairOf[[2]int{min(a, b), max(a, b)}]; ok {
					both[c]++
				}
			}
		}
	}
	var out [][2]int
	for c, p := range cand {
		if both[c] == 0 {
			continue
		}
		qa, qb := useShare(gdf[p[0]], hist), useShare(gdf[p[1]], hist)
		var lambda float64 // joint texts expected
		for m, k := range hist {
			lambda += float64(k) * (1 - math.Pow(1-qa, float64(m))) * (1 - math.Pow(1-qb, float64(m)))
		}
		if 1-poissonAtMost(both[c]-1, lambda) < pairedP {
			out = append(out, p)
		}
	}
	return out
}

// useShare finds the share q of term uses for which texts, a text saying
// m terms saying the group with chance 1-(1-q)^m, say it in df texts on
// average (bisection; hist counts the texts by m).
func useShare(df int, hist map[int]int) float64 {
	lo, hi := 0.0, 1.0
	for range 40 {
		q := (lo + hi) / 2
		var e float64
		for m, k := range hist {
			e += float64(k) * (1 - math.Pow(1-q, float64(m)))
		}
		if e < float64(df) {
			lo = q
		} else {
			hi = q
		}
	}
	return (lo + hi) / 2
}
