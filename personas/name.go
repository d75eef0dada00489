package personas

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/safarhq/safar/analysis"
)

// name builds a persona name from its most distinctive traits: up to three
// significant answers from different items that at least 30% of members
// give and that are at least 1.2 times as common as overall, most
// different from the rest first. Each trait is phrased from its value
// ("Instagram"), or with its question when the value alone says little:
// numbers and bands ("Age 18–30"), yes/no options ("Instagram" for yes).
// Persian names use Persian digits and the Persian comma.
func (r *Result) name(in Input, p int, distinct []Trait) string {
	parts, _ := r.pick(in, distinct)
	return r.joinName(p, parts)
}

// pick chooses a name's trait phrases from distinct, in order, and
// returns them with the indices in distinct of the traits they say.
func (r *Result) pick(in Input, distinct []Trait) (parts []string, used []int) {
	seen := map[string]bool{}
	for i, t := range distinct {
		if len(parts) == 3 {
			break
		}
		if seen[t.Column] || seen["\x00"+t.Value] || t.Share < 0.3 || t.Lift < 1.2 {
			continue
		}
		part := r.word(in, t)
		// A trait that can only be said with a whole question makes a
		// name nobody can read aloud; the next trait will do.
		if len([]rune(part)) > maxNamePart {
			continue
		}
		seen[t.Column], seen["\x00"+t.Value] = true, true
		parts = append(parts, part)
		used = append(used, i)
	}
	return parts, used
}

// word is the phrase a name says trait t with.
func (r *Result) word(in Input, t Trait) string {
	j := itemIndex(in, t.Column)
	it := in.Items[j]
	var part string
	if v := cleanValue(t.Value); ambiguous(in, j, t.Value) && it.Kind != Binary && it.Kind != Numeric && !looksNumeric(v) && len([]rune(v)) > 2 {
		part = digits(cleanLabel(it.label())+": "+v, r.Language)
	} else {
		part = phrase(it, t.Value, r.Language)
	}
	return capitalise(part)
}

// joinName is the name of persona p from its trait phrases.
func (r *Result) joinName(p int, parts []string) string {
	sep := ", "
	if r.Language == "fa" {
		sep = "، "
	}
	if len(parts) == 0 {
		if r.Language == "fa" {
			return "پرسونای " + digits(strconv.Itoa(p+1), "fa") + " (بدون ویژگی متمایز)"
		}
		return "Persona " + strconv.Itoa(p+1) + " (no distinctive traits)"
	}
	return strings.Join(parts, sep)
}

// maxNamePart is the longest trait phrase a persona name uses, in runes.
const maxNamePart = 32

func phrase(it Item, value, lang string) string {
	label := cleanLabel(it.label())
	value = cleanValue(value)
	switch {
	case it.Kind == Binary:
		return label
	case startsWithDigit(value) && hasLetter(value) && isQuestion(label):
		// "55 and over" reads better alone than after "How old are you?".
		return digits(value, lang)
	case it.Kind == Numeric || looksNumeric(value) || len([]rune(value)) <= 2 || startsWithDigit(value):
		return digits(label+" "+value, lang)
	case isYesNo(value):
		return label + ": " + value
	}
	return value
}

func looksNumeric(s string) bool {
	_, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return err == nil
}

func isYesNo(s string) bool {
	switch strings.ToLower(s) {
	case "yes", "no", "true", "false", "y", "n", "بله", "خیر", "آری", "نه":
		return true
	}
	return false
}

// digits writes ASCII digits as Persian digits for "fa".
func digits(s, lang string) string {
	if lang != "fa" {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + (r - '0')
		}
		return r
	}, s)
}

// ambiguous reports whether another item has the same answer, so the value
// alone would not say which question it answers ("Good", "Yes").
func ambiguous(in Input, j int, value string) bool {
	for o := range in.Items {
		if o != j && in.Items[o].Kind != Numeric && slices.Contains(in.itemLevels(o), value) {
			return true
		}
	}
	return false
}

// Answer codes before an option label, as exports write them: with
// punctuation ("3. Agree", "(1) Yes", "a) Never", "۲) خوب") or bare
// ("2 Quite well").
var (
	markedCode = regexp.MustCompile(`^\(?(?:[0-9۰-۹]{1,2}|[A-Za-z])[.):]\s*`)
	bareCode   = regexp.MustCompile(`^[0-9۰-۹]{1,2}\s+`)
)

// cleanValue strips a leading answer code from an option label and
// collapses spaces. A bare number is only taken for a code when a capital
// letter follows ("2 Quite well" is "Quite well"; "2 times a week" and
// "۵۵ و بیشتر", 55 and over, stay: without case a bare number cannot be
// told from the answer).
func cleanValue(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	strip := func(re *regexp.Regexp, ok func(rune) bool) (string, bool) {
		loc := re.FindStringIndex(s)
		if loc == nil || loc[1] >= len(s) {
			return s, false
		}
		rest := s[loc[1]:]
		if c, _ := utf8.DecodeRuneInString(rest); ok(c) {
			return rest, true
		}
		return s, false
	}
	if v, ok := strip(markedCode, unicode.IsLetter); ok {
		return v
	}
	v, _ := strip(bareCode, unicode.IsUpper)
	return v
}

// cleanLabel turns a column header into words: underscores as spaces
// ("age_group" is "age group"), spaces collapsed.
func cleanLabel(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "_", " ")), " ")
}

// capitalise starts a name part with a capital letter (a no-op in scripts
// without case, such as Persian), so every part of a name reads alike.
func capitalise(s string) string {
	c, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsLower(c) {
		return s
	}
	return string(unicode.ToUpper(c)) + s[n:]
}

// DetectLanguage says "fa" when more cells of a table (header included)
// are Persian than English by analysis.DetectLanguage, the one language
// detector, else "en": the language persona names and pain points of a
// CSV are written in.
func DetectLanguage(header []string, rows [][]string) string {
	fa, en := 0, 0
	count := func(s string) {
		switch analysis.DetectLanguage(s) {
		case analysis.LangPersian:
			fa++
		case analysis.LangEnglish:
			en++
		}
	}
	for _, h := range header {
		count(h)
	}
	for _, r := range rows {
		for _, c := range r {
			count(c)
		}
	}
	if fa > en {
		return "fa"
	}
	return "en"
}

// startsWithDigit: a value such as "21-24" or "3+" says nothing without
// its question.
func startsWithDigit(s string) bool {
	c, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(c)
}

func hasLetter(s string) bool { return strings.IndexFunc(s, unicode.IsLetter) >= 0 }

// isQuestion: a label written as a question ("How old are you?").
func isQuestion(s string) bool { return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "؟") }
