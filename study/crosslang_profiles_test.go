package study

import (
	"context"
	"reflect"
	"testing"

	"github.com/safarhq/safar/analysis"
)

// The pain points' profiles are described on several cores in blocks,
// each numbering the answers' features as it meets them; joined, they
// must be the profiles one pass makes, to the last bit of every sum, or
// the links would depend on the machine's cores.
func TestProfilesAlikeOnAnyCores(t *testing.T) {
	d := newDemoStudy(t, 1500)
	found, err := analysis.FindPainPointsContext(context.Background(), d.st.texts, analysis.PainPointOptions{SegmentKey: "persona"})
	if err != nil {
		t.Fatal(err)
	}
	pps := found.PainPoints
	if len(pps) < 6 {
		t.Fatalf("the demo gives %d pain points; the test needs several per block", len(pps))
	}
	newVoices := func() Voices { return voicesOf(d.cat, d.people, d.in, d.st) }
	parallel := NewParallelWords(d.in.Surveys)
	one := newProfiles(pps, newVoices, parallel, 1)
	judged := 0
	for _, p := range one {
		if p.judged {
			judged++
		}
	}
	if judged < 2 {
		t.Fatalf("%d profiles judged; the test needs profiles to compare", judged)
	}
	for _, workers := range []int{2, 3, 5} {
		got := newProfiles(pps, newVoices, parallel, workers)
		for i := range one {
			if !reflect.DeepEqual(got[i], one[i]) {
				t.Errorf("%d workers: pain point %d (%s) has another profile than one pass gives:\n%+v\nwant\n%+v", workers, i, pps[i].Label, got[i], one[i])
			}
		}
	}
}

func TestSplitByMembers(t *testing.T) {
	sized := func(ns ...int) []analysis.PainPoint {
		var out []analysis.PainPoint
		for _, n := range ns {
			out = append(out, analysis.PainPoint{Members: make([]string, n)})
		}
		return out
	}
	tests := []struct {
		name string
		pps  []analysis.PainPoint
		n    int
		want [][2]int
	}{
		{"none", nil, 2, [][2]int{{0, 0}}},
		{"one pain point", sized(5), 2, [][2]int{{0, 1}}},
		{"even halves", sized(4, 4, 4, 4), 2, [][2]int{{0, 2}, {2, 4}}},
		{"a big first", sized(10, 2, 2, 2, 2), 2, [][2]int{{0, 1}, {1, 5}}},
		{"one worker", sized(3, 3), 1, [][2]int{{0, 2}}},
		{"more workers than pain points", sized(3, 3), 4, [][2]int{{0, 1}, {1, 2}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := splitByMembers(tc.pps, tc.n); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("splitByMembers = %v, want %v", got, tc.want)
			}
		})
	}
}
