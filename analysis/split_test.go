package analysis

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
)

// groupOf reads texts as FindPainPoints does and puts the terms written
// as words into one group, as the vectors might.
func groupOf(t *testing.T, texts []string, words []string) ([]*tgroup, []*tdoc) {
	t.Helper()
	in := make([]Text, len(texts))
	for i, s := range texts {
		in[i] = Text{ID: fmt.Sprint(i + 1), Text: s}
	}
	docs, _, err := analyseAll(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	st := countTerms(docs, conversations(in))
	g := &tgroup{}
	for _, x := range st.selectTerms(2) {
		if slices.Contains(words, x.surface()) {
			g.terms = append(g.terms, x)
		}
	}
	if len(g.terms) != len(words) {
		var got []string
		for _, x := range g.terms {
			got = append(got, x.surface())
		}
		t.Fatalf("terms %q, want %q", got, words)
	}
	g.key = g.terms[0].key
	return []*tgroup{g}, docs
}

func surfaces(gs []*tgroup) []string {
	var out []string
	for _, g := range gs {
		var s []string
		for _, x := range g.terms {
			s = append(s, x.surface())
		}
		sort.Strings(s)
		out = append(out, strings.Join(s, " "))
	}
	sort.Strings(out)
	return out
}

// TestSplitGroups: a group whose terms fall into two sets said in
// separate texts (opposite sizes; prices and discount codes) is two pain
// points; a problem said in varied words stays one.
func TestSplitGroups(t *testing.T) {
	for _, c := range []struct {
		name  string
		texts []string // each written 12 times, numbered
		words []string // the group's terms
		want  []string // the groups after the split, as surfaces()
	}{
		{"sizes", []string{"the dress was tight and snug, order", "too tight, snug across the chest",
			"the top was loose and baggy, order", "so baggy, loose everywhere"},
			[]string{"tight", "snug", "loose", "baggy"}, []string{"baggy loose", "snug tight"}},
		{"prices and codes", []string{"قیمت خیلی گران بود", "واقعا گران است و قیمت بالاست",
			"کد تخفیف کار نکرد", "تخفیف را با کد نداد"},
			[]string{"قیمت", "گران", "کد", "تخفیف"}, []string{"تخفیف کد", "قیمت گران"}},
		{"late delivery stays one", []string{"delivery was late, waiting for days", "late again after days of waiting",
			"five days late", "still waiting, it is late"},
			[]string{"late", "days", "waiting"}, []string{"days late waiting"}},
	} {
		var texts []string
		for i := range 12 {
			for _, s := range c.texts {
				texts = append(texts, fmt.Sprintf("%s %d", s, i))
			}
		}
		gs, docs := groupOf(t, texts, c.words)
		if got := surfaces(splitGroups(gs, docs, 3)); !slices.Equal(got, c.want) {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
