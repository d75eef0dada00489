package studyreport

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
)

// TestRecordedWorkbookSameAsReadTwice: the workbook whose Responses sheet
// was recorded while the analysis read the responses is the workbook that
// reads them a second time, part for part, in either language and in the
// study's own (the first survey's, Persian for the demo).
func TestRecordedWorkbookSameAsReadTwice(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	for _, lang := range []string{"en", "fa", ""} {
		t.Run("lang="+lang, func(t *testing.T) {
			in := demoInput(t, demo.ResponsesPerSurvey)
			in.Language = lang
			teed := in
			teed.Surveys = slices.Clone(in.Surveys)
			rec, err := Record(&teed)
			if err != nil {
				t.Fatal(err)
			}
			defer rec.Close()
			res := analyze(t, teed)

			var twice, once bytes.Buffer
			if err := Write(&twice, res, in, sources(in), now); err != nil {
				t.Fatal(err)
			}
			rows := 0
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
			a, b := parts(t, twice.Bytes()), parts(t, once.Bytes())
			if len(a) != len(b) {
				t.Fatalf("%d parts read twice, %d recorded", len(a), len(b))
			}
			for name, x := range a {
				if y := b[name]; !bytes.Equal(x, y) {
					t.Errorf("part %s differs (%d and %d bytes)", name, len(x), len(y))
				}
			}
			if sheet := string(a["xl/worksheets/sheet7.xml"]); !strings.Contains(sheet, res.Personas.Personas[0].Name) {
				t.Errorf("the Responses sheet names no persona %q", res.Personas.Personas[0].Name)
			}
		})
	}
}

// TestRecordingNotReadFallsBack: a recording the analysis did not read
// through (here: not at all) is not used; the responses are read again.
func TestRecordingNotReadFallsBack(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	res := analyze(t, in)
	teed := in
	teed.Surveys = slices.Clone(in.Surveys)
	rec, err := Record(&teed)
	if err != nil {
		t.Fatal(err)
	}
	defer rec.Close()
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
