package report

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Printing: every sheet prints on A4 landscape, one page wide, with its
// header rows repeated on every page and a print area over what it holds.
// Tables and cards are kept whole on a page where they fit on one (the
// Summary's "personas at a glance" used to start at the foot of page 1).

const (
	paperA4 = 9
	// pageHeight is the printable height of A4 landscape in points (595
	// less Excel's default 0.75" top and bottom margins), with a tenth kept
	// back for the header and footer and for the estimate's error.
	pageHeight = (595 - 2*54) * 0.9
	// pageWidth is the printable width of A4 landscape in points (842 less
	// Excel's default 0.7" side margins).
	pageWidth = 842 - 2*50.4
	// pointsPerWidth is how many points one unit of column width takes with
	// the 11-point DejaVu Sans body font (an 8-pixel digit, plus padding).
	pointsPerWidth = 6.2
	// defaultRowHeight is a one-line row in points with that font
	// (LibreOffice draws 12.8, Excel about 14).
	defaultRowHeight = 15
	titleRowHeight   = 20
)

// extent is the last column and row a sheet uses, for its print area.
type extent struct{ cols, rows int }

// reach records that sheet uses cells up to col, row.
func (b *book) reach(sheet string, col, row int) {
	e := b.extents[sheet]
	b.extents[sheet] = extent{max(e.cols, col), max(e.rows, row)}
}

// across is how a sheet too wide to print one page wide at a readable size
// prints instead: a new page across before each of breaks (column
// numbers), every page repeating the first repeat columns, a band of rows
// printing its pages across one after the other, at the scale where the
// widest page fits (fitting to a page wide would drop the breaks).
type across struct {
	repeat int
	breaks []int
	scale  uint // percent
}

// printedPointsPerWidth is how wide LibreOffice prints one unit of column
// width: the 11-point DejaVu Sans digit, 9.3 pixels (measured on the
// printed Pain points sheet: a 12-wide column is 84 points), with 3% to
// spare (a page across estimated to fit exactly put its last column on a
// page of its own). pointsPerWidth, lower, keeps keepTogether's page
// estimates on the short side.
const printedPointsPerWidth = 7.0 * 1.03

// printAcross prints sheet over pages across (see across); the columns'
// widths must be set, and its last column is cols.
func (b *book) printAcross(sheet string, cols, repeat int, breaks ...int) {
	widest := 0.0
	for i, from := range append([]int{1}, breaks...) {
		to := cols
		if i < len(breaks) {
			to = breaks[i] - 1
		}
		w := b.sheetWidth(sheet, to) - b.sheetWidth(sheet, from-1)
		if i > 0 {
			w += b.sheetWidth(sheet, repeat)
		}
		widest = max(widest, w)
	}
	scale := uint(min(100, 100*pageWidth/(widest*printedPointsPerWidth)))
	b.across[sheet] = across{repeat, breaks, scale}
	for _, c := range breaks {
		if b.err == nil {
			b.setErr(b.f.InsertPageBreak(sheet, cell(c, 1)))
		}
	}
}

// pageSetup prints sheet on A4 landscape; fitWidth makes it one page wide
// (every sheet but Responses, which has a column per question, and those
// printed across, see printAcross). titleRows repeat the sheet's first
// rows on every printed page (0: none).
func (b *book) pageSetup(sheet string, fitWidth bool, titleRows int) {
	if b.err != nil {
		return
	}
	orient, paper, one, any := "landscape", paperA4, 1, 0
	opts := &excelize.PageLayoutOptions{Size: &paper, Orientation: &orient}
	a, split := b.across[sheet]
	if split {
		order := "overThenDown"
		opts.PageOrder, opts.AdjustTo = &order, &a.scale
	} else if fitWidth {
		opts.FitToWidth, opts.FitToHeight = &one, &any
		b.setErr(b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitWidth}))
	}
	b.setErr(b.f.SetPageLayout(sheet, opts))
	// Every page names its sheet and numbers itself ("Summary ... 1 / 9").
	b.setErr(b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&L&A", OddFooter: "&R&P / &N"}))
	var titles []string
	if split && a.repeat > 0 {
		titles = append(titles, fmt.Sprintf("%s!$A:$%s", quoteSheet(sheet), colName(a.repeat)))
	}
	if titleRows > 0 {
		titles = append(titles, fmt.Sprintf("%s!$1:$%d", quoteSheet(sheet), titleRows))
	}
	if len(titles) > 0 {
		b.setErr(b.f.SetDefinedName(&excelize.DefinedName{
			Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: strings.Join(titles, ","),
		}))
	}
}

