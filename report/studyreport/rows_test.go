package studyreport

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

// tabularRow is r's row of the sheet made through the tabular form: the
// survey's TableRow, each column found by its id in TableHeader (the last
// of a repeated id), shown by its options' labels or as numberOrText.
// surveyRows.row must make the same values without that form.
func tabularRow(l *layout, d *survey.Definition, r *survey.Response, persona string) []any {
	cells := d.TableRow(r)
	col := map[string]int{}
	for i, h := range d.TableHeader() {
		col[h] = i
	}
	labels := optionLabels(d, l.lang)
	row := []any{r.ID, d.Slug, l.fixed.status(r.Status), l.touchpoint(r.Touchpoint), r.StartedAt, r.CompletedAt, persona}
	if l.multilingual {
		row = append(row, d.ResponseLanguage(r))
	}
	for _, id := range l.ids {
		i, ok := col[id]
		switch {
		case !ok:
			row = append(row, nil)
		case labels[id] != nil && cells[i] != "":
			row = append(row, labels[id].of(cells[i]))
		default:
			row = append(row, numberOrText(cells[i]))
		}
	}
	return row
}

// sameCell compares two cell values; numbers bit for bit (-0 is not 0).
func sameCell(a, b any) bool {
	if x, ok := a.(float64); ok {
		y, ok := b.(float64)
		return ok && math.Float64bits(x) == math.Float64bits(y)
	}
	return reflect.DeepEqual(a, b)
}

