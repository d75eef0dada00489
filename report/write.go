package report

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Write builds the workbook for data and writes it to w as .xlsx.
//
// Sheets, in order: Summary, Personas, Pain points, Touchpoints, Journey map,
// Charts, Responses, Coded passages, Codebook. data.Responses.Rows is pulled
// once and streamed to a temporary file, so memory stays flat however many
// responses there are. The workbook is written to w as it is zipped: on an
// error, w may hold part of it.
func Write(w io.Writer, data *Data) error {
	if data == nil {
		return errors.New("report: nil data")
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &book{f: f, out: w, data: data, fa: data.Study.Language == "fa", lb: labelsFor(data.Study.Language)}
	b.personaNames = make(map[int]string, len(data.Personas))
	b.heights = make(map[sheetRow]float64)
	b.titles = make(map[sheetRow]bool)
	b.extents = make(map[string]extent)
	b.across = make(map[string]across)
	for _, p := range data.Personas {
		b.personaNames[p.ID] = p.Name
	}
	f.SetZipWriter(b.zipWriter)
	defer func() {
		if b.spool != nil {
			b.spool.close()
		}
	}()
	b.newStyles()
	if b.err != nil {
		return fmt.Errorf("report: styles: %w", b.err)
	}
	// titleRows: the header rows each printed page of the sheet repeats.
	steps := []struct {
		name      string
		fn        func()
		titleRows int
	}{
		{b.lb.SheetSummary, b.summary, 0},
		{b.lb.SheetPersonas, b.personas, 0},
		{b.lb.SheetPainPoints, b.painPoints, 1},
		{b.lb.SheetTouchpoints, b.touchpoints, 0},
		{b.lb.SheetJourney, b.journeys, 0},
		{b.lb.SheetCharts, b.charts, 0},
		{b.lb.SheetResponses, b.responses, 1},
		{b.lb.SheetPassages, b.passages, 1},
		{b.lb.SheetCodebook, b.codebook, 1},
	}
	for i, s := range steps {
		if i == 0 {
			b.setErr(f.SetSheetName("Sheet1", s.name))
		} else {
			_, err := f.NewSheet(s.name)
			b.setErr(err)
		}
		if b.err != nil {
			return fmt.Errorf("report: sheet %q: %w", s.name, b.err)
		}
		b.setErr(f.SetSheetView(s.name, 0, &excelize.ViewOptions{RightToLeft: &b.fa}))
		// Page set-up: on the streamed Responses sheet (a column per
		// question, so not fitted to one page wide) before its rows, since
		// any later change would read the whole sheet back into memory; on
		// the others after their content, because an autofilter drops
		// the fit-to-page flag set before it.
		streamed := s.name == b.lb.SheetResponses
		if streamed {
			b.pageSetup(s.name, false, s.titleRows)
		}
		s.fn()
		if !streamed {
			b.pageSetup(s.name, true, s.titleRows)
		}
		b.printArea(s.name)
		if b.err != nil {
			return fmt.Errorf("report: sheet %q: %w", s.name, b.err)
		}
	}
	// The Summary (Sheet1 renamed) is already the active sheet. Do not call
	// f.SetActiveSheet here: it reads every worksheet back, which would parse
	// the whole streamed Responses sheet into memory.
	props := &excelize.DocProperties{
		Title:   cleanTitle(data.Study.Title),
		Creator: "Safar",
		Subject: cleanTitle(data.Study.Project),
	}
	if !data.Study.Generated.IsZero() {
		props.Created = data.Study.Generated.UTC().Format(time.RFC3339)
	}
	b.setErr(f.SetDocProps(props))
	if b.err != nil {
		return fmt.Errorf("report: properties: %w", b.err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: write: %w", err)
	}
	return nil
}

// book carries the file and the first error; helpers do nothing once an
// error is set, so the sheet builders read as straight-line layout code.
type book struct {
	f            *excelize.File
	out          io.Writer // where the workbook goes (zipWriter)
	data         *Data
	fa           bool
	lb           labels
	st           styles
	personaNames map[int]string
	heights      map[sheetRow]float64 // row heights fitRow set
	titles       map[sheetRow]bool    // rows holding a 14-point title
	extents      map[string]extent    // the cells each sheet uses, for its print area
	across       map[string]across    // sheets printed at full size over several pages across
	spool        *rowSpool            // the Responses sheet's rows, compressed
	err          error
}

type sheetRow struct {
	sheet string
	row   int
}

func (b *book) setErr(err error) {
	if b.err == nil && err != nil {
		b.err = err
	}
}

func (b *book) personaName(id int) string {
	if id == 0 {
		return b.lb.Everyone
	}
	if n, ok := b.personaNames[id]; ok && n != "" {
		return n
	}
	return fmt.Sprintf("%s %d", b.lb.Persona, id)
}

func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// text writes s as a plain string cell. This is the only way strings reach a
// worksheet (besides the Responses sheet's rows, see rowxml.go): SetCellStr stores a
// shared string, so "=HYPERLINK(...)", "+1" or "@SUM(A1)" stay text. Its
// right-to-left lines are marked so (rightToLeft).
func (b *book) text(sheet string, col, row int, s string, style int) {
	if b.err != nil {
		return
	}
	ref := cell(col, row)
	b.reach(sheet, col, row)
	b.setErr(b.f.SetCellStr(sheet, ref, rightToLeft(cleanText(s), b.fa)))
	if style != 0 {
		b.setErr(b.f.SetCellStyle(sheet, ref, ref, style))
	}
}

// num writes a number (int or float64) with an optional style.
func (b *book) num(sheet string, col, row int, v any, style int) {
	if b.err != nil {
		return
	}
	ref := cell(col, row)
	b.reach(sheet, col, row)
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		v = nil // Excel cannot store NaN or infinities; leave the cell blank
	}
	b.setErr(b.f.SetCellValue(sheet, ref, v))
	if style != 0 {
		b.setErr(b.f.SetCellStyle(sheet, ref, ref, style))
	}
}

// optNum writes *v, or leaves the cell blank (styled) when v is nil.
func (b *book) optNum(sheet string, col, row int, v *float64, style int) {
	if v == nil {
		b.style(sheet, cell(col, row), cell(col, row), style)
		return
	}
	b.num(sheet, col, row, *v, style)
}

func (b *book) style(sheet, from, to string, style int) {
	if b.err == nil && style != 0 {
		b.setErr(b.f.SetCellStyle(sheet, from, to, style))
	}
}

// header writes a bold header row starting at col; long names wrap.
func (b *book) header(sheet string, col, row int, names ...string) {
	for i, n := range names {
		b.wrapped(sheet, row, col+i, col+i, n, b.st.header)
	}
}

// title writes a sheet or block title.
func (b *book) title(sheet string, col, row int, s string) {
	b.titles[sheetRow{sheet, row}] = true
	b.text(sheet, col, row, s, b.st.title)
}

// noData writes the "no data yet" line a sheet shows when it has nothing.
func (b *book) noData(sheet, msg string) {
	b.text(sheet, 1, 1, msg, b.st.note)
	b.width(sheet, 1, 1, 80)
}

// wrapped writes s in column from, merged across to when to > from, and
// makes the row tall enough for it (see fitRow).
func (b *book) wrapped(sheet string, row, from, to int, s string, style int) {
	b.text(sheet, from, row, s, style)
	if to > from {
		b.mergeRow(sheet, row, from, to)
	}
	b.fitRow(sheet, row, from, to, s)
}

// Row heights, in points: one line of 11-point text, and Excel's maximum.
// charsPerWidth is how many characters of 11-point text one unit of column
// width holds: about 1.1 in LibreOffice with DejaVu Sans (its widest
// fallback for Calibri), more in Excel and for Persian.
const (
	lineHeight    = 15
	maxRowHeight  = excelize.MaxRowHeight
	charsPerWidth = 1.1
)

// fitRow grows row to fit s wrapped in columns from..to (one cell or a
// merged range), whose widths must already be set. Neither Excel nor
// LibreOffice sizes a row to wrapped text it did not type itself (nor Excel
// to merged cells at all), so without this a wrapped line is drawn over the
// next row. It only ever grows a row, so every wrapped cell of a row can be
// fitted in turn.
func (b *book) fitRow(sheet string, row, from, to int, s string) {
	b.fitRowAt(sheet, row, from, to, s, 1)
}

// titleScale is the 14-point title font against the 11-point body.
const titleScale = 14.0 / 11

// fitRowAt is fitRow for text scale times the body font's size.
func (b *book) fitRowAt(sheet string, row, from, to int, s string, scale float64) {
	if b.err != nil {
		return
	}
	var w float64
	for c := from; c <= to; c++ {
		cw, err := b.f.GetColWidth(sheet, colName(c))
		b.setErr(err)
		w += cw
	}
	lines := wrappedLines(s, int(w*charsPerWidth/scale))
	key := sheetRow{sheet, row}
	h := min(float64(lineHeight*lines)*scale+4, maxRowHeight)
	if lines <= 1 || h <= b.heights[key] || b.err != nil {
		return
	}
	b.heights[key] = h
	b.setErr(b.f.SetRowHeight(sheet, row, h))
}

// wrappedLines estimates how many lines s takes wrapped at spaces in a cell
// width characters wide: each of its lines is filled word by word, and a
// word longer than a line is broken.
func wrappedLines(s string, width int) int {
	width = max(width, 1)
	n := 0
	for _, para := range strings.Split(s, "\n") {
		lines, used := 1, 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			if used > 0 && used+1+l <= width {
				used += 1 + l
				continue
			}
			if used > 0 {
				lines++
			}
			lines += (l - 1) / width
			used = (l-1)%width + 1
		}
		n += lines
	}
	return n
}

