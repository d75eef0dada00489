package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestHappyCustomersSayNoPainPoint: in a set that mixes happy customers
// with unhappy ones, what the happy ones tell plainly beside their praise
// ("wore it to work and got compliments", "Size 8.") makes no pain point; in a set of
// complaints the same plain clause beside praise still is one ("the food
// was great, but we waited an hour for a table" complains of the wait).
func TestHappyCustomersSayNoPainPoint(t *testing.T) {
	happy := []string{"Love it, I wore it to work and got many compliments from colleagues.",
		"Beautiful dress, I wore it to work and colleagues gave me compliments.",
		"Great fit. Wore it to the office and received compliments all day."}
	unhappy := []string{"The zipper broke after one wash.", "Zipper broke the second time I wore it.",
		"Terrible quality, the zipper broke within a week."}
	var mixed []Text
	for i := range 30 {
		mixed = append(mixed, Text{ID: fmt.Sprint("h", i), Text: happy[i%3] + fmt.Sprintf(" Size %d.", i)},
			Text{ID: fmt.Sprint("u", i), Text: unhappy[i%3] + fmt.Sprintf(" Order %d.", i)})
	}
	res := FindPainPoints(mixed, PainPointOptions{})
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			if strings.HasPrefix(m, "h") {
				t.Errorf("a mixed set: happy customer %s is a member of pain point %q", m, p.Label)
				break
			}
		}
	}
	if len(res.PainPoints) == 0 || !strings.Contains(res.PainPoints[0].Label, "zipper") {
		t.Errorf("a mixed set: first pain point %v, want the broken zipper", labels(res))
	}

	// A happy customer's bare negation describes ("the compliments did
	// not stop"): it is no complaint that makes the text unhappy.
	var described []Text
	for i := range 30 {
		described = append(described, Text{ID: fmt.Sprint("h", i), Text: fmt.Sprintf("Love it, the compliments did not stop when I wore it to work. Size %d.", i)},
			Text{ID: fmt.Sprint("u", i), Text: unhappy[i%3] + fmt.Sprintf(" Order %d.", i)})
	}
	res = FindPainPoints(described, PainPointOptions{})
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			if strings.HasPrefix(m, "h") {
				t.Errorf("a mixed set: happy customer %s, whose compliments did not stop, is a member of pain point %q", m, p.Label)
				break
			}
		}
	}

	// A set of complaints, a few of which open with praise: the wait is
	// a pain point though its texts praise the food.
	var complaints []Text
	for i := range 30 {
		s := "The soup was cold and far too salty."
		switch {
		case i%2 == 1 && i%3 == 0:
			s = "The food was great, but we waited an hour for a table."
		case i%2 == 1:
			s = "We waited an hour for a table and nobody apologised."
		}
		complaints = append(complaints, Text{ID: fmt.Sprint("c", i), Text: s + fmt.Sprintf(" Visit %d.", i)})
	}
	res = FindPainPoints(complaints, PainPointOptions{})
	waited := 0
	for _, p := range res.PainPoints {
		if strings.Contains(p.Label, "wait") || strings.Contains(p.Label, "table") || strings.Contains(p.Label, "hour") {
			waited = max(waited, p.Texts)
		}
	}
	if waited < 15 {
		t.Errorf("a set of complaints: the wait has %d of its 15 texts (%v), want all, the food's praise beside it too", waited, labels(res))
	}
}

// TestWritersOwnScore: a writer's own score says how to read what they
// state plainly. Satisfied writers' plain clauses are what went well,
// whatever share of the set they are ("wore it to work, got compliments",
// rated 5, is no pain point; nor is "the hem doesn't fray"), but their
// complaints stay theirs; an
// unsatisfied writer's warm words do not hide a problem ("love the
// colour, runs a little large", rated 1, is one, though in a set that
// mixes happy customers it reads as happy without the score); and the
// answers to a question that asks for a problem are problems at any
// score.
func TestWritersOwnScore(t *testing.T) {
	satisfied, unsatisfied := Score(1), Score(0)
	var texts []Text
	add := func(id, s string, sat *float64, prompted bool) {
		texts = append(texts, Text{ID: id, Text: s, Satisfaction: sat, Prompted: prompted})
	}
	plain := []string{"I wore it to work and colleagues gave me compliments.",
		"Wore it to the office and received compliments all day.",
		"I wore it to work, many compliments from colleagues."}
	for i := range 8 {
		add(fmt.Sprint("plain", i), plain[i%3]+fmt.Sprintf(" Size %d.", i), satisfied, false)
		add(fmt.Sprint("zip", i), fmt.Sprintf("Lovely dress, but the zipper broke after one wash. Order %d.", i), satisfied, false)
		add(fmt.Sprint("warm", i), fmt.Sprintf("Love the colour, it runs a little large. Size %d.", i), unsatisfied, false)
		add(fmt.Sprint("happy", i), fmt.Sprintf("Love the colour, gorgeous and comfortable. Size %d.", i), satisfied, false)
		add(fmt.Sprint("asked", i), plain[i%3]+fmt.Sprintf(" Order %d.", i), satisfied, true)
		add(fmt.Sprint("bare", i), fmt.Sprintf("The hem doesn't fray and I haven't had to iron it once. Size %d.", i), satisfied, false)
	}
	in := func(res PainPointResult, prefix string) (n int) {
		for _, p := range res.PainPoints {
			for _, m := range p.Members {
				if strings.HasPrefix(m, prefix) {
					n++
				}
			}
		}
		return n
	}
	res := FindPainPoints(texts, PainPointOptions{})
	for _, c := range []struct {
		prefix string
		want   bool
	}{{"plain", false}, {"bare", false}, {"zip", true}, {"warm", true}, {"asked", true}} {
		if got := in(res, c.prefix) > 0; got != c.want {
			t.Errorf("with scores: %s texts in a pain point %v, want %v (%v)", c.prefix, got, c.want, labels(res))
		}
	}

	// Without the scores the same set is a mix of happy and unhappy
	// customers by its words, and the warm texts read as happy.
	for i := range texts {
		texts[i].Satisfaction = nil
	}
	res = FindPainPoints(texts, PainPointOptions{})
	if n := in(res, "warm"); n > 0 {
		t.Errorf("without scores: %d warm texts in a pain point, want none: the set mixes happy customers (%v)", n, labels(res))
	}
	if n := in(res, "plain"); n == 0 {
		t.Errorf("without scores: the satisfied writers' plain texts are in no pain point; the test no longer shows what the score changes (%v)", labels(res))
	}
}
