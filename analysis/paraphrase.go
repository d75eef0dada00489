package analysis

import (
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
)

// paraphraseBar: two groups whose members' texts say the same other
// things (the cosine of their member profiles, paraphraseProfiles) at
// least this much, each the other's nearest, are one problem said with
// different words.
var paraphraseBar = func() float64 {
	if v, err := strconv.ParseFloat(os.Getenv("SAFAR_PPBAR"), 64); err == nil {
		return v
	}
	return 0
}()

// mergeParaphrases joins groups that are mutual nearest by their members'
// profiles: for each group with at least minPeople persons, every word
// its member texts say in at least two of them, weighted by its positive
// log lift over the corpus (the rate among the members over the rate in
// all texts). It returns nil when nothing merges.
func mergeParaphrases(groups []*tgroup, states []*gstate, docs []*tdoc, minPeople int) []*tgroup {
	if paraphraseBar <= 0 {
		return nil
	}
	df := map[string]int{}
	keysOf := map[*tdoc][]string{}
	var words []tword
	for _, d := range docs {
		ks, ok := keysOf[d]
		if !ok {
			words = d.decode(words)
			seen := map[string]bool{}
			for _, w := range words {
				if w.kind != wContext && !seen[w.key] {
					seen[w.key] = true
					ks = append(ks, w.key)
				}
			}
			keysOf[d] = ks
		}
		for _, k := range ks {
			df[k]++
		}
	}
	n := float64(len(docs))
	prof := make([]map[string]float64, len(states))
	norm := make([]float64, len(states))
	for gi, gs := range states {
		if len(gs.persons) < minPeople {
			continue
		}
		seen := map[int32]bool{}
		cnt := map[string]float64{}
		for _, h := range gs.hits {
			if seen[h.text] {
				continue
			}
			seen[h.text] = true
			for _, k := range keysOf[docs[h.text]] {
				cnt[k]++
			}
		}
		p := map[string]float64{}
		for k, c := range cnt {
			if c < 2 {
				continue
			}
			if l := math.Log(c / float64(len(seen)) / (float64(df[k]) / n)); l > 0 {
				p[k] = l
				norm[gi] += l * l
			}
		}
		if norm[gi] > 0 {
			prof[gi], norm[gi] = p, math.Sqrt(norm[gi])
		}
	}
	cos := func(a, b int) float64 {
		pa, pb := prof[a], prof[b]
		if len(pb) < len(pa) {
			pa, pb = pb, pa
		}
		var s float64
		for k, x := range pa {
			s += x * pb[k]
		}
		return s / (norm[a] * norm[b])
	}
	nearest := make([]int, len(states))
	best := make([]float64, len(states))
	for a := range states {
		nearest[a] = -1
		if prof[a] == nil {
			continue
		}
		for b := range states {
			if b == a || prof[b] == nil || groups[a].concept > 0 && groups[b].concept > 0 {
				continue
			}
			if c := cos(a, b); c > best[a] {
				best[a], nearest[a] = c, b
			}
		}
	}
	gone := make([]bool, len(groups))
	merged := false
	for a := range groups {
		b := nearest[a]
		if b <= a || nearest[b] != a || best[a] < paraphraseBar {
			continue
		}
		g := &tgroup{terms: append(append([]*term{}, groups[a].terms...), groups[b].terms...), concept: max(groups[a].concept, groups[b].concept)}
		sort.SliceStable(g.terms, func(x, y int) bool {
			if g.terms[x].support != g.terms[y].support {
				return g.terms[x].support > g.terms[y].support
			}
			return g.terms[x].key < g.terms[y].key
		})
		g.key = g.terms[0].key
		if g.concept == groups[b].concept && groups[b].concept > 0 {
			g.key = groups[b].key
		} else if groups[a].concept > 0 {
			g.key = groups[a].key
		}
		if os.Getenv("SAFAR_PPDEBUG") != "" {
			fmt.Fprintf(os.Stderr, "MERGE %.3f %s (%d) + %s (%d)\n", best[a], groups[a].key, len(states[a].hits), groups[b].key, len(states[b].hits))
		}
		groups[a], gone[b], merged = g, true, true
	}
	if !merged {
		return nil
	}
	var out []*tgroup
	for i, g := range groups {
		if !gone[i] {
			out = append(out, g)
		}
	}
	return out
}
