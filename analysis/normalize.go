// Package analysis holds Safar's text and survey algorithms on plain values:
// Persian and English normalisation, tokenising, complaint detection and the
// pain-point engine. It imports no web, database or spreadsheet packages so
// the CLI, the web app and the report writer can all share it.
package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// Language codes returned by DetectLanguage.
const (
	LangPersian = "fa"
	LangEnglish = "en"
	LangMixed   = "mixed"
	LangUnknown = ""
)

// DetectLanguage classifies text by script: "fa" when at least 80% of its
// letters are Arabic-script, "en" when at least 80% are Latin, "mixed"
// otherwise and "" when it has no letters. Script is a reliable signal for
// the Persian/English pair Safar serves and costs one pass over the text.
func DetectLanguage(text string) string {
	var arabic, latin int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case isArabicScript(r):
			if unicode.IsLetter(r) {
				arabic++
			}
		case unicode.Is(unicode.Latin, r):
			latin++
		}
	}
	total := arabic + latin
	switch {
	case total == 0:
		return LangUnknown
	case arabic*5 >= total*4:
		return LangPersian
	case latin*5 >= total*4:
		return LangEnglish
	}
	return LangMixed
}

func isArabicScript(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) ||
		(r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF)
}

// charMap rewrites Arabic code points to their Persian forms and digits to ASCII.
var charMap = map[rune]rune{
	'ي': 'ی', 'ى': 'ی', 'ئ': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'ؤ': 'و',
	'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'ھ': 'ه',
	'٫': '.',
}

// NormalizePersian returns text in a canonical written form so that the
// spellings customers actually use compare equal:
//   - Arabic ي ى ك ة ۀ and hamza-carrying alefs become Persian ی ک ه ا;
//   - Arabic diacritics (harakat, tanwin, superscript alef) and tatweel go;
//   - Persian (۰-۹) and Arabic-Indic (٠-٩) digits become ASCII;
//   - presentation forms are folded (NFKC) when present;
//   - ZWJ is removed, runs of ZWNJ collapse, a ZWNJ touching a space or the
//     text's edge is dropped, and the verb prefixes می/نمی and the plural
//     suffixes ها/های are attached with a ZWNJ whether the writer used a
//     space, a ZWNJ or nothing ("می خواهم", "میخواهم" → "می‌خواهم");
//   - a letter repeated three or more times is shortened ("خیلیییی" → "خیلی");
//   - runs of white space become one space.
//
// Latin text passes through unchanged except for digits and spaces.
func NormalizePersian(text string) string {
	return normalizeText(text, false)
}

// normalizeLines is NormalizePersian keeping the text's line breaks: a run
// of white space holding one becomes one "\n". A line break ends a
// sentence as a full stop does; customers write lists and paragraphs
// without one ("Pros:\nlight\nCons:\nbattery dies by noon").
func normalizeLines(text string) string {
	return normalizeText(text, true)
}

func normalizeText(text string, lines bool) string {
	if s, ok := normalizeASCII(text, lines); ok {
		return s
	}
	return normalizeRunes(text, lines)
}

// isLineBreak: the white space that ends a line.
func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// normalizeRunes is normalizeText rune by rune.
func normalizeRunes(text string, lines bool) string {
	for _, r := range text {
		if r >= 0xFB50 && r <= 0xFEFF {
			text = norm.NFKC.String(text)
			break
		}
	}
	out := make([]rune, 0, len(text))
	var prev rune = ' '
	repeat := 0
	for _, r := range text {
		if m, ok := charMap[r]; ok {
			r = m
		}
		switch {
		case r >= '۰' && r <= '۹':
			r = '0' + (r - '۰')
		case r >= '٠' && r <= '٩':
			r = '0' + (r - '٠')
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == zwj:
			continue // diacritics, superscript alef, tatweel, ZWJ
		case lines && isLineBreak(r):
			r = '\n'
		case unicode.IsSpace(r):
			r = ' '
		}
		if r == zwnj && (prev == ' ' || prev == '\n' || prev == zwnj) {
			continue
		}
		if r == ' ' && prev == zwnj {
			// "می‌ خواهم": the ZWNJ already joins; drop the space after it.
			continue
		}
		if r == ' ' && (prev == ' ' || prev == '\n') || r == '\n' && prev == '\n' {
			continue
		}
		if r == '\n' && (prev == ' ' || prev == zwnj) && len(out) > 0 {
			out[len(out)-1] = '\n' // a line ends here: the space or ZWNJ before it goes
			prev = r
			continue
		}
		if r == prev && isArabicScript(r) && unicode.IsLetter(r) {
			repeat++
			if repeat == 2 {
				out = out[:len(out)-1] // a third repeat: keep only one
			}
			if repeat >= 2 {
				continue
			}
		} else {
			repeat = 0
		}
		out = append(out, r)
		prev = r
	}
	s := strings.Trim(string(out), " \n\u200c")
	if strings.ContainsRune(s, ' ') || strings.Contains(s, "می") || strings.Contains(s, "ها") {
		s = joinAffixes(s)
	}
	return s
}

