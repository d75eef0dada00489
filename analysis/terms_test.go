package analysis

import (
	"fmt"
	"slices"
	"testing"
)

// TestDomainAnchors: letters of several sentences that each name "food"
// (most of them once, in passing) keep it as a term: only the letters
// about the food come back to it; "restaurant", which every letter says
// in two sentences, is the domain. Texts of one or two sentences that
// each name "food" once make it the domain (a mention there is half the
// text or more).
func TestDomainAnchors(t *testing.T) {
	concerns := [][]string{
		{"The food was cold.", "The portions of food were small.", "The soup was bland."},
		{"The waiter was rude.", "The waiter forgot our order.", "The food came late."},
		{"The room was loud.", "The tables were crowded.", "The food was fine."},
	}
	var letters, short []string
	for i := range 60 {
		c := concerns[i%3]
		letters = append(letters, fmt.Sprintf("We went to the restaurant on day %d. %s %s %s The restaurant disappointed us.", i, c[0], c[1], c[2]))
		short = append(short, c[i%3]+" "+c[(i+1)%3])
	}
	for _, c := range []struct {
		name string
		in   []string
		food bool // food a term
	}{{"letters", letters, true}, {"short texts", short, false}} {
		docs := make([]*tdoc, len(c.in))
		for i, x := range c.in {
			d := analyseText(x, nil)
			docs[i] = &d
		}
		st := countTerms(docs, nil)
		var keys []string
		for _, tm := range st.selectTerms(minSupport(len(docs), 0)) {
			keys = append(keys, tm.key)
		}
		if got := slices.Contains(keys, stemEn("food")); got != c.food {
			t.Errorf("%s: food a term %v, want %v (terms %q)", c.name, got, c.food, keys)
		}
		if slices.Contains(keys, stemEn("restaurant")) {
			t.Errorf("%s: the domain word restaurant is a term (terms %q)", c.name, keys)
		}
	}
}
