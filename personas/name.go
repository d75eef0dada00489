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
// ("Instagram"), or with a short name of its question when the value alone
// says little: numbers and bands ("Age 18–30"), yes/no options ("Discount
// codes: Yes"), an option of a multiple choice ("Instagram" for yes). A
// trait only its whole question could say is left for the next one.
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
		if part == "" || len([]rune(part)) > maxNamePart {
			continue
		}
		seen[t.Column], seen["\x00"+t.Value] = true, true
		parts = append(parts, part)
		used = append(used, i)
	}
	return parts, used
}

// word is the phrase a name says trait t with; "" when it can only be
// said with a whole question.
func (r *Result) word(in Input, t Trait) string {
	j := itemIndex(in, t.Column)
	it := in.Items[j]
	var part string
	if v := it.words(t.Value); ambiguous(in, j, t.Value) && it.Kind != Binary && it.Kind != Numeric && !looksNumeric(v) && len([]rune(v)) > 2 {
		if s := it.short(r.Language); s != "" {
			part = digits(s+": "+v, r.Language)
		}
	} else {
		part = phrase(it, t.Value, r.Language)
	}
	return capitalise(part)
}

// short is how a name in lang says the item's question: its Short, else
// its label when that is not a question, else its key ("age_group" is "age
// group", a survey's export column) when the key is not the question too
// and is written in the name's script (a Persian name does not say a
// Latin key); "" when there is only the question.
func (it Item) short(lang string) string {
	if s := strings.TrimSpace(it.Short); s != "" {
		return s
	}
	if l := cleanLabel(it.label()); !isQuestion(l) {
		return l
	}
	if n := cleanLabel(it.Name); !isQuestion(n) && persianScript(n) == (lang == "fa") {
		return n
	}
	return ""
}

// persianScript: s has a letter of the Arabic script, which Persian is
// written in.
func persianScript(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r) }) >= 0
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

// phrase says value with the item's short name where the value alone
// says little: numbers and bands ("Age 55+"), yes/no ("Discount codes:
// Yes"); "" when that needs the whole question.
func phrase(it Item, value, lang string) string {
	value = it.words(value)
	short := it.short(lang)
	switch {
	case it.Kind == Binary:
		return cleanLabel(it.label())
	case startsWithDigit(value) && hasLetter(value) && isQuestion(cleanLabel(it.label())):
		// "55 and over" reads better alone than after "How old are you?".
		return digits(value, lang)
	case it.Kind == Numeric || looksNumeric(value) || len([]rune(value)) <= 2 || startsWithDigit(value):
		if short == "" {
			return ""
		}
		return digits(short+" "+value, lang)
	case isYesNo(value):
		if short == "" {
			return ""
		}
		return short + ": " + value
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

// words is what value says in its own words: without a leading answer
// code (cleanValue), or without the point number a numbered scale puts
// before its labels ("1 Strongly disagree", "1 کاملاً مخالفم").
func (it Item) words(value string) string {
	if it.Kind == Ordinal && numberedScale(it.Levels) {
		if _, rest, ok := strings.Cut(value, " "); ok {
			return strings.TrimSpace(rest)
		}
	}
	return cleanValue(value)
}

// numberedScale: each level starts with its point's number, the numbers
// consecutive, and some go on with a label, as a survey's scale points
// read ("1 Strongly disagree", "2", ... "5 Strongly agree").
func numberedScale(levels []string) bool {
	labelled, prev := false, 0
	for i, l := range levels {
		num, rest, _ := strings.Cut(l, " ")
		n, err := strconv.Atoi(num)
		if err != nil || i > 0 && n != prev+1 {
			return false
		}
		prev, labelled = n, labelled || hasLetter(rest)
	}
	return len(levels) >= 2 && labelled
}

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
