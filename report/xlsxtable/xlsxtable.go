// Package xlsxtable reads a table export, CSV or Excel workbook, into a
// csvtable.Table, deciding the format from the file's content rather than
// its name. It lives under report/ because report/ is the only importer of
// excelize.
package xlsxtable

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/internal/csvtable"
)

// ReadFile reads the table at path: CSV (csvtable.Read), JSON Lines or an
// array of objects (csvtable.ReadJSON), or an .xlsx workbook's sheet (the
// first when sheet is ""). Other files (PDF, a zip
// without a workbook, binary data) are refused with one line naming what
// they look like. A table with a header and no data rows is an error, as no
// command has anything to do with it.
func ReadFile(path, sheet string) (*csvtable.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, 8<<10)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	format, err := csvtable.Sniff(head[:n])
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var t *csvtable.Table
	switch format {
	case csvtable.Zip:
		t, err = readWorkbook(f, sheet)
	case csvtable.JSON:
		if sheet != "" {
			return nil, fmt.Errorf("%s: --sheet %q: a JSON file has no sheets", path, sheet)
		}
		if _, err = f.Seek(0, io.SeekStart); err == nil {
			t, err = csvtable.ReadJSON(f)
		}
	default:
		if sheet != "" {
			return nil, fmt.Errorf("%s: --sheet %q: a CSV file has no sheets", path, sheet)
		}
		if _, err = f.Seek(0, io.SeekStart); err == nil {
			t, err = csvtable.Read(f)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t.Name = path
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("%s: %w", path, csvtable.ErrNoRows)
	}
	return t, nil
}

// readWorkbook reads one sheet of the zip in f when it is a workbook.
func readWorkbook(f *os.File, sheet string) (*csvtable.Table, error) {
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(f, st.Size())
	if err != nil {
		return nil, &csvtable.ErrNotTable{Kind: "damaged zip"}
	}
	workbook := false
	for _, zf := range zr.File {
		if zf.Name == "xl/workbook.xml" {
			workbook = true
			break
		}
	}
	if !workbook {
		return nil, &csvtable.ErrNotTable{Kind: "zip (not an Excel workbook)"}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	wb, err := excelize.OpenReader(f)
	if err != nil {
		return nil, fmt.Errorf("reading the workbook: %w", err)
	}
	defer wb.Close()
	return readSheet(wb, sheet)
}

// readSheet turns a sheet into a table: the first non-empty row is the
// header, later non-empty rows are data, and Lines are the sheet's row
// numbers, so errors point at the row a user sees in Excel.
func readSheet(wb *excelize.File, sheet string) (*csvtable.Table, error) {
	sheets := wb.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("the workbook has no sheets")
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if idx, _ := wb.GetSheetIndex(sheet); idx < 0 {
		return nil, fmt.Errorf("--sheet %q: no such sheet; the workbook has %s", sheet, quoteAll(sheets))
	}
	rows, err := wb.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &csvtable.Table{}
	for line := 1; rows.Next(); line++ {
		cells, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, line, err)
		}
		if blank(cells) {
			continue
		}
		if t.Header == nil {
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			t.Header = cells
			continue
		}
		t.Rows = append(t.Rows, cells)
		t.Lines = append(t.Lines, line)
	}
	if err := rows.Error(); err != nil {
		return nil, err
	}
	if t.Header == nil {
		return nil, fmt.Errorf("sheet %q is empty: no header row", sheet)
	}
	return t, nil
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
