package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTileCuts: a conversation of three topics, ten turns each, with no
// word shared across topics, is cut where the topic changes and nowhere
// else; a conversation that says the same throughout is not cut.
func TestTileCuts(t *testing.T) {
	build := func(topics ...[]string) ([]string, []int) {
		var keys []string
		var start []int
		for _, words := range topics {
			for turn := 0; turn < 10; turn++ {
				start = append(start, len(keys))
				for w := 0; w < 8; w++ {
					keys = append(keys, words[(turn*3+w)%len(words)])
				}
			}
		}
		return keys, append(start, len(keys))
	}
	a := strings.Fields("budget cost price euro profit sell market margin")
	b := strings.Fields("button remote control design shape colour case rubber")
	c := strings.Fields("battery chip power solar kinetic energy sensor circuit")
	if got := tileCuts(build(a, b, c)); !slices.Equal(got, []int{10, 20}) {
		t.Errorf("three topics: cuts %v, want [10 20]", got)
	}
	same := strings.Fields("budget cost price euro profit sell market margin")
	if got := tileCuts(build(same[:4], same[:4], same[:4])); len(got) != 0 {
		t.Errorf("the same words throughout: cuts %v, want none", got)
	}
}

// TestTurnReadWithSegment: in a meeting that discusses the price for
// several turns and then the remote's design, a turn that says none of
// the groups' terms ("Yeah, I agree with that.") joins the group its
// segment discusses, and a turn that names the other topic, in passing or
// as much as the price, goes with its segment; the same texts with no
// thread (survey answers) are placed as before. An interview that changes
// topic every turn (too short to be read by its order) keeps each turn in
// the group of its own words, and a turn that names both problems in both.
func TestTurnReadWithSegment(t *testing.T) {
	price := []string{
		"The price of the remote must stay under twenty five euro.",
		"Our production cost is twelve euro, so the profit margin is small.",
		"Can we sell it at that price and still make a profit?",
		"I think the price and the cost come first; the button matters less here.",
		"The price matters, and so does the button.",
		"The market research says people pay more for a low cost remote that looks good.",
		"So the price target is twenty five euro and the cost twelve.",
		"Yeah, I agree with that.",
		"The profit margin on that price is what management wants.",
		"A lower cost would give us more margin on the market price.",
	}
	design := []string{
		"Now the design: the button layout and the shape of the case.",
		"A rubber case with a curved shape and big buttons.",
		"The button for the power should be red and the case yellow.",
		"Industrial design says the rubber case costs more but the shape is nicer.",
		"Big buttons and a curved case: that is the design.",
		"The button layout on the case follows the shape of the hand.",
		"Fine, the rubber case and the big button design then.",
		"The shape of the case and the button colour are decided.",
	}
	// A meeting long enough to show how its words are spread (at least
	// minDomainTexts turns): the price discussed for 30 turns, then the
	// design for 24.
	var said []string
	for range 3 {
		said = append(said, price...)
	}
	for range 3 {
		said = append(said, design...)
	}
	var in []Text
	for i, s := range said {
		in = append(in, Text{ID: fmt.Sprint(i + 1), Person: []string{"pm", "me", "ui", "id"}[i%4], Text: s, Thread: "meeting"})
	}
	agree, passing, both := 7, 3, 4 // "Yeah, I agree", the price turn that names the button colour
	res := func(in []Text) (map[int][]string, PainPointResult) {
		r := FindPainPoints(in, PainPointOptions{})
		of := map[int][]string{}
		for _, p := range r.PainPoints {
			for _, m := range p.Members {
				var i int
				fmt.Sscan(m, &i)
				of[i-1] = append(of[i-1], p.Key)
			}
		}
		return of, r
	}
	of, r := res(in)
	if len(of[agree]) != 1 || of[agree][0] != of[1][0] {
		t.Errorf("%q: in %v, want the price turns' group %v (pain points %v)", in[agree].Text, of[agree], of[1], labels(r))
	}
	for _, i := range []int{passing, both} {
		if slices.Contains(of[i], of[3*len(price)+1][0]) {
			t.Errorf("%q: in %v, also the design group %v", in[i].Text, of[i], of[3*len(price)+1])
		}
	}

	// The same answers with no thread: "Yeah, I agree" says no term, and
	// a text that says the price and the button is in both groups.
	for i := range in {
		in[i].Thread = ""
	}
	if of, _ := res(in); len(of[agree]) != 0 || len(of[both]) != 2 {
		t.Errorf("no thread: %q in %v, want none; %q in %v, want two", in[agree].Text, of[agree], in[both].Text, of[both])
	}

	// An interview that changes problem every turn: each turn stays in its
	// own problem's group, and a turn that names both problems is in both.
	var iv []Text
	for i := 0; i < 12; i++ {
		s := []string{"The delivery was late again, the courier came a week late.",
			"The support agent on the phone was rude and hung up."}[i%2]
		if i == 6 {
			s = "The delivery was late and the support agent was rude."
		}
		iv = append(iv, Text{ID: fmt.Sprint(i + 1), Person: fmt.Sprint("p", i%3), Text: s, Thread: "interview"})
	}
	of, r = res(iv)
	for i := range iv {
		want := 1
		if i == 6 {
			want = 2
		}
		if len(of[i]) != want || i != 6 && of[i][0] != of[i%2][0] || of[0][0] == of[1][0] {
			t.Errorf("interview turn %d %q: in %v, want %d (pain points %v)", i, iv[i].Text, of[i], want, labels(r))
		}
	}
}

