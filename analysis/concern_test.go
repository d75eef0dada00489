package analysis

import (
	"strings"
	"testing"
)

// concernFixture: four problems, a sentence of each's words.
var concernSentences = [][]string{
	{"The delivery was late.", "The package came late.", "The courier lost the package.", "The delivery was late again.", "The late courier never came."},
	{"The support agent was rude.", "The rude agent hung up the phone.", "Support never answered the phone.", "The agent was rude again.", "The phone support was rude."},
	{"The price is too expensive.", "The fee was expensive.", "The cost is too high a price.", "The price went up again.", "The fee cost too much."},
	{"The app crashed.", "The app screen froze on login.", "The login screen crashed again.", "The app crashed at login.", "The screen froze again."},
}

func concernGroups(t *testing.T, docs []*tdoc) []*tgroup {
	t.Helper()
	st := countTerms(docs, nil)
	var groups []*tgroup
	for _, words := range []string{"delivery late package courier", "support rude agent phone", "price expensive fee cost", "app crashed screen login"} {
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
		groups = append(groups, g)
	}
	return groups
}

func concernDocs(in []Text) []*tdoc {
	docs := make([]*tdoc, len(in))
	for i, x := range in {
		d := analyseText(x.Text, nil)
		docs[i] = &d
	}
	return docs
}

// TestOneConcernCorpus: letters that dwell on one problem in four
// sentences and name another in one are a corpus of one concern per text;
// reviews that give two problems two sentences each and a third one are
// not.
func TestOneConcernCorpus(t *testing.T) {
	var letters, reviews []string
	for i := range 60 {
		c, o := i%4, (i/4+1+i%4)%4
		if o == c {
			o = (c + 1) % 4
		}
		s := concernSentences
		letters = append(letters, strings.Join([]string{s[c][i%5], s[c][(i+1)%5], s[o][i%5], s[c][(i+2)%5], s[c][(i+3)%5]}, " "))
		a, b, x := i%4, (i+1)%4, (i+2)%4
		reviews = append(reviews, strings.Join([]string{s[a][i%5], s[b][i%5], s[a][(i+1)%5], s[x][(i+2)%5], s[b][(i+3)%5]}, " "))
	}
	for _, c := range []struct {
		name string
		in   []string
		want bool
	}{{"letters", letters, true}, {"reviews", reviews, false}, {"few letters", letters[:minDomainTexts-1], false}} {
		docs := concernDocs(texts(c.in...))
		if got := oneConcernCorpus(docs, concernGroups(t, docs)); got != c.want {
			t.Errorf("%s: one concern %v, want %v", c.name, got, c.want)
		}
	}
}

// TestPassingMentionOneConcern: in a corpus of one concern per text, a
// group named in one of a text's four scored clauses is not a secondary
// membership even when it scores half the main group's clauses and
// score; elsewhere it is.
func TestPassingMentionOneConcern(t *testing.T) {
	s := concernSentences
	in := texts(strings.Join([]string{s[0][0], s[1][0], s[0][4], s[2][0]}, " "))
	docs := concernDocs(texts(append([]string{in[0].Text}, append(s[0], append(s[1], append(s[2], s[3]...)...)...)...)...))
	groups := concernGroups(t, docs)
	for _, c := range []struct {
		oneConcern, support bool
	}{{false, true}, {true, false}} {
		states := assign(in, docs[:1], groups, nil, c.oneConcern)
		var main, support bool
		for _, h := range states[0].hits {
			main = main || h.text == 0 && h.primary
		}
		for _, h := range states[1].hits {
			support = support || h.text == 0
		}
		if !main || support != c.support {
			t.Errorf("one concern %v: delivery main %v, support member %v; want true, %v", c.oneConcern, main, support, c.support)
		}
	}
}
