package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// TestPainpointsReadsEveryExport: the same answers saved as a UTF-8 CSV,
// as a CSV from Excel on Persian Windows (Windows-1256, semicolons), as
// JSON Lines and as a JSON array give the same pain points, members and
// quotes.
func TestPainpointsReadsEveryExport(t *testing.T) {
	type answer struct{ ID, Channel, Text string }
	// Windows-1256 has the Arabic yeh (ي) where Persian keyboards type ی.
	answers := []answer{
		{"r1", "web", "Delivery was late, very late!"},
		{"r2", "app", "late delivery again"},
		{"r3", "web", "It arrived a week late."},
		{"r4", "app", "Great service, love it"},
		{"r5", "web", "ارسال خيلي دير بود"},
		{"r6", "app", "ارسال دير بود"},
		{"r7", "web", "The price is too expensive"},
		{"r8", "app", "Way too expensive for what it is"},
		{"r9", "web", "ارسال خيلي دير"},
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	var csv, semi, lines strings.Builder
	csv.WriteString("id,channel,answer\n")
	semi.WriteString("id;channel;answer\n")
	var records []map[string]string
	for _, a := range answers {
		csv.WriteString(a.ID + "," + a.Channel + ",\"" + a.Text + "\"\n")
		semi.WriteString(a.ID + ";" + a.Channel + ";\"" + a.Text + "\"\n")
		rec := map[string]string{"id": a.ID, "channel": a.Channel, "answer": a.Text}
		b, _ := json.Marshal(rec)
		lines.Write(append(b, '\n'))
		records = append(records, rec)
	}
	cp1256, err := charmap.Windows1256.NewEncoder().String(semi.String())
	if err != nil {
		t.Fatal(err)
	}
	array, _ := json.MarshalIndent(records, "", "  ")
	files := map[string]string{
		"utf-8 csv":        write("answers.csv", []byte(csv.String())),
		"windows-1256 csv": write("excel.csv", []byte(cp1256)),
		"json lines":       write("answers.jsonl", []byte(lines.String())),
		"json array":       write("answers.json", array),
	}
	read := func(p string) []any {
		out, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--id", "id", "--segment", "channel", "--format", "json")
		if code != 0 {
			t.Fatalf("%s: exit %d, stderr %s", p, code, errs)
		}
		var res struct {
			PainPoints []struct {
				Label    string         `json:"label"`
				Members  []string       `json:"members"`
				Examples []string       `json:"examples"`
				Segments map[string]int `json:"segments"`
			} `json:"pain_points"`
		}
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		var got []any
		for _, p := range res.PainPoints {
			got = append(got, p.Label, p.Members, p.Examples, p.Segments)
		}
		return got
	}
	want := read(files["utf-8 csv"])
	if len(want) == 0 {
		t.Fatal("the CSV gives no pain point")
	}
	for name, p := range files {
		if got := read(p); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: %v\nwant (the UTF-8 CSV) %v", name, got, want)
		}
	}
}

// TestPainpointsTextColumns: a review's title and body in two columns are
// read as one text, a line each (--text "Title,Review"): a row with only a
// title counts as well as one with only a body.
func TestPainpointsTextColumns(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,Title,Review\n")
	for i := range 12 {
		switch i % 3 {
		case 0:
			b.WriteString("t" + string(rune('a'+i)) + ",Runs small,\n")
		case 1:
			b.WriteString("t" + string(rune('a'+i)) + ",,\"It runs small, order a size up\"\n")
		default:
			b.WriteString("t" + string(rune('a'+i)) + ",Late,\"The delivery was late\"\n")
		}
	}
	p := writeCSV(t, b.String())
	out, errs, code := runCLI(t, "painpoints", p, "--text", "Title,Review", "--id", "id", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Documents  int `json:"documents"`
		PainPoints []struct {
			Label   string   `json:"label"`
			Members []string `json:"members"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	small := false
	for _, pp := range res.PainPoints {
		if strings.Contains(pp.Label, "small") {
			small = len(pp.Members) == 8
		}
	}
	if res.Documents != 12 || !small {
		t.Errorf("documents %d, pain points %+v: want 12 texts and the 8 that say \"runs small\" in a title or a review", res.Documents, res.PainPoints)
	}
	if _, errs, code := runCLI(t, "painpoints", p, "--text", "Title,Body"); code == 0 || !strings.Contains(errs, `no column "Body"`) {
		t.Errorf("a missing column of several: exit %d, %q", code, errs)
	}
}
