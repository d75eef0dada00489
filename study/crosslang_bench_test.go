package study

import (
	"context"
	"fmt"
	"testing"

	"github.com/safarhq/safar/analysis"
)

// BenchmarkLinkLanguages measures the cross-language linking of the
// demo's pain points (Persian and English, 20,000 responses each): the
// voices looked up, their answer profiles and the joins.
func BenchmarkLinkLanguages(b *testing.B) {
	in := Input{Name: "demo", Surveys: demoSurveys(b, 20000)}
	for _, s := range in.Surveys {
		for i, r := range s.Responses {
			r.ID = fmt.Sprintf("%s-%d", s.Slug, i) // as a store names them
		}
	}
	cat := newCatalog(in.Surveys)
	res := &Result{}
	people, _, err := readRespondents(context.Background(), cat, in, Options{}, res)
	if err != nil {
		b.Fatal(err)
	}
	st := collectTexts(cat, people, in, &res.Study)
	found, err := analysis.FindPainPointsContext(context.Background(), st.texts, analysis.PainPointOptions{SegmentKey: "persona"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		LinkLanguages(found.PainPoints, voicesOf(cat, people, in, st), found.People)
	}
}
