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
	var texts []string
	for i := range 12 {
		texts = append(texts,
			fmt.Sprintf("the dress was tight and snug, order %d", i),
			fmt.Sprintf("too tight, snug across the chest %d", i),
			fmt.Sprintf("the top was loose and baggy, order %d", i),
			fmt.Sprintf("so baggy, loose everywhere %d", i))
	}
	gs, docs := groupOf(t, texts, []string{"tight", "snug", "loose", "baggy"})
	got := surfaces(splitGroups(gs, docs, 3))
	if want := []string{"baggy loose", "snug tight"}; !slices.Equal(got, want) {
		t.Errorf("sizes: %q, want %q", got, want)
	}

	texts = nil
	for i := range 12 {
		texts = append(texts,
			fmt.Sprintf("قیمت خیلی گران بود %d", i),
			fmt.Sprintf("واقعا گران است و قیمت بالاست %d", i),
			fmt.Sprintf("کد تخفیف کار نکرد %d", i),
			fmt.Sprintf("تخفیف را با کد نداد %d", i))
	}
	gs, docs = groupOf(t, texts, []string{"قیمت", "گران", "کد", "تخفیف"})
	got = surfaces(splitGroups(gs, docs, 3))
	if want := []string{"تخفیف کد", "قیمت گران"}; !slices.Equal(got, want) {
		t.Errorf("prices and codes: %q, want %q", got, want)
	}

	texts = nil
	for i := range 12 {
		texts = append(texts,
			fmt.Sprintf("delivery was late, waiting for days %d", i),
			fmt.Sprintf("late again after days of waiting %d", i),
			fmt.Sprintf("five days late %d", i),
			fmt.Sprintf("still waiting, it is late %d", i))
	}
	gs, docs = groupOf(t, texts, []string{"late", "days", "waiting"})
	if got = surfaces(splitGroups(gs, docs, 3)); len(got) != 1 {
		t.Errorf("late delivery split: %q", got)
	}
}
