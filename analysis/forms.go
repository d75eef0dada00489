package analysis

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// A stemmer keys a word's forms alike so that one problem said as "arrive",
// "arrived" and "arriving" is one term. Some forms are another word of
// another sense: "packaging" (the box) and "package" (the parcel) share
// `packag`, as "clothing"/"cloth", "shipping"/"ship", "booking"/"book",
// "seating"/"seat" share theirs, in any stemmer. splitForms asks the corpus
// itself, before terms are counted and word vectors learned: when a key's
// "-ing" spelling and its other spellings are each used in enough texts,
// the words around each (PPMI rows over the same context words and window
// as the word vectors) are compared, and when they are unlike, the "-ing"
// spelling becomes a key of its own for the model ("packaging" beside
// `packag`). Labels and quotes show the spellings as before.
//
// A cosine of sparse rows is low for a word of few texts even when its
// uses are alike, so it is read against the rows' own reliability: each
// row is built from two halves of its texts, the halves' cosine stepped up
// to the whole (Spearman-Brown) is how alike a word's contexts are with
// themselves, and the cosine between the spellings is divided by the
// geometric mean of the two reliabilities (Spearman's correction for
// attenuation). A spelling splits when that is under formsCut and both
// rows are reliable enough to say so (formsMinReliability); otherwise the
// key stays one. The cut is read off the distribution over every "-ing"
// spelling weighed in all the evaluation sets and the demo's resamples
// (docs/painpoints.md, round 52): the reliable ones of the six sets lie
// from .12 to 1.03 (median .55), the demo's packaging from 0 to .09.
const (
	formsCut            = 0.1
	formsMinReliability = 0.2
)

// A formSplit is one key's spelling weighed by splitForms.
type formSplit struct {
	key, surf       string
	texts           int     // texts using the spelling
	rest            int     // texts using the key's other spellings
	cos             float64 // cosine of the spelling's context row with the rest's, disattenuated
	raw, relF, relR float64
	split           bool
}

