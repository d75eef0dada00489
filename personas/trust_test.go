package personas

import (
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis/cluster"
)

// TestTrustLineInEitherLanguage: a card's trust line is worded again in
// any language from the level and membership it keeps, and a result
// stored before it kept them reads them off its assignments.
func TestTrustLineInEitherLanguage(t *testing.T) {
	q := Quality{Stability: &cluster.StabilityResult{MeanARI: 0.91}}
	r := &Result{Language: "fa", Quality: q,
		Personas: []Persona{{ID: 1, Size: 40, Share: 0.4}, {ID: 2, Size: 10, Share: 0.1}}}
	for i := 0; i < 40; i++ {
		r.Assignments = append(r.Assignments, Assignment{Persona: 1, Probability: 0.875})
	}
	for i := 0; i < 10; i++ {
		r.Assignments = append(r.Assignments, Assignment{Persona: 2, Probability: 0.5})
	}
	r.trust()
	if p := r.Personas[0]; p.TrustLevel != TrustSolid || p.Membership != 0.875 || !strings.HasPrefix(p.Trust, "قابل اتکا: ۴۰ نفر") {
		t.Fatalf("persona 1: %q, %q, %v", p.Trust, p.TrustLevel, p.Membership)
	}
	for i, want := range []string{
		"Solid: 40 people (40%), on average 88% sure to belong; the segmentation is stable (ARI 0.91)",
		"Weak: 10 people (10%), on average 50% sure to belong, too few to generalise from; the segmentation is stable (ARI 0.91)",
	} {
		if got := TrustLine("en", r.Personas[i], q, 2); got != want {
			t.Errorf("persona %d in English: %q, want %q", i+1, got, want)
		}
		if got := TrustLine("fa", r.Personas[i], q, 2); got != r.Personas[i].Trust {
			t.Errorf("persona %d in Persian: %q, want %q", i+1, got, r.Personas[i].Trust)
		}
	}

	old := *r // stored before trust_level and membership
	old.Personas = []Persona{r.Personas[0], r.Personas[1]}
	for i := range old.Personas {
		old.Personas[i].TrustLevel, old.Personas[i].Membership = "", 0
	}
	for i := range old.Personas {
		if level, sure := old.TrustOf(i); level != r.Personas[i].TrustLevel || sure != r.Personas[i].Membership {
			t.Errorf("persona %d from assignments: %q, %v", i+1, level, sure)
		}
	}
	if got := TrustLine("en", old.Personas[0], q, 2); got != old.Personas[0].Trust {
		t.Errorf("without a level the stored line stays: %q", got)
	}
}

// TestTrustLineAdvice: an unstable segmentation is advised fewer personas,
// but two are the fewest there can be: then more responses or other
// questions (a 30-response study of two was told to try fewer).
func TestTrustLineAdvice(t *testing.T) {
	q := Quality{Stability: &cluster.StabilityResult{MeanARI: 0.26}}
	c := Persona{ID: 1, Size: 15, Share: 0.5, TrustLevel: TrustWeak, Membership: 0.7}
	for k, want := range map[int]string{2: "collect more responses or choose other questions", 4: "try fewer personas"} {
		if got := TrustLine("en", c, q, k); !strings.HasSuffix(got, want) {
			t.Errorf("%d unstable personas: %q, want it to end %q", k, got, want)
		}
	}
}
