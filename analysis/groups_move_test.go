package analysis

import (
	"fmt"
	"testing"
)

// TestMoveMarginal: after the greedy, a term that links to another group
// better than to its own moves there, unless a term there is kept apart
// from it, its own group would keep fewer than two terms, the other group
// is a single term, or the gain is under the margin (round 42's
// experiment, off by default).
func TestMoveMarginal(t *testing.T) {
	defer func(m float64, l int) { moveMargin, moveMinLinks = m, l }(moveMargin, moveMinLinks)
	unit := func(v ...float64) []float64 { normalize(v); return v }
	// The greedy put "hour" with "food, dish"; it links best to "wait,
	// minutes" (.96 against .36), and best of all to "lonely" alone (.99).
	keys := []string{"food", "dish", "hour", "wait", "minutes", "lonely", "price", "cost"}
	vecs := [][]float64{
		unit(1, 0, 0), unit(1, .1, 0), unit(.3, .9, .1),
		unit(0, 1, 0), unit(.1, 1, 0), unit(.2, .95, 0),
		unit(0, 0, 1), unit(0, .1, 1),
	}
	move := func(blocked map[[2]int]bool) string {
		groups := map[int]*[]int{0: {0, 1, 2}, 3: {3, 4}, 5: {5}, 6: {6, 7}}
		live := []int{0, 3, 5, 6}
		terms := make([]*term, len(keys))
		owner := make([]int, len(keys))
		unitOf := make([]int, len(keys))
		single := map[int]bool{}
		for i, k := range keys {
			terms[i] = &term{key: k}
			unitOf[i], single[i] = i, true
		}
		for _, j := range live {
			for _, i := range *groups[j] {
				owner[i] = j
			}
		}
		moveMarginal(terms, vecs, owner, unitOf, single, blocked, live, func(j int) *[]int { return groups[j] })
		return fmt.Sprint(*groups[0], *groups[3], *groups[5], *groups[6])
	}
	for _, tc := range []struct {
		name     string
		margin   float64
		minLinks int
		blocked  map[[2]int]bool
		want     string
	}{
		{"moves to wait, minutes", 0, 2, nil, "[0 1] [3 4 2] [5] [6 7]"},
		{"kept apart from minutes", 0, 2, map[[2]int]bool{{2, 4}: true, {4, 2}: true}, "[0 1 2] [3 4] [5] [6 7]"},
		{"a group of one may take it", 0, 1, nil, "[0 1] [3 4] [5 2] [6 7]"},
		{"margin no link beats", .9, 2, nil, "[0 1 2] [3 4] [5] [6 7]"},
		{"off", -1, 2, nil, "[0 1 2] [3 4] [5] [6 7]"},
	} {
		moveMargin, moveMinLinks = tc.margin, tc.minLinks
		if got := move(tc.blocked); got != tc.want {
			t.Errorf("%s: groups %s, want %s", tc.name, got, tc.want)
		}
	}
}
