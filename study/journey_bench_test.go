package study

import (
	"context"
	"testing"

	"github.com/safarhq/safar/analysis"
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
	stages := placePainPoints(found, voiced, stageScores(d.cat, d.people))
	for i, p := range d.people {
		p.persona = int32(1 + i%4)
	}
	b.ResetTimer()
	for b.Loop() {
		touchpointMatrix(d.cat, d.people, d.in, stages, voiced, "en")
	}
}
