package transcript

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tags that replace redacted personal data.
const (
	TagEmail = "[EMAIL]"
	TagPhone = "[PHONE]"
	TagCard  = "[CARD]"
	TagID    = "[ID]"
)

// Counts says how many items of each kind Redact replaced.
type Counts struct {
	Email, Phone, Card, ID int
}

// Total is the number of replaced items.
func (c Counts) Total() int { return c.Email + c.Phone + c.Card + c.ID }

func (c *Counts) add(o Counts) {
	c.Email += o.Email
	c.Phone += o.Phone
	c.Card += o.Card
	c.ID += o.ID
}

type piiKind int

const (
	kindPhone piiKind = iota
	kindCard
	kindID
)

const (
	reSep    = `[ \x{00A0}\-]?`              // optional single separator inside a number
	reSepReq = `[ \x{00A0}\-.]`              // required separator (US style 415-555-2671)
	reIR     = `(?:\+|00|۰۰|٠٠)(?:98|۹۸|٩٨)` // Iran's country code
	reZero   = `[0\x{06F0}\x{0660}]`
	reEnd    = `(?:$|[^0-9\x{06F0}-\x{06F9}\x{0660}-\x{0669}])`
)

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9\-]+\.)+[A-Za-z]{2,}`)

	// Tried in order at every position where a number can start; the first
	// that matches (and is not followed by another digit) wins.
	piiPatterns = []struct {
		kind   piiKind
		re     *regexp.Regexp
		digits [2]int // allowed digit count, 0 = any; checked by exactMatch
	}{
		// +98 912 123 4567, 0098 21 8888 8888, +98 (21) 88888888
		{kindPhone, piiRe(reIR + reSep + `\(?` + reZero + `?` + reD + `{2,3}\)?` + reSep + reD + `{3,4}` + reSep + reD + `{4}`), [2]int{}},
		// Other international numbers: +1 (415) 555-2671, +44 20 7946 0958
		{kindPhone, piiRe(`\+` + reD + `{1,3}(?:[ \-.]?\(?` + reD + `{1,4}\)?){2,5}`), [2]int{8, 15}},
		// Bank cards: 16 digits, optionally in groups of four
		{kindCard, piiRe(reD + `{4}` + reSep + reD + `{4}` + reSep + reD + `{4}` + reSep + reD + `{4}`), [2]int{}},
		// Iranian mobiles: 0912 123 4567, 09121234567, 0912 123 45 67, (0912) 1234567
		{kindPhone, piiRe(`\(?` + reZero + `[9\x{06F9}\x{0669}]` + reD + `{2}\)?` + reSep + reD + `{3}` + reSep + `(?:` + reD + `{4}|` + reD + `{2}` + reSep + reD + `{2})`), [2]int{}},
		// Iranian landlines with area code: 021-8888 8888, (021) 88888888, 02188888888
		{kindPhone, piiRe(`\(?` + reZero + reD + `{2,3}\)?` + reSep + reD + `{3,4}` + reSep + reD + `{4}`), [2]int{11, 11}},
		// North-American style: (415) 555-2671, 415-555-2671, 415.555.2671
		{kindPhone, piiRe(`(?:\(` + reD + `{3}\)[ \-.]?|` + reD + `{3}` + reSepReq + `)` + reD + `{3}` + reSepReq + reD + `{4}`), [2]int{}},
		// Iranian national ID: 10 digits, or 3-6-1 with dashes
		{kindID, piiRe(reD + `{3}-` + reD + `{6}-` + reD + `|` + reD + `{10}`), [2]int{}},
	}
)

func piiRe(body string) *regexp.Regexp {
	return regexp.MustCompile(`^(` + body + `)` + reEnd)
}

// Redact replaces personal data in text with tags and counts them:
// e-mail addresses ([EMAIL]); phone numbers ([PHONE]): Iranian mobiles
// (0912 123 4567, 09121234567, +98 912 ..., 0098 ...), Iranian landlines
// with area code (021-8888 8888) and international numbers starting with +;
// bank-card-like 16-digit runs ([CARD]); national-ID-like 10-digit runs
// ([ID]). Persian and Arabic-Indic digits count as digits. A number must
// stand alone (no digit or Latin letter glued to it), so years, prices,
// timestamps and longer digit runs are left alone.
func Redact(text string) (string, Counts) {
	var c Counts
	if strings.IndexByte(text, '@') >= 0 {
		text = emailRe.ReplaceAllStringFunc(text, func(string) string {
			c.Email++
			return TagEmail
		})
	}
	if !strings.ContainsFunc(text, isDigit) {
		return text, c
	}
	var b strings.Builder
	last := 0
	prev := ' '
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if (isDigit(r) || r == '+' || r == '(') && !gluedBefore(prev) {
			if end, kind, ok := matchPII(text[i:]); ok {
				b.WriteString(text[last:i])
				switch kind {
				case kindPhone:
					b.WriteString(TagPhone)
					c.Phone++
				case kindCard:
					b.WriteString(TagCard)
					c.Card++
				case kindID:
					b.WriteString(TagID)
					c.ID++
				}
				i += end
				last = i
				prev = ']'
				continue
			}
		}
		prev = r
		i += size
	}
	if last == 0 {
		return text, c
	}
	b.WriteString(text[last:])
	return b.String(), c
}

// gluedBefore reports whether a number starting after r would be part of a
// longer token (another number, a Latin word or code like "A1234567890").
func gluedBefore(r rune) bool {
	return isDigit(r) || r == '_' || r == '+' || (r < utf8.RuneSelf && unicode.IsLetter(r))
}

func matchPII(s string) (end int, kind piiKind, ok bool) {
	for _, p := range piiPatterns {
		m := p.re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		end := m[3]
		if p.digits[0] > 0 {
			if end = longestWithDigits(s, end, p.re, p.digits); end < 0 {
				continue
			}
		}
		return end, p.kind, true
	}
	return 0, 0, false
}

// longestWithDigits returns the longest end <= max at which the pattern
// matches s[:end] whole, stands alone (no digit follows) and has an allowed
// number of digits, or -1. The greedy first match may overshoot the limit
// ("+44 20 7946 0958 1234 5678") while a shorter one fits; taking the
// longest fitting end keeps Redact idempotent.
func longestWithDigits(s string, max int, re *regexp.Regexp, digits [2]int) int {
	for end := max; end > 0; end-- {
		if end < len(s) {
			if !utf8.RuneStart(s[end]) {
				continue
			}
			if r, _ := utf8.DecodeRuneInString(s[end:]); isDigit(r) {
				continue
			}
		}
		if n := countDigits(s[:end]); n < digits[0] || n > digits[1] {
			continue
		}
		if m := re.FindStringSubmatchIndex(s[:end]); m != nil && m[3] == end {
			return end
		}
	}
	return -1
}

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if isDigit(r) {
			n++
		}
	}
	return n
}