// TestRowsAsTheTabularForm: the Responses sheet's rows are the tabular
// form's cells shown by label or as numbers, for the demo's responses and
// for answers at the edges: a multilingual survey with a question whose id
// is a meta column's (another survey's rows then show that meta column),
// choices holding the list separator or no option, numbers that are not
// finite, negative zero, past 2^53 or in exponent range, matrix points,
// "other" texts, randomised pages and questions.
func TestRowsAsTheTabularForm(t *testing.T) {
	a, err := survey.ParseDefinition([]byte(`{"slug":"a","title":{"en":"A","fa":"الف"},"languages":["en","fa"],"pages":[
	 {"questions":[
	  {"id":"status","type":"single","text":{"en":"Status","fa":"وضعیت"},"options":[{"value":"gold","label":{"en":"Gold","fa":"طلایی"}},{"value":"silver","label":{"en":"Silver","fa":"نقره‌ای"}}],"other":true},
	  {"id":"ch","type":"multiple","text":{"en":"Channels","fa":"کانال"},"randomize":true,"options":[{"value":"app","label":{"en":"App","fa":"اپ"}},{"value":"web","label":{"en":"Web","fa":"وب"}},{"value":"x","label":{"en":"X","fa":"ایکس"}}]},
	  {"id":"n","type":"number","text":{"en":"Number","fa":"عدد"}},
	  {"id":"m","type":"matrix","text":{"en":"Rate","fa":"امتیاز"},"scale":{"points":5},"statements":[{"value":"s1","label":{"en":"S1","fa":"ی۱"}},{"value":"s2","label":{"en":"S2","fa":"ی۲"}}]}]},
	 {"randomize":true,"questions":[{"id":"t1","type":"short_text","text":{"en":"One","fa":"یک"}},{"id":"t2","type":"long_text","text":{"en":"Two","fa":"دو"}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	b, err := survey.ParseDefinition([]byte(`{"slug":"b","title":"B","language":"fa","pages":[{"questions":[
	  {"id":"ch","type":"multiple","text":"کانال","options":[{"value":"app","label":"اپلیکیشن"},"web"]},
	  {"id":"nps","type":"nps","text":"توصیه"},{"id":"t1","type":"short_text","text":"یک"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	num := func(f float64) *float64 { return &f }
	at := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	rs := []*survey.Response{
		{ID: "1", Status: survey.Complete, Touchpoint: "web", Language: "fa", StartedAt: at, CompletedAt: &at, Answers: survey.Answers{
			"status": {Choice: "gold"}, "ch": {Choices: []string{"app", "web"}}, "n": {Number: num(-0.0)},
			"m": {Matrix: map[string]int{"s1": 3}}, "t1": {Text: "12.5"}, "t2": {Text: "=SUM(A1)"}},
			Order: map[string][]string{"ch": {"web", "app", "x"}, survey.PageOrderKey(1): {"t2", "t1"}}},
		{ID: "2", Status: survey.Partial, Answers: survey.Answers{
			"status": {Choice: "other", Other: "42"}, "ch": {Choices: []string{"app; web", "x"}}, "n": {Number: num(math.NaN())}}},
		{ID: "3", Status: survey.Complete, Answers: survey.Answers{
			"status": {Choice: "bronze"}, "ch": {Choices: []string{"gone"}}, "n": {Number: num(math.Inf(1))},
			"m": {Matrix: map[string]int{"s1": 1 << 60, "s2": -7}}, "t1": {Text: "1e5"}}},
		{ID: "4", Status: survey.Complete, Answers: survey.Answers{
			"ch": {Choices: []string{""}}, "n": {Number: num(1e300)}, "t1": {Text: "nan"}}},
		{ID: "5", Status: survey.Complete, Answers: survey.Answers{
			"ch": {Choices: []string{"", ""}}, "n": {Number: num(math.Inf(-1))}, "t2": {Text: " 7"}}},
		{ID: "6", Status: survey.Complete, Answers: survey.Answers{
			"ch": {Choices: []string{"x;", " web"}}, "n": {Number: num(0.1)}, "t1": {Text: "-"}}},
	}
	rsB := []*survey.Response{
		{ID: "b1", Status: survey.Complete, Answers: survey.Answers{"ch": {Choices: []string{"web", "app"}}, "nps": {Number: num(9)}, "t1": {Text: "+3"}}},
		{ID: "b2", Status: survey.Partial},
	}
	in := demoInput(t, demo.ResponsesPerSurvey)
	surveys := []struct {
		d  *survey.Definition
		rs []*survey.Response
	}{{a, rs}, {b, rsB}}
	for _, s := range in.Surveys {
		surveys = append(surveys, struct {
			d  *survey.Definition
			rs []*survey.Response
		}{s.Definition, s.Responses})
	}
	defs := make([]*survey.Definition, len(surveys))
	for i, s := range surveys {
		defs[i] = s.d
	}
	for _, lang := range []string{"en", "fa"} {
		l := newLayout(defs, lang)
		if !l.multilingual {
			t.Fatal("the layout has no language column")
		}
		for _, s := range surveys {
			rows := l.rowsOf(s.d)
			for _, r := range s.rs {
				got, want := rows.row(r, "P"), tabularRow(l, s.d, r, "P")
				if len(got) != len(want) {
					t.Fatalf("%s %s: %d cells, want %d", lang, r.ID, len(got), len(want))
				}
				for i := range got {
					if !sameCell(got[i], want[i]) {
						t.Errorf("%s survey %s response %s column %d (%s): %#v, want %#v", lang, s.d.Slug, r.ID, i, l.header[i], got[i], want[i])
					}
				}
			}
		}
	}
}

// BenchmarkRows measures making the Responses sheet's rows of the demo's
// 2 x 5,000 responses, as safar report records them while the analysis
// reads the responses.
func BenchmarkRows(b *testing.B) {
	defs, err := demo.Definitions()
	if err != nil {
		b.Fatal(err)
	}
	l := newLayout(defs, "en")
	var rows []*surveyRows
	var rs [][]*survey.Response
	for i, d := range defs {
		r, err := demo.Responses(d, 5000, uint64(101+i))
		if err != nil {
			b.Fatal(err)
		}
		rows, rs = append(rows, l.rowsOf(d)), append(rs, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i, sr := range rows {
			for _, r := range rs[i] {
				sr.row(r, "")
			}
		}
	}
}
