package report

import (
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// TestNoClippedText checks every sheet but Responses for text a reader
// sees cut off: a cell that does not wrap, whose text is wider than its
// column (or merged range), and whose neighbour in the reading direction
// holds something, so Excel and LibreOffice stop drawing the text at the
// cell's edge ("Partial responses (Responses shee" beside its count), and
// text that does not wrap in a merged range wider than the range.
func TestNoClippedText(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		t.Run(lang, func(t *testing.T) {
			d := fixture(lang)
			d.Study.Partial = 62
			f := mustOpen(t, mustWrite(t, d))
			lb := labelsFor(lang)
			for _, sh := range f.GetSheetList() {
				if sh == lb.SheetResponses {
					continue
				}
				merged := map[string]int{} // top-left cell -> last column of its range
				ms, err := f.GetMergeCells(sh)
				if err != nil {
					t.Fatal(err)
				}
				for _, m := range ms {
					c, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
					merged[m.GetStartAxis()] = c
				}
				rows, err := f.GetRows(sh)
				if err != nil {
					t.Fatal(err)
				}
				for r, row := range rows {
					for c, v := range row {
						if v == "" {
							continue
						}
						ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
						last := c + 1
						beside := ""
						if c+1 < len(row) {
							beside = row[c+1]
						}
						// A merged range's text never runs past the range
						// (the Touchpoints note was cut at the page's edge).
						if m, ok := merged[ref]; ok {
							last, beside = m, "(the merged range's edge)"
						} else if beside == "" {
							continue // nothing beside it: the text may run on
						}
						if wraps(t, f, sh, ref) {
							continue
						}
						width := 0.0
						for col := c + 1; col <= last; col++ {
							name, _ := excelize.ColumnNumberToName(col)
							w, err := f.GetColWidth(sh, name)
							if err != nil {
								t.Fatal(err)
							}
							width += w
						}
						if n := utf8.RuneCountInString(v); float64(n) > width*charsPerWidth {
							t.Errorf("%s!%s %q: %d characters in a column %.0f wide, next to %q", sh, ref, v, n, width, beside)
						}
					}
				}
			}
		})
	}
}

// wraps reports whether the cell's style wraps its text.
func wraps(t *testing.T, f *excelize.File, sheet, ref string) bool {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.Alignment != nil && st.Alignment.WrapText
}
