package personas

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// name builds a persona name from its most distinctive traits: up to three
// significant answers from different items that at least 30% of members
// give and that are at least 1.2 times as common as overall, most
// different from the rest first. Each trait is phrased from its value
// ("Instagram"), or with its question when the value alone says little:
// numbers and bands ("Age 18–30"), yes/no options ("Instagram" for yes).
// Persian names use Persian digits and the Persian comma.
func (r *Result) name(in Input, p int, distinct []Trait) string {
	var parts []string
	used := map[string]bool{}
	for _, t := range distinct {
		if len(parts) == 3 {
			break
		}
		if used[t.Column] || used["\x00"+t.Value] || t.Share < 0.3 || t.Lift < 1.2 {
			continue
		}
		j := itemIndex(in, t.Column)
		it := in.Items[j]
		var part string
		if ambiguous(in, j, t.Value) && it.Kind != Binary && it.Kind != Numeric && !looksNumeric(t.Value) && len([]rune(t.Value)) > 2 {
			part = digits(it.label()+": "+t.Value, r.Language)
		} else {
			part = phrase(it, t.Value, r.Language)
		}
		// A trait that can only be said with a whole question makes a
		// name nobody can read aloud; the next trait will do.
		if len([]rune(part)) > maxNamePart {
			continue
		}
		used[t.Column], used["\x00"+t.Value] = true, true
		parts = append(parts, part)
	}
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
	s := strings.Join(parts, sep)
	if r.Language == "en" {
		// The first letter, not the first byte: a trait value in Persian
		// (a bilingual project named in English) would lose half a letter.
		first, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(first)) + s[size:]
	}
	return s
}

// maxNamePart is the longest trait phrase a persona name uses, in runes.
const maxNamePart = 32

func phrase(it Item, value, lang string) string {
	label := it.label()
	switch {
	case it.Kind == Binary:
		return label
	case it.Kind == Numeric || looksNumeric(value) || len([]rune(value)) <= 2:
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
