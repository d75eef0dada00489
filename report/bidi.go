package report

import (
	"strings"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left embedding and its end (Unicode's explicit directional
// formatting characters; both invisible).
const (
	rtlEmbed = "\u202b"
	popEmbed = "\u202c"
)

// rightToLeft marks every line of s that reads right to left (see
// readsRightToLeft) as a right-to-left embedding, so LibreOffice lays it out
// as a Persian reader reads it. LibreOffice lays out the cells of a
// right-to-left sheet left to right whatever their letters: the full stop
// that ends a Persian sentence came first, "خالص مروجان (NPS)" read
// "(NPS) خالص مروجان", an age band "۲۵ تا ۳۴" read "تا ۳۴ ۲۵", a Jalali date
// "۱۷ آذر ۱۴۰۵" read "آذر ۱۴۰۵ ۱۷", and a cell starting with a digit or a
// quotation mark was pushed to the far side of its column, against the next
// one's number. Excel, which takes a cell's direction from its first letter,
// shows the embedded line as before. Each line is marked apart because a
// line break ends an embedding.
func rightToLeft(s string) string {
	if !strings.ContainsFunc(s, isRightToLeft) {
		return s // no Persian letter or digit: nothing to mark
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		if readsRightToLeft(line) {
			lines[i] = rtlEmbed + line + popEmbed
		}
	}
	return strings.Join(lines, "\n")
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
