package analysis

import "strings"

// Persian customers write as they speak: "گرون" for "گران" (expensive),
// "ارزون", "خونه", "دونه", "پشیمون", "مونده". Read as spelled, one problem
// is split across two words and neither has all its texts. readSpoken
// reads the spoken "ون" for the written "ان" as the written word, for the
// model's words only: quotes are the texts as written, and a label shows
// the spelling most members use.
//
// The rule is generic morphology checked against the corpus: a word with
// "ون" (after its first letter) is read with "ان" when that written word
// is itself a word of the model in at least two texts. Words whose "ون" is
// written have no such twin ("بیرون"/"بیران", "قانون"/"قانان", "چون")
// and stay. Asking the written word to be at least as common as the
// spoken one, as a stricter test, merges none of the common pairs of the
// ParsiNLU food reviews: customers write "گرون" (14 reviews) more than
// "گران" (10), "دونه" (17) more than "دانه" (12) (docs/painpoints.md,
// round 10).
//
// When the lexicon knows one spelling of a merged word and not another
// ("مونده" is a complaint word, "مانده" is not), all take the known kind.
func readSpoken(docs []*tdoc) {
	if len(docs) == 0 {
		return
	}
	voc := docs[0].voc
	times := map[*tdoc]int{} // identical texts share one tdoc; each is a text using its words
	var distinct []*tdoc
	for _, d := range docs {
		if times[d] == 0 {
			distinct = append(distinct, d)
		}
		times[d]++
	}
	df := map[string]int{} // texts using a Persian key
	seen := map[string]bool{}
	var buf []tword
	for _, d := range distinct {
		buf = d.decode(buf)
		clear(seen)
		for _, w := range buf {
			if !seen[w.key] && isPersianWord(w.key) {
				seen[w.key] = true
				df[w.key] += times[d]
			}
		}
	}
	to := map[string]string{}
	for k := range df {
		if w := writtenForm(k, df); w != k {
			to[k] = w
		}
	}
	if len(to) == 0 {
		return
	}
	voc.written = to
	merged := map[string]bool{}
	for i := range voc.entries {
		if e := &voc.entries[i]; to[e.key] != "" {
			e.key, e.spoken = to[e.key], true
			merged[e.key] = true
		}
	}
	kinds := map[string]uint8{}
	for _, e := range voc.entries {
		// The entries' order varies from run to run: the choice must not.
		if k, ok := kinds[e.key]; merged[e.key] && e.kind != wContent && (!ok || e.kind < k) {
			kinds[e.key] = e.kind
		}
	}
	for i := range voc.entries {
		if e := &voc.entries[i]; e.kind == wContent {
			if k, ok := kinds[e.key]; ok {
				e.kind = k
			}
		}
	}
}

// writtenForm returns k with its first spoken "ون" (not at the start)
// written "ان" when the corpus uses that word in at least two texts, and
// k otherwise.
func writtenForm(k string, df map[string]int) string {
	const spoken, written = "ون", "ان"
	for i := 1; i < len(k); i++ {
		j := strings.Index(k[i:], spoken)
		if j < 0 {
			break
		}
		i += j
		if w := k[:i] + written + k[i+len(spoken):]; df[w] >= 2 {
			return w
		}
	}
	return k
}
