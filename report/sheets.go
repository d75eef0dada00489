package report

import (
	"bytes"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// Limits for reading a spreadsheet someone uploaded: a zip bomb stops at
// the unzip limit instead of filling memory.
const (
	maxUnzipped    = 64 << 20
	maxSheetXML    = 32 << 20
	maxSheetsCells = 2_000_000
)

// Sheets reads every worksheet of an .xlsx file as rows of cell text, for
// imports (XLSForm) that take spreadsheets.
func Sheets(data []byte) (map[string][][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxSheetXML})
	if err != nil {
		return nil, fmt.Errorf("not a readable .xlsx file: %w", err)
	}
	defer f.Close()
	out := map[string][][]string{}
	cells := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", name, err)
		}
		for _, r := range rows {
			cells += len(r)
		}
		if cells > maxSheetsCells {
			return nil, fmt.Errorf("sheet %q: more than %d cells", name, maxSheetsCells)
		}
		out[name] = rows
	}
	return out, nil
}
