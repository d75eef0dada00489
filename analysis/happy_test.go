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
