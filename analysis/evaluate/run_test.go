package evaluate

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/analysis"
)

func TestScoreTopTen(t *testing.T) {
	s := &Set{Name: "fixture", Texts: make([]analysis.Text, 6),
		Labels: [][]string{{"a"}, {"a"}, {"b"}, {"b"}, {"b"}, {"b"}}}
	groups := make([]Group, 11)
	groups[0].Members = []int{0, 1, 2}
	groups[1].Members = []int{3, 4}
	groups[10].Members = []int{5} // the 11th: counts for placed_all only
	sc := score(s, groups, len(groups), 1500*time.Millisecond)
	// First groups 0,0,0,1,1,none against a,a,b,b,b,b: NMI .386253, and ARI
	// by pair counting (2 - 28/15) / (5.5 - 28/15) = .036697. a: group 0
	// holds 2/2 at precision 2/3; b: group 1 holds 2/4 at precision 1.
	if sc.Found != 2 || !reflect.DeepEqual(sc.FoundLabels, []string{"b", "a"}) {
		t.Errorf("found %d %q, want 2 [b a]", sc.Found, sc.FoundLabels)
	}
	if !near(sc.NMI, 0.386253) || !near(sc.ARI, 0.036697) {
		t.Errorf("NMI, ARI = %.6f, %.6f; want .386253, .036697", sc.NMI, sc.ARI)
	}
	if !near(sc.Placed, 5.0/6) || sc.PlacedAll != 1 || sc.Groups != 11 || len(sc.Top) != 10 || sc.Seconds != 1.5 {
		t.Errorf("placed %.3f, all %.3f, groups %d, top %d, %.1fs; want .833, 1, 11, 10, 1.5s",
			sc.Placed, sc.PlacedAll, sc.Groups, len(sc.Top), sc.Seconds)
	}
}

func TestSummariseRange(t *testing.T) {
	m := summarise("nmf", []Score{{Found: 1, NMI: .1}, {Found: 3, NMI: .3}, {Found: 2, NMI: .2}})
	if m.Found != (Range{2, 1, 3}) || !near(m.NMI.Mean, .2) || m.NMI.Min != .1 || m.NMI.Max != .3 {
		t.Errorf("found %+v, NMI %+v; want mean 2 [1-3], .2 [.1-.3]", m.Found, m.NMI)
	}
}

func TestRunOnFixtures(t *testing.T) {
	dir := writeFixtureData(t)
	reps, err := RunSets(context.Background(), dir, []string{"mams", "transcript"})
	if err != nil {
		t.Fatal(err)
	}
	mams := reps[0]
	if want := []LabelCount{{"service", 12}, {"staff", 12}, {"price", 5}}; !reflect.DeepEqual(mams.Labels, want) {
		t.Errorf("labels = %+v, want %+v", mams.Labels, want)
	}
	var methods []string
	for _, m := range mams.Methods {
		methods = append(methods, m.Method)
		for _, r := range m.Runs {
			if r.Found > len(mams.Labels) || r.Placed < 0 || r.Placed > 1 || len(r.Top) > TopN || len(r.Hits) != 3 {
				t.Errorf("%s run %+v out of range", m.Method, r)
			}
		}
	}
	if !reflect.DeepEqual(methods, []string{"safar", "nmf", "lda"}) || len(mams.Methods[1].Runs) != 3 || mams.Methods[2].Runs[2].Seed != 3 {
		t.Errorf("methods %q with %d nmf runs: want safar, nmf, lda; peers on seeds 1-3", methods, len(mams.Methods[1].Runs))
	}

	var buf bytes.Buffer
	if err := WriteTable(&buf, reps); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"== mams: 24 texts.", "labels: service 12, staff 12, price 5", "nmf found: ", "== transcript: 2 texts.",
		"labels found by one of them; top ",
		"safar  -             -                    -                    "} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	b, err := json.Marshal(reps)
	if err != nil || !bytes.Contains(b, []byte(`"method":"lda"`)) {
		t.Errorf("JSON %s, %v", b, err)
	}
}

