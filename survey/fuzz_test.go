package survey_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// The fuzz targets below feed untrusted input to the parsers respondents
// and researchers reach: survey definitions, API answers and CSV imports.
// Each must return a value or a clear error (survey.ErrInvalid, naming a
// field, line or column), never panic. `go test` runs the seeds;
// `go test -fuzz FuzzX -fuzztime 30s ./survey` explores (.ci/run does a
// short run of each).

// maxFuzzInput keeps inputs to what a request or upload could carry, so a
// slow input is a finding about our code rather than about input size.
const maxFuzzInput = 64 << 10

func FuzzParseDefinition(f *testing.F) {
	f.Add(surveytest.AllTypesJSON)
	f.Add(surveytest.BilingualJSON)
	f.Add([]byte(`{"slug":"a","languages":["en","fa"],"title":{"fa":"ت","en":"t"},"pages":[{"questions":[{"id":"q","type":"likert","text":{"en":"?","fa":"؟"},"scale":{"points":2,"labels":[{"en":"n","fa":"ن"},"y"]}}]}]}`))
	f.Add([]byte(`{"slug":"a","title":"t","language":"en","pages":[{"questions":[{"id":"q","type":"single","text":"?","options":["x",{"value":"y","label":"Y"}]}]}]}`))
	f.Add([]byte(`{"slug":"a","title":"t","language":"fa","pages":[{"questions":[{"id":"q","type":"matrix","text":"?","scale":{"points":5},"statements":["s"],"show_if":{"question":"q","equals":"x"}}]}]}`))
	f.Add([]byte(`{"pages":[{"questions":[{"id":"","type":"nope"}]}]}`))
	f.Add([]byte(`{"slug":1}`))
	f.Add([]byte("{\n\"slug\": \"a\",\n"))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		d, err := survey.ParseDefinition(data)
		if err != nil {
			if !errors.Is(err, survey.ErrInvalid) {
				t.Fatalf("error is not ErrInvalid: %v", err)
			}
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// A definition that parses must survive the operations the server
		// runs on it.
		for _, q := range d.Questions() {
			q.ScalePoints()
			q.TextLimit()
			q.Visible(survey.Answers{})
		}
		d.TableHeader()
		d.Prune(survey.Answers{})
		d.ValidatePage(-1, survey.Answers{})
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("marshal a parsed definition: %v", err)
		}
		if _, err := survey.ParseDefinition(b); err != nil {
			t.Fatalf("a parsed definition does not parse again: %v\n%s", err, b)
		}
	})
}

func FuzzDecodeAnswers(f *testing.F) {
	d := surveytest.AllTypes(f)
	full, _ := json.Marshal(surveytest.FullAnswers())
	f.Add(full)
	f.Add([]byte(`{"age":"25-34","channels":{"values":["instagram","other"],"other":"A billboard"},"orders":"۱۲","site":{"find":4}}`))
	f.Add([]byte(`{"rating":"five","nps":11,"first_order":"2025-02-30","site":{"nope":9},"age":["a"]}`))
	f.Add([]byte(`{"problem":"<script>alert(1)</script>","nickname":"=HYPERLINK(\"x\")"}`))
	f.Add([]byte(`{"unknown":1,"age":null,"rating":1e400}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		var raw map[string]json.RawMessage
		if json.Unmarshal(data, &raw) != nil {
			return
		}
		a, err := d.DecodeAnswers(raw)
		if err != nil {
			mustBeValidationError(t, err)
			return
		}
		if err := d.ValidateResponse(a); err != nil {
			mustBeValidationError(t, err)
		}
		for i := range d.Pages {
			if err := d.ValidatePage(i, a); err != nil {
				mustBeValidationError(t, err)
			}
		}
		pruned := d.Prune(a)
		// What decodes must encode and decode to the same answers.
		b, err := json.Marshal(pruned)
		if err != nil {
			t.Fatalf("marshal decoded answers: %v", err)
		}
		var again map[string]json.RawMessage
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatal(err)
		}
		if _, err := d.DecodeAnswers(again); err != nil {
			t.Fatalf("answers that decoded do not decode again: %v\n%s", err, b)
		}
	})
}

func FuzzTableReader(f *testing.F) {
	d := surveytest.AllTypes(f)
	header := strings.Join(d.TableHeader(), ",")
	f.Add([]byte(header + "\n,,complete,email,2025-03-21T10:00:00Z,,25-34,instagram; other,A billboard,Shiraz,4,2,6,12,2025-03-21,4,2,Sara,late\n"))
	f.Add([]byte(header + "\n\"unterminated,\n"))
	f.Add([]byte("age;rating;nps\n25-34;2;6\n'=cmd;x;y\n"))
	f.Add([]byte("age\trating\tnps\n\"a\"\"b\"\t\t11\n"))
	f.Add([]byte("\xef\xbb\xbfage,rating,nps,problem\n25-34,2,6,\"multi\nline\"\n"))
	f.Add([]byte(",,,\n,,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > maxFuzzInput {
			return
		}
		tbl, err := csvtable.Read(bytes.NewReader(data))
		if err != nil {
			return // csvtable names the line; its own tests check the wording
		}
		tr, err := d.NewTableReader(tbl.Header)
		if err != nil {
			mustBeValidationError(t, err)
			return
		}
		for i, row := range tbl.Rows {
			r, err := tr.Response(row)
			if err != nil {
				mustBeValidationError(t, err)
				continue
			}
			if r == nil {
				t.Fatalf("row %d: nil response without an error", i)
			}
			d.TableRow(r)
		}
	})
}

func mustBeValidationError(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, survey.ErrInvalid) {
		t.Fatalf("error is not ErrInvalid: %T %v", err, err)
	}
	var ve *survey.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			if p.Message == "" {
				t.Fatalf("problem without a message: %+v", p)
			}
		}
	}
}
