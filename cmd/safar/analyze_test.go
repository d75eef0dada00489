package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/xuri/excelize/v2"
)

func TestAnalyzeAndReportCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	out := demoProjectJSON(t, db)
	var res struct {
		Study      struct{ Responses int }
		PainPoints struct {
			PainPoints []struct{ Label string } `json:"pain_points"`
		} `json:"pain_points"`
		Personas *struct{ K int }
		Journeys []struct{ Stages []struct{ Stage string } }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("analyze JSON: %v", err)
	}
	if res.Study.Responses != 658 || len(res.PainPoints.PainPoints) < 5 || res.Personas == nil || res.Personas.K < 2 ||
		len(res.Journeys) < 2 || len(res.Journeys[0].Stages) != 6 {
		t.Fatalf("analysis: %+v", res)
	}
	if code, out, _ := runSafar(t, db, "analyze", "--survey", "demo-fa"); code != 0 || !strings.Contains(out, "Personas:") {
		t.Fatalf("analyze table: %d\n%s", code, out)
	} else if !regexp.MustCompile(`NPS -?\d+ \[-?\d+, -?\d+\] \(n=\d+\)   CSAT \d+% \[\d+%, \d+%\] \(n=\d+\)\n`).MatchString(out) {
		t.Fatalf("the headline numbers do not read as a share with its interval and base:\n%s", out)
	}

	xlsx := filepath.Join(dir, "demo.xlsx")
	if code, out, errs := runSafar(t, db, "report", "--survey", "demo-en", "-o", xlsx); code != 0 || !strings.Contains(out, "wrote") {
		t.Fatalf("report: %d %s %s", code, out, errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatalf("the report does not open: %v", err)
	}
	defer f.Close()
	if len(f.GetSheetList()) < 5 {
		t.Fatalf("sheets: %v", f.GetSheetList())
	}

	csvPath := writeFile(t, "comments.csv", "id,age,comment\n1,25-34,The delivery was late\n2,18-24,delivery very late again\n3,35-44,Great service\n")
	if code, _, errs := runSafar(t, db, "report", csvPath, "--text", "comment", "--id", "id", "-o", filepath.Join(dir, "csv.xlsx")); code != 0 {
		t.Fatalf("report from CSV: %s", errs)
	}
	if code, _, errs := runSafar(t, db, "report", "--survey", "demo-en", "-o", filepath.Join(dir, "x.csv")); code == 0 || !strings.Contains(errs, ".xlsx") {
		t.Fatalf("non-xlsx output accepted: %s", errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Fatal("a refused report left a file behind")
	}
}

// TestPrintStudyCounts: the study line counts in the singular where there
// is one ("1 complete response", not "1 complete responses").
func TestPrintStudyCounts(t *testing.T) {
	var b strings.Builder
	r := &study.Result{Study: study.Info{Title: "Pilot", Name: "pilot", Responses: 1, Transcripts: 1, Interviews: 2}}
	printStudy(&b, r)
	if want := "Pilot (pilot): 1 complete response, 0 partial, 1 transcript, 2 interviews\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("got %q, want it to start %q", b.String(), want)
	}
}

// TestAnalyzeTableFits80Columns: `safar analyze`'s tables fit an
// 80-column terminal (the journey's touchpoints made lines of 140), every
// touchpoint still printed, wrapped rather than cut.
func TestAnalyzeTableFits80Columns(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	var res study.Result
	if err := json.Unmarshal([]byte(demoProjectJSON(t, db)), &res); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runSafar(t, db, "analyze", "--project", "demo")
	if code != 0 {
		t.Fatalf("analyze: %d %s", code, errs)
	}
	lines := strings.Split(out, "\n")
	for _, l := range lines[1:] { // the first is the study's own title
		if displayWidth(l) > 80 {
			t.Errorf("%d cells wide: %q", displayWidth(l), l)
		}
	}
	for _, s := range res.Journeys[0].Stages {
		for _, tp := range s.Touchpoints {
			if !strings.Contains(out, tp) {
				t.Errorf("touchpoint %q of %s is not printed", tp, s.Stage)
			}
		}
	}
}
