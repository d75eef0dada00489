package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestLineBreaksEndSentences: customers write lists and paragraphs without
// full stops. A line break ends a sentence, so the words either side are no
// phrase and a quote does not run two lines into one: before, a list of
// cons made the term "overnight screen", the label "battery drains,
// overnight screen, cons" and the quote "Cons: the battery drains
// overnight screen scratches easily".
func TestLineBreaksEndSentences(t *testing.T) {
	var texts []Text
	add := func(s string) { texts = append(texts, Text{ID: fmt.Sprint(len(texts) + 1), Text: s}) }
	for i := range 8 {
		add([]string{"Cons:\nthe battery drains overnight\nscreen scratches easily", "battery drains overnight\r\n\r\nthe screen scratches",
			"Battery drains overnight\n- screen scratched in a week", "cons\n  battery drains overnight  \n  the screen scratches easily"}[i%4])
	}
	for range 4 {
		add("the battery drains overnight")
		add("my screen scratches so easily")
		add("the delivery was late again")
		add("the delivery took two weeks, late")
		add("support never answered my emails")
		add("customer support did not answer")
	}
	res := FindPainPoints(texts, PainPointOptions{})
	battery := false
	for _, p := range res.PainPoints {
		battery = battery || strings.Contains(p.Label, "battery")
		for _, s := range append([]string{p.Label}, append(p.Terms, p.Examples...)...) {
			if strings.Contains(strings.ToLower(s), "overnight screen") || strings.Contains(strings.ToLower(s), "cons the battery") {
				t.Errorf("%q: %q runs two lines into one", p.Label, s)
			}
		}
	}
	if !battery {
		t.Errorf("no battery pain point in %+v", res.PainPoints)
	}
	for _, c := range []struct{ in, want string }{
		{"  one\r\n\r\n two  three\n", "one\ntwo three"},
		{"ارسال دیر بود \n\n بسته پاره\u2028شد", "ارسال دیر بود\nبسته پاره\nشد"},
	} {
		if got := normalizeLines(c.in); got != c.want {
			t.Errorf("normalizeLines(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := NormalizePersian(c.in); strings.Contains(got, "\n") {
			t.Errorf("NormalizePersian(%q) = %q keeps a line break", c.in, got)
		}
	}
}

// TestLineTagsBreakLines: a review exported from a web page ends its lines
// with HTML tags; they end its sentences as line breaks do, and other
// markup is blanked as before.
func TestLineTagsBreakLines(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"battery drains overnight<br/>screen scratches<BR>lid <br />loose", "battery drains overnight\nscreen scratches\nlid \nloose"},
		{"<p>late</p><p>broken</p>", "\nlate\n\nbroken\n"},
		{"<li>late<li>broken", "\nlate\nbroken"},
		{"late <noise> again <b>now</b>", "late   again  now "},
		{strings.Repeat("word ", 120) + "late<br>broken", strings.Repeat("word ", 120) + "late\nbroken"},
	} {
		if got := cleanNoise(c.in); got != c.want {
			t.Errorf("cleanNoise(%q) = %q, want %q", c.in[max(0, len(c.in)-40):], got[max(0, len(got)-40):], c.want[max(0, len(c.want)-40):])
		}
	}
}
