package report

import "github.com/xuri/excelize/v2"

// styles are the cell style IDs shared by all sheets.
type styles struct {
	title, titleWrap, header, note, label, wrap, integer, float, pct, date, datetime, lane, laneCell, laneNum, laneInt int
}

const (
	colourHeader = "DCE6F1"
	colourLane   = "F2F2F2"
	colourBorder = "A6A6A6"
	colourAccent = "1F4E79"
)

// numFmt prefixes a number format with the fa-IR locale and Persian
// (extended Arabic-Indic) digit shapes for Persian workbooks, so Excel shows
// ۱۲٫۵ where an English workbook shows 12.5. The value stays a number.
func (b *book) numFmt(code string) *string {
	if b.fa {
		code = "[$-3000429]" + code
	}
	return &code
}

func (b *book) newStyles() {
	add := func(s *excelize.Style) int {
		if b.err != nil {
			return 0
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
	b.st = styles{
		title:     add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: colourAccent}}),
		titleWrap: add(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14, Color: colourAccent}, Alignment: top}),
		header: add(&excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourHeader}},
			Border:    border,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}),
		note:     add(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}}),
		label:    add(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}),
		wrap:     add(&excelize.Style{Alignment: top}),
		integer:  add(&excelize.Style{CustomNumFmt: b.numFmt("#,##0"), Alignment: &excelize.Alignment{Vertical: "top"}}),
		float:    add(&excelize.Style{CustomNumFmt: b.numFmt("0.00"), Alignment: &excelize.Alignment{Vertical: "top"}}),
		pct:      add(&excelize.Style{CustomNumFmt: b.numFmt("0.0%"), Alignment: &excelize.Alignment{Vertical: "top"}}),
		date:     add(&excelize.Style{CustomNumFmt: b.numFmt("yyyy-mm-dd")}),
		datetime: add(&excelize.Style{CustomNumFmt: b.numFmt("yyyy-mm-dd hh:mm")}),
		lane: add(&excelize.Style{
			Font:      &excelize.Font{Bold: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colourLane}},
			Border:    border,
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
		}),
		laneCell: add(&excelize.Style{Border: border, Alignment: top}),
		laneNum: add(&excelize.Style{
			Border: border, CustomNumFmt: b.numFmt("0.00"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		}),
		laneInt: add(&excelize.Style{
			Border: border, CustomNumFmt: b.numFmt("#,##0"),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		}),
	}
}
