package analysis

import (
	"reflect"
	"testing"
)

// groupsOf runs a grouping over single-term nodes with the given unit
// vectors and returns each node's group root.
func cpmFixture(vs [][]float64, blocked func(a, b int) bool, gamma float64) []int {
	for _, v := range vs {
		normalize(v)
	}
	owner := make([]int, len(vs))
	live := make([]int, len(vs))
	for i := range vs {
		owner[i], live[i] = i, i
	}
	join := func(a, b int) {
		for i := range owner {
			if owner[i] == b {
				owner[i] = a
			}
		}
	}
	cpmGroups(live, func(j int) []float64 { return vs[j] }, func(int) int { return 1 }, blocked, join, gamma)
	return owner
}

func TestCPMGroups(t *testing.T) {
	vs := func() [][]float64 {
		return [][]float64{
			{1, 0, 0}, {.95, .31, 0}, {.9, 0, .43}, // near x
			{0, 1, 0}, {0, .95, .31}, // near y
			{0, 0, 1}, // z: links .43 to term 2 only, mean .14 to the x group
		}
	}
	none := func(a, b int) bool { return false }
	got := cpmFixture(vs(), none, .2)
	want := []int{0, 0, 0, 3, 3, 5}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("groups %v, want %v", got, want)
	}
	// a blocked pair never shares a group
	bl := func(a, b int) bool { return (a == 0 && b == 1) || (a == 1 && b == 0) }
	got = cpmFixture(vs(), bl, .2)
	if got[0] == got[1] {
		t.Fatalf("blocked pair together: %v", got)
	}
	if got[2] != got[0] && got[2] != got[1] {
		t.Fatalf("term 2 left both of its neighbours: %v", got)
	}
	if got[3] != got[4] || got[3] == got[0] {
		t.Fatalf("y group broken: %v", got)
	}
	// deterministic
	if again := cpmFixture(vs(), bl, .2); !reflect.DeepEqual(again, got) {
		t.Fatalf("not deterministic: %v then %v", got, again)
	}
	// a higher gamma keeps the looser term 2 apart from the x pair
	got = cpmFixture(vs(), none, .97)
	if got[2] == got[0] {
		t.Fatalf("gamma .97 joined term 2: %v", got)
	}
}

func TestLouvainGroupsSplitsBlocked(t *testing.T) {
	vs := [][]float64{{1, 0}, {.98, .2}, {.96, .28}, {0, 1}, {.2, .98}}
	for _, v := range vs {
		normalize(v)
	}
	live := []int{0, 1, 2, 3, 4}
	owner := []int{0, 1, 2, 3, 4}
	members := func(j int) []int { return []int{j} }
	bl := func(a, b int) bool { return (a == 0 && b == 2) || (a == 2 && b == 0) }
	join := func(a, b int) {
		for i := range owner {
			if owner[i] == b {
				owner[i] = a
			}
		}
	}
	louvainMode = "pos"
	defer func() { louvainMode = "" }()
	louvainGroups(live, vs, members, bl, join)
	if owner[0] == owner[2] {
		t.Fatalf("blocked pair together: %v", owner)
	}
	if owner[3] != owner[4] || owner[3] == owner[0] {
		t.Fatalf("groups %v", owner)
	}
}
