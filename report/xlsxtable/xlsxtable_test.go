package xlsxtable

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/internal/csvtable"
)

// writeWorkbook saves sheets (name -> rows, in order) as an .xlsx file.
func writeWorkbook(t *testing.T, names []string, sheets map[string][][]any) string {
	t.Helper()
	f := excelize.NewFile()
	for i, name := range names {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	p := filepath.Join(t.TempDir(), "export.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeFile(t *testing.T, name string, body []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadWorkbook(t *testing.T) {
	p := writeWorkbook(t, []string{"Answers", "Notes"}, map[string][][]any{
		"Answers": {{" id ", "comment", "score"}, {"r1", "ارسال دیر بود", 2}, {}, {"r3", "=1+1 late", 4.5}},
		"Notes":   {{"note"}, {"only here"}},
	})
	tests := []struct {
		name, sheet string
		header      []string
		rows        [][]string
		lines       []int
	}{
		{"first sheet by default", "", []string{"id", "comment", "score"},
			[][]string{{"r1", "ارسال دیر بود", "2"}, {"r3", "=1+1 late", "4.5"}}, []int{2, 4}},
		{"named sheet", "Notes", []string{"note"}, [][]string{{"only here"}}, []int{2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ReadFile(p, tc.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Header, tc.header) || !reflect.DeepEqual(got.Rows, tc.rows) || !reflect.DeepEqual(got.Lines, tc.lines) {
				t.Errorf("got header %q rows %q lines %v, want %q %q %v", got.Header, got.Rows, got.Lines, tc.header, tc.rows, tc.lines)
			}
		})
	}
}

func TestReadFileRefusals(t *testing.T) {
	var zipped strings.Builder
	zw := zip.NewWriter(&zipped)
	w, _ := zw.Create("report.txt")
	w.Write([]byte("hello"))
	zw.Close()
	book := writeWorkbook(t, []string{"Data"}, map[string][][]any{"Data": {{"id", "text"}}})
	tests := []struct {
		name, path, sheet, want string
	}{
		{"pdf", writeFile(t, "a.csv", []byte("%PDF-1.7\n%\xe2\xe3\n1 0 obj")), "", "this looks like a PDF file; export it as CSV or XLSX"},
		{"zip without workbook", writeFile(t, "a.xlsx", []byte(zipped.String())), "", "this looks like a zip (not an Excel workbook) file; export it as CSV or XLSX"},
		{"binary", writeFile(t, "a.csv", []byte("\x7fELF\x02\x01\x01\x00\x00\x00")), "", "this looks like a binary file; export it as CSV or XLSX"},
		{"old xls", writeFile(t, "a.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00")), "", "this looks like a legacy Office (.xls/.doc) file"},
		{"header-only csv", writeFile(t, "a.csv", []byte("id,text\n\n")), "", csvtable.ErrNoRows.Error()},
		{"header-only sheet", book, "", csvtable.ErrNoRows.Error()},
		{"unknown sheet", book, "Answers", `--sheet "Answers": no such sheet; the workbook has "Data"`},
		{"sheet of a csv", writeFile(t, "a.csv", []byte("id\n1\n")), "Data", "a CSV file has no sheets"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadFile(tc.path, tc.sheet)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans several lines: %q", err)
			}
		})
	}
	var nt *csvtable.ErrNotTable
	if _, err := ReadFile(tests[0].path, ""); !errors.As(err, &nt) {
		t.Errorf("a PDF gives %T, want *csvtable.ErrNotTable", err)
	}
}

func TestReadCSVUnchanged(t *testing.T) {
	got, err := ReadFile(writeFile(t, "a.csv", []byte("id;text\n1;late\n")), "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Delimiter != ';' || !reflect.DeepEqual(got.Rows, [][]string{{"1", "late"}}) {
		t.Errorf("got %q delimiter %q", got.Rows, got.Delimiter)
	}
}
