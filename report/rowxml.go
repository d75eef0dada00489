package report

import (
	"database/sql/driver"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// The Responses sheet's rows are written as XML here rather than through
// excelize's StreamWriter.SetRow, which boxes every cell, builds its
// reference and value strings and escapes text through a strings.Builder:
// on 100,000 rows that was 1.5 s of CPU, more than reading the responses.
// The XML is byte for byte what SetRow wrote for the same values
// (TestRowXMLMatchesExcelize writes both and compares them).

// cellKind is what a Responses cell holds.
type cellKind uint8

const (
	blankCell cellKind = iota // no <c> element at all
	textCell                  // an inline string, never a formula
	intCell                   // text holds the integer as written
	floatCell                 // num; finite
	boolCell                  // num is 0 or 1
	timeCell                  // t, a wall clock, with the datetime style
)

// cellValue is one converted value of a response row: no interface, so a
// row of them costs one allocation.
type cellValue struct {
	kind cellKind
	text string
	num  float64
	t    time.Time
}

// cellOf turns one value from the caller's row into what the sheet stores:
// strings become string cells (cleaned, never formulas); NaN and infinities,
// which Excel cannot store, and zero times become blanks; times keep their
// wall clock (Excel has no time zones); other types are written as their
// fmt.Stringer or fmt.Sprint text.
func cellOf(v any) cellValue {
	if val, ok := v.(driver.Valuer); ok {
		dv, err := val.Value()
		if err != nil {
			return cellValue{kind: textCell, text: cleanText("#" + err.Error())}
		}
		v = dv
	}
	switch x := v.(type) {
	case nil:
		return cellValue{}
	case string:
		return cellValue{kind: textCell, text: cleanText(x)}
	case []byte:
		return cellValue{kind: textCell, text: cleanText(string(x))}
	case int:
		return intValue(int64(x))
	case int8:
		return intValue(int64(x))
	case int16:
		return intValue(int64(x))
	case int32:
		return intValue(int64(x))
	case int64:
		return intValue(x)
	case uint:
		return uintValue(uint64(x))
	case uint8:
		return uintValue(uint64(x))
	case uint16:
		return uintValue(uint64(x))
	case uint32:
		return uintValue(uint64(x))
	case uint64:
		return uintValue(x)
	case bool:
		if x {
			return cellValue{kind: boolCell, num: 1}
		}
		return cellValue{kind: boolCell}
	case float32:
		return floatValue(float64(x))
	case float64:
		return floatValue(x)
	case time.Time:
		if x.IsZero() {
			return cellValue{}
		}
		wall := time.Date(x.Year(), x.Month(), x.Day(), x.Hour(), x.Minute(), x.Second(), 0, time.UTC)
		return cellValue{kind: timeCell, t: wall}
	case *string:
		return derefCell(x)
	case *int:
		return derefCell(x)
	case *int64:
		return derefCell(x)
	case *float64:
		return derefCell(x)
	case *bool:
		return derefCell(x)
	case *time.Time:
		return derefCell(x)
	case fmt.Stringer:
		return cellValue{kind: textCell, text: cleanText(x.String())}
	default:
		return cellValue{kind: textCell, text: cleanText(fmt.Sprint(x))}
	}
}

func derefCell[T any](p *T) cellValue {
	if p == nil {
		return cellValue{}
	}
	return cellOf(*p)
}

func intValue(i int64) cellValue   { return cellValue{kind: intCell, text: strconv.FormatInt(i, 10)} }
func uintValue(u uint64) cellValue { return cellValue{kind: intCell, text: strconv.FormatUint(u, 10)} }

func floatValue(f float64) cellValue {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return cellValue{}
	}
	return cellValue{kind: floatCell, num: f}
}

// width is how many width units the value needs shown.
func (v cellValue) width() float64 {
	switch v.kind {
	case textCell:
		return textWidth(v.text)
	case intCell:
		return float64(len(v.text))
	case floatCell:
		return float64(len(strconv.FormatFloat(v.num, 'g', 10, 64)))
	case boolCell:
		if v.num != 0 {
			return 4 // true
		}
		return 5 // false
	case timeCell:
		return 17 // yyyy-mm-dd hh:mm
	}
	return 0
}

// rowEncoder appends rows of the Responses sheet as worksheet XML.
type rowEncoder struct {
	datetime string   // the style of date-time cells, as written
	cols     []string // column letters, by index
	row      int      // the row whose number digits holds
	digits   []byte   // row in decimal, written once for all its cells
}

func (e *rowEncoder) col(i int) string {
	for len(e.cols) <= i {
		e.cols = append(e.cols, colName(len(e.cols)+1))
	}
	return e.cols[i]
}

// appendRow appends row r (1-based) holding vals from column A.
func (e *rowEncoder) appendRow(dst []byte, r int, vals []cellValue) []byte {
	dst = e.openRow(dst, r)
	for i, v := range vals {
		dst = e.appendCell(dst, i, r, v)
	}
	return append(dst, `</row>`...)
}

