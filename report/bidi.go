package report

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left embedding and its end (Unicode's explicit directional
// formatting characters; both invisible).
const (
	rtlEmbed = "\u202b"
	popEmbed = "\u202c"
)

// rightToLeft marks the lines of s that read right to left as
// right-to-left embeddings, so LibreOffice lays them out as a Persian
// reader reads them. LibreOffice lays out every cell left to right whatever
// its letters, in a right-to-left sheet too: the full stop that ends a
// Persian sentence came first, "خالص مروجان (NPS)" read "(NPS) خالص مروجان",
// an age band "۲۵ تا ۳۴" read "تا ۳۴ ۲۵", a Jalali date "۱۷ آذر ۱۴۰۵" read
// "آذر ۱۴۰۵ ۱۷", and a cell starting with a digit or a quotation mark was
// pushed to the far side of its column, against the next one's number.
// Excel, which takes a cell's direction from its first letter, shows the
// embedded line as before. Each line is marked apart because a line break
// ends an embedding.
//
// In a right-to-left workbook (rtl) a line reads right to left when its
// first letter is Persian (readsRightToLeft); in a left-to-right one only
// when it starts with a Persian letter, a respondent's Persian words,
// not an English line that names something in Persian ("• ورود مدام (12)"
// stays a bullet of an English list).
func rightToLeft(s string, rtl bool) string {
	if !strings.ContainsFunc(s, isRightToLeft) {
		return s // no Persian letter or digit: nothing to mark
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if rtl && readsRightToLeft(line) || !rtl && startsRightToLeft(line) {
			lines[i] = rtlEmbed + line + popEmbed
		}
	}
	return strings.Join(lines, "\n")
}

// firstRightToLeftLine is where the first line of s whose first strong
// character, a letter, is right to left begins, or -1 when none is. The
// Responses sheet marks such lines of its cells (appendInlineStr), in
// either workbook's language, as rightToLeft does: in LibreOffice a
// Persian answer printed its full stop first and its numbers on the wrong
// side. A line whose first letter is English, or that has no letter (a
// number, a date), is left as written, as Excel reads a cell by its first
// letter. That sheet holds every answer of every response, so a cell is
// read without allocating, and ASCII a byte at a time.
func firstRightToLeftLine(s string) int {
	for start := 0; ; {
		end := lineEnd(s, start)
		if strongRightToLeft(s[start:end]) {
			return start
		}
		if end == len(s) {
			return -1
		}
		start = end + 1
	}
}

// lineEnd is where the line of s starting at start ends: its line break,
// or the end of s.
func lineEnd(s string, start int) int {
	if i := strings.IndexByte(s[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(s)
}

// strongRightToLeft reports whether line's first strong character is
// right to left (Persian, Arabic, Hebrew); false for a line whose first is
// left to right or that has none. In ASCII only letters are strong.
func strongRightToLeft(line string) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			if lower := c | 0x20; 'a' <= lower && lower <= 'z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
		i += size
	}
	return false
}

// startsRightToLeft reports whether line's first character is a
// right-to-left letter.
func startsRightToLeft(line string) bool {
	for _, r := range line {
		p, _ := bidi.LookupRune(r)
		return p.Class() == bidi.R || p.Class() == bidi.AL
	}
	return false
}

// readsRightToLeft reports whether line's first letter is right-to-left
// (Persian, Arabic, Hebrew), or it has no letter but Persian or Arabic
// digits (a band such as "۱۰۹–۲۷۸").
func readsRightToLeft(line string) bool {
	digits := false
	for _, r := range line {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		case bidi.AN:
			digits = true
		case bidi.EN:
			digits = digits || r >= '۰' && r <= '۹'
		}
	}
	return digits
}

// isRightToLeft is a right-to-left letter or a Persian or Arabic digit.
func isRightToLeft(r rune) bool {
	p, _ := bidi.LookupRune(r)
	switch p.Class() {
	case bidi.R, bidi.AL, bidi.AN:
		return true
	}
	return r >= '۰' && r <= '۹'
}
