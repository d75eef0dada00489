package study

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/safarhq/safar/analysis"
)

// What a text says the same way in any language: the closed answers tell
// who complains and which part of the journey they rated low, so two
// problems of the same customers at the same stage (coupon codes and
// Instagram replies of the bargain hunters, stock and the app of the
// loyal shoppers) look alike to them; on the demo, half the joins made
// from answers alone were such pairs. A join therefore also needs
// evidence in the texts that reads the same in both languages: numbers
// (in any digits, or counted in words before a time unit: "9 days", "نه
// روز"), time units ("a week late", "یک هفته دیر"), words in Latin
// script inside a text in another script (brand and app names) and the
// state a complaint says something is in ("broken", "شکسته": session
// 16). Number words, time units and complaint states are generic language
// knowledge, as the analysis's own duration rules and complaint cues are;
// no topic's words are listed. The one bilingual vocabulary is the
// project's own: the wording of its surveys in each language
// (ParallelWords).

// complaintStates are the states a complaint says something is in, by the
// words English and Persian say them with: generic complaint language that
// holds for a parcel, a flight, a bank card or a game ("broken", "شکسته";
// "cancelled", "لغو"; "rude", "بی‌ادب"), each state with words in both
// languages, so a problem said in each language's own words has evidence
// in common. A word that as often means something else is left out:
// Persian "کند" (slow) is also "does", "رد" (rejected) also "passed",
// "شکست" (broke) also "failure", English "break" also a pause. Persian
// words are written without the zero-width non-joiner; words joined by
// "_" are a phrase ("out_of_stock", "موجود_نیست": statePhrases). By
// word, the state's anchor ("!broken").
var complaintStates = func() map[string]string {
	out := map[string]string{}
	for state, words := range map[string]string{
		"broken":      "broken damaged damage crushed torn ripped cracked dented shattered smashed شکسته خراب آسیب آسیبدیده له پاره",
		"late":        "late delay delays delayed overdue دیر تاخیر تأخیر",
		"cancelled":   "cancel cancels cancelled canceled cancelling canceling cancellation لغو کنسل",
		"wrong":       "wrong incorrect اشتباه غلط",
		"lost":        "lost missing گم گمشده مفقود",
		"expensive":   "expensive overpriced pricey costly گران گرون",
		"rude":        "rude impolite disrespectful بیادب بیادبی بیاحترامی بداخلاق",
		"failed":      "fail fails failed failing failure error errors ناموفق خطا ارور",
		"confusing":   "confusing confused complicated گیج گیجکننده پیچیده",
		"difficult":   "difficult hard سخت دشوار",
		"invalid":     "invalid نامعتبر",
		"expired":     "expired منقضی",
		"dirty":       "dirty کثیف",
		"frozen":      "crash crashes crashed crashing freeze freezes freezing froze frozen هنگ کرش",
		"unavailable": "unavailable ناموجود out_of_stock sold_out not_available موجود_نیست موجود_نبود",
	} {
		for _, w := range strings.Fields(words) {
			if phrase := strings.Split(w, "_"); len(phrase) > 1 {
				last := phrase[len(phrase)-1]
				statePhrases[last] = append(statePhrases[last], statePhrase{before: phrase[:len(phrase)-1], anchor: "!" + state})
				continue
			}
			out[w] = "!" + state
		}
	}
	return out
}()

// statePhrases are the complaint states said in a few words ("out of
// stock"), by their last word.
var statePhrases = map[string][]statePhrase{}

// statePhrase is a state said in words: those before the last, and the
// state's anchor.
type statePhrase struct {
	before []string
	anchor string
}

// phraseState is the anchor of the state words[i] says with the words
// before it (words[i] normalised as w).
func phraseState(words []string, i int, w string) (string, bool) {
	for _, p := range statePhrases[w] {
		if i >= len(p.before) && slices.EqualFunc(p.before, words[i-len(p.before):i], func(a, b string) bool { return a == normalWord(b) }) {
			return p.anchor, true
		}
	}
	return "", false
}

// complaintState is the anchor of the state w (normalised, without
// zero-width non-joiners) says, in any of its forms: Persian words take
// a comparative, a plural, a verb's plural, a possessive or the spoken
// "is" ("گران‌تر", "خطاها", "ناموجودند", "سخته").
func complaintState(w string) (string, bool) {
	if s, ok := complaintStates[w]; ok {
		return s, true
	}
	if isLatinWord(w) {
		return "", false
	}
	for _, suffix := range []string{"ترین", "تر", "های", "ها", "ند", "ه", "ی", "م"} {
		if base, ok := strings.CutSuffix(w, suffix); ok {
			if s, ok := complaintStates[base]; ok {
				return s, true
			}
		}
	}
	return "", false
}

// timeUnits maps the time units of English and Persian to one name.
var timeUnits = map[string]string{
	"second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
	"hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week", "weeks": "week",
	"month": "month", "months": "month", "year": "year", "years": "year",
	"ثانیه": "second", "دقیقه": "minute", "ساعت": "hour", "روز": "day", "هفته": "week", "ماه": "month", "سال": "year",
}