func (e *rowEncoder) openRow(dst []byte, r int) []byte {
	dst = append(dst, `<row r="`...)
	dst = append(dst, e.rowDigits(r)...)
	return append(dst, `">`...)
}

// rowDigits is r in decimal.
func (e *rowEncoder) rowDigits(r int) []byte {
	if r != e.row || len(e.digits) == 0 {
		e.row, e.digits = r, strconv.AppendInt(e.digits[:0], int64(r), 10)
	}
	return e.digits
}

// appendCell appends v as the cell of column index i (0 is A) in row r.
func (e *rowEncoder) appendCell(dst []byte, i, r int, v cellValue) []byte {
	if v.kind == blankCell {
		return dst
	}
	dst = append(dst, `<c r="`...)
	dst = append(dst, e.col(i)...)
	dst = append(dst, e.rowDigits(r)...)
	dst = append(dst, '"')
	switch v.kind {
	case textCell:
		dst = appendInlineStr(dst, v.text)
	case intCell:
		dst = appendNumber(dst, v.text)
	case floatCell:
		dst = appendFloatNumber(dst, v.num)
	case boolCell:
		dst = append(dst, ` t="b"><v>`...)
		dst = strconv.AppendInt(dst, int64(v.num), 10)
		dst = append(dst, `</v></c>`...)
	case timeCell:
		dst = append(dst, ` s="`...)
		dst = append(dst, e.datetime...)
		dst = append(dst, '"')
		if serial, ok := excelSerialDays(v.t); ok {
			dst = append(dst, `><v>`...)
			dst = strconv.AppendFloat(dst, serial, 'f', -1, 64)
			dst = append(dst, `</v></c>`...)
		} else { // before Excel's calendar: the time as text
			dst = append(dst, ` t="inlineStr"><is><t>`...)
			dst = append(dst, v.t.Format(time.RFC3339Nano)...)
			dst = append(dst, `</t></is></c>`...)
		}
	}
	return dst
}

// appendFloatNumber is appendNumber of excelFloat(f). A whole number of at
// most 15 digits (most answers' numbers) is written as an integer, which is
// what excelFloat makes of it, without making a string.
func appendFloatNumber(dst []byte, f float64) []byte {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 && (f != 0 || !math.Signbit(f)) {
		dst = append(dst, `><v>`...)
		dst = strconv.AppendInt(dst, int64(f), 10)
		return append(dst, `</v></c>`...)
	}
	return appendNumber(dst, excelFloat(f))
}

// appendNumber ends a cell whose opening tag is open with a number value.
func appendNumber(dst []byte, n string) []byte {
	dst = append(dst, `><v>`...)
	dst = append(dst, n...)
	return append(dst, `</v></c>`...)
}

// maxCellChars is Excel's limit on a cell's text, in UTF-16 units.
const maxCellChars = 32767

// appendInlineStr ends an open cell tag with s, clean text (cleanText), as
// an inline string: each line whose first letter is right to left marked
// as a right-to-left embedding (firstRightToLeftLine), cut to Excel's
// limit, whitespace at either end preserved, escaped for XML, and a
// literal _xHHHH_ escaped so it is not read as a character escape. The
// marks are written here rather than into the cell's text so that a
// Persian answer costs no allocation.
func appendInlineStr(dst []byte, s string) []byte {
	first := firstRightToLeftLine(s)
	limit := maxCellChars
	if first >= 0 { // a marked line is two UTF-16 units longer
		limit -= 2 * (strings.Count(s[first:], "\n") + 1)
	}
	if len(s) > limit { // only then can it have more UTF-16 units
		s = truncateUTF16(s, limit)
		first = firstRightToLeftLine(s)
	}
	dst = append(dst, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) && first != 0 || isXMLSpace(s[len(s)-1]) && !lastLineMarked(s, first)) {
		dst = append(dst, ` xml:space="preserve"`...)
	}
	dst = append(dst, '>')
	if first < 0 {
		dst = appendEscaped(dst, s)
		return append(dst, `</t></is></c>`...)
	}
	dst = appendEscaped(dst, s[:first])
	for start := first; ; {
		end := lineEnd(s, start)
		if line := s[start:end]; strongRightToLeft(line) {
			dst = append(dst, rtlEmbed...)
			dst = appendEscaped(dst, line)
			dst = append(dst, popEmbed...)
		} else {
			dst = appendEscaped(dst, line)
		}
		if end == len(s) {
			return append(dst, `</t></is></c>`...)
		}
		dst = append(dst, '\n')
		start = end + 1
	}
}

// lastLineMarked reports whether appendInlineStr marks the last line of s,
// whose first marked line starts at first (-1: none).
func lastLineMarked(s string, first int) bool {
	last := strings.LastIndexByte(s, '\n') + 1
	return first >= 0 && last >= first && strongRightToLeft(s[last:])
}

// appendEscaped appends s escaped for XML, a literal _xHHHH_ included. An
// escape never spans a line break, so s may be a line of a cell's text.
func appendEscaped(dst []byte, s string) []byte {
	if strings.Contains(s, "_x") {
		var esc []byte
		esc = escapeText(esc, s)
		return append(dst, escapeLiteralEscapes(string(esc))...)
	}
	return escapeText(dst, s)
}

