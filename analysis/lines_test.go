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

// TestNonAnswersAreNoPainPoint: a survey's open question gets many
// answers that say there is nothing to say; they are in no pain point
// (before: "not applicable" 23 texts, "موردی نبود" 22, "no comment" 8,
// "نظری ندارم" 7; in 600 restaurant complaints with 400 such answers,
// "not applicable" was a pain point of 26).
func TestNonAnswersAreNoPainPoint(t *testing.T) {
	var texts []Text
	add := func(s string) { texts = append(texts, Text{ID: fmt.Sprint(len(texts) + 1), Text: s}) }
	whos := []string{"my", "our", "the", "this", "my last", "the second"}
	for i := range 30 {
		w := whos[i%len(whos)]
		add(fmt.Sprintf("%s delivery was late by %d days", w, i%5+2))
		add(fmt.Sprintf("%s order cost too much, prices are expensive", w))
		add(fmt.Sprintf("the support agent was rude to me on call %d", i))
		add(fmt.Sprintf("%s app crashes at checkout", w))
		add([]string{"سفارشم دیر رسید", "ارسال خیلی دیر بود", "بسته دیر رسید", "قیمت‌ها خیلی گرونه", "قیمت بالا بود", "پشتیبانی جواب نداد"}[i%6])
	}
	nothing := []string{"Not applicable", "not applicable.", "No comment", "موردی نبود", "موردی نیست", "نظری ندارم", "موردی ندارم",
		"Not applicable, thanks", "Nothing to add.", "nothing comes to mind", "No idea", "N/A", "نمی‌دونم", "چیزی به ذهنم نمی‌رسه",
		"فعلا هیچی", "Nothing really, thank you"}
	for i := range 4 * len(nothing) {
		add(nothing[i%len(nothing)])
	}
	// The same words inside a complaint are read as usual.
	for i := range 12 {
		add([]string{"the waiter had no idea what the specials were", "our waiter had no idea about the wine list",
			"the new waiter had no idea what was in the dishes"}[i%3])
	}
	res := FindPainPoints(texts, PainPointOptions{})
	for _, p := range res.PainPoints {
		for _, w := range []string{"applicable", "comment", "مورد", "نظر"} {
			if strings.Contains(p.Label, w) {
				t.Errorf("a non-answer is a pain point: %q (%d texts)", p.Label, p.Texts)
			}
		}
	}
	if res.NothingToSay != 4*len(nothing) {
		t.Errorf("%d texts say there is nothing to say, want %d", res.NothingToSay, 4*len(nothing))
	}
	waiter := false
	for _, p := range res.PainPoints {
		waiter = waiter || strings.Contains(p.Label, "waiter")
	}
	if len(res.PainPoints) < 5 || !waiter {
		t.Errorf("pain points %+v, want the four complaints and the waiter who had no idea", res.PainPoints)
	}
	for _, w := range []string{"idea", "nothing", "mind", "ذهن", "هیچی", "دونم"} {
		for _, p := range res.PainPoints {
			if strings.Contains(p.Label, w) && !strings.Contains(p.Label, "waiter") {
				t.Errorf("a non-answer is a pain point: %q (%d texts)", p.Label, p.Texts)
			}
		}
	}
}
