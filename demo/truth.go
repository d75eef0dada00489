package demo

import (
	"sort"
	"strings"
	"unicode"
)

// Topics is the hidden truth behind a demo text: the complaint topics
// ("late_delivery", "payment", ...) whose sentences it says, sorted. A
// part of one sentence long enough to be one of its clauses (a quote the
// analysis cut at a connector) counts too. Praise, a wish or a transcript
// turn has none. It lets tests and evaluations judge an analysis of the
// demo against what the generator planted.
func Topics(text string) []string {
	text = letters(text)
	var out []string
	for key, t := range topics {
		for _, s := range append(t.en[:len(t.en):len(t.en)], t.fa...) {
			s = letters(s)
			if strings.Contains(text, s) || len([]rune(text)) >= 12 && strings.Contains(s, text) {
				out = append(out, key)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// letters is s lower-cased, in Persian letters, with only its letters and
// digits: punctuation and spacing do not hide a sentence.
func letters(s string) string {
	s = strings.ToLower(strings.NewReplacer("ي", "ی", "ك", "ک").Replace(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}
