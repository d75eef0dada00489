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
// topic every turn keeps each turn in the group of its own words, and a
// turn that names both problems in both.
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
	var in []Text
	for i, s := range append(append([]string{}, price...), design...) {
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
		if slices.Contains(of[i], of[len(price)+1][0]) {
			t.Errorf("%q: in %v, also the design group %v", in[i].Text, of[i], of[len(price)+1])
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
