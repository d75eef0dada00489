package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
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
