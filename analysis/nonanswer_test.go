package analysis

import (
	"fmt"
	"strings"
	"testing"
)

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
		"فعلا هیچی", "Nothing really, thank you", "None at this time.", "prefer not to say", "ترجیح میدم نگم"}
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
