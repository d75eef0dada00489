package evaluate

import (
	"math"
	"sort"

	"github.com/safarhq/safar/analysis/cluster"
)

// The thresholds of issue #14's "found in the top 10" rule.
const (
	minHold      = 0.2 // a group holds at least this share of the label's texts
	minPrecision = 0.5 // and at least this share of its members carry the label,
	minPrecLift  = 0.2 // or at least this share
	minLift      = 3.0 // with at least this lift over the label's base rate
)

// LabelHit says whether one labelled reason was found among the groups
// (pain points or topics) and by which one. A multi-label text counts
// toward every label it carries, both in the label's texts and in a
// group's precision.
type LabelHit struct {
	Label string `json:"label"`
	Texts int    `json:"texts"` // texts carrying the label
	Found bool   `json:"found"`
	// Group is the index (0-based, priority order) of the group that finds
	// the label, or when none does, of the group closest to finding it
	// (highest F1); -1 when no group holds any of the label's texts.
	Group     int     `json:"group"`
	Hold      float64 `json:"hold"`      // share of the label's texts in that group
	Precision float64 `json:"precision"` // share of the group's members carrying the label
	Lift      float64 `json:"lift"`      // precision over the label's base rate
}

// FoundLabels applies the rule to groups (each a list of text indices,
// in priority order; pass only the top 10) against per-text label sets.
// Labels are returned by descending number of texts, then by name.
func FoundLabels(groups [][]int, labels [][]string) []LabelHit {
	count := map[string]int{}
	for _, ls := range labels {
		for _, l := range ls {
			count[l]++
		}
	}
	names := make([]string, 0, len(count))
	for l := range count {
		names = append(names, l)
	}
	sort.Slice(names, func(a, b int) bool {
		if count[names[a]] != count[names[b]] {
			return count[names[a]] > count[names[b]]
		}
		return names[a] < names[b]
	})
	n := float64(len(labels))
	hits := make([]LabelHit, len(names))
	for i, l := range names {
		hits[i] = LabelHit{Label: l, Texts: count[l], Group: -1}
	}
	index := map[string]int{}
	for i, l := range names {
		index[l] = i
	}
	bestF1 := make([]float64, len(names))
	for g, members := range groups {
		if len(members) == 0 {
			continue
		}
		inGroup := map[string]int{}
		for _, t := range members {
			for _, l := range labels[t] {
				inGroup[l]++
			}
		}
		for l, k := range inGroup {
			h := &hits[index[l]]
			hold := float64(k) / float64(h.Texts)
			prec := float64(k) / float64(len(members))
			lift := prec / (float64(h.Texts) / n)
			found := hold >= minHold && (prec >= minPrecision || (prec >= minPrecLift && lift >= minLift))
			f1 := 2 * hold * prec / (hold + prec)
			better := found && !h.Found || found == h.Found && f1 > bestF1[index[l]]
			if better {
				*h = LabelHit{Label: l, Texts: h.Texts, Found: found, Group: g, Hold: hold, Precision: prec, Lift: lift}
				bestF1[index[l]] = f1
			}
		}
	}
	return hits
}

// PrimaryLabels gives each text one label for NMI and ARI: of the labels
// it carries, the one fewest texts in the set carry (the most specific
// complaint; ties by name), so that a label mentioned almost everywhere
// (Steam's "gameplay") does not swallow the rest. Unlabelled texts get "".
func PrimaryLabels(labels [][]string) []string {
	count := map[string]int{}
	for _, ls := range labels {
		for _, l := range ls {
			count[l]++
		}
	}
	out := make([]string, len(labels))
	for i, ls := range labels {
		for _, l := range ls {
			if out[i] == "" || count[l] < count[out[i]] || count[l] == count[out[i]] && l < out[i] {
				out[i] = l
			}
		}
	}
	return out
}

// FirstGroup gives each of n texts the index of the first group (in
// priority order) it belongs to, or -1 when it is in none.
func FirstGroup(groups [][]int, n int) []int {
	first := make([]int, n)
	for i := range first {
		first[i] = -1
	}
	for g, members := range groups {
		for _, t := range members {
			if first[t] == -1 {
				first[t] = g
			}
		}
	}
	return first
}

// Agreement returns NMI and ARI between each text's first group and its
// primary label. Texts in no group form one more cluster of their own
// ("none"), so leaving texts out is neither free nor rewarded.
func Agreement(first []int, primary []string) (nmi, ari float64) {
	a := make([]int, len(first))
	for i, g := range first {
		a[i] = g + 1 // -1 (none) becomes cluster 0
	}
	ids := map[string]int{}
	b := make([]int, len(primary))
	for i, l := range primary {
		id, ok := ids[l]
		if !ok {
			id = len(ids)
			ids[l] = id
		}
		b[i] = id
	}
	return NMI(a, b), cluster.ARI(a, b)
}

// NMI is the normalised mutual information of two labelings of the same
// items, MI / mean(H(a), H(b)) (the arithmetic normalisation that
// scikit-learn uses by default): 1 for identical partitions, 0 for
// independent ones. Two single-cluster labelings score 1.
func NMI(a, b []int) float64 {
	if len(a) != len(b) {
		panic("evaluate: NMI of labelings of different lengths")
	}
	n := float64(len(a))
	if n == 0 {
		return 1
	}
	type pair struct{ x, y int }
	joint, ca, cb := map[pair]float64{}, map[int]float64{}, map[int]float64{}
	for i := range a {
		joint[pair{a[i], b[i]}]++
		ca[a[i]]++
		cb[b[i]]++
	}
	entropy := func(c map[int]float64) float64 {
		h := 0.0
		for _, v := range c {
			p := v / n
			h -= p * math.Log(p)
		}
		return h
	}
	ha, hb := entropy(ca), entropy(cb)
	if ha == 0 && hb == 0 {
		return 1
	}
	mi := 0.0
	for p, v := range joint {
		mi += v / n * math.Log(v*n/(ca[p.x]*cb[p.y]))
	}
	return max(0, mi/((ha+hb)/2))
}

// Pk and WindowDiff (Beeferman et al. 1999; Pevzner and Hearst 2002) score
// a segmentation hyp of a sequence against the reference ref (a segment
// number per item, in order): over every window of k items, Pk counts the
// windows whose two ends are in one segment in one and not in the other,
// WindowDiff those holding a different number of boundaries. 0 is perfect;
// k is half the reference's mean segment length, as usual.
func Pk(ref, hyp []int) (pk, wd float64, k int) {
	n := len(ref)
	if n < 2 || len(hyp) != n {
		return 0, 0, 0
	}
	segs := 1
	for i := 1; i < n; i++ {
		if ref[i] != ref[i-1] {
			segs++
		}
	}
	k = max(1, int(math.Round(float64(n)/float64(segs)/2)))
	if k >= n {
		k = n - 1
	}
	bounds := func(s []int, i int) int {
		c := 0
		for j := i + 1; j <= i+k; j++ {
			if s[j] != s[j-1] {
				c++
			}
		}
		return c
	}
	var ep, ew int
	for i := 0; i+k < n; i++ {
		if (ref[i] == ref[i+k]) != (hyp[i] == hyp[i+k]) {
			ep++
		}
		if bounds(ref, i) != bounds(hyp, i) {
			ew++
		}
	}
	m := float64(n - k)
	return float64(ep) / m, float64(ew) / m, k
}
