package analysis

import (
	"fmt"
	"testing"
)

// TestMoveMarginal: after the greedy, a term that links to another group
// better than to its own moves there, unless a term there is kept apart
// from it, its own group would keep fewer than two terms, the other group
// is a single term, the gain is under the margin, or a guard holds (the
// experiments of rounds 42 and 45, off by default).
func TestMoveMarginal(t *testing.T) {
	defer func(m float64, l int, g map[string]bool) { moveMargin, moveMinLinks, moveGuards = m, l, g }(moveMargin, moveMinLinks, moveGuards)
	unit := func(v ...float64) []float64 { normalize(v); return v }
	// The greedy put "hour" with "food, dish"; it links best to "wait,
	// minutes" (.96 against .36), and best of all to "lonely" alone (.99).
	keys := []string{"food", "dish", "hour", "wait", "minutes", "lonely", "price", "cost"}
	support := []float64{9, 8, 10, 4, 3, 1, 5, 5}
	vecs := [][]float64{
		unit(1, 0, 0), unit(1, .1, 0), unit(.3, .9, .1),
		unit(0, 1, 0), unit(.1, 1, 0), unit(.2, .95, 0),
		unit(0, 0, 1), unit(0, .1, 1),
	}
	// The texts that say "hour" say "food" and "dish", never "wait" or
	// "minutes", in all but the first run below.
	textsOf := [][]int{{0, 1}, {1, 2}, {0, 1, 2}, {3}, {3, 4}, {4}, {5}, {5}}
	docTerms := [][]int{{0, 2}, {0, 1, 2}, {1, 2}, {3, 4}, {4, 5}, {6, 7}}
	move := func(blocked map[[2]int]bool, apart bool, texts bool) string {
		groups := map[int]*[]int{0: {0, 1, 2}, 3: {3, 4}, 5: {5}, 6: {6, 7}}
		live := []int{0, 3, 5, 6}
		terms := make([]*term, len(keys))
		owner := make([]int, len(keys))
		unitOf := make([]int, len(keys))
		single := map[int]bool{}
		for i, k := range keys {
			terms[i] = &term{key: k, support: support[i]}
			unitOf[i], single[i] = i, true
		}
		for _, j := range live {
			for _, i := range *groups[j] {
				owner[i] = j
			}
		}
		m := &moves{terms: terms, vecs: vecs, owner: owner, unitOf: unitOf, single: single,
			blocked: blocked, live: live, members: func(j int) *[]int { return groups[j] },
			apart: func(a, b int) bool { return apart && (a == 0 && b == 3 || a == 3 && b == 0) }}
		if texts {
			m.textsOf, m.docTerms = textsOf, docTerms
		} else {
			m.textsOf = [][]int{{0}, {0}, {0, 1}, {1}, {1}, {}, {}, {}}
			m.docTerms = [][]int{{0, 1, 2}, {2, 3, 4}}
		}
		m.run()
		return fmt.Sprint(*groups[0], *groups[3], *groups[5], *groups[6])
	}
	const stays, moves = "[0 1 2] [3 4] [5] [6 7]", "[0 1] [3 4 2] [5] [6 7]"
	for _, tc := range []struct {
		name     string
		margin   float64
		minLinks int
		guards   string
		blocked  map[[2]int]bool
		apart    bool
		texts    bool
		want     string
	}{
		{"moves to wait, minutes", 0, 2, "", nil, false, false, moves},
		{"kept apart from minutes", 0, 2, "", map[[2]int]bool{{2, 4}: true, {4, 2}: true}, false, false, stays},
		{"a group of one may take it", 0, 1, "", nil, false, false, "[0 1] [3 4] [5 2] [6 7]"},
		{"margin no link beats", .9, 2, "", nil, false, false, stays},
		{"off", -1, 2, "", nil, false, false, stays},
		{"the head of its group stays", 0, 2, "head", nil, false, false, stays},
		{"the greedy kept the groups apart", 0, 2, "gblock", nil, true, false, stays},
		{"groups not kept apart", 0, 2, "gblock", nil, false, false, moves},
		{"it would head wait, minutes", 0, 2, "tgt", nil, false, false, stays},
		{"its texts say its own group", 0, 2, "text", nil, false, true, stays},
		{"its texts say both", 0, 2, "text", nil, false, false, moves},
		{"the head's texts say its own group", 0, 2, "headtext", nil, false, true, stays},
		{"its texts overlap its own group's", 0, 2, "textmean", nil, false, true, stays},
	} {
		moveMargin, moveMinLinks, moveGuards = tc.margin, tc.minLinks, map[string]bool{tc.guards: tc.guards != ""}
		if got := move(tc.blocked, tc.apart, tc.texts); got != tc.want {
			t.Errorf("%s: groups %s, want %s", tc.name, got, tc.want)
		}
	}
}
