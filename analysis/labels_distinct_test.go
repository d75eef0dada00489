package analysis

import (
	"strings"
	"testing"
)

// TestLabelsDistinctWords: a label's secondary words (after its head
// phrase) that a label ranked higher shows give way to the group's next
// word by the same rules: "dress looks huge" ranks first, so the sleeves'
// "sleeves are tight, scratchy, huge" becomes "sleeves are tight,
// scratchy, loose", its quotes and label_texts with it (the members that
// say "sleeves are huge" no longer say the label). The head phrase stays.
func TestLabelsDistinctWords(t *testing.T) {
	in := sleevesAndDresses()
	res := FindPainPoints(in, PainPointOptions{})
	if len(res.PainPoints) < 2 || res.PainPoints[0].Label != "dress looks huge" || !strings.HasPrefix(res.PainPoints[1].Label, "sleeves are tight, scratchy") {
		t.Fatalf("fixture: want \"dress looks huge\" then \"sleeves are tight, scratchy, ...\", got %v", labels(res))
	}
	pp := res.PainPoints[1]
	if strings.Contains(pp.Label, "huge") || !strings.Contains(pp.Label, "loose") {
		t.Errorf("label %q: want \"huge\" (shown by \"dress looks huge\" above) to give way to \"loose\"", pp.Label)
	}
	if pp.LabelTexts != 8 {
		t.Errorf("label_texts %d, want 8 (tight 4, scratchy 2, loose 2; not huge)", pp.LabelTexts)
	}
	for i, q := range pp.Examples {
		if strings.Contains(q, "huge") || !pp.ExamplesSay[i] {
			t.Errorf("quote %q under %q (says it: %v): want the quotes to say the label, none \"huge\"", q, pp.Label, pp.ExamplesSay[i])
		}
	}
}

// TestMembersSay: MembersSay marks, of each member, whether it says the
// label (the members a card quotes for it): one flag per member, as many
// marked as LabelTexts counts, a member by another of the group's words
// ("The sleeves came in the mail", "The sleeves are huge" once "huge"
// gave way to "loose") not marked; relabelling marks again.
func TestMembersSay(t *testing.T) {
	in := sleevesAndDresses()
	text := map[string]string{}
	for _, x := range in {
		text[x.ID] = x.Text
	}
	res := FindPainPoints(in, PainPointOptions{})
	checked := false
	for _, pp := range res.PainPoints {
		if len(pp.MembersSay) != len(pp.Members) {
			t.Fatalf("%q: %d flags for %d members", pp.Label, len(pp.MembersSay), len(pp.Members))
		}
		n := 0
		for j, m := range pp.Members {
			if !pp.Says(j) {
				continue
			}
			n++
			if strings.HasPrefix(pp.Label, "sleeves") {
				checked = true
				if s := text[m]; !strings.Contains(s, "tight") && !strings.Contains(s, "scratchy") && !strings.Contains(s, "loose") {
					t.Errorf("%q said to say %q", s, pp.Label)
				}
			}
		}
		if n != pp.LabelTexts {
			t.Errorf("%q: %d members marked, label_texts %d", pp.Label, n, pp.LabelTexts)
		}
	}
	if !checked {
		t.Fatalf("fixture: no sleeves pain point with a member that says it: %v", labels(res))
	}
}

// sleevesAndDresses is the clothing answers of TestLabelsDistinctWords:
// "dress looks huge" ranks first, so the sleeves' "huge" gives way.
func sleevesAndDresses() []Text {
	return repeated(
		5, "The dress looks huge on me",
		6, "The dress fits fine but the color is off",
		4, "The dress is long",
		13, "The dress was a gift for my sister",
		3, "The sleeves are huge",
		4, "The sleeves are tight",
		2, "The sleeves are scratchy",
		1, "The sleeves are itchy",
		2, "The sleeves are loose",
		12, "The sleeves came in the mail",
		4, "The zipper was loose after a day",
		60, "The zipper broke after a day",
	)
}