// countWords are the numbers one to ten in words; they count only before
// a time unit (Persian "نه" is also "no"; "a week" is one).
var countWords = map[string]string{
	"a": "1", "an": "1", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"یک": "1", "یه": "1", "دو": "2", "سه": "3", "چهار": "4", "پنج": "5", "شش": "6", "هفت": "7", "هشت": "8", "نه": "9", "ده": "10",
}

// timeUnit names the time unit w is, in any of its forms ("days",
// "هفته‌ها", "دو روزه").
func timeUnit(w string) (string, bool) {
	if u, ok := timeUnits[w]; ok {
		return u, true
	}
	for _, suffix := range []string{"\u200cهای", "\u200cها", "های", "ها", "ه"} {
		if base, ok := strings.CutSuffix(w, suffix); ok {
			if u, ok := timeUnits[base]; ok {
				return u, true
			}
		}
	}
	return "", false
}

// textAnchors calls add with each language-independent piece of evidence
// in text: "#9" for a number, "~day" for a time unit, "@iphone" for a
// Latin-script word, "!broken" for a complaint state, "$3" for a pair of
// the survey's texts one of whose words (pairs: the text's language's,
// ParallelWords) it uses. In a text in Latin script every word is one,
// so its words count only when known says a text in another script uses
// them (known nil: none does). Only the words it looks up are normalised
// (Arabic letters and digits to Persian and ASCII, lower case): it runs
// on every member text of a big study.
func textAnchors(text string, known map[string]bool, pairs *pairWords, add func(string)) {
	(&anchorReader{pairs: pairs}).anchors(text, known, add)
}

// anchorReader reads texts' anchors word by word. What a word says on
// its own (its normal form, number, time unit, complaint state, pairs) is
// worked out once per distinct word when it keeps a cache: a study's
// texts differ, its words repeat (the demo's 78,000 answers made distinct
// use a few thousand words).
type anchorReader struct {
	pairs *pairWords
	words map[string]*wordReading // nil: nothing kept
}

// maxReadWords bounds an anchorReader's cache (a word's reading is some
// tens of bytes); past it words are read each time they come.
const maxReadWords = 200_000

// wordReading is what one word, as written, says on its own.
type wordReading struct {
	norm    string   // normalWord: lower case, Persian letters, ASCII digits
	number  string   // "#9" when it begins with a digit
	unit    string   // "~day" when it is a time unit
	count   string   // "#2" when it is a number word (counts before a time unit)
	latin   string   // "@iphone" for a Latin-script word of three letters or more
	state   string   // "!broken": the complaint state it says
	phrases bool     // it ends a complaint state said in words ("stock")
	pairs   []string // the survey texts' pairs it says
}

func (r *anchorReader) read(w string) *wordReading {
	if wr, ok := r.words[w]; ok {
		return wr
	}
	wr := &wordReading{norm: normalWord(w)}
	n := wr.norm
	if n != "" && n[0] >= '0' && n[0] <= '9' {
		wr.number = "#" + strings.TrimRightFunc(n, func(r rune) bool { return r < '0' || r > '9' })
	}
	if u, ok := timeUnit(n); ok {
		wr.unit = "~" + u
	}
	if c := countWords[n]; c != "" {
		wr.count = "#" + c
	}
	if len(n) >= 3 && isLatinWord(n) {
		wr.latin = "@" + n
	}
	bare := withoutZWNJ(n)
	wr.state, _ = complaintState(bare)
	wr.phrases = len(statePhrases[n]) > 0
	if r.pairs != nil {
		r.pairs.said(bare, func(id string) { wr.pairs = append(wr.pairs, id) })
	}
	if r.words != nil && len(r.words) < maxReadWords {
		r.words[w] = wr
	}
	return wr
}

// anchors calls add with each anchor of text, in the order textAnchors
// gives them.
func (r *anchorReader) anchors(text string, known map[string]bool, add func(string)) {
	latin := isLatinText(text)
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\u200c'
	})
	for i, w := range words {
		wr := r.read(w)
		switch {
		case wr.number != "":
			add(wr.number)
		case wr.unit != "":
			add(wr.unit)
		case wr.count != "" && i+1 < len(words):
			if r.read(words[i+1]).unit != "" {
				add(wr.count)
			}
		case wr.latin != "" && (!latin || known[wr.latin]):
			add(wr.latin)
		}
		if wr.state != "" {
			add(wr.state)
		}
		if wr.phrases {
			if anchor, ok := phraseState(words, i, wr.norm); ok {
				add(anchor)
			}
		}
		for _, id := range wr.pairs {
			add(id)
		}
	}
}

// normalWord is w in lower case with Persian letters and ASCII digits.
func normalWord(w string) string {
	if strings.ContainsFunc(w, func(r rune) bool { return r == 'ي' || r == 'ك' || unicode.IsDigit(r) && r > '9' }) {
		return analysis.NormalizePersian(w)
	}
	return strings.ToLower(w)
}

// isLatinText: no character of text is in Arabic script (its digits
// included).
func isLatinText(text string) bool {
	return !strings.ContainsFunc(text, func(r rune) bool { return r >= 0x0600 && r <= 0x06FF })
}

