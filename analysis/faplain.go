package analysis

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Persian customers write their own possessives on the noun: "سفارشم" (my
// order), "بسته‌ام" (my package), "اپلیکیشنتون" (your app). A consultant's
// report says "سفارش", "بسته", "اپلیکیشن". Reading these endings in the
// model moves the shared word vectors and with them groups of both
// languages (docs/painpoints.md, round 13), so they are read for display
// only: plainWords rewrites the words a label shows, and nothing else.
// Keys, groups, members, reach, quotes and joins are untouched.
//
// A shown word that is not a verb form by its morphology (faverbs.go:
// "پرداختم", I paid, "خریدم" stay) loses a personal ending two ways:
//   - after a ZWNJ, where the writer marked it: ‌ام ‌ات ‌اش ‌مان ‌تان ‌شان
//     ‌مون ‌تون ‌شون (and ‌م ‌ت ‌ش), alone or after a plural "ها"/"های",
//     when the word before it has three letters at least ("بسته‌ام" is
//     "بسته"; "قیمت‌هاتون" is "قیمت‌ها", the plural kept);
//   - written on (م مان تان شان مون تون; not ت nor ش, which end as many
//     words of their own: کیفیت, کفش), when the word without it is itself
//     a word of the corpus, used in at least plainMinTexts texts as the
//     model stems words ("سفارش", "سفارش‌ها", "سفارشی"; the test readSpoken
//     makes of a written form), and has four letters at least. The same
//     letters end many words that are no possessive, nearly all on a short
//     stem the corpus may well use: "مردم" (people, not "مرد" + م),
//     "خانم", "سالم", "کارتون", "فیلم", "گندم", "برام", "کنیم".
type plainWords struct {
	mu    sync.Mutex // pain points are labelled side by side
	docs  []*tdoc
	texts map[string]int // texts using a word, counted up to plainMinTexts
	shown map[string]string
}

// plainMinTexts: a word without its ending is a word of the corpus when at
// least this many texts use it, as readSpoken asks of a written form.
const plainMinTexts = 2

func newPlainWords(docs []*tdoc) *plainWords {
	return &plainWords{docs: docs, texts: map[string]int{}, shown: map[string]string{}}
}

// The personal endings after a ZWNJ and written on (possessives; after a
// ZWNJ also the copula: "خسته‌ام", I am tired, shows "خسته").
var (
	faPossessivesZWNJ = []string{"مان", "تان", "شان", "مون", "تون", "شون", "م", "ت", "ش"}
	faPossessivesOn   = []string{"مان", "تان", "شان", "مون", "تون", "م"}
)

// phrase is s with each of its Persian words shown plain.
func (pl *plainWords) phrase(s string) string {
	if !isPersianWord(s) {
		return s
	}
	pl.mu.Lock()
	defer pl.mu.Unlock()
	words := strings.Split(s, " ")
	for i, w := range words {
		words[i] = pl.word(w)
	}
	return strings.Join(words, " ")
}

// word is w without its personal ending when the rule above reads one,
// else w as written.
func (pl *plainWords) word(w string) string {
	if s, ok := pl.shown[w]; ok {
		return s
	}
	s := w
	if shown, marked, ok := withoutPossessive(w); ok && (marked || pl.attested(shown)) {
		s = shown
	}
	pl.shown[w] = s
	return s
}

// withoutPossessive reads w as a word with a personal ending: the word to
// show without it, and whether the writer marked the ending with a ZWNJ.
// ok is false for a word that is not Persian, is a verb form or has no
// such ending (after a ZWNJ, on a stem of three letters; written on, of
// four).
func withoutPossessive(w string) (shown string, marked, ok bool) {
	if !isPersianLetters(w) || isFaVerbForm(strings.ReplaceAll(w, string(zwnj), "")) {
		return "", false, false
	}
	if i := strings.LastIndex(w, string(zwnj)); i > 0 {
		stem, tail := w[:i], w[i+len(string(zwnj)):]
		for _, plural := range []string{"های", "ها", "ا", ""} {
			if e, cut := strings.CutPrefix(tail, plural); cut && slices.Contains(faPossessivesZWNJ, e) && letters(stem) >= 3 {
				if plural == "ها" || plural == "های" {
					return stem + string(zwnj) + "ها", true, true // "قیمت‌هاتون": "قیمت‌ها"
				}
				return stem, true, true
			}
		}
		return "", false, false
	}
	for _, e := range faPossessivesOn {
		if stem, cut := strings.CutSuffix(w, e); cut && letters(stem) >= 4 {
			return stem, false, true
		}
	}
	return "", false, false
}

// isPersianLetters: w is letters of the Arabic script and ZWNJs only (a
// word of a phrase, not a number or a mark).
func isPersianLetters(w string) bool {
	for _, r := range w {
		if r != zwnj && !(isArabicScript(r) && unicode.IsLetter(r)) {
			return false
		}
	}
	return true
}

func letters(s string) int {
	return utf8.RuneCountInString(strings.ReplaceAll(s, string(zwnj), ""))
}

// attested reports whether at least plainMinTexts texts use the word w
// (written without ZWNJ): as written, or with an ending the model's
// stemming takes off ("سفارش‌ها", "سفارشی" use "سفارش"). It reads only
// the texts that contain w, and stops at the bar.
func (pl *plainWords) attested(w string) bool {
	if n, ok := pl.texts[w]; ok {
		return n >= plainMinTexts
	}
	n := 0
	seen := map[*tdoc]bool{} // identical texts share a tdoc; each is a text
	var toks []token
	for _, d := range pl.docs {
		if n >= plainMinTexts {
			break
		}
		uses, ok := seen[d]
		if !ok && strings.Contains(d.norm, w) {
			toks = tokenizeInto(toks[:0], d.norm)
			for _, t := range toks {
				if t.fa && (t.key == w || faStem(t.key) == w) {
					uses = true
					break
				}
			}
		}
		seen[d] = uses
		if uses {
			n++
		}
	}
	pl.texts[w] = n
	return n >= plainMinTexts
}
