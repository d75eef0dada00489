package personas

import (
	"context"
	"encoding/json"
	"testing"
)

// A Build on a Table says exactly what a Build on the same answers as
// Values says: the same personas, cards, names and assignments.
func TestTableBuildsAsValues(t *testing.T) {
	in, _ := fromSynth(t, 600)
	tab := NewTable(in.Items, len(in.Respondents))
	coded := in
	coded.Respondents = make([]Respondent, len(in.Respondents))
	for i, r := range in.Respondents {
		for j, v := range r.Values {
			if err := tab.Set(i, j, v); err != nil {
				t.Fatal(err)
			}
		}
		coded.Respondents[i] = r
		coded.Respondents[i].Values = nil
	}
	coded.Table = tab
	opt := Options{Seed: 3, Bootstrap: 2}
	want, err := Build(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Build(context.Background(), coded, opt)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(want)
	b, _ := json.Marshal(got)
	if string(a) != string(b) {
		t.Fatalf("table and values differ:\nvalues: %.300s\ntable:  %.300s", a, b)
	}
}

func TestTableRejectsMismatches(t *testing.T) {
	items := []Item{{Name: "n", Kind: Numeric}, {Name: "c", Kind: Categorical}}
	tab := NewTable(items, 2)
	for _, tc := range []struct {
		name string
		j    int
		v    Value
	}{
		{"text to numeric", 0, Text("a lot")},
		{"number to categorical", 1, Number(3)},
	} {
		if err := tab.Set(0, tc.j, tc.v); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
	if err := tab.Set(1, 1, Text("x")); err != nil {
		t.Fatal(err)
	}
	if v := tab.value(1, 1); v != Text("x") {
		t.Errorf("value = %+v, want x", v)
	}
	if v := tab.value(0, 1); v.OK {
		t.Errorf("unset answer = %+v, want missing", v)
	}
	if v := tab.value(0, 0); v.OK {
		t.Errorf("unset number = %+v, want missing", v)
	}
	in := Input{Items: items, Respondents: make([]Respondent, 3), Table: tab}
	if _, err := Build(context.Background(), in, Options{}); err == nil {
		t.Error("a table of 2 rows built personas of 3 respondents")
	}
}
