package main

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestReportCSVLanguage: `safar report FILE.csv` without --lang writes the
// workbook in the language of the text column.
func TestReportCSVLanguage(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name, csv, sheet string
	}{
		{"persian", "id,comment\n1,ارسال خیلی دیر رسید\n2,ارسال دیر بود\n3,Late delivery\n", "نقاط درد"},
		{"english", "id,comment\n1,The delivery was late\n2,delivery very late\n3,ارسال دیر بود\n", "Pain points"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			xlsx := filepath.Join(dir, tc.name+".xlsx")
			csv := writeFile(t, tc.name+".csv", tc.csv)
			if code, _, errs := runSafar(t, filepath.Join(dir, "safar.db"), "report", csv, "--text", "comment", "--id", "id", "-o", xlsx); code != 0 {
				t.Fatalf("report: %s", errs)
			}
			f, err := excelize.OpenFile(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if !slices.Contains(f.GetSheetList(), tc.sheet) {
				t.Errorf("sheets %q, want one named %q", f.GetSheetList(), tc.sheet)
			}
		})
	}
}
