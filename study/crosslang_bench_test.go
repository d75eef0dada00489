package study

import (
	"context"
	"testing"

	"github.com/safarhq/safar/analysis"
)

// BenchmarkLinkLanguages measures the cross-language linking of the
// demo's pain points (Persian and English, 20,000 responses each): the
// voices looked up, their answer profiles, the surveys' wording indexed
// and the joins.
func BenchmarkLinkLanguages(b *testing.B) {
	d := newDemoStudy(b, 20000)
	found, err := analysis.FindPainPointsContext(context.Background(), d.st.texts, analysis.PainPointOptions{SegmentKey: "persona"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		LinkLanguages(found.PainPoints, func() Voices { return voicesOf(d.cat, d.people, d.in, d.st) }, found.People, NewParallelWords(d.in.Surveys))
	}
}
