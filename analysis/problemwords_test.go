package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestLabelStatesProblem: a label joins its head term to the complaint
// word its members say with it most by lift ("portions small", "service
// slow"), not to the set's commonest complaint word, and a head with no
// such word keeps its plain form.
func TestLabelStatesProblem(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(12, "The portions were small and the plates looked empty")
	add(4, "Portions rather small, again slow evening")
	add(14, "The service was slow, we waited an hour for the waiter")
	add(6, "Service slow and the bill was wrong")
	add(10, "Parking near the restaurant is a nightmare on weekends")
	res := FindPainPoints(in, PainPointOptions{})
	for _, w := range []string{"portions small", "service slow"} {
		if !slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return strings.HasPrefix(p.Label, w) }) {
			t.Errorf("no label starts with %q: %+v", w, res.PainPoints)
		}
	}
	for _, p := range res.PainPoints {
		if strings.HasPrefix(p.Label, "parking") && strings.Contains(p.Label, "slow") {
			t.Errorf("parking label %q borrows another group's complaint word", p.Label)
		}
	}
}

// TestLearnedComplaintWords: the generic lexicon does not know
// "cancelled" or "thawed"; a corpus that says them as states ("was
// cancelled") in clauses its cues mark as complaints teaches them, and the
// label uses them ("flight cancelled"). A word said as often but in plain
// clauses ("was booked") is not learned.
func TestLearnedComplaintWords(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(6, "My flight to Rome was cancelled and the staff were rude")
	add(5, "The flight got cancelled again and no one called me")
	add(4, "Our flight was cancelled with no warning, awful")
	add(6, "The hotel was booked through the app")
	add(5, "Seat was booked online, the meal was fine")
	add(6, "The fish was thawed and the box smelled bad")
	add(5, "The fish arrived thawed and horrible")
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	learned := learnComplaintWords(docs)
	for _, w := range []string{"cancelled", "thawed"} {
		if !learned[stemEn(w)] {
			t.Errorf("%q not learned as a complaint word: %v", w, learned)
		}
	}
	for _, w := range []string{"booked", "flight", "fish"} {
		if learned[stemEn(w)] {
			t.Errorf("%q learned as a complaint word: %v", w, learned)
		}
	}
	res := FindPainPoints(in, PainPointOptions{})
	if !slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return strings.HasPrefix(p.Label, "flight cancelled") }) {
		t.Errorf("no label starts with %q: %+v", "flight cancelled", res.PainPoints)
	}
}

// TestLabelFromMemberPhrases: the head and its complaint word come in the
// members' order ("late delivery" when they say it so, "portions small"
// when they say "the portions were small") and with the members' negation
// ("حل نشد": not solved, not "solved").
func TestLabelFromMemberPhrases(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(9, "Late delivery again, the courier lost the tracking")
	add(3, "The delivery was late")
	add(8, "The portions were small for the money")
	add(6, "مشکل من حل نشد و پشتیبانی جواب نداد")
	add(5, "مشکل پرداخت من هنوز حل نشد")
	add(4, "پشتیبانی گفت مشکل حل شد ولی نشد")
	res := FindPainPoints(in, PainPointOptions{})
	var labels []string
	for _, p := range res.PainPoints {
		labels = append(labels, p.Label)
	}
	for _, want := range []string{"late delivery", "portions small", "حل نشد"} {
		if !slices.ContainsFunc(labels, func(l string) bool { return strings.Contains(l, want) }) {
			t.Errorf("no label holds %q: %q", want, labels)
		}
	}
}
