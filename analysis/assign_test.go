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
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	st := countTerms(docs, nil)
	group := func(words string) *tgroup {
		g := &tgroup{}
		for _, w := range strings.Fields(words) {
			tm := st.byKey[stemEn(w)]
			if tm == nil {
				t.Fatalf("no term %q", w)
			}
			if g.key == "" {
				g.key = tm.key
			}
			g.terms = append(g.terms, tm)
		}
		return g
	}
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
