package analysis

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// gameShopTexts writes game reviews: a third complain of the price in two
// vocabularies, most of them in both ("Not worth the full price." and,
// a praise later, "What a waste of money, I paid too much."): "price"
// and "buy" keep their own company (full, sale, worth), "money" and "paid"
// theirs (waste, much, spent), so the vectors do not see the two alike;
// the rest complain of crashes or of the story, each in texts of its own.
func gameShopTexts(n int) []Text {
	r := rand.New(rand.NewPCG(63, 14))
	a := []string{"not worth the full price for this greedy publisher", "do not buy it at full price for this greedy publisher", "wait for a sale, the price is a joke", "the price is not worth it, buy it on sale"}
	b := []string{"what a waste of money for this greedy publisher", "i paid too much money for this greedy publisher", "i spent real money on it", "my money is gone, i paid and regret it"}
	filler := []string{"the graphics are great", "i love the music", "the controls are excellent", "the art is beautiful"}
	crash := []string{"the game crashes on launch", "it crashes every hour and freezes", "constant crashes and freezes on my pc"}
	story := []string{"the story is dull and the ending makes no sense", "the plot is thin and the ending is rushed", "a boring story with a silly ending"}
	out := make([]Text, n)
	for i := range out {
		var s string
		switch i % 3 {
		case 0:
			switch r.IntN(5) {
			case 0:
				s = a[r.IntN(len(a))]
			case 1:
				s = b[r.IntN(len(b))]
			default:
				s = a[r.IntN(len(a))] + ". " + filler[r.IntN(len(filler))] + ". " + b[r.IntN(len(b))]
			}
		case 1:
			s = crash[r.IntN(len(crash))] + ". " + filler[r.IntN(len(filler))]
		case 2:
			s = story[r.IntN(len(story))] + ". " + filler[r.IntN(len(filler))]
		}
		out[i] = Text{ID: fmt.Sprint(i + 1), Text: s + "."}
	}
	return out
}

// TestParaphrasedGroupsMerge: the price said in two vocabularies, most
// texts saying both, is one pain point; crashes and the story, said in
// texts of their own, stay two.
func TestParaphrasedGroupsMerge(t *testing.T) {
	res := FindPainPoints(gameShopTexts(300), PainPointOptions{})
	for _, p := range res.PainPoints {
		t.Logf("%s %v %d", p.Label, p.Terms, p.Texts)
	}
	price, money := painPointWith(res, "price"), painPointWith(res, "money")
	if price == nil || price != money {
		t.Errorf("the price and the money, one problem said together, are two pain points: %q", termsOf(res))
	}
	crash, story := painPointWith(res, "crashes"), painPointWith(res, "story")
	if crash == nil || story == nil || crash == story {
		t.Errorf("crashes and the story merged or missing: %q", termsOf(res))
	}
}
