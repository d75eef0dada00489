package survey

import (
	"fmt"
	"strings"
	"testing"
)

func TestInferColumn(t *testing.T) {
	rep := func(n int, f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		cells  []string
		kind   ColumnKind
		levels string // "|"-joined, when checked
		reason string
	}{
		{"id", rep(30, func(i int) string { return fmt.Sprint(i) }), ColumnSkipped, "", "id-like"},
		{"respondent_id", []string{"a", "b", "a"}, ColumnSkipped, "", "id-like"},
		{"const", []string{"x", "x", "NA", ""}, ColumnSkipped, "", "same answer"},
		{"empty", []string{"", "NA", "n/a"}, ColumnSkipped, "", "no answers"},
		{"rating", rep(40, func(i int) string { return fmt.Sprint(1 + i%5) }), ColumnScale, "1|2|3|4|5", ""},
		{"nps", rep(40, func(i int) string { return fmt.Sprint(i % 11) }), ColumnScale, "", ""},
		{"nps persian digits", rep(40, func(i int) string { return []string{"۰", "۵", "۱۰"}[i%3] }), ColumnScale, "۰|۵|۱۰", ""},
		{"binary", rep(40, func(i int) string { return fmt.Sprint(i % 2) }), ColumnChoice, "0|1", ""},
		{"age", rep(60, func(i int) string { return fmt.Sprint(18 + i%40) }), ColumnNumber, "", ""},
		{"agree", rep(40, func(i int) string { return []string{"Agree", "Disagree", "Neutral"}[i%3] }), ColumnScale, "Disagree|Neutral|Agree", ""},
		{"exercise (none is an answer)", rep(40, func(i int) string { return []string{"None", "Some", "Freq"}[i%3] }), ColumnScale, "None|Some|Freq", ""},
		{"channel", rep(40, func(i int) string { return []string{"Web", "Store", "Web", "App"}[i%4] }), ColumnChoice, "Web|App|Store", ""},
		{"comment", rep(40, func(i int) string { return fmt.Sprintf("a long comment number %d about the delivery and the price", i) }), ColumnText, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := InferColumn(tc.name, tc.cells)
			if c.Kind != tc.kind || !strings.Contains(c.Reason, tc.reason) {
				t.Fatalf("kind %s (%s), want %s (%s)", c.Kind, c.Reason, tc.kind, tc.reason)
			}
			if tc.levels != "" && strings.Join(c.Levels, "|") != tc.levels {
				t.Errorf("levels %v, want %s", c.Levels, tc.levels)
			}
		})
	}
	// Many short answers: the 30 most common and "Other".
	cities := InferColumn("city", func() []string {
		var out []string
		for i := range 200 {
			out = append(out, fmt.Sprintf("City%d", i%55))
		}
		return out
	}())
	if cities.Kind != ColumnChoice || !cities.Other || len(cities.Levels) != 31 || cities.Level("City54") != OtherLevel || cities.Level("City0") != "City0" || cities.Level("NA") != "" {
		t.Errorf("cities = %+v", cities)
	}
}

// TestDefinitionFromTableSharesColumnRules: a CSV becomes the same kinds
// of question whatever reads it.
func TestDefinitionFromTableSharesColumnRules(t *testing.T) {
	header := []string{"id", "comment", "nps", "rating", "agree", "city", "note"}
	var rows [][]string
	for i := range 60 {
		rows = append(rows, []string{fmt.Sprint(i), "the delivery was late", fmt.Sprint(i % 11), fmt.Sprint(1 + i%5),
			[]string{"Agree", "Disagree", "Neutral"}[i%3], fmt.Sprintf("City%d", i%40),
			fmt.Sprintf("a long free note number %d that nobody asked to analyse at all", i)})
	}
	d, rs, err := DefinitionFromTable("x.csv", header, rows, "comment", "", "en")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, q := range d.Questions() {
		got[q.ID] = string(q.Type)
	}
	want := map[string]string{"comment": string(LongText), "nps": string(NPS), "rating": string(Rating), "agree": string(Single), "city": string(Single)}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("questions %v, want %v (id and free-text note left out)", got, want)
	}
	if q, _ := d.Question("agree"); len(q.Options) != 3 || q.Options[0].Value != "Disagree" {
		t.Errorf("agree options %+v, want the scale order", q.Options)
	}
	if c := rs[39].Answers["city"].Choice; c != "City39" && c != OtherLevel {
		t.Errorf("city answer %q", c)
	}
}
