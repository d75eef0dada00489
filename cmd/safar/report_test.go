package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestReportTimings(t *testing.T) {
	dir := t.TempDir()
	csvPath := writeFile(t, "comments.csv", "id,age,comment\n1,25-34,The delivery was late\n2,18-24,delivery very late again\n3,35-44,Great service\n")
	xlsx := filepath.Join(dir, "t.xlsx")

	code, _, errs := runSafar(t, filepath.Join(dir, "safar.db"), "report", csvPath, "--text", "comment", "--id", "id", "--timings", "-o", xlsx)
	if code != 0 {
		t.Fatalf("report --timings: %d %s", code, errs)
	}
	line := regexp.MustCompile(`^(.+?) +\d+\.\d\ds wall +\d+\.\d\ds CPU$`)
	var phases []string
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		m := line.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("not a timing line: %q", l)
		}
		phases = append(phases, m[1])
	}
	want := []string{"load", "analysis: painpoints", "analysis: personas", "analysis: painpoints", "analysis: journeys", "workbook"}
	if strings.Join(phases, "|") != strings.Join(want, "|") {
		t.Errorf("phases %q, want %q", phases, want)
	}

	if code, _, errs := runSafar(t, filepath.Join(dir, "safar.db"), "report", csvPath, "--text", "comment", "--id", "id", "-o", xlsx); code != 0 || errs != "" {
		t.Errorf("without --timings: %d, stderr %q", code, errs)
	}
}

// TestReportLanguage: `--lang` writes the demo project's workbook in
// either language whatever the project's own, sheet names, headings and
// stage names alike (it wrote Persian sheets for --lang en).
func TestReportLanguage(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	if code, _, errs := runSafar(t, db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	for _, tc := range []struct{ lang, summary, stage string }{
		{"en", "Summary", "Awareness"},
		{"fa", "خلاصه", "آگاهی"},
	} {
		xlsx := filepath.Join(dir, tc.lang+".xlsx")
		if code, _, errs := runSafar(t, db, "report", "--project", "demo", "--lang", tc.lang, "-o", xlsx); code != 0 {
			t.Fatalf("report --lang %s: %s", tc.lang, errs)
		}
		f, err := excelize.OpenFile(xlsx)
		if err != nil {
			t.Fatal(err)
		}
		sheets := f.GetSheetList()
		journey, err := f.GetRows(sheets[4])
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if sheets[0] != tc.summary || len(journey) < 2 || len(journey[1]) < 2 || journey[1][1] != tc.stage {
			t.Errorf("--lang %s: sheets %q, first stage %q; want %q and %q", tc.lang, sheets, journey[1], tc.summary, tc.stage)
		}
	}
	if code, _, errs := runSafar(t, db, "report", "--project", "demo", "--lang", "de", "-o", filepath.Join(dir, "de.xlsx")); code == 0 || !strings.Contains(errs, "--lang de") {
		t.Errorf("--lang de: exit %d, stderr %q", code, errs)
	}
}