func labels(r PainPointResult) []string {
	var out []string
	for _, p := range r.PainPoints {
		out = append(out, fmt.Sprintf("%s (%d)", p.Label, p.Texts))
	}
	return out
}

// TestBackchannelsJoinTheirStretch: a design meeting of three topics whose
// speakers say "Yeah.", "Okay.", "Mm-hmm." between the turns (the shape
// of a product-design meeting): each backchannel is a member of the pain
// point of the stretch it is said in, and none is ever quoted, as a quote
// must say the problem. Read as survey answers (no thread) they are in no
// pain point.
func TestBackchannelsJoinTheirStretch(t *testing.T) {
	back := []string{"Yeah.", "Okay.", "Mm-hmm.", "Right.", "Yes, exactly.", "Sure."}
	build := func(thread string) ([]Text, map[string]int) {
		var out []Text
		stretch := map[string]int{} // backchannel ID -> its stretch
		for i, tx := range meeting(thread) {
			out = append(out, tx)
			if i%4 == 1 { // never at a change of topic (turn 39 | 40)
				id := fmt.Sprint("b", i)
				stretch[id] = i / 40
				out = append(out, Text{ID: id, Person: fmt.Sprintf("m:Speaker %c", 'A'+(i+1)%4), Text: back[(i/4)%len(back)], Thread: thread})
			}
		}
		return out, stretch
	}
	in, stretch := build("design meeting")
	res := FindPainPoints(in, PainPointOptions{})
	// The pain point holding most of each stretch's topical turns.
	main := map[int]string{}
	for s := range 3 {
		best, n := "", 0
		for _, p := range res.PainPoints {
			c := 0
			for _, m := range p.Members {
				var i int
				if _, err := fmt.Sscan(m, &i); err == nil && i/40 == s {
					c++
				}
			}
			if c > n {
				best, n = p.Key, c
			}
		}
		main[s] = best
	}
	of := map[string][]string{}
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			of[m] = append(of[m], p.Key)
		}
		for _, q := range p.Examples {
			if slices.Contains(back, q) {
				t.Errorf("%s: quotes the backchannel %q", p.Label, q)
			}
		}
	}
	for id, s := range stretch {
		if !slices.Equal(of[id], []string{main[s]}) {
			t.Errorf("backchannel %s in stretch %d: in %v, want [%s] (pain points %v)", id, s, of[id], main[s], labels(res))
		}
	}
	in, _ = build("")
	res = FindPainPoints(in, PainPointOptions{})
	for _, p := range res.PainPoints {
		for _, m := range p.Members {
			if strings.HasPrefix(m, "b") {
				t.Errorf("no thread: backchannel %s in %s", m, p.Label)
			}
		}
	}
}

// TestPlacedTurnNotQuoted: a turn its conversation's segment placed in a
// group without saying any of its terms ("Yes, indeed.") is a member but
// never a quote, even when too few members say the group's terms to fill
// the quotes.
func TestPlacedTurnNotQuoted(t *testing.T) {
	in := []Text{{Text: "The hourly rate is too low for the providers"},
		{Text: "Yes, indeed, that is what we heard as well."},
		{Text: "The buses are late every morning and the driver is rude"},
		{Text: "The buses are late again"}}
	_, said, gs, docs := labelOf(t, in, "rate hourly", "buses")
	gs.hits = append(gs.hits, ghit{text: 1, primary: true})
	quotes, _, _ := gs.examples(in, docs, 3, said)
	if len(quotes) != 1 || !strings.Contains(quotes[0], "rate") {
		t.Errorf("quotes %q, want the one member that says the rate", quotes)
	}
}
