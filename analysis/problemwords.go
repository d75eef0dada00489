package analysis

import (
	"math"
	"slices"
)

// A label states the problem: after its head term comes the complaint
// word that the members say with it most, by lift over the whole set
// ("portions small", "service slow", "ارسال دیر"), not the most common
// complaint word of the set.

// problemWords counts, once per text, the complaint words that name a
// problem (wSpecific: "slow", "late", "دیر"), so that a group's use of one
// can be set against the whole set's.
type problemWords struct {
	n    int
	df   map[string]int
	surf map[string]map[string]int // spellings as written
}

func countProblemWords(docs []*tdoc) *problemWords {
	pw := &problemWords{n: len(docs), df: map[string]int{}, surf: map[string]map[string]int{}}
	var in []string
	for _, d := range docs {
		in = in[:0]
		for _, w := range d.words {
			if w.kind != wSpecific {
				continue
			}
			if !slices.Contains(in, w.key) {
				in = append(in, w.key)
			}
			if pw.surf[w.key] == nil {
				pw.surf[w.key] = map[string]int{}
			}
			pw.surf[w.key][w.surf]++
		}
		for _, k := range in {
			pw.df[k]++
		}
	}
	return pw
}

// problemWordMinShare: the word must be said with the head term in at
// least this share of the members that use the head term.
const problemWordMinShare = 0.03

// forHead returns the key and spelling of the complaint word most
// associated with head in the members' clauses that use it (count times
// log lift, lift > 1.5), "" when none is said with it often enough.
func (pw *problemWords) forHead(head *term, hits []ghit, docs []*tdoc) (key, surface string) {
	count := map[string]int{}
	withHead := 0
	var in []string
	for _, h := range hits {
		d := docs[h.text]
		in = in[:0]
		// The clauses holding every word of the head ("هزینه ارسال", not
		// any "ارسال").
		parts := map[int32]int{}
		for _, w := range d.words {
			if w.key == head.key { // a compound written as one word
				parts[w.clause] = 1<<len(head.parts) - 1
			} else if i := slices.Index(head.parts, w.key); i >= 0 {
				parts[w.clause] |= 1 << i
			}
		}
		clauses := map[int32]bool{}
		for c, m := range parts {
			if m == 1<<len(head.parts)-1 {
				clauses[c] = true
			}
		}
		if len(clauses) == 0 {
			continue
		}
		withHead++
		for _, w := range d.words {
			if w.kind == wSpecific && clauses[w.clause] && !containsPart(head, w.key) && !slices.Contains(in, w.key) {
				in = append(in, w.key)
			}
		}
		for _, k := range in {
			count[k]++
		}
	}
	best, bestScore := "", 0.0
	for k, c := range count {
		if c < 2 || float64(c) < problemWordMinShare*float64(withHead) {
			continue
		}
		lift := float64(c) / float64(withHead) / (float64(pw.df[k]) / float64(pw.n))
		if lift <= 1.5 {
			continue
		}
		if s := float64(c) * math.Log(lift); s > bestScore || s == bestScore && k < best {
			best, bestScore = k, s
		}
	}
	if best == "" {
		return "", ""
	}
	return best, (&term{surf: pw.surf[best]}).surface()
}
