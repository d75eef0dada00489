package transcript

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// digitValue returns the value of an ASCII, Persian (U+06F0..) or
// Arabic-Indic (U+0660..) decimal digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '۰' && r <= '۹':
		return int(r - '۰')
	case r >= '٠' && r <= '٩':
		return int(r - '٠')
	}
	return -1
}

func isDigit(r rune) bool { return digitValue(r) >= 0 }

// atoi parses a run of digits (any of the three digit sets); ok is false
// for an empty or non-digit string or one longer than 9 digits.
func atoi(s string) (n int, ok bool) {
	count := 0
	for _, r := range s {
		d := digitValue(r)
		if d < 0 || count >= 9 {
			return 0, false
		}
		n = n*10 + d
		count++
	}
	return n, count > 0
}

func isCueNumber(line string) bool {
	_, ok := atoi(strings.TrimSpace(line))
	return ok
}

// parseClock parses "hh:mm:ss", "mm:ss" or either with a fraction after
// '.' or ',' ("00:01:02.500", "01:02,5"). Minutes and seconds must be below
// 60 when a larger unit is present.
func parseClock(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	frac := ""
	if i := strings.IndexAny(s, ".,"); i >= 0 {
		s, frac = s[:i], s[i+1:]
		if frac == "" || len(frac) > 9 {
			return 0, problem("tr_clock_fraction")
		}
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, problem("tr_clock_form")
	}
	var vals [3]int
	for i, p := range parts {
		v, ok := atoi(p)
		if !ok || (i > 0 && len([]rune(p)) != 2) {
			return 0, problem("tr_clock_two_digits")
		}
		vals[i] = v
	}
	if vals[0] > 99999 {
		return 0, problem("tr_clock_too_large")
	}
	var h, m, sec int
	if len(parts) == 3 {
		h, m, sec = vals[0], vals[1], vals[2]
		if m >= 60 {
			return 0, problem("tr_clock_minutes")
		}
	} else {
		m, sec = vals[0], vals[1]
	}
	if sec >= 60 {
		return 0, problem("tr_clock_seconds")
	}
	d := time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec)*time.Second
	if frac != "" {
		f, ok := atoi(frac)
		if !ok {
			return 0, problem("tr_clock_fraction")
		}
		scale := time.Second
		for range len([]rune(frac)) {
			scale /= 10
		}
		d += time.Duration(f) * scale
	}
	return d, nil
}

// Bidi marks (LRM, RLM, ALM, embeddings, isolates, BOM) are invisible
// direction marks that Persian editors sprinkle around names and
// punctuation; they must not split or rename speakers.

func trimSpaceAndMarks(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || isBidiMark(r)
	})
}

// cleanName normalises a speaker name: no direction marks, single spaces.
func cleanName(s string) string {
	if !hasBidiMark(s) {
		return strings.Join(strings.Fields(s), " ")
	}
	s = strings.Map(func(r rune) rune {
		if isBidiMark(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func isBidiMark(r rune) bool {
	switch {
	case r == '\u200e', r == '\u200f', r == '\u061c', r == '\ufeff':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	}
	return false
}

// hasBidiMark is a fast check: all marks are encoded starting with 0xD8,
// 0xE2 or 0xEF.
func hasBidiMark(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xD8 || c == 0xE2 || c == 0xEF {
			if r, _ := utf8.DecodeRuneInString(s[i:]); isBidiMark(r) {
				return true
			}
		}
	}
	return false
}
