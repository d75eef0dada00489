package web

import (
	"reflect"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// layout writes a definition's pages as "a b|c" (question ids, pages
// separated by |).
func layout(d *survey.Definition) string {
	var pages []string
	for _, p := range d.Pages {
		var ids []string
		for _, q := range p.Questions {
			ids = append(ids, q.ID)
		}
		pages = append(pages, strings.Join(ids, " "))
	}
	return strings.Join(pages, "|")
}

func TestApplyBuilderOp(t *testing.T) {
	mk := func() *survey.Definition {
		return &survey.Definition{Pages: []survey.Page{
			{Questions: []survey.Question{{ID: "a"}, {ID: "b"}}},
			{Questions: []survey.Question{{ID: "c"}}},
		}}
	}
	tests := []struct{ op, want string }{
		{"up_q:0.1", "b a|c"},
		{"up_q:0.0", "a b|c"}, // first of the first page stays
		{"down_q:0.1", "a|b c"},
		{"up_q:1.0", "a b c|"},
		{"down_q:1.0", "a b|c"}, // last of the last page stays
		{"del_q:0.0", "b|c"},
		{"del_page:0", "c"},
		{"up_page:1", "c|a b"},
		{"down_page:0", "c|a b"},
		{"down_page:1", "a b|c"},
		{"add_page", "a b|c|q4"}, // a new page starts with a question of the kept type
		{"add_q:1", "a b|c q4"},
		{"add_q:0.0", "a q4 b|c"}, // right after a
		{"add_q:0.1", "a b q4|c"},
		{"move_q:0.0:1.0", "b|a c"},
		{"move_q:0.0:1.9", "b|c a"}, // past the end: at the end
		{"move_q:0.0:0.1", "b a|c"}, // positions count after taking it out
		{"move_q:0.1:0.0", "b a|c"},
		{"move_q:0.1:0.1", "a b|c"},
		{"move_q:1.0:0.0", "c a b|"},
		{"move_q:9.0:0.0", "a b|c"},
		{"move_q:0.0:7.0", "a b|c"},
		{"move_q:0.0", "a b|c"},
		{"move_page:1:0", "c|a b"},
		{"move_page:0:1", "c|a b"},
		{"move_page:0:2", "a b|c"},
		{"del_q:5.5", "a b|c"},
		{"del_q:x", "a b|c"},
		{"bogus", "a b|c"},
	}
	for _, tt := range tests {
		d := mk()
		applyBuilderOp(d, tt.op, survey.NPS)
		if got := layout(d); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.op, got, tt.want)
		}
	}
	d := mk()
	applyBuilderOp(d, "add_q:0", "no-such-type")
	if got := layout(d); got != "a b|c" {
		t.Errorf("unknown type added a question: %q", got)
	}
}

func TestParseCondition(t *testing.T) {
	tests := []struct {
		name, op, typed string
		picks           []string
		want            string
	}{
		{"one pick", "equals", "", []string{"a"}, "equals a"},
		{"two picks make one_of", "equals", "", []string{"a", "b"}, "one_of a,b"},
		{"one_of with one pick", "one_of", "", []string{"a"}, "one_of a"},
		{"typed", "equals", " 5 ", nil, "equals 5"},
		{"typed list", "one_of", "1, 2,,3", nil, "one_of 1,2,3"},
		{"not answered ignores values", "not_answered", "x", []string{"a"}, "not_answered"},
	}
	for _, tt := range tests {
		c := parseCondition("q1", tt.op, tt.typed, tt.picks)
		got := "not_answered"
		switch {
		case c.Equals != nil:
			got = "equals " + *c.Equals
		case c.OneOf != nil:
			got = "one_of " + strings.Join(c.OneOf, ",")
		}
		if got != tt.want || c.Question != "q1" {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

func TestOptionLinesRoundTrip(t *testing.T) {
	in := []survey.Option{{Value: "a", Label: survey.Text("a")}, {Value: "tv", Label: survey.Text("Television | TV")}, {Value: "فروشگاه", Label: survey.Text("فروشگاه")}}
	got := parseOptionLines(optionLines(in))
	if len(got) != 2+1 || !reflect.DeepEqual(got[0], in[0]) || !reflect.DeepEqual(got[2], in[2]) || got[1].Value != "tv" || got[1].Label.String() != "Television | TV" {
		t.Errorf("round trip: %+v", got)
	}
}