// splitForms gives a key's "-ing" spelling used in at least support texts
// its own key when its contexts are unlike the key's other spellings'
// (used in as many). One pass over the words. It returns what it weighed.
func splitForms(docs []*tdoc, support float64) []formSplit {
	if len(docs) == 0 {
		return nil
	}
	voc := docs[0].voc
	// Keys spelt more than one way.
	spellings := map[string]int{}
	for _, e := range voc.entries {
		spellings[e.key]++
	}
	cand := make([]bool, len(voc.entries))
	any := false
	derivedKey := map[string]bool{}
	for _, e := range voc.entries {
		if derivedForm(e.surf) {
			derivedKey[e.key] = true
		}
	}
	for i, e := range voc.entries {
		if spellings[e.key] > 1 && derivedKey[e.key] {
			cand[i], any = true, true
		}
	}
	if !any {
		return nil
	}
	times := map[*tdoc]int{}
	var distinct []*tdoc
	for _, d := range docs {
		if times[d] == 0 {
			distinct = append(distinct, d)
		}
		times[d]++
	}
	keyIdx := map[string]int32{}
	var marg []float64
	df := make([]int, len(voc.entries))
	pairs := map[uint64]float64{}           // (entry id * 2 + half) << 32 | context key index
	half := make([]uint8, len(voc.entries)) // the half of the spelling's texts this text is in, 2 for both
	var words []tword
	var ids, ents []int32
	seen := map[int32]bool{}
	idOf := make(map[string]int32, len(voc.entries))
	for i, e := range voc.entries {
		idOf[e.surf] = int32(i)
	}
	for _, d := range distinct {
		words = d.decode(words)
		ids, ents = ids[:0], ents[:0]
		clear(seen)
		t := float64(times[d])
		for _, w := range words {
			k, ok := keyIdx[w.key]
			if !ok {
				k = int32(len(marg))
				keyIdx[w.key] = k
				marg = append(marg, 0)
			}
			ids = append(ids, k)
			ents = append(ents, idOf[w.surf])
		}
		// A spelling's texts go to two halves by turns; identical texts
		// (analysed once) count in both halves, half each.
		note := func(e int32) {
			if !seen[e] {
				seen[e] = true
				half[e] = uint8(df[e] % 2)
				if times[d] > 1 {
					half[e] = 2
				}
				df[e] += times[d]
			}
		}
		add := func(e, j int32, wgt float64) {
			note(e)
			if h := half[e]; h < 2 {
				pairs[uint64(2*e+int32(h))<<32|uint64(j)] += wgt
				return
			}
			pairs[uint64(2*e)<<32|uint64(j)] += wgt / 2
			pairs[uint64(2*e+1)<<32|uint64(j)] += wgt / 2
		}
		for a, i := range ids {
			if e := ents[a]; cand[e] {
				note(e)
			}
			for b := a + 1; b < len(ids) && b <= a+vecWindow; b++ {
				j := ids[b]
				if j == i {
					continue
				}
				wgt := t / float64(b-a)
				marg[i] += wgt
				marg[j] += wgt
				if e := ents[a]; cand[e] {
					add(e, j, wgt)
				}
				if e := ents[b]; cand[e] {
					add(e, i, wgt)
				}
			}
		}
	}
	var ctxTotal float64
	ctx := make([]float64, len(marg))
	for j, m := range marg {
		ctx[j] = math.Pow(m, ctxSmoothing)
		ctxTotal += ctx[j]
	}
	// Rows per key: each spelling's co-occurrence weights, in two halves
	// of its texts (alternate texts).
	type form struct {
		id   int32
		half [2]map[int32]float64
	}
	byKey := map[string][]*form{}
	rows := map[int32]*form{}
	for p, c := range pairs {
		h, j := int32(p>>32), int32(uint32(p))
		e := h / 2
		f := rows[e]
		if f == nil {
			f = &form{id: e, half: [2]map[int32]float64{{}, {}}}
			rows[e] = f
			byKey[voc.entries[e].key] = append(byKey[voc.entries[e].key], f)
		}
		f.half[h%2][j] = c
	}
	ppmi := func(row map[int32]float64) map[int32]float64 {
		m := 0.0
		for _, c := range row {
			m += c
		}
		out := map[int32]float64{}
		for j, c := range row {
			if v := math.Log(c * ctxTotal / (m * ctx[j])); v > 0 {
				out[j] = v
			}
		}
		return out
	}
	cosine := func(a, b map[int32]float64) float64 {
		var dot, na, nb float64
		for j, x := range a {
			na += x * x
			dot += x * b[j]
		}
		for _, y := range b {
			nb += y * y
		}
		if na == 0 || nb == 0 {
			return 0
		}
		return dot / math.Sqrt(na*nb)
	}
	sum := func(rs ...map[int32]float64) map[int32]float64 {
		out := map[int32]float64{}
		for _, r := range rs {
			for j, c := range r {
				out[j] += c
			}
		}
		return out
	}
	// reliability is the split-half cosine of a row, stepped up to the
	// whole (Spearman-Brown): how alike the contexts of a word are with
	// itself at this many texts.
	reliability := func(h0, h1 map[int32]float64) float64 {
		r := cosine(ppmi(h0), ppmi(h1))
		return 2 * r / (1 + r)
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []formSplit
	newKey := map[int32]string{}
	for _, k := range keys {
		fs := byKey[k]
		sort.Slice(fs, func(a, b int) bool {
			if df[fs[a].id] != df[fs[b].id] {
				return df[fs[a].id] > df[fs[b].id]
			}
			return voc.entries[fs[a].id].surf < voc.entries[fs[b].id].surf
		})
		// Each derived spelling used enough is weighed against all the
		// key's other spellings together, which keep the key.
		for _, f := range fs {
			if !derivedForm(voc.entries[f.id].surf) || float64(df[f.id]) < support {
				continue
			}
			var r0, r1 []map[int32]float64
			rdf := 0
			for _, g := range fs {
				if g != f && !derivedForm(voc.entries[g.id].surf) {
					r0, r1 = append(r0, g.half[0]), append(r1, g.half[1])
					rdf += df[g.id]
				}
			}
			if float64(rdf) < support {
				continue
			}
			rest0, rest1 := sum(r0...), sum(r1...)
			relF, relR := reliability(f.half[0], f.half[1]), reliability(rest0, rest1)
			raw := cosine(ppmi(sum(f.half[0], f.half[1])), ppmi(sum(rest0, rest1)))
			c := 1.0
			if relF > 0 && relR > 0 {
				c = raw / math.Sqrt(relF*relR)
			}
			s := formSplit{key: k, surf: voc.entries[f.id].surf, texts: df[f.id], rest: rdf, cos: c, raw: raw, relF: relF, relR: relR}
			s.split = c < formsCut && relF >= formsMinReliability && relR >= formsMinReliability
			if s.split {
				newKey[f.id] = s.surf
			}
			out = append(out, s)
		}
	}
	for e, k := range newKey {
		voc.entries[e].key = strings.ReplaceAll(k, string(zwnj), "")
	}
	return out
}

// derivedForm reports whether the stemmer reached a spelling's key by
// stripping a suffix that may derive a word of its own: the English "-ing"
// makes nouns of another sense ("packaging", "clothing", "booking",
// "setting"), where the plural and "-ed" endings and the Persian suffixes
// the key drops (plural, ezafe, possessive: faStem) inflect one word.
func derivedForm(surf string) bool {
	return len(surf) > 5 && strings.HasSuffix(surf, "ing") && surf[0] < utf8.RuneSelf && irregular[surf] == ""
}