func TestVersus(t *testing.T) {
	safar := MethodReport{Method: "safar", Found: Range{Mean: 3}, NMI: Range{Mean: .20}, ARI: Range{Mean: .10}}
	nmf := MethodReport{Method: "nmf", Found: Range{Mean: 2.5}, NMI: Range{Mean: .15}, ARI: Range{Mean: .12}}
	lda := MethodReport{Method: "lda", Found: Range{Mean: 2}, NMI: Range{Mean: .25}, ARI: Range{Mean: .05}}
	cases := []struct {
		name string
		ms   []MethodReport
		want string
	}{
		{"beats", []MethodReport{safar, nmf}, "safar - nmf: found +0.50, NMI +0.050, ARI -0.020; beats every peer (found and NMI above its mean): yes"},
		{"a higher NMI elsewhere", []MethodReport{safar, nmf, lda}, "safar - lda: found +1.00, NMI -0.050, ARI +0.050; beats every peer (found and NMI above its mean): no"},
		{"a tie is no win", []MethodReport{safar, safar}, "beats every peer (found and NMI above its mean): no"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := versusText(c.ms); !strings.HasSuffix(got, c.want) {
				t.Errorf("got  %q\nwant ...%q", got, c.want)
			}
		})
	}
}

func TestWriteTableCleansQuotes(t *testing.T) {
	rep := SetReport{Set: "x", Methods: []MethodReport{{Method: "safar", Runs: []Score{{Top: []Group{
		{Label: "late\x1b[31m delivery", Size: 2, Quotes: []string{"line one\nline two\x07 " + strings.Repeat("é", 200)}},
	}}}}}}
	var buf bytes.Buffer
	if err := WriteTable(&buf, []SetReport{rep}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, `"line one line two `) || !strings.Contains(out, "é…\"") {
		t.Errorf("quotes not cleaned to one line of at most 160 runes:\n%s", out)
	}
}

// TestRealSets prints the evaluation of every shared set (go test -v); it
// never fails on quality, only on a broken run.
func TestRealSets(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the real sets take about 20 s")
	}
	dir := DataDir()
	if dir == "" {
		t.Skip("shared data not found: set SAFAR_SHARED_DATA or place it at shared/data beside the repository")
	}
	reps, err := RunSets(context.Background(), dir, SetNames())
	if err != nil {
		t.Fatal(err)
	}
	for _, rep := range reps {
		if rep.Texts == 0 || rep.Labelled && len(rep.Labels) == 0 {
			t.Errorf("%s: %d texts, %d labels", rep.Set, rep.Texts, len(rep.Labels))
		}
	}
	var buf bytes.Buffer
	if err := WriteTable(&buf, reps); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + buf.String())
}

func TestScoreFoundBeyondTopTen(t *testing.T) {
	labels := [][]string{{"a"}, {"a"}, {"b"}, {"b"}, {"c"}, {"c"}, {"c"}, {"c"}, {"c"}, {"c"}}
	s := &Set{Name: "fixture", Texts: make([]analysis.Text, len(labels)), Labels: labels}
	groups := make([]Group, 11)
	for g := range 10 {
		groups[g].Members = []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9} // find c only (precision .6)
	}
	groups[10].Members = []int{2, 3} // the 11th finds b
	sc := score(s, groups, len(groups), 0)
	if sc.Found != 1 || sc.FoundAll != 2 {
		t.Errorf("found %d in the top 10, %d by any group; want 1 and 2", sc.Found, sc.FoundAll)
	}
}

// TestSaidText: the table sums up how much of each top pain point says
// its label (the mean share, the labels said by under a tenth) and how
// many of the quotes shown say it.
func TestSaidText(t *testing.T) {
	top := []Group{
		{Label: "price expensive", Size: 100, Said: 5, Quotes: []string{"a", "b"}, QuotesSay: 1},
		{Label: "late delivery", Size: 50, Said: 25, Quotes: []string{"c", "d"}, QuotesSay: 2},
	}
	got := saidText(top)
	want := "top 2 labels: 0.275 of a pain point's texts say its label (mean), 1 said by under a tenth; 3/4 quotes say the label"
	if got != want {
		t.Errorf("saidText = %q, want %q", got, want)
	}
}
