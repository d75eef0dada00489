package report

import (
	"archive/zip"
	"bytes"
	"database/sql/driver"
	"errors"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// rowXMLCases are values the Responses sheet stores, chosen for the corners
// of excelize's cell writing: formula-like and whitespace-edged text,
// characters XML escapes, literal _xHHHH_ escapes, text past Excel's cell
// limit, numbers past 15 significant digits, and dates on both sides of
// Excel's calendar and its 1900 leap day.
func rowXMLCases() [][]any {
	long := strings.Repeat("ab", 20000)
	emoji := strings.Repeat("x", maxCellChars-1) + "😀tail" // the emoji straddles the limit
	texts := []any{
		"", "plain", "=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0",
		" leading", "trailing ", "\ttab", "line\nbreak", "cr\r\nlf", "<&>\"'", "&#xA; literal",
		"_x0008_", "a_x0041_b", "_x005F_", "_x005F_x0041_", "_x005f_x12aB_", "_x12G4_", "x_x1234",
		"سلام، دنیا", "\uFFFD", long, emoji, []byte("bytes"),
		"\uFFFE", "a\uFFFFb\uFFFDc", "\x01ctl\x1f\x7f", "bad\xffutf8", "\xef\xbf", "نیم\u200cفاصله",
		" سلام ", "\tسلام\n", "hi\nسلام ", "سلام\nhi ", "«سلام» _x0041_\n۲۵\nok", "۲۵ ",
	}
	floats := []any{
		0.0, math.Copysign(0, -1), 0.1 + 0.2, 1.0 / 3, -2.5, 1e21, 123456789012345678.0, 1234567890123456.7,
		-0.000001234567890123456, 5e-324, math.MaxFloat64, -math.MaxFloat64, float32(1.1), math.NaN(), math.Inf(1),
	}
	ints := []any{0, -1, int8(-128), int16(300), int32(-70000), int64(math.MinInt64), uint(7), uint8(255),
		uint16(65535), uint32(1 << 31), uint64(math.MaxUint64), true, false}
	utc := func(y int, m time.Month, d, h, mi, s int) time.Time { return time.Date(y, m, d, h, mi, s, 0, time.UTC) }
	tehran := time.FixedZone("IRST", 3*3600+1800)
	times := []any{
		utc(1899, 1, 1, 0, 0, 0), utc(1899, 12, 31, 0, 0, 0), utc(1900, 1, 1, 0, 0, 0), utc(1900, 2, 28, 12, 0, 0),
		utc(1900, 3, 1, 0, 0, 0), utc(2026, 11, 10, 9, 30, 15), time.Date(2026, 12, 6, 23, 59, 59, 999, tehran),
		utc(2300, 6, 1, 6, 0, 0), utc(9999, 12, 31, 23, 59, 59), time.Time{},
	}
	rows := [][]any{texts, floats, ints, times, {nil, "after a blank", nil, nil, 1}}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 40 {
		row := make([]any, 30)
		for i := range row {
			switch i % 3 {
			case 0:
				row[i] = (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(40)-20))
			case 1:
				row[i] = math.Float64frombits(rng.Uint64())
			default:
				row[i] = utc(1900+rng.IntN(300), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// TestRowXMLMatchesExcelize writes the same rows through excelize's
// StreamWriter.SetRow (as the Responses sheet was written before) and
// through rowEncoder, and wants the same sheet XML byte for byte.
func TestRowXMLMatchesExcelize(t *testing.T) {
	const datetime = 14
	rows := rowXMLCases()

	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	enc := &rowEncoder{datetime: strconv.Itoa(datetime)}
	var mine []byte
	for i, vals := range rows {
		old := make([]any, len(vals))
		conv := make([]cellValue, len(vals))
		for j, v := range vals {
			conv[j] = cellOf(v)
			old[j] = excelizeValue(conv[j], datetime)
		}
		if err := sw.SetRow(cell(1, i+2), old); err != nil {
			t.Fatal(err)
		}
		mine = enc.appendRow(mine, i+2, conv)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	theirs := sheetData(t, f, "xl/worksheets/sheet1.xml")
	if !bytes.Equal(mine, theirs) {
		at := 0
		for at < min(len(mine), len(theirs)) && mine[at] == theirs[at] {
			at++
		}
		t.Fatalf("rows differ at byte %d:\nmine:     %.200q\nexcelize: %.200q", at, mine[at:], theirs[at:])
	}
}

// excelizeValue is what the Responses sheet handed SetRow for a value, its
// text's right-to-left lines marked.
func excelizeValue(v cellValue, datetime int) any {
	switch v.kind {
	case textCell:
		return excelize.Cell{Value: answerRightToLeft(v.text)}
	case intCell:
		if i, err := strconv.ParseInt(v.text, 10, 64); err == nil {
			return i
		}
		u, _ := strconv.ParseUint(v.text, 10, 64)
		return u
	case floatCell:
		return v.num
	case boolCell:
		return v.num != 0
	case timeCell:
		return excelize.Cell{StyleID: datetime, Value: v.t}
	}
	return nil
}

// sheetData is what a saved workbook's part holds inside <sheetData>.
func sheetData(t *testing.T, f *excelize.File, part string) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	xml := zipPart(t, buf.Bytes(), part)
	_, rest, ok := bytes.Cut(xml, []byte("<sheetData>"))
	data, _, ok2 := bytes.Cut(rest, []byte("</sheetData>"))
	if !ok || !ok2 {
		t.Fatalf("%s has no sheetData: %.300s", part, xml)
	}
	return data
}

func zipPart(t *testing.T, file []byte, part string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(part)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc) // checks the part's CRC-32 too
	if err != nil {
		t.Fatalf("%s: %v", part, err)
	}
	return b
}

// TestLiteralEscapesReadBack: text that looks like an OOXML character
// escape, half a surrogate pair included, reads back as written.
func TestLiteralEscapesReadBack(t *testing.T) {
	texts := []string{"_x0008_", "see _xD800_ here", "_x005F_xDBFF_", "a_x0041_b"}
	rows := func(yield func([]any, error) bool) {
		for _, s := range texts {
			if !yield([]any{s}, nil) {
				return
			}
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, &Data{Study: Study{Language: "en"}, Responses: &Responses{Header: []string{"Text"}, Rows: rows}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for i, want := range texts {
		got, err := f.GetCellValue(labelsFor("en").SheetResponses, cell(1, i+2))
		if err != nil || got != want {
			t.Errorf("row %d = %q, %v; want %q", i+2, got, err, want)
		}
	}
}

func TestCRC32Combine(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 32 << 10, 100_000} {
		a := make([]byte, rng.IntN(50))
		b := make([]byte, n)
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		want := crc32.ChecksumIEEE(append(append([]byte(nil), a...), b...))
		if got := crc32Combine(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("len %d+%d: %08x, want %08x", len(a), n, got, want)
		}
	}
}

// randomXMLText is up to 11 characters drawn from those XML escapes or
// refuses, and their neighbours.
func randomXMLText(rng *rand.Rand) string {
	alphabet := []rune{'a', ' ', '\n', '\t', '\r', '"', '\'', '&', '<', '>', 0x01, 0x1f, 0x7f, 0x80, 'é', 'س', '\u200c',
		0xD7FF, 0xE000, 0xFFFD, 0xFFFE, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF}
	var b strings.Builder
	for range rng.IntN(12) {
		b.WriteRune(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

// escapeXML reads valid UTF-8 a byte at a time; it must write what reading
// it a rune at a time writes, for every character XML escapes or refuses.
func TestEscapeXMLByBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		s := randomXMLText(rng)
		if got, want := string(escapeXML(nil, s)), string(escapeXMLRunes(nil, s)); got != want {
			t.Fatalf("escapeXML(%q) = %q, want %q", s, got, want)
		}
	}
}

// escapeText is escapeXML of clean text, which every text cell holds (even
// the error of a value that failed to convert).
func TestEscapeTextOfCleanText(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		s := cleanText(randomXMLText(rng))
		if got, want := string(escapeText(nil, s)), string(escapeXMLRunes(nil, s)); got != want {
			t.Fatalf("escapeText(%q) = %q, want %q", s, got, want)
		}
	}
	if v := cellOf(failingValuer{}); v.kind != textCell || v.text != "#bad value" {
		t.Errorf("a value whose conversion fails: %+v, want the clean text of its error", v)
	}
}

type failingValuer struct{}

func (failingValuer) Value() (driver.Value, error) { return nil, errors.New("bad\x01 value\uFFFE") }

// isCleanText tells the text cleanText keeps as it is.
func TestIsCleanText(t *testing.T) {
	alphabet := []string{"a", " ", "\n", "\t", "\r", "&", "\x01", "\x1f", "\x7f", "é", "س", "\u200c", "\uFFFD", "\uFFFE",
		"\uFFFF", "\U0001F600", "\xff", "\xe2\x80", "\xed\xa0\x80"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(10) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		s := b.String()
		slow := strings.Map(func(r rune) rune {
			if illegalXML(r) {
				return -1
			}
			return r
		}, strings.ToValidUTF8(s, "\uFFFD"))
		if got := isCleanText(s); got != (slow == s) {
			t.Fatalf("isCleanText(%q) = %v, want %v", s, got, slow == s)
		}
	}
}

// answerRightToLeft is text with the lines appendInlineStr marks marked.
func answerRightToLeft(text string) string {
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		if strongRightToLeft(line) {
			lines[i] = rtlEmbed + line + popEmbed
		}
	}
	return strings.Join(lines, "\n")
}
