package demo

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Topics is the hidden truth behind a demo text: the complaint topics
// ("late_delivery", "payment", ...) it says, sorted. A text says a topic
// when it holds one of the topic's clues (a part of its sentences that
// says the problem on its own, see clues), or when it is a piece of one
// of its sentences long enough to be a clause (a quote the analysis cut
// at a connector). Praise, a wish or a transcript turn has none. It lets
// tests and evaluations judge an analysis of the demo against what the
// generator planted.
func Topics(text string) []string {
	var out []string
	for _, s := range sayings(text) {
		if !slices.Contains(out, s.key) {
			out = append(out, s.key)
		}
	}
	slices.Sort(out)
	return out
}

// said is a topic said in a language.
type said struct{ key, lang string }

// sayings are the topics the text says, with the language it says them in.
func sayings(text string) []said {
	fa, en := scripts(text)
	text = letters(text)
	long := utf8.RuneCountInString(text) >= minClue
	var out []said
	sets := clueSets()
	for _, c := range sets {
		if c.lang == "fa" && !fa || c.lang == "en" && !en {
			continue // no letter of the language, so none of its clues
		}
		if slices.ContainsFunc(c.clues, func(s string) bool { return strings.Contains(text, s) }) {
			out = append(out, c.said)
		}
	}
	// A text that holds no clue may be a piece of a sentence (no sentence
	// holds another topic's clue: the tests read every one).
	if len(out) > 0 || !long {
		return out
	}
	for _, c := range sets {
		if len(text) <= c.longest && strings.Contains(c.all, text) {
			out = append(out, c.said)
		}
	}
	return out
}

// scripts says whether s has Persian (Arabic-script) letters and whether
// it has Latin ones: the letters of the demo's two languages.
func scripts(s string) (fa, en bool) {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			fa = true
		case unicode.Is(unicode.Latin, r):
			en = true
		}
	}
	return fa, en
}

// minClue is the fewest letters a part of a sentence needs to say its
// topic on its own: "The delivery" or "سفارشم" alone says nothing.
const minClue = 12

// clueSet is what recognises one topic in one language: its clues and
// all its sentences.
type clueSet struct {
	said
	// clues are the parts of at least minClue letters, pairs of adjacent
	// shorter parts that are that long together, and any sentence that
	// holds neither.
	clues   []string
	all     string // every sentence, NUL-separated
	longest int    // bytes of the longest sentence
}

var clueSets = sync.OnceValue(func() []clueSet {
	var out []clueSet
	for key, t := range topics {
		for lang, fs := range map[string][]form{"en": t.en, "fa": t.fa} {
			c := clueSet{said: said{key, lang}}
			add := func(s string) {
				if !slices.Contains(c.clues, s) {
					c.clues = append(c.clues, s)
				}
			}
			long := func(s string) bool { return utf8.RuneCountInString(s) >= minClue }
			for _, f := range fs {
				for i, slot := range f {
					for _, p := range slot {
						if p := letters(p); long(p) {
							add(p)
						}
						if i+1 == len(f) || long(letters(p)) {
							continue
						}
						for _, q := range f[i+1] {
							if pq := letters(p + q); !long(letters(q)) && long(pq) {
								add(pq)
							}
						}
					}
				}
			}
			var all []string
			for i := range sentences(fs) {
				s := letters(sentence(fs, i))
				all = append(all, s)
				c.longest = max(c.longest, len(s))
				if !slices.ContainsFunc(c.clues, func(cl string) bool { return strings.Contains(s, cl) }) {
					add(s)
				}
			}
			c.all = strings.Join(all, "\x00")
			out = append(out, c)
		}
	}
	slices.SortFunc(out, func(a, b clueSet) int { return strings.Compare(a.key+a.lang, b.key+b.lang) })
	return out
})

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
