package evaluate

import (
	"math"
	"reflect"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

func TestNMI(t *testing.T) {
	cases := []struct {
		name string
		a, b []int
		want float64
	}{
		{"identical up to renaming", []int{0, 0, 1, 1, 2}, []int{5, 5, 3, 3, 9}, 1},
		{"independent", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, 0},
		// Joint counts (0,0)=2 (0,1)=1 (1,1)=3 of n=6: MI = 1/3 ln2 + 1/6 ln(1/2)
		// + 1/2 ln(3/2) = .318257; H(a) = ln2, H(b) = .636514; NMI = MI / mean.
		{"partial", []int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 1, 1}, 0.478704},
		{"both one cluster", []int{1, 1, 1}, []int{2, 2, 2}, 1},
		{"one side one cluster", []int{1, 1, 1}, []int{0, 1, 2}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := NMI(c.a, c.b); !near(got, c.want) {
				t.Errorf("NMI = %.6f, want %.6f", got, c.want)
			}
		})
	}
}

// The same partial example by pair counting: sum C(nij,2) = 4, C(3,2)*2 = 6,
// C(2,2)+C(4,2) = 7, C(6,2) = 15: expected 2.8, max 6.5, ARI 1.2/3.7.
func TestAgreementCountsNoneAsACluster(t *testing.T) {
	cases := []struct {
		name     string
		first    []int
		primary  []string
		nmi, ari float64
	}{
		{"partial", []int{0, 0, 0, 1, 1, 1}, []string{"a", "a", "b", "b", "b", "b"}, 0.478704, 1.2 / 3.7},
		{"unplaced texts match a label exactly", []int{-1, -1, 0, 0, 1, 1}, []string{"x", "x", "y", "y", "z", "z"}, 1, 1},
		{"nothing placed", []int{-1, -1, -1, -1}, []string{"x", "x", "y", "y"}, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nmi, ari := Agreement(c.first, c.primary)
			if !near(nmi, c.nmi) || !near(ari, c.ari) {
				t.Errorf("NMI, ARI = %.6f, %.6f; want %.6f, %.6f", nmi, ari, c.nmi, c.ari)
			}
		})
	}
}

// labelsOf gives n texts the label l at the listed indices (others "o").
func labelsOf(n int, l string, at ...int) [][]string {
	out := make([][]string, n)
	for i := range out {
		out[i] = []string{"o"}
	}
	for _, i := range at {
		out[i] = []string{l}
	}
	return out
}

func TestFoundLabels(t *testing.T) {
	cases := []struct {
		name   string
		groups [][]int
		labels [][]string
		label  string
		want   LabelHit
	}{
		{"precision .75", [][]int{{0, 1, 2, 4}}, labelsOf(10, "x", 0, 1, 2, 3),
			"x", LabelHit{Label: "x", Texts: 4, Found: true, Group: 0, Hold: .75, Precision: .75, Lift: 1.875}},
		{"precision .25 at lift 2.5 is not enough", [][]int{{0, 1, 2, 3, 4, 5, 6, 7}}, labelsOf(20, "w", 0, 1),
			"w", LabelHit{Label: "w", Texts: 2, Found: false, Group: 0, Hold: 1, Precision: .25, Lift: 2.5}},
		{"precision 1/3 at lift 10/3 is", [][]int{{2, 3, 4}, {0, 1, 2, 3, 4, 5}}, labelsOf(20, "w", 0, 1),
			"w", LabelHit{Label: "w", Texts: 2, Found: true, Group: 1, Hold: 1, Precision: 1.0 / 3, Lift: 10.0 / 3}},
		{"hold .1 is too little", [][]int{{0}}, labelsOf(20, "x", 0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
			"x", LabelHit{Label: "x", Texts: 10, Found: false, Group: 0, Hold: .1, Precision: 1, Lift: 2}},
		{"hold exactly .2 is enough", [][]int{{0}}, labelsOf(20, "x", 0, 1, 2, 3, 4),
			"x", LabelHit{Label: "x", Texts: 5, Found: true, Group: 0, Hold: .2, Precision: 1, Lift: 4}},
		{"no group holds the label", [][]int{{5, 6}}, labelsOf(10, "x", 0, 1),
			"x", LabelHit{Label: "x", Texts: 2, Group: -1}},
		{"a multi-label text counts for each label",
			[][]int{{0, 1}}, [][]string{{"x", "y"}, {"y"}, {"x"}, {"o"}, {"o"}, {"o"}, {"o"}, {"o"}, {"o"}, {"o"}},
			"x", LabelHit{Label: "x", Texts: 2, Found: true, Group: 0, Hold: .5, Precision: .5, Lift: 2.5}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got *LabelHit
			hits := FoundLabels(c.groups, c.labels)
			for i := range hits {
				if hits[i].Label == c.label {
					got = &hits[i]
				}
			}
			if got == nil {
				t.Fatalf("no hit for %q in %+v", c.label, hits)
			}
			if got.Label != c.want.Label || got.Texts != c.want.Texts || got.Found != c.want.Found || got.Group != c.want.Group ||
				!near(got.Hold, c.want.Hold) || !near(got.Precision, c.want.Precision) || !near(got.Lift, c.want.Lift) {
				t.Errorf("got %+v\nwant %+v", *got, c.want)
			}
		})
	}
}

func TestFoundLabelsOrder(t *testing.T) {
	hits := FoundLabels(nil, [][]string{{"b"}, {"a"}, {"c", "b"}, {"a"}, {"d"}})
	var got []string
	for _, h := range hits {
		got = append(got, h.Label)
	}
	if want := []string{"a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("labels = %v, want %v (by count, then name)", got, want)
	}
}

func TestPrimaryLabelsPickTheRarest(t *testing.T) {
	// gameplay 3, story 3, price 2: price wins where present, the tie by name.
	got := PrimaryLabels([][]string{{"gameplay", "price"}, {"gameplay"}, {"story", "gameplay"}, {"story"}, {"price", "story"}, nil})
	want := []string{"price", "gameplay", "gameplay", "story", "price", ""}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PrimaryLabels = %q, want %q", got, want)
	}
}

func TestFirstGroup(t *testing.T) {
	got := FirstGroup([][]int{{2, 0}, {0, 1}, {}}, 4)
	if want := []int{0, 1, 0, -1}; !reflect.DeepEqual(got, want) {
		t.Errorf("FirstGroup = %v, want %v", got, want)
	}
}

func TestPk(t *testing.T) {
	seq := func(cuts ...int) []int {
		out := make([]int, 24)
		for i := range out {
			for _, c := range cuts {
				if i >= c {
					out[i]++
				}
			}
		}
		return out
	}
	ref := seq(8, 16)
	if pk, wd, k := Pk(ref, ref); pk != 0 || wd != 0 || k != 4 {
		t.Errorf("perfect: Pk %v WindowDiff %v k %d, want 0 0 4", pk, wd, k)
	}
	// one cut missed: the 4 of 20 windows that span it are wrong.
	if pk, wd, _ := Pk(ref, seq(16)); math.Abs(pk-.2) > 1e-9 || math.Abs(wd-.2) > 1e-9 {
		t.Errorf("one cut missed: Pk %v WindowDiff %v, want .2 .2", pk, wd)
	}
	// a cut one turn off costs less: the two windows that end between.
	if pk, _, _ := Pk(ref, seq(9, 16)); math.Abs(pk-.1) > 1e-9 {
		t.Errorf("a cut one off: Pk %v, want .1", pk)
	}
}
