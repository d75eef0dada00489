package evaluate

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
)

// TestMixedSetsLoad reads the mixed sets from the fixture folder: every
// review with text, the unhappy ones by their score.
func TestMixedSetsLoad(t *testing.T) {
	dir := writeFixtureData(t)
	p, err := LoadMixed(dir, "parsinlu-all")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Texts) != 4 || fmt.Sprint(p.Unhappy) != "[true false true false]" {
		t.Errorf("parsinlu-all: %d texts, unhappy %v; want 4, [true false true false]", len(p.Texts), p.Unhappy)
	}
	c, err := LoadMixed(dir, "clothing-all")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Texts) == 0 || !c.Unhappy[0] || !strings.HasPrefix(c.Texts[0].Text, "Runs small. ") {
		t.Errorf("clothing-all: %d texts, first %q unhappy %v", len(c.Texts), c.Texts[0].Text, c.Unhappy[0])
	}
	if _, err := LoadMixed(dir, "nope"); err == nil {
		t.Error("an unknown mixed set loaded")
	}
}

// TestRunMixedScoresTheTopTen: precision, lift and recall are counted
// over the texts the top 10 hold, each once.
func TestRunMixedScoresTheTopTen(t *testing.T) {
	s := &MixedSet{Name: "fixture"}
	for i := range 40 {
		text, unhappy := "The zipper broke after one wash, terrible quality.", true
		if i%2 == 1 {
			text, unhappy = "Love it, beautiful colour and a perfect fit.", false
		}
		s.Texts = append(s.Texts, analysis.Text{ID: fmt.Sprint(i), Text: fmt.Sprintf("%s Order %d.", text, i)})
		s.Unhappy = append(s.Unhappy, unhappy)
	}
	r, err := RunMixed(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if r.Texts != 40 || r.Unhappy != 20 || r.Base != 0.5 {
		t.Errorf("counts: %+v", r)
	}
	if r.Precision != 1 || r.Recall != 1 || math.Abs(r.Lift-2) > 1e-9 {
		t.Errorf("the broken zipper alone should be a pain point: precision %v, recall %v, lift %v", r.Precision, r.Recall, r.Lift)
	}
	var b strings.Builder
	if err := WriteMixedTable(&b, []MixedReport{r}); err != nil || !strings.Contains(b.String(), "fixture") {
		t.Errorf("table %q (err %v)", b.String(), err)
	}
}
