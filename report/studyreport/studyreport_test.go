package studyreport

import "testing"

func TestNumberOrText(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want any
	}{
		{"", nil},
		{"12", 12.0},
		{"-3.5", -3.5},
		{"+2", 2.0},
		{".5", 0.5},
		{"1e3", "1e3"},     // a code, not a thousand
		{"0x1p4", "0x1p4"}, // hex floats are not answers
		{"nan", "nan"},     // text a respondent typed, not a blank cell
		{"-Inf", "-Inf"},
		{"Infinity", "Infinity"},
		{"12 boxes", "12 boxes"},
		{"too expensive", "too expensive"},
	} {
		if got := numberOrText(tc.in); got != tc.want {
			t.Errorf("numberOrText(%q) = %#v, want %#v", tc.in, got, tc.want)
		}
	}
}