func isXMLSpace(c byte) bool { return c == '\t' || c == '\n' || c == '\r' || c == ' ' }

// truncateUTF16 cuts s before the rune that would take it past n UTF-16 units.
func truncateUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// escapeXML appends s escaped as encoding/xml.EscapeText does, except that
// newlines stay as they are (as excelize writes them). Text in valid UTF-8
// without U+FFFE and U+FFFF, nearly all of it, is escapeText's.
func escapeXML(dst []byte, s string) []byte {
	if !utf8.ValidString(s) || strings.Contains(s, "\uFFFE") || strings.Contains(s, "\uFFFF") {
		return escapeXMLRunes(dst, s)
	}
	return escapeText(dst, s)
}

// escapeText is escapeXML of valid UTF-8 without U+FFFE and U+FFFF, such as
// cleanText's: only ASCII bytes may need escaping there, and it is read a
// byte at a time.
func escapeText(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf {
			if esc := asciiEscapes[c]; esc != "" {
				dst = append(dst, s[last:i]...)
				dst = append(dst, esc...)
				last = i + 1
			}
		}
	}
	return append(dst, s[last:]...)
}

// asciiEscapes is what escapeXML writes for each ASCII byte ("": itself).
var asciiEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range byte(0x20) {
		if c != '\n' {
			t[c] = "\uFFFD"
		}
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\r'] = "&#x9;", "&#xD;"
	return t
}()

// escapeXMLRunes is escapeXML a rune at a time, for text that is not valid
// UTF-8 (each invalid byte becomes U+FFFD).
func escapeXMLRunes(dst []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\r':
				esc = "&#xD;"
			default:
				if c < 0x20 && c != '\n' {
					esc = "\uFFFD"
				}
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			width = size
			if (r == utf8.RuneError && size == 1) || !inXMLCharRange(r) {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			dst = append(dst, s[last:i]...)
			dst = append(dst, esc...)
			last = i + width
		}
		i += width
	}
	return append(dst, s[last:]...)
}

// inXMLCharRange reports whether r (at least utf8.RuneSelf) may appear in XML.
func inXMLCharRange(r rune) bool {
	return (r >= 0x80 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// escapeLiteralEscapes escapes text that reads as an OOXML character escape
// (_xHHHH_, e.g. _x0008_) by escaping its underscore (_x005F_x0008_), so
// the cell shows what the respondent wrote. This is excelize's bstrMarshal,
// including its form for an already escaped underscore, except that
// excelize left (and duplicated the text before) an escape of half a
// surrogate pair such as _xD800_, which readers then dropped.
func escapeLiteralEscapes(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+7 <= len(s); {
		if !isBstr(s[i:]) {
			i++
			continue
		}
		b.WriteString(s[last:i])
		switch {
		case s[i:i+7] != "_x005F_":
			b.WriteString("_x005F")
			b.WriteString(s[i : i+7])
		case isBstr(s[i+6:]): // _x005F_ followed by xHHHH_
			b.WriteString("_x005F_x005F_x005F_")
		default:
			b.WriteString("_x005F_x005F_")
		}
		last = i + 7
		i += 7
	}
	b.WriteString(s[last:])
	return b.String()
}

// isBstr reports whether s starts with _xHHHH_.
func isBstr(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// excelFloat writes f as excelize does: shortest decimal form, cut to
// Excel's 15 significant digits.
func excelFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if math.Abs(f) == math.MaxFloat64 {
		return s
	}
	const maxDigits = 15
	point := strings.IndexByte(s, '.')
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || (digits == 0 && c == '0') {
			continue
		}
		if digits++; digits <= maxDigits {
			continue
		}
		if point >= 0 && i > point { // past the point: drop the rest
			return strings.TrimSuffix(s[:i], ".")
		}
		// before the point: zero the rest of the integer part
		if point < 0 {
			point = len(s)
		}
		b := []byte(s[:point])
		for j := i; j < len(b); j++ {
			b[j] = '0'
		}
		return string(b)
	}
	return s
}

// Excel's 1900 date system: serial 1 is 1900-01-01, and (as in Lotus 1-2-3)
// 1900-02-29 exists, so dates from March 1900 on count one day more.
var (
	excelEpoch     = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelLeapAfter = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// excelSerialDays is t's date serial (written with strconv's shortest
// 'f' form), or false when t is before Excel's calendar.
func excelSerialDays(t time.Time) (float64, bool) {
	const day = 24 * time.Hour
	const step = 290 * 364 * day // under time.Duration's limit
	if t.Before(excelEpoch) {
		return 0, false
	}
	result, tt := 0.0, t
	diff := tt.Sub(excelEpoch)
	for diff >= step {
		result += float64(step / day)
		tt = tt.Add(-step)
		diff = tt.Sub(excelEpoch)
	}
	rem := diff % day
	result += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if t.After(excelLeapAfter) {
		result++
	}
	if result <= 0 {
		return 0, false
	}
	return result, true
}
