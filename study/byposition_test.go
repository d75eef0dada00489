package study

import (
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestTextsAndScoresByPosition: the texts' satisfaction and the headline
// scores read answers by catalog position; they are what the answers by
// question id give, and their slices are made once at their size (counted
// first), not grown as they are filled.
func TestTextsAndScoresByPosition(t *testing.T) {
	d := newDemoStudy(t, 300)
	// satisfaction by question id, as it was read before.
	byID := func(p *respondent) (float64, bool) {
		var sum float64
		var n int
		for _, id := range d.cat.order {
			q := d.cat.byID[id]
			if q.Role != survey.RoleSatisfaction || !isScaled(q) {
				continue
			}
			v, has := p.answer(d.cat, id)
			if !has || v.Number == nil {
				continue
			}
			f, ok := normalized(q, *v.Number)
			if !ok {
				continue
			}
			if q.Type == survey.NPS {
				return f, true
			}
			sum += f
			n++
		}
		if n == 0 {
			return 0, false
		}
		return sum / float64(n), true
	}
	rated := 0
	for _, p := range d.people {
		got, gotOK := p.satisfaction(d.cat)
		want, wantOK := byID(p)
		if got != want || gotOK != wantOK {
			t.Fatalf("respondent %s: satisfaction %v %v, by question id %v %v", p.id, got, gotOK, want, wantOK)
		}
		if gotOK {
			rated++
		}
	}
	if rated == 0 {
		t.Fatal("no respondent has a satisfaction: the test tests nothing")
	}
	if len(d.st.refs) == 0 || cap(d.st.refs) != len(d.st.refs) {
		t.Errorf("text refs: len %d, cap %d: grown, not counted", len(d.st.refs), cap(d.st.refs))
	}
	s := collectScores(d.cat, d.people)
	for _, m := range []struct {
		name string
		vals []float64
		of   []int32
	}{{"nps", s.nps, s.npsOf}, {"csat", s.csat, s.csatOf}, {"effort", s.effort, s.effortOf}} {
		if cap(m.vals) != len(m.vals) || cap(m.of) != len(m.of) || len(m.vals) != len(m.of) {
			t.Errorf("%s: len %d/%d, cap %d/%d: grown, not counted", m.name, len(m.vals), len(m.of), cap(m.vals), cap(m.of))
		}
	}
	if len(s.nps) == 0 {
		t.Error("no NPS score collected")
	}
}
