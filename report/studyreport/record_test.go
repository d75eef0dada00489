package studyreport

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/internal/officetest"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
)

// TestRecordedWorkbookSameAsReadTwice: the workbook whose Responses sheet
// was recorded while the analysis read the responses is the workbook that
// reads them a second time, part for part, in either language and in the
// study's own (the first survey's, Persian for the demo); so is the one
// whose recorded rows were made into the sheet as soon as the personas
// were known (prepared, as safar report does).
func TestRecordedWorkbookSameAsReadTwice(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	for _, lang := range []string{"en", "fa", ""} {
		for _, prepare := range []bool{false, true} {
			t.Run(fmt.Sprintf("lang=%s/prepared=%v", lang, prepare), func(t *testing.T) {
				in := demoInput(t, demo.ResponsesPerSurvey)
				in.Language = lang
				teed, rec := recorded(t, in)
				rows := 0
				opt := study.Options{Seed: 1, Bootstrap: 3}
				if prepare {
					opt.Personas = func(pr *personas.Result) { rec.Prepare(pr, func() { rows++ }) }
				}
				res, err := study.Analyze(context.Background(), teed, opt)
				if err != nil {
					t.Fatal(err)
				}
				if prepare && rec.prep == nil {
					t.Fatal("the analysis prepared no rows")
				}

				var twice, once bytes.Buffer
				if err := Write(&twice, res, in, sources(in), now); err != nil {
					t.Fatal(err)
				}
				if err := WriteRecorded(&once, res, teed, rec, nil, now, func() { rows++ }); err != nil {
					t.Fatal(err)
				}
				want := 0
				for _, s := range in.Surveys {
					want += len(s.Responses)
				}
				if rows != want {
					t.Errorf("%d rows written, want %d", rows, want)
				}
				samePartsAndPersona(t, twice.Bytes(), once.Bytes(), res.Personas.Personas[0].Name)
			})
		}
	}
}

// TestPreparedRowsOtherPersonasDropped: rows prepared with the analysis'
// personas are not written into a workbook whose result names them
// otherwise (a copy with a persona renamed); the recording is replayed
// with the new name instead, and the workbook is the one read twice.
func TestPreparedRowsOtherPersonasDropped(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	in := demoInput(t, demo.ResponsesPerSurvey)
	teed, rec := recorded(t, in)
	res, err := study.Analyze(context.Background(), teed, study.Options{Seed: 1, Bootstrap: 3,
		Personas: func(pr *personas.Result) { rec.Prepare(pr, nil) }})
	if err != nil {
		t.Fatal(err)
	}
	renamed := *res
	per := *res.Personas
	per.Personas = slices.Clone(per.Personas)
	per.Personas[0].Name = "Renamed persona"
	renamed.Personas = &per

	var twice, once bytes.Buffer
	if err := Write(&twice, &renamed, in, sources(in), now); err != nil {
		t.Fatal(err)
	}
	if err := WriteRecorded(&once, &renamed, teed, rec, nil, now, nil); err != nil {
		t.Fatal(err)
	}
	if rec.prep != nil {
		t.Error("the prepared rows were kept")
	}
	samePartsAndPersona(t, twice.Bytes(), once.Bytes(), "Renamed persona")
}

// samePartsAndPersona wants workbooks a and b the same, part for part, and
// their Responses sheet to name the persona.
// recorded tees in's responses into a recording, as the report does: the
// analysis reads the returned input, whose surveys record what it reads.
// The recording is closed when the test ends.
func recorded(t *testing.T, in study.Input) (study.Input, *Recorder) {
	t.Helper()
	teed := in
	teed.Surveys = slices.Clone(in.Surveys)
	rec, err := Record(&teed)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rec.Close() })
	return teed, rec
}

func samePartsAndPersona(t *testing.T, a, b []byte, persona string) {
	t.Helper()
	pa, pb := parts(t, a), parts(t, b)
	if len(pa) != len(pb) {
		t.Fatalf("%d parts read twice, %d recorded", len(pa), len(pb))
	}
	for name, x := range pa {
		if y := pb[name]; !bytes.Equal(x, y) {
			t.Errorf("part %s differs (%d and %d bytes)", name, len(x), len(y))
		}
	}
	if sheet := officetest.Plain(string(pa["xl/worksheets/sheet7.xml"])); !strings.Contains(sheet, ">"+persona+"<") {
		t.Errorf("the Responses sheet names no persona %q", persona)
	}
}

// TestRecordingNotReadFallsBack: a recording the analysis did not read
// through (here: not at all) is not used; the responses are read again.
func TestRecordingNotReadFallsBack(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	res := analyze(t, in)
	teed, rec := recorded(t, in)
	var buf bytes.Buffer
	if err := WriteRecorded(&buf, res, teed, rec, sources(in), time.Time{}, nil); err != nil {
		t.Fatal(err)
	}
	sheet := string(parts(t, buf.Bytes())["xl/worksheets/sheet7.xml"])
	last := in.Surveys[len(in.Surveys)-1].Responses
	if id := last[len(last)-1].ID; !strings.Contains(sheet, ">"+id+"<") {
		t.Errorf("the Responses sheet lacks the last response %s", id)
	}
}

// parts reads every part of a workbook; [Content_Types].xml lists its
// entries in map order, so its entries are sorted.
func parts(t *testing.T, file []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if f.Name == "[Content_Types].xml" {
			entries := strings.Split(string(b), "><")
			slices.Sort(entries)
			b = []byte(strings.Join(entries, "><"))
		}
		out[f.Name] = b
	}
	return out
}
