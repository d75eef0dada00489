package analysis

import (
	"strings"
	"testing"
)

// TestPassingMentionNotMember: a long text that dwells on one problem in
// several clauses and names another in one passing clause is a member of
// the first only, even when that clause says several of the second's
// words; a text that dwells on both is a member of both; a short text
// that says each once is a member of both.
func TestPassingMentionNotMember(t *testing.T) {
	in := texts(
		"The delivery was late. The package came a week late. The courier lost it once. The delivery was late again. The rude support agent on the phone hung up.",
		"The delivery was late. The package came a week late. The rude support agent hung up. The support agent on the phone was rude again.",
		"The delivery was late and the support agent was rude.",
		// More texts, so that every word is a term.
		"delivery late", "package late", "courier lost the package", "support agent rude", "phone support rude", "agent on the phone",
	)
	docs, group := analysedWithGroups(t, in)
	states := assign(in, docs, []*tgroup{group("delivery late package courier"), group("support rude agent phone")}, nil)
	member := func(gs *gstate, text int) bool {
		for _, h := range gs.hits {
			if int(h.text) == text {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		text              int
		delivery, support bool
	}{{0, true, false}, {1, true, true}, {2, true, true}} {
		if member(states[0], c.text) != c.delivery || member(states[1], c.text) != c.support {
			t.Errorf("text %d: delivery member %v, support member %v; want %v, %v",
				c.text, member(states[0], c.text), member(states[1], c.text), c.delivery, c.support)
		}
	}
}

// TestSizedMain: a text whose clauses name a small group's words several
// times and a large group's once, each in one clause, is also a member of
// the large group (the group sizes weigh the main group, as a mixture
// model's prior does: round 29); a text that dwells on the small group in
// more clauses than it names the large one stays out of the large one.
func TestSizedMain(t *testing.T) {
	raw := []string{
		"The colour faded and the fabric shrank in the wash, it came late.",
		"The colour faded in the wash. The fabric shrank in the wash. It came late.",
		"the colour faded in the wash",
	}
	for i := range 30 {
		raw = append(raw, []string{"The delivery was late.", "Late delivery again.", "My delivery came late."}[i%3])
	}
	in := texts(raw...)
	docs, group := analysedWithGroups(t, in)
	states := assign(in, docs, []*tgroup{group("delivery late"), group("colour faded fabric wash")}, nil)
	member := func(gs *gstate, text int) (in, primary bool) {
		for _, h := range gs.hits {
			if int(h.text) == text {
				return true, h.primary
			}
		}
		return false, false
	}
	for _, c := range []struct {
		text             int
		delivery, colour bool
	}{{0, true, true}, {1, false, true}, {2, false, true}, {3, true, false}} {
		d, _ := member(states[0], c.text)
		f, fp := member(states[1], c.text)
		if d != c.delivery || f != c.colour {
			t.Errorf("text %d: delivery member %v, colour member %v; want %v, %v", c.text, d, f, c.delivery, c.colour)
		}
		if c.colour && !fp {
			t.Errorf("text %d: its quotes' group (the one it says most) should stay colour", c.text)
		}
	}
}

// analysedWithGroups analyses the texts and returns them with a maker of
// groups of their terms, named by their words ("delivery late", "ارسال دیر").
func analysedWithGroups(t *testing.T, in []Text) ([]*tdoc, func(words string) *tgroup) {
	t.Helper()
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	st := countTerms(docs, nil)
	return docs, func(words string) *tgroup {
		g := &tgroup{}
		for _, w := range strings.Fields(words) {
			k := stemEn(w)
			if isPersianWord(w) {
				k = faStem(faKey(w))
			}
			tm := st.byKey[k]
			if tm == nil {
				t.Fatalf("no term %q", k)
			}
			if g.key == "" {
				g.key = tm.key
			}
			g.terms = append(g.terms, tm)
		}
		return g
	}
}

// TestPassingMentionOfFour: a letter that gives one problem two of its
// four scored clauses and two others one each is about the first: the
// others hold half its main group's clauses and score, but not a third of
// the letter's scored clauses (passingShare). A text of three clauses, one
// of them on another problem, is a member of both.
func TestPassingMentionOfFour(t *testing.T) {
	in := texts(
		"The delivery was late. The package came late. The rude support agent hung up the phone. The price was too expensive.",
		"The delivery was late. The package came late. The support agent was rude.",
		// More texts, so that every word is a term.
		"delivery late", "package late", "courier lost the package", "support agent rude", "phone support rude", "agent on the phone",
		"price expensive", "expensive price",
	)
	docs, group := analysedWithGroups(t, in)
	states := assign(in, docs, []*tgroup{group("delivery late package courier"), group("support rude agent phone"), group("price expensive")}, nil)
	member := func(g, text int) bool {
		for _, h := range states[g].hits {
			if int(h.text) == text {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		text                     int
		delivery, support, price bool
	}{{0, true, false, false}, {1, true, true, false}} {
		if d, s, p := member(0, c.text), member(1, c.text), member(2, c.text); d != c.delivery || s != c.support || p != c.price {
			t.Errorf("text %d: delivery, support, price members %v, %v, %v; want %v, %v, %v", c.text, d, s, p, c.delivery, c.support, c.price)
		}
	}
}