// normalizeASCII is NormalizePersian of a text in ASCII, which only
// collapses white space and trims it, without a copy when there is none to
// collapse; false when the text is not ASCII.
func normalizeASCII(text string, lines bool) (string, bool) {
	clean := true
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= utf8.RuneSelf:
			return "", false
		case c == ' ':
			if i == 0 || i == len(text)-1 || text[i+1] == ' ' {
				clean = false
			}
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			clean = false
		}
	}
	if clean {
		return text, true
	}
	space := func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\v' || r == '\f' || r == '\r'
	}
	if !lines {
		return strings.Join(strings.FieldsFunc(text, space), " "), true
	}
	var b strings.Builder
	b.Grow(len(text))
	gap, broken := false, false // white space since the last word; a line break in it
	for _, r := range strings.TrimFunc(text, space) {
		if space(r) {
			gap, broken = true, broken || isLineBreak(r)
			continue
		}
		if gap {
			if broken {
				b.WriteByte('\n')
			} else {
				b.WriteByte(' ')
			}
			gap, broken = false, false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

// joinAffixes attaches the verb prefixes می/نمی and the plural suffixes
// ها/های/هایی to their word with a ZWNJ.
func joinAffixes(s string) string {
	words := strings.Split(s, " ")
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		if (w == "می" || w == "نمی") && i+1 < len(words) && isPersianWord(words[i+1]) {
			w = w + string(zwnj) + words[i+1]
			i++
		} else if strings.HasPrefix(w, "می") || strings.HasPrefix(w, "نمی") {
			w = attachPrefix(w)
		}
		if len(out) > 0 && (w == "ها" || w == "های" || w == "هایی") && isPersianWord(out[len(out)-1]) {
			out[len(out)-1] += string(zwnj) + w
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

// attachPrefix inserts the ZWNJ in "میخواهم" → "می‌خواهم" for words that are
// verbs by a small, safe rule: the prefix is followed by at least three
// letters and the word is not one of the common nouns that start with می.
func attachPrefix(w string) string {
	p := "می"
	if strings.HasPrefix(w, "نمی") {
		p = "نمی"
	}
	rest := w[len(p):]
	if strings.HasPrefix(rest, string(zwnj)) || len([]rune(rest)) < 2 || nonVerbMi[w] {
		return w
	}
	return p + string(zwnj) + rest
}

// nonVerbMi are words that start with می or نمی but are not verbs.
var nonVerbMi = map[string]bool{
	"میوه": true, "میوه‌ها": true, "میز": true, "میزان": true, "میلی": true, "میل": true,
	"میان": true, "میانه": true, "میهمان": true, "میگو": true, "میکس": true, "میلیون": true,
	"میدان": true, "میدون": true, "میراث": true, "میخ": true, "میش": true, "میکروب": true,
	"میکرو": true, "میلگرد": true, "میلیارد": true, "میانگین": true, "نمیمرو": true,
	"میوه‌ای": true, "میلیمتر": true, "میلی‌متر": true, "میهن": true, "نمیه": true,
}

func isPersianWord(w string) bool {
	for _, r := range w {
		return isArabicScript(r) && unicode.IsLetter(r)
	}
	return false
}
