package analysis

import "math"

// Words for different things said in the same slots ("dress" and "top",
// "food" and "service") get word vectors as near as synonyms', so the
// vectors alone merge them. The texts tell them apart: such words are
// alternatives, each used in many texts and rarely in one text together,
// and the texts using one but not the other talk about other things
// (a dress's waist and hem, a top's sleeves). Synonyms are rarely said in
// one text either (a writer picks "fabric" or "material"), so rarity
// together alone does not separate them (measured: docs/painpoints.md,
// round 8); what separates them is that the texts of each synonym say
// the same other things.

const (
	// alternativeZ: two terms are used together significantly less often
	// than by chance when the log odds ratio of their texts' 2x2 table is
	// at most this many standard errors below zero (p < .003, two-sided).
	alternativeZ = 3
	// alternativeCompany: ... and they are alternatives when the other
	// terms of the texts using one but not the other are less alike than
	// this (cosine of their PPMI profiles). Measured pairs one problem
	// for a consultant: waiter/waitress .49, waiter/server .45,
	// fabric/material .37; pairs of different things: dress/top .20,
	// dress/shirt .19, food/drinks .05.
	alternativeCompany = 0.3
)

// alternatives returns the pairs of terms (indices into terms, lower
// first) that are alternatives. One pass over the texts notes the terms
// each uses (a term's index fits 16 bits: there are at most maxTerms).
// The test needs evidence: on the development sets of 277 and 773 texts
// no pair passes it, on 2,370 and 2,413 about thirty do.
func alternatives(docs []*tdoc, terms []*term) [][2]int {
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t.key] = i
	}
	// The terms of every text, one after the other (at = offsets).
	var used []uint16
	at := make([]int, 1, len(docs)+1) // by distinct text
	in := make([]bool, len(terms))
	var words []tword
	add := func(i int) {
		if !in[i] {
			in[i] = true
			used = append(used, uint16(i))
		}
	}
	// Each distinct text once, its counts as many times as it is said.
	dt := docTimes(docs)
	for _, m := range dt {
		words = m.d.decode(words)
		start := len(used)
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
		for _, i := range used[start:] {
			in[i] = false
		}
		at = append(at, len(used))
	}
	nt := len(terms)
	df := make([]int, nt)
	both := make([]int32, nt*nt) // both[a*nt+b], a < b
	for d := 0; d+1 < len(at); d++ {
		ts, times := used[at[d]:at[d+1]], dt[d].n
		for x, a := range ts {
			df[a] += times
			for _, b := range ts[x+1:] {
				i, j := min(int(a), int(b)), max(int(a), int(b))
				both[i*nt+j] += int32(times)
			}
		}
	}
	n := len(docs)
	var cand [][2]int
	for i := range nt {
		for j := i + 1; j < nt; j++ {
			if apartInTexts(int(both[i*nt+j]), df[i], df[j], n) {
				cand = append(cand, [2]int{i, j})
			}
		}
	}
	if len(cand) == 0 {
		return nil
	}
	// The company of each side: how many of the texts using one term but
	// not the other use each other term u: the texts using both it and u,
	// less those that also use the other term (few: that is the test).
	cidx := make([]int32, nt*nt)
	for c, p := range cand {
		cidx[p[0]*nt+p[1]] = int32(c) + 1
	}
	triple := make([][]int32, len(cand))
	for d := 0; d+1 < len(at); d++ {
		ts, times := used[at[d]:at[d+1]], int32(dt[d].n)
		for x, a := range ts {
			for _, b := range ts[x+1:] {
				c := cidx[min(int(a), int(b))*nt+max(int(a), int(b))] - 1
				if c < 0 {
					continue
				}
				if triple[c] == nil {
					triple[c] = make([]int32, nt)
				}
				for _, u := range ts {
					triple[c][u] += times
				}
			}
		}
	}
	pair := func(i, j int) int {
		return int(both[min(i, j)*nt+max(i, j)])
	}
	var out [][2]int
	prof := [2][]float64{make([]float64, nt), make([]float64, nt)}
	for c, p := range cand {
		n11 := pair(p[0], p[1])
		for side, t := range p {
			only := df[t] - n11
			for u := range nt {
				prof[side][u] = 0
				if u == p[0] || u == p[1] {
					continue
				}
				k := pair(t, u)
				if triple[c] != nil {
					k -= int(triple[c][u])
				}
				if k < 2 {
					continue // a context seen once is noise
				}
				expected := float64(only) * float64(df[u]) / float64(n)
				prof[side][u] = max(0, math.Log(float64(k)/expected))
			}
			normalize(prof[side])
		}
		if dot(prof[0], prof[1]) < alternativeCompany {
			out = append(out, p)
		}
	}
	return out
}

// apartInTexts reports whether two terms used in na and nb of n texts,
// both in n11, are used together significantly less often than chance:
// the log odds ratio (each cell plus a half) is at most alternativeZ of
// its standard errors below zero.
func apartInTexts(n11, na, nb, n int) bool {
	a := float64(n11) + .5
	b := float64(na-n11) + .5
	c := float64(nb-n11) + .5
	d := float64(n-na-nb+n11) + .5
	lor := math.Log(a * d / (b * c))
	return lor <= -alternativeZ*math.Sqrt(1/a+1/b+1/c+1/d)
}
