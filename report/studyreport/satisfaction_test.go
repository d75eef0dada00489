package studyreport

import (
	"math"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
)

// TestPainPointSatisfactionGap: the workbook's pain points say how many
// points (of 100) their voices' satisfaction lies below or above the
// others', where the analysis shows a clear gap, and leave the cell blank
// where its interval holds 0.
func TestPainPointSatisfactionGap(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	res := analyze(t, in)
	d := Data(res, in, sources(in), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	shown, blank := 0, 0
	for i, pp := range res.PainPoints.PainPoints {
		got := d.PainPoints[i].SatisfactionGap
		clear := pp.SatisfactionGap != nil && (pp.SatisfactionGapCI[1] < 0 || pp.SatisfactionGapCI[0] > 0)
		switch {
		case clear && (got == nil || *got != math.Round(100**pp.SatisfactionGap)):
			t.Errorf("%q: gap %v in the workbook, want %.0f points", pp.Label, got, 100**pp.SatisfactionGap)
		case !clear && got != nil:
			t.Errorf("%q: gap %v in the workbook, want blank (interval %v)", pp.Label, *got, pp.SatisfactionGapCI)
		case clear:
			shown++
		default:
			blank++
		}
	}
	if shown == 0 || blank == 0 {
		t.Errorf("%d gaps shown and %d blank: the demo has pain points of both kinds", shown, blank)
	}
}
