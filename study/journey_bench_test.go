package study

import (
	"context"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/personas"
)

// BenchmarkTouchpointMatrix measures the touchpoint matrix of the demo's
// 2 x 20,000 responses, its pain points placed and the respondents in four
// personas: a pass over every respondent on the analysis' last, one-core
// stretch (with the journeys), beside which the workbook's Responses sheet
// is being written.
func BenchmarkTouchpointMatrix(b *testing.B) {
	d := newDemoStudy(b, 20000)
	found, err := analysis.FindPainPointsContext(context.Background(), d.st.texts, analysis.PainPointOptions{SegmentKey: "persona"})
	if err != nil {
		b.Fatal(err)
	}
	voiced := voicedBy(found, d.st, len(d.people))
	stages := placePainPoints(found, voiced, stageScores(d.cat, d.people), d.people, languageParts(d.in))
	for i, p := range d.people {
		p.persona = int32(1 + i%4)
	}
	b.ResetTimer()
	for b.Loop() {
		touchpointMatrix(d.cat, d.people, d.in, stages, voiced, "en")
	}
}

// BenchmarkHeadline measures the headline metrics of the same respondents
// in four personas, overall and for each persona against the rest: counted
// on a core of their own beside the matrix and the journeys.
func BenchmarkHeadline(b *testing.B) {
	d := newDemoStudy(b, 20000)
	pr := &personas.Result{}
	for i, p := range d.people {
		p.persona = int32(1 + i%4)
	}
	for id := 1; id <= 4; id++ {
		pr.Personas = append(pr.Personas, personas.Persona{ID: id})
	}
	b.ResetTimer()
	for b.Loop() {
		headline(d.cat, d.people, pr, nil)
	}
}