// printArea sets sheet's print area to A1 through the extent it reached.
// Workbook-level: it does not read the sheet back, so the streamed
// Responses sheet can have one too.
func (b *book) printArea(sheet string) {
	e := b.extents[sheet]
	if b.err != nil || e.cols == 0 || e.rows == 0 {
		return
	}
	b.setErr(b.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Area", Scope: sheet, RefersTo: quoteSheet(sheet) + "!$A$1:" + absRef(e.cols, e.rows),
	}))
}

// rowHeight is the height of row in points: as fitted, else one line.
func (b *book) rowHeight(sheet string, row int) float64 {
	if h, ok := b.heights[sheetRow{sheet, row}]; ok {
		return h
	}
	if b.titles[sheetRow{sheet, row}] {
		return titleRowHeight
	}
	return defaultRowHeight
}

// rowsHeight is the height of rows from..to in points.
func (b *book) rowsHeight(sheet string, from, to int) float64 {
	h := 0.0
	for r := from; r <= to; r++ {
		h += b.rowHeight(sheet, r)
	}
	return h
}

// keepTogether paginates sheet by hand so that each block of rows [from,
// to] starts on a new page when it would otherwise be split, given the
// sheet's columns' total width (printing one page wide scales the page). A
// block taller than a page starts on a new page and runs on. Every page end
// is a manual break: the estimate of a page errs on the short side, and if
// the application chose the other breaks itself they would fall elsewhere
// and could split a block after all.
func (b *book) keepTogether(sheet string, width float64, blocks [][2]int) {
	if b.err != nil || len(blocks) == 0 {
		return
	}
	page := pageFor(width)
	y, row := 0.0, 1
	add := func(r int) { // row r goes on the page, or begins the next
		h := b.rowHeight(sheet, r)
		if y > 0 && y+h > page {
			b.pageBreak(sheet, r)
			y = 0
		}
		y += h
	}
	for _, blk := range blocks {
		for ; row < blk[0]; row++ {
			add(row)
		}
		h := b.rowsHeight(sheet, blk[0], blk[1])
		// A block taller than a page is split anyway: it starts a new page
		// only when less than a third of this one is left.
		if y > 0 && y+h > page && (h <= page || page-y < page/3) {
			b.pageBreak(sheet, blk[0])
			y = 0
		}
		for ; row <= blk[1]; row++ {
			add(row)
		}
	}
}

// pageBreak starts a new printed page at row (charts and journey maps,
// each of which fits on one page, start their own).
func (b *book) pageBreak(sheet string, row int) {
	if b.err == nil && row > 1 {
		b.setErr(b.f.InsertPageBreak(sheet, cell(1, row)))
	}
}

// sheetWidth is the total width of columns 1..cols, in width units.
func (b *book) sheetWidth(sheet string, cols int) float64 {
	w := 0.0
	for c := 1; c <= cols && b.err == nil; c++ {
		cw, err := b.f.GetColWidth(sheet, colName(c))
		b.setErr(err)
		w += cw
	}
	return w
}

// pageFor is the height of a printed page in the sheet's points when
// columns width units wide are fitted to the page's width.
func pageFor(width float64) float64 {
	return pageHeight / min(1, pageWidth/(width*pointsPerWidth))
}

// pageOf is pageFor the sheet's columns 1..cols.
func (b *book) pageOf(sheet string, cols int) float64 { return pageFor(b.sheetWidth(sheet, cols)) }
