package report

import (
	"math"

	"github.com/xuri/excelize/v2"
)

// styles are the cell style IDs shared by all sheets.
type styles struct {
	title, titleWrap, header, note, noteWrap, label, labelWrap, wrap, text, integer, whole, signed, float, float1, pct, pctWhole, datetime,
	integerStart, floatStart, dateStart, datetimeStart,
	lane, laneCell, laneScore, laneInt int
}

const (
	colourHeader = "DCE6F1"
	colourLane   = "F2F2F2"
	colourBorder = "A6A6A6"
	colourAccent = "1F4E79"
)

// fontFamily is named in every style and as the workbook's default font. It
// covers Latin, Persian letters and Persian digits in one face, ships with
// Debian (fonts-dejavu-core, which LibreOffice uses), and is the font the
// row-height estimate (charsPerWidth) was measured with. Where it is missing
// (a stock Windows Excel) the application substitutes its own sans-serif,
// which is narrower, so the widths set here still fit. Calibri, excelize's
// default, has no Persian glyphs: LibreOffice drew boxes for Jalali dates
// and bold Persian titles with it.
const fontFamily = "DejaVu Sans"

// font is the workbook's font at the body size with the given emphasis.
func font(bold, italic bool, size float64, colour string) *excelize.Font {
	return &excelize.Font{Family: fontFamily, Bold: bold, Italic: italic, Size: size, Color: colour}
}

// numFmt prefixes a number format with the fa-IR locale and Persian
// (extended Arabic-Indic) digit shapes for Persian workbooks, so Excel shows
// ۱۲٫۵ where an English workbook shows 12.5. The value stays a number.
func (b *book) numFmt(code string) *string {
	if b.fa {
		code = "[$-3000429]" + code
	}
	return &code
}

// pctCode is the number format of a percentage with digits: "0.0%" of a
// share (0-1); in a Persian workbook, which prints the Persian percent sign
// (a format's % always prints "%"), "0.0" and "٪" after the percentage the
// cell holds (see shareValue).
func (b *book) pctCode(digits string) string {
	if b.fa {
		return digits + `"٪"`
	}
	return digits + "%"
}

// shareValue is what a cell in a pct or pctWhole style holds for share (0-1):
// the share, or in a Persian workbook the percentage (rounded off the
// binary noise of multiplying by 100).
func (b *book) shareValue(share float64) float64 {
	if b.fa {
		return math.Round(share*1e11) / 1e9
	}
	return share
}

// bodySize is the body text size in points (Excel's default, 11).
const bodySize = 11

func (b *book) newStyles() {
	b.setErr(b.f.SetDefaultFont(fontFamily))
	add := func(s *excelize.Style) int {
		if b.err != nil {
			return 0
		}
		if s.Font == nil {
			s.Font = font(false, false, bodySize, "")
		}
		id, err := b.f.NewStyle(s)
		b.setErr(err)
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: colourBorder, Style: 1}, {Type: "right", Color: colourBorder, Style: 1},
		{Type: "top", Color: colourBorder, Style: 1}, {Type: "bottom", Color: colourBorder, Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	topOnly := &excelize.Alignment{Vertical: "top"}
	number := func(code string) *excelize.Style {
		return &excelize.Style{CustomNumFmt: b.numFmt(code), Alignment: topOnly}
	}
	lane := func(code string) *excelize.Style {
		return &excelize.Style{Border: border, CustomNumFmt: b.numFmt(code),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}
	}
	// Values beside a label on the Summary sit at the start of their cell,
	// next to it: left in English, right in a right-to-left sheet.
	start := &excelize.Alignment{Horizontal: "left", Vertical: "top"}
	if b.fa {
		start.Horizontal = "right"
	}
	b.st = styles{
		title:     add(&excelize.Style{Font: font(true, false, 14, colourAccent)}),
		titleWrap: add(&excelize.Style{Font: font(true, false, 14, colourAccent), Alignment: top}),
		header: add(&excelize.Style{
			Font:      font(true, false, bodySize, ""),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourHeader}},
			Border:    border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}),
		note: add(&excelize.Style{Font: font(false, true, bodySize, "595959"), Alignment: topOnly}),
		// A note across a merged range, which text never runs past.
		noteWrap: add(&excelize.Style{Font: font(false, true, bodySize, "595959"), Alignment: top}),
		label:    add(&excelize.Style{Font: font(true, false, bodySize, ""), Alignment: topOnly}),
		// A label beside a value that may be longer than its column.
		labelWrap: add(&excelize.Style{Font: font(true, false, bodySize, ""), Alignment: top}),
		wrap:      add(&excelize.Style{Alignment: top}),
		text:      add(&excelize.Style{Alignment: topOnly}),
		integer:   add(number("#,##0")),
		whole:     add(number("0")),       // NPS and 0-100 scores: whole numbers, signed
		signed:    add(number("+0;-0;0")), // a gap: above or below
		float:     add(number("0.00")),
		float1:    add(number("0.0")),
		pct:       add(number(b.pctCode("0.0"))),
		pctWhole:  add(number(b.pctCode("0"))),
		datetime:  add(&excelize.Style{CustomNumFmt: b.numFmt("yyyy-mm-dd hh:mm"), Alignment: topOnly}),

		integerStart:  add(&excelize.Style{CustomNumFmt: b.numFmt("#,##0"), Alignment: start}),
		floatStart:    add(&excelize.Style{CustomNumFmt: b.numFmt("0.00"), Alignment: start}),
		dateStart:     add(&excelize.Style{CustomNumFmt: b.numFmt("yyyy-mm-dd"), Alignment: start}),
		datetimeStart: add(&excelize.Style{CustomNumFmt: b.numFmt("yyyy-mm-dd hh:mm"), Alignment: start}),
		lane: add(&excelize.Style{
			Font:      font(true, false, bodySize, ""),
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourLane}},
			Border:    border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}),
		laneCell:  add(&excelize.Style{Border: border, Alignment: top}),
		laneScore: add(lane("0")),
		laneInt:   add(lane("#,##0")),
	}
}
