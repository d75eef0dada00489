package analysis

import (
	"slices"
	"strings"
	"testing"
)

// TestLabelStatesProblem: a label joins its head term to the complaint
// word its members say with it most by lift ("portions small", "service
// slow"), not to the set's commonest complaint word, and a head with no
// such word keeps its plain form.
func TestLabelStatesProblem(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(12, "The portions were small and the plates looked empty")
	add(4, "Portions rather small, again slow evening")
	add(14, "The service was slow, we waited an hour for the waiter")
	add(6, "Service slow and the bill was wrong")
	add(10, "Parking near the restaurant is a nightmare on weekends")
	res := FindPainPoints(in, PainPointOptions{})
	for _, w := range []string{"portions small", "service slow"} {
		if !slices.ContainsFunc(res.PainPoints, func(p PainPoint) bool { return strings.HasPrefix(p.Label, w) }) {
			t.Errorf("no label starts with %q: %+v", w, res.PainPoints)
		}
	}
	for _, p := range res.PainPoints {
		if strings.HasPrefix(p.Label, "parking") && strings.Contains(p.Label, "slow") {
			t.Errorf("parking label %q borrows another group's complaint word", p.Label)
		}
	}
}
