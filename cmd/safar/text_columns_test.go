package main

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/personas"
)

// reviewsCSV is a review export whose titles carry the complaint
// ("Zipper broke") and whose bodies say what else the writer thought.
func reviewsCSV(t *testing.T) string {
	t.Helper()
	bodies := []string{"I wore it twice and liked the colour.", "Nice fabric but the delivery took long.",
		"Lovely cut, fits my shoulders well.", "Good value for the price I paid.", "The colour is brighter than the photo."}
	var b strings.Builder
	b.WriteString("id,Age,Title,Review Text,Rating\n")
	for i := range 40 {
		title := "Pretty dress"
		if i%2 == 0 {
			title = "Zipper broke after one wash"
		}
		fmt.Fprintf(&b, "%d,%d,%s,%s,%d\n", i+1, 20+i%40, title, bodies[i%len(bodies)], 1+i%5)
	}
	return writeFile(t, "reviews.csv", b.String())
}

// TestTextColumnsAcrossCommands: `--text "Title,Review Text"` reads a
// review's title and body as one text in personas and report FILE.csv, as
// it does in painpoints (both refused the list: column not found).
func TestTextColumnsAcrossCommands(t *testing.T) {
	path := reviewsCSV(t)

	out, errs, code := runCLI(t, "personas", path, "--k", "2", "--id", "id", "--text", "Title,Review Text", "--format", "json")
	if code != 0 {
		t.Fatalf("personas --text Title,Review Text: exit %d: %s", code, errs)
	}
	var res personas.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	quoted := false
	for _, p := range res.Personas {
		for _, pp := range p.PainPoints {
			quoted = quoted || pp.Quote != nil && strings.HasPrefix(pp.Quote.Text, "Zipper broke after one wash\n")
		}
	}
	if !quoted {
		t.Errorf("no persona quotes a title with its review, a line each: %s", out)
	}

	xlsx := filepath.Join(t.TempDir(), "r.xlsx")
	code, _, errs = runSafar(t, filepath.Join(t.TempDir(), "safar.db"), "report", path, "--text", "Title,Review Text", "--id", "id", "-o", xlsx)
	if code != 0 {
		t.Fatalf("report --text Title,Review Text: exit %d: %s", code, errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := false
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			for _, c := range r {
				found = found || c == "Zipper broke after one wash\nI wore it twice and liked the colour."
			}
		}
	}
	if !found {
		t.Error("the workbook has no answer with the title and its review, a line each")
	}

	for _, args := range [][]string{
		{"personas", path, "--text", "Title,Body"},
		{"report", path, "--text", "Title,Body", "-o", xlsx},
	} {
		_, errs, code := runCLI(t, args...)
		if code == 0 || !strings.Contains(errs, `--text: no column "Body"`) {
			t.Errorf("%s with a missing column: exit %d, %q; want the flag and the column named", args[0], code, errs)
		}
	}
}
