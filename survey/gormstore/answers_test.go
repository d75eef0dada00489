package gormstore

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"reflect"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/safarhq/safar/survey"
)

func num(f float64) *float64 { return &f }

func TestAnswersColumnRoundTrip(t *testing.T) {
	tests := []struct {
		name       string
		in         survey.Answers
		wantJSON   string
		wantSearch string
	}{
		{"empty", survey.Answers{}, `{}`, ""},
		{"every kind", survey.Answers{
			"age":      {Choice: "25-34"},
			"channels": {Choices: []string{"app", "other"}, Other: "A Kiosk"},
			"city":     {Choice: "other", Other: "Yazd"},
			"grid":     {Matrix: map[string]int{"pay": 2, "find": 4}},
			"nps":      {Number: num(9)},
			"orders":   {Number: num(-1.25)},
			"why":      {Text: "Fast  DELIVERY"},
		},
			`{"age":{"c":"25-34"},"channels":{"cs":["app","other"],"o":"A Kiosk"},"city":{"c":"other","o":"Yazd"},` +
				`"grid":{"m":{"find":4,"pay":2}},"nps":{"n":9},"orders":{"n":-1.25},"why":{"t":"Fast  DELIVERY"}}`,
			"25-34\napp\nother\na kiosk\nother\nyazd\nfast  delivery"},
		{"escapes", survey.Answers{"q\"1": {Text: "a \"quote\", a \\ back\nslash\t\x01 </script> & <b>"}},
			`{"q\"1":{"t":"a \"quote\", a \\ back\nslash\t\u0001 </script> & <b>"}}`,
			"a \"quote\", a \\ back\nslash\t\x01 </script> & <b>"},
		{"persian", survey.Answers{"q": {Text: "می‌خواهم ارسال سریع‌تر باشد ۱۲"}},
			`{"q":{"t":"می‌خواهم ارسال سریع‌تر باشد ۱۲"}}`, "می‌خواهم ارسال سریع‌تر باشد ۱۲"},
		{"big and small numbers", survey.Answers{"a": {Number: num(1e21)}, "b": {Number: num(1e-7)}, "c": {Number: num(0)}},
			`{"a":{"n":1e+21},"b":{"n":1e-07},"c":{"n":0}}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, search, err := encodeAnswers(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.wantJSON {
				t.Errorf("json:\n got %s\nwant %s", got, tt.wantJSON)
			}
			if search != tt.wantSearch {
				t.Errorf("search: got %q, want %q", search, tt.wantSearch)
			}
			back, err := decodeAnswers(got)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tt.in) {
				t.Errorf("round trip: got %#v, want %#v", back, tt.in)
			}
		})
	}
}

func TestAnswersColumnRefusesNonFiniteNumbers(t *testing.T) {
	for _, f := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		if _, _, err := encodeAnswers(survey.Answers{"n": {Number: &f}}); err == nil {
			t.Errorf("%v stored", f)
		}
	}
}

// FuzzAnswersColumn: whatever a respondent types comes back exactly (an
// invalid UTF-8 key as U+FFFD), values with a NUL or invalid UTF-8 are
// refused as invalid, and the column is always valid JSON.
func FuzzAnswersColumn(f *testing.F) {
	f.Add("q1", "option", "typed \"text\"\n", "other", 3.5)
	f.Add("سوال", "گزینه", "می‌خواهم", "\x00\xff", -0.0)
	f.Fuzz(func(t *testing.T, qid, choice, text, other string, n float64) {
		if math.IsNaN(n) || math.IsInf(n, 0) {
			return
		}
		in := survey.Answers{qid: {Text: text}, qid + "c": {Choice: choice, Other: other}, qid + "n": {Number: &n},
			qid + "m": {Choices: []string{choice, other}}}
		got, _, err := encodeAnswers(in)
		if err != nil {
			if survey.ValidText(text) && survey.ValidText(choice) && survey.ValidText(other) || !errors.Is(err, survey.ErrInvalid) {
				t.Fatal(err)
			}
			return // a NUL or invalid UTF-8 in a value: refused on every store
		}
		if !json.Valid([]byte(got)) {
			t.Fatalf("invalid JSON: %q", got)
		}
		back, err := decodeAnswers(got)
		if err != nil {
			t.Fatal(err)
		}
		valid := func(s string) string { return string([]rune(s)) } // each invalid byte becomes U+FFFD
		want := survey.Answers{}
		for k, v := range in {
			k = valid(k)
			v.Text, v.Choice, v.Other = valid(v.Text), valid(v.Choice), valid(v.Other)
			if v.Choices != nil {
				v.Choices = []string{valid(choice), valid(other)}
			}
			want[k] = v
		}
		if !utf8.ValidString(qid) || !utf8.ValidString(choice) || !utf8.ValidString(text) || !utf8.ValidString(other) {
			// Several invalid sequences may collapse into one key; compare values only when the keys survived.
			if len(back) != len(want) {
				return
			}
		}
		for k, v := range want {
			b := back[k]
			if b.Text != v.Text || b.Choice != v.Choice || b.Other != v.Other || !reflect.DeepEqual(b.Choices, v.Choices) {
				t.Fatalf("%q: got %#v, want %#v", k, b, v)
			}
			if v.Number != nil && (b.Number == nil || *b.Number != *v.Number) {
				t.Fatalf("%q: number got %v, want %v", k, b.Number, *v.Number)
			}
		}
	})
}

// FuzzAnswersScanner: whenever the fast scanner accepts a column, it reads
// exactly what a general JSON decoder reads from it.
func FuzzAnswersScanner(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":{"c":"x","o":"y"},"b":{"cs":["p","q"]},"n":{"n":-1.5e3},"t":{"t":"a\"b\u00e9"},"m":{"m":{"k":4,"j":-2}}}`,
		`{"a":{"c":"x"},"a":{"t":"y"}}`, `{"a":{"n":01}}`, `{"a":{"m":{"k":1.5}}}`, "{\"a\":{\"t\":\"\xff\"}}", `{"a":{"x":1}}`, `{"a":{"cs":[]}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := scanAnswers(s)
		if !ok {
			return
		}
		var m map[string]storedValue
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			t.Fatalf("scanner accepted %q, encoding/json refuses it: %v", s, err)
		}
		want := make(survey.Answers, len(m))
		for qid, v := range m {
			want[qid] = survey.Value{Choice: v.C, Choices: v.CS, Other: v.O, Number: v.N, Text: v.T, Matrix: v.M}
		}
		if len(got) != len(want) {
			t.Fatalf("%q: scanner %d answers, encoding/json %d", s, len(got), len(want))
		}
		for k, w := range want {
			g := got[k]
			if g.Choice != w.Choice || g.Other != w.Other || g.Text != w.Text || !slices.Equal(g.Choices, w.Choices) ||
				!maps.Equal(g.Matrix, w.Matrix) || (g.Number == nil) != (w.Number == nil) || (g.Number != nil && *g.Number != *w.Number) {
				t.Fatalf("%q: %q: scanner %#v, encoding/json %#v", s, k, g, w)
			}
		}
	})
}
