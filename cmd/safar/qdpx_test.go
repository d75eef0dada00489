package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// TestQDPXRoundTrip codes a transcript, exports the project, imports the
// file into a second project and finds every code and coded segment.
func TestQDPXRoundTrip(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	src := writeFile(t, "fg.txt", "Moderator: How was it?\nSara: The queue was long and the price was high.\n")
	if code, _, errs := runSafar(t, db, "import", "transcript", "--project", "one", src); code != 0 {
		t.Fatal(errs)
	}
	ctx := context.Background()
	store, err := gormstore.Open(ctx, db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, _ := store.ProjectByName(ctx, "one")
	ts, _ := store.Transcripts(ctx, p.ID)
	tr, _ := store.Transcript(ctx, ts[0].ID)
	for _, c := range []struct {
		name       string
		group      survey.CodeGroup
		start, end int
	}{{"long queue", survey.GroupPainPoint, 4, 18}, {"price", survey.GroupPainPoint, 27, 42}, {"whole turn", survey.GroupOther, 0, 0}} {
		code := &survey.Code{ProjectID: p.ID, Name: c.name, Group: c.group}
		if err := store.CreateCode(ctx, code); err != nil {
			t.Fatal(err)
		}
		k := &survey.Coding{ProjectID: p.ID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[1].ID, SpanStart: c.start, SpanEnd: c.end}
		if err := store.ApplyCode(ctx, k); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := store.CodedPassages(ctx, p.ID, 0)
	store.Close()

	file := filepath.Join(dir, "one.qdpx")
	if code, out, errs := runSafar(t, db, "export", "qdpx", "--project", "one", "-o", file); code != 0 || !strings.Contains(out, "3 codes, 1 transcripts") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	if code, out, errs := runSafar(t, db, "import", "qdpx", "--project", "two", file); code != 0 || !strings.Contains(out, "3 codes, 1 sources (2 utterances), 3 codings") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	store, _ = gormstore.Open(ctx, db, gormstore.Options{})
	defer store.Close()
	p2, _ := store.ProjectByName(ctx, "two")
	after, _ := store.CodedPassages(ctx, p2.ID, 0)
	quotes := func(ps []survey.CodedPassage) string {
		var out []string
		for _, cp := range ps {
			out = append(out, cp.Code.Name+"/"+string(cp.Code.Group)+": "+cp.Quote)
		}
		return strings.Join(out, " | ")
	}
	if quotes(after) != quotes(before) {
		t.Errorf("after the round trip:\n %s\nwant\n %s", quotes(after), quotes(before))
	}

	// The codes reach the analysis and the workbook.
	code, out, errs := runSafar(t, db, "analyze", "--project", "two", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze: %s", errs)
	}
	var res struct {
		Codes struct {
			Codebook   []struct{ Name string }
			PainPoints []struct {
				Label           string
				People          int
				ResearcherCoded bool `json:"researcher_coded"`
			} `json:"pain_points"`
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Codes.Codebook) != 3 || len(res.Codes.PainPoints) != 2 || !res.Codes.PainPoints[0].ResearcherCoded || res.Codes.PainPoints[0].People != 1 {
		t.Errorf("analysis codes = %+v; want 3 codes, 2 researcher-coded pain points voiced by Sara", res.Codes)
	}
	if code, out, _ := runSafar(t, db, "analyze", "--project", "two"); code != 0 || !strings.Contains(out, "Researcher-coded pain points") || !strings.Contains(out, "long queue") {
		t.Errorf("analyze table:\n%s", out)
	}
	xlsx := filepath.Join(dir, "two.xlsx")
	if code, _, errs := runSafar(t, db, "report", "--project", "two", "-o", xlsx); code != 0 {
		t.Fatalf("report: %s", errs)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Codebook")
	var names []string
	for _, r := range rows[1:] {
		names = append(names, r[0])
	}
	if !strings.Contains(strings.Join(names, "|"), "long queue") || !strings.Contains(strings.Join(names, "|"), "whole turn") {
		t.Errorf("workbook codebook = %v; want the researcher's codes", names)
	}
	qdc := filepath.Join(dir, "codes.qdc")
	if code, _, errs := runSafar(t, db, "export", "qdpx", "--project", "one", "-o", qdc); code != 0 {
		t.Fatal(errs)
	}
	if code, out, errs := runSafar(t, db, "import", "qdpx", "--project", "three", qdc); code != 0 || !strings.Contains(out, "3 codes, 0 sources") {
		t.Fatalf("import codebook: %d %q %q", code, out, errs)
	}
}

func TestImportQDPXHostileStoresNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	bad := filepath.Join(dir, "evil.qdpx")
	f, _ := os.Create(bad)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("../../evil.txt")
	w.Write([]byte("x"))
	w, _ = zw.Create("project.qde")
	w.Write([]byte(`<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`))
	zw.Close()
	f.Close()
	code, _, errs := runSafar(t, db, "import", "qdpx", "--project", "victim", bad)
	if code == 0 || !strings.Contains(errs, "unsafe file name") {
		t.Fatalf("exit %d, stderr %q; want the unsafe entry named", code, errs)
	}
	store, _ := gormstore.Open(context.Background(), db, gormstore.Options{})
	defer store.Close()
	if _, err := store.ProjectByName(context.Background(), "victim"); err == nil {
		t.Error("a rejected file created the project")
	}
}
