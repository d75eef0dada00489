package report

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/safarhq/safar/internal/officetest"
)

// TestLibreOfficeOpens proves a real spreadsheet program accepts the
// workbook: every sheet converts to CSV, and formula-looking respondent text
// comes out as the same text (LibreOffice did not evaluate it).
func TestLibreOfficeOpens(t *testing.T) {
	bin := officetest.Soffice(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(xlsx, mustWrite(t, fixture("en")), 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, from line 1, ..., -1 = every sheet to its own file.
	officetest.Convert(t, bin, dir, xlsx, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")

	for _, sheet := range []string{"Summary", "Personas", "Pain points", "Touchpoints", "Journey map",
		"Charts", "Responses", "Coded passages", "Codebook"} {
		path := filepath.Join(dir, "report-"+sheet+".csv")
		if _, err := os.Stat(path); err != nil {
			t.Errorf("LibreOffice did not export sheet %q: %v", sheet, err)
		}
	}
	cells := readCSV(t, filepath.Join(dir, "report-Responses.csv"))
	for _, inj := range injections {
		if !slices.Contains(cells, inj) {
			t.Errorf("Responses CSV from LibreOffice lacks the literal text %q; cells: %q", inj, cells)
		}
	}
	if !slices.Contains(readCSV(t, filepath.Join(dir, "report-Pain points.csv")), "slow delivery") {
		t.Error("Pain points CSV lacks the first pain point")
	}
}

// TestLibreOfficePDF renders the Persian (right-to-left) workbook, charts
// included, to PDF.
func TestLibreOfficePDF(t *testing.T) {
	bin := officetest.Soffice(t)
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "report.xlsx")
	if err := os.WriteFile(xlsx, mustWrite(t, fixture("fa")), 0o644); err != nil {
		t.Fatal(err)
	}
	officetest.Convert(t, bin, dir, xlsx, "pdf")
	st, err := os.Stat(filepath.Join(dir, "report.pdf"))
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if st.Size() < 10_000 {
		t.Errorf("PDF is only %d bytes", st.Size())
	}
}

func readCSV(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var cells []string
	for _, rec := range recs {
		cells = append(cells, rec...)
	}
	return cells
}