func (b *book) width(sheet string, from, to int, w float64) {
	if b.err == nil {
		b.setErr(b.f.SetColWidth(sheet, colName(from), colName(to), w))
	}
}

// freeze keeps the first rows rows visible while scrolling.
func (b *book) freeze(sheet string, rows int) {
	if b.err == nil {
		b.setErr(b.f.SetPanes(sheet, &excelize.Panes{
			Freeze: true, YSplit: rows, TopLeftCell: cell(1, rows+1), ActivePane: "bottomLeft",
		}))
	}
}

func (b *book) autoFilter(sheet string, fromCol, fromRow, toCol, toRow int) {
	if b.err == nil {
		b.setErr(b.f.AutoFilter(sheet, cell(fromCol, fromRow)+":"+cell(toCol, toRow), nil))
	}
}

// join lists values one per line inside a cell.
func join(items []string) string { return strings.Join(items, "\n") }

// cleanText makes s storable: invalid UTF-8 is replaced and the XML-illegal
// control characters (which would corrupt the file) are dropped; tabs and
// newlines stay. It never adds or removes leading = + - @.
func cleanText(s string) string {
	if isCleanText(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if illegalXML(r) {
			return -1
		}
		return r
	}, s)
}

// isCleanText is cleanText's fast path: no allocation, for the common case
// of valid text without control characters. Bytes below 0x20 are ASCII in
// valid UTF-8, so they are looked for a byte at a time; the rest is
// utf8.ValidString's and two substring searches, not a rune at a time.
func isCleanText(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.Contains(s, "\uFFFE") && !strings.Contains(s, "\uFFFF")
}

func illegalXML(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}

func cleanTitle(s string) string { return cleanText(strings.TrimSpace(s)) }

// textWidth estimates a column width for s: the longest line, in runes.
func textWidth(s string) float64 {
	w := 0
	for _, line := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return float64(w)
}
