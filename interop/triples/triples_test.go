package triples

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// parsed is what a Triple-S reader sees: each variable's fields by name.
type parsed struct {
	vars  map[string]xmlVar
	order []string
	rows  []map[string]string
}

type xmlVar struct {
	Type     string `xml:"type,attr"`
	Name     string `xml:"name"`
	Label    string `xml:"label"`
	Position struct {
		Start  int `xml:"start,attr"`
		Finish int `xml:"finish,attr"`
	} `xml:"position"`
	Size   int `xml:"size"`
	Values struct {
		Range *struct {
			From string `xml:"from,attr"`
			To   string `xml:"to,attr"`
		} `xml:"range"`
		Values []struct {
			Code  string `xml:"code,attr"`
			Label string `xml:",chardata"`
		} `xml:"value"`
	} `xml:"values"`
}

// read parses the zip the way a Triple-S reader does: metadata first, then
// each data line cut at the declared character positions.
func read(t *testing.T, b []byte) parsed {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range z.File {
		r, _ := f.Open()
		files[f.Name], _ = io.ReadAll(r)
	}
	var doc struct {
		Version string `xml:"version,attr"`
		Survey  struct {
			Record struct {
				Format string   `xml:"format,attr"`
				Vars   []xmlVar `xml:"variable"`
			} `xml:"record"`
		} `xml:"survey"`
	}
	if err := xml.Unmarshal(files["all-types.sss"], &doc); err != nil {
		t.Fatalf("metadata: %v\n%s", err, files["all-types.sss"])
	}
	if doc.Version != "2.0" || doc.Survey.Record.Format != "fixed" {
		t.Fatalf("version %q format %q", doc.Version, doc.Survey.Record.Format)
	}
	p := parsed{vars: map[string]xmlVar{}}
	next := 1
	for _, v := range doc.Survey.Record.Vars {
		if v.Position.Start != next || v.Position.Finish < v.Position.Start {
			t.Fatalf("%s at %d-%d, want to start at %d", v.Name, v.Position.Start, v.Position.Finish, next)
		}
		next = v.Position.Finish + 1
		p.vars[v.Name] = v
		p.order = append(p.order, v.Name)
	}
	for _, line := range strings.Split(strings.TrimSuffix(string(files["all-types.asc"]), "\r\n"), "\r\n") {
		runes := []rune(line)
		if len(runes) != next-1 {
			t.Fatalf("line of %d characters, want %d: %q", len(runes), next-1, line)
		}
		row := map[string]string{}
		for _, name := range p.order {
			v := p.vars[name]
			row[name] = strings.TrimSpace(string(runes[v.Position.Start-1 : v.Position.Finish]))
		}
		p.rows = append(p.rows, row)
	}
	return p
}

func TestTripleSRoundTrip(t *testing.T) {
	d := surveytest.AllTypes(t)
	done := time.Date(2026, 3, 21, 10, 4, 5, 0, time.UTC)
	a := surveytest.FullAnswers()
	a["problem"] = survey.Value{Text: "دیر رسید\nو خراب بود"}
	n := func(f float64) *float64 { return &f }
	rs := []*survey.Response{
		{ID: "r1", Status: survey.Complete, Touchpoint: "اینستاگرام", StartedAt: done, CompletedAt: &done, Answers: a},
		{ID: "r2", Status: survey.Partial, StartedAt: done, Answers: survey.Answers{"age": {Choice: "50+"}, "orders": {Number: n(-2.5)}, "channels": {Choices: []string{"search"}}}},
	}
	var buf bytes.Buffer
	each := func(fn func(*survey.Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	if err := Write(&buf, d, each, done); err != nil {
		t.Fatal(err)
	}
	p := read(t, buf.Bytes())
	if got := p.vars["age"]; got.Type != "single" || got.Label != "Your age group" || len(got.Values.Values) != 4 || got.Values.Values[1].Label != "25-34" {
		t.Errorf("age variable: %+v", got)
	}
	if got := p.vars["channels"]; got.Type != "multiple" || len(got.Values.Values) != 4 || got.Values.Values[3].Label != "Other" {
		t.Errorf("channels variable: %+v", got)
	}
	if got := p.vars["insta_often"]; got.Type != "single" || got.Values.Values[4].Label != "Strongly agree" {
		t.Errorf("labelled likert should be single with the scale's labels: %+v", got)
	}
	if got := p.vars["nps"]; got.Type != "quantity" || got.Values.Range == nil || got.Values.Range.From != "0" || got.Values.Range.To != "10" {
		t.Errorf("nps: %+v", got.Values.Range)
	}
	if got := p.vars["orders"]; got.Values.Range == nil || got.Values.Range.From != "-99.9" || got.Values.Range.To != "99.9" {
		t.Errorf("orders range from the data: %+v", got.Values.Range)
	}
	want := []map[string]string{
		{"response_id": "r1", "status": "1", "touchpoint": "اینستاگرام", "started_date": "20260321", "started_time": "100405",
			"age": "2", "channels": "1001", "channels_other": "A billboard", "city": "2", "insta_often": "4", "rating": "2", "nps": "6",
			"orders": "12.0", "first_order": "20250321", "site_find": "4", "site_pay": "2", "nickname": "Sara", "problem": "دیر رسید و خراب بود"},
		{"response_id": "r2", "status": "2", "completed_date": "", "age": "4", "channels": "0010", "nps": "", "orders": "-2.5", "problem": ""},
	}
	if len(p.rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(p.rows), len(want))
	}
	for i, w := range want {
		for k, v := range w {
			if got := p.rows[i][k]; got != v {
				t.Errorf("row %d %s = %q, want %q", i+1, k, got, v)
			}
		}
	}
}

// A multilingual survey's Triple-S file has a coded language variable.
func TestTripleSLanguageVariable(t *testing.T) {
	d := surveytest.Bilingual(t)
	var lang *field
	for _, f := range layout(d) {
		if f.name == "language" {
			lang = f
		}
	}
	if lang == nil || len(lang.values) != 2 || lang.values[0].label != "fa فارسی" {
		t.Fatalf("language variable: %+v", lang)
	}
	if got := lang.fill(&survey.Response{Language: "en"}); got != "2" {
		t.Errorf("an English response codes as %q, want 2", got)
	}
	for _, f := range layout(surveytest.AllTypes(t)) {
		if f.name == "language" {
			t.Error("a one-language survey has a language variable")
		}
	}
}

// TestTripleSZipTime: both files of the zip carry the export's time (they
// were listed as 1980-00-00 by unzip, as the workbook's parts were).
func TestTripleSZipTime(t *testing.T) {
	now := time.Date(2026, 12, 7, 20, 13, 0, 0, time.UTC)
	var buf bytes.Buffer
	if err := Write(&buf, surveytest.AllTypes(t), func(func(*survey.Response) error) error { return nil }, now); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if day, month := f.ModifiedDate&0x1f, (f.ModifiedDate>>5)&0xf; day == 0 || month == 0 || !f.Modified.Equal(now) {
			t.Errorf("%s: modified %v (MS-DOS date %#x), want %v", f.Name, f.Modified, f.ModifiedDate, now)
		}
	}
}