// hasLatinLetter: text has a letter a-z or A-Z.
func hasLatinLetter(text string) bool {
	return strings.ContainsFunc(text, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' })
}

func isLatinWord(w string) bool {
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// ParallelWords are the words of the project's own bilingual texts: a
// question, option, statement or scale label asked in two languages under
// one id is a pair of texts that say the same thing ("Mobile app" /
// "اپلیکیشن موبایل", "Help from our support team" / "کمک پشتیبانی"). A
// text that uses a word of one side says the pair ("$3"), whichever side
// its language reads; which word of the other side is its translation is
// not known and not needed. By language, the pairs' words.
type ParallelWords map[string]*pairWords

// pairWords are the words of one language's side of the pairs (as
// written, and as the text analysis reads them: "messages", "messag"),
// each with the pairs it is a word of ("$3"), and the beginnings of at
// least minParallelPrefix letters of those words with the pairs of the
// words they begin.
type pairWords struct {
	words, begins map[string][]string
}

// minParallelPrefix is the fewest letters a word of a text and a word of
// a pair must have in common when one begins with the other: the endings
// customers attach ("سفارشم", "اپلیکیشنتون") and drop ("code" for "codes")
// are not in the survey's wording. A shorter word begins too many others
// ("car" in "card", "کار" in "کارت").
const minParallelPrefix = 4

// NewParallelWords indexes the surveys' parallel texts (the language
// versions of one survey: the same question ids and option values).
func NewParallelWords(surveys []SurveyData) ParallelWords {
	out := ParallelWords{}
	pairs := map[[2]string]string{}
	pair := func(fromLang, from, lang, to string) {
		if from == "" || to == "" || from == to {
			return
		}
		k := [2]string{fromLang + "\x00" + from, lang + "\x00" + to}
		if k[1] < k[0] {
			k[0], k[1] = k[1], k[0]
		}
		id, ok := pairs[k]
		if !ok {
			id = "$" + strconv.Itoa(len(pairs))
			pairs[k] = id
		}
		out.add(fromLang, from, id)
		out.add(lang, to, id)
	}
	// One survey per language, and a survey asked in several languages:
	// its own translations (a bilingual survey had no parallel words, so
	// none of its problems joined across the languages).
	parallelTexts(surveys, pair)
	for _, sd := range surveys {
		translations(sd.Definition, pair)
	}
	return out
}

// add indexes text's words as words of pair id in lang, as written and as
// keys, and their beginnings other than stop words: the words the text
// analysis reads as a topic's (not stop words, in any form, nor verbs,
// negators, intensifiers or numbers: analysis.ReadKey).
func (p ParallelWords) add(lang, text, id string) {
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\u200c' }) {
		t := analysis.TextTerms(w)
		if len(t.Keys) != 1 || t.Stop[0] {
			continue
		}
		// Only the words the text analysis reads as a topic's, tested
		// under the key it reads them by. Each language's stop list
		// drops its own everyday words ("product", "wanted"; "کالا"), so
		// a stop word in another form ("کالای", the item of), a verb
		// ("می‌خواستم", I wanted) or a negator ("no") made one sentence
		// say a pair in one language only: "کالای مورد نظرم ناموجود
		// بود" said "Finding the product you wanted", "the item I
		// wanted was out of stock" did not (round 64).
		if key, ok := analysis.ReadKey(w); !ok || isStopWord(key) {
			continue
		}
		if p[lang] == nil {
			p[lang] = &pairWords{words: map[string][]string{}, begins: map[string][]string{}}
		}
		for _, k := range []string{withoutZWNJ(normalWord(w)), t.Keys[0]} {
			addPair(p[lang].words, k, id)
			letters := 0
			for end := range k {
				if letters >= minParallelPrefix && !isStopWord(k[:end]) {
					addPair(p[lang].begins, k[:end], id)
				}
				letters++
			}
		}
	}
}

// isStopWord: the text analysis reads w as one stop word ("برای", for,
// which begins "برایتان", for you, says nothing).
func isStopWord(w string) bool {
	t := analysis.TextTerms(w)
	return len(t.Keys) == 1 && t.Stop[0]
}

func addPair(m map[string][]string, k, id string) {
	if !slices.Contains(m[k], id) {
		m[k] = append(m[k], id)
	}
}

// said calls add with each pair one of whose words w (normalised) is,
// begins with or begins, the shorter of the two of at least
// minParallelPrefix letters.
func (p *pairWords) said(w string, add func(string)) {
	w = withoutZWNJ(w)
	letters := 0
	for end := range w {
		if letters >= minParallelPrefix {
			for _, id := range p.words[w[:end]] {
				add(id)
			}
		}
		letters++
	}
	for _, id := range p.words[w] {
		add(id)
	}
	if letters >= minParallelPrefix {
		for _, id := range p.begins[w] {
			add(id)
		}
	}
}

// withoutZWNJ is w without zero-width non-joiners ("وب‌سایت" is
// "وبسایت").
func withoutZWNJ(w string) string {
	if strings.ContainsRune(w, '\u200c') {
		return strings.ReplaceAll(w, "\u200c", "")
	}
	return w
}
