package main

import (
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/internal/officetest"
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
		if err != nil {
			t.Fatal(err)
		}
		// The personas at a glance: their names as the survey in the
		// workbook's language words its answers (the English workbook
		// named them in Persian).
		summary, err := f.GetRows(sheets[0])
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for i, r := range summary {
			if len(r) > 0 && (r[0] == "Persona" || officetest.Plain(r[0]) == "پرسونا") {
				for _, n := range summary[i+1:] {
					if len(n) == 0 || n[0] == "" {
						break
					}
					names = append(names, n[0])
				}
				break
			}
		}
		persian := regexp.MustCompile(`\p{Arabic}`)
		for _, n := range names {
			if persian.MatchString(n) != (tc.lang == "fa") {
				t.Errorf("--lang %s: persona %q", tc.lang, n)
			}
		}
		if len(names) < 2 {
			t.Errorf("--lang %s: personas at a glance %q", tc.lang, names)
		}
		if sheets[0] != tc.summary || len(journey) < 2 || len(journey[1]) < 2 || officetest.Plain(journey[1][1]) != tc.stage {
			t.Errorf("--lang %s: sheets %q, first stage %q; want %q and %q", tc.lang, sheets, journey[1], tc.summary, tc.stage)
		}
	}
	if code, _, errs := runSafar(t, db, "report", "--project", "demo", "--lang", "de", "-o", filepath.Join(dir, "de.xlsx")); code == 0 || !strings.Contains(errs, "--lang de") {
		t.Errorf("--lang de: exit %d, stderr %q", code, errs)
	}
}

// TestReportGC: safar report collects at GOGC 100 under a soft limit of
// reportMemoryLimit while it runs and restores both after; GOGC and
// GOMEMLIMIT, when set, stand. At GOGC 200 (until session 17) 100,000
// responses whose answers all differ peaked at 320-339 MiB (issue 17: under
// 300 MB); at 100, 235-254 MiB.
func TestReportGC(t *testing.T) {
	gc, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gc)
	t.Cleanup(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
	debug.SetGCPercent(75) // a process default other than the report's
	restore := reportGC(func(string) string { return "" })
	g, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(g)
	if g != 100 || l != reportMemoryLimit {
		t.Errorf("while it runs: GOGC %d, limit %d MiB; want 100, %d MiB", g, l>>20, reportMemoryLimit>>20)
	}
	restore()
	if g, l := debug.SetGCPercent(75), debug.SetMemoryLimit(-1); g != 75 || l != limit {
		t.Errorf("after: GOGC %d, limit %d; want 75, %d restored", g, l, limit)
	}
	restore = reportGC(func(string) string { return "set" })
	if g, l := debug.SetGCPercent(75), debug.SetMemoryLimit(-1); g != 75 || l != limit {
		t.Errorf("with GOGC and GOMEMLIMIT set: GOGC %d, limit %d; want 75, %d untouched", g, l, limit)
	}
	restore()
}
