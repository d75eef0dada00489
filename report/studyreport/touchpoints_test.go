package studyreport

import (
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
)

// TestTouchpointSheetWithinItsRespondents: the Touchpoints sheet says each
// share is "the part of these N respondents who used that touchpoint":
// no cell counts more of them than there are, with the demo's interview
// about the use stage (website and courier) among the inputs (QA D4: the
// courier was used by 659 of 658 respondents).
func TestTouchpointSheetWithinItsRespondents(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	in.Participants, in.Transcripts = demo.Qualitative()
	staged := false
	for _, tr := range in.Transcripts {
		staged = staged || tr.Stage != "" && len(tr.Touchpoints) > 0
	}
	if !staged {
		t.Fatal("fixture: no transcript with a stage and touchpoints: the test says nothing")
	}
	res := analyze(t, in)
	d := Data(res, in, sources(in), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	cells := 0
	for _, v := range d.Touchpoints.Views {
		for _, c := range v.Cells {
			cells++
			if c.Usage > v.Respondents || c.Share > 1 {
				t.Errorf("view %d, %s at %s: used by %d (share %.3f) of %d respondents", v.Persona, c.Touchpoint, c.Stage, c.Usage, c.Share, v.Respondents)
			}
		}
	}
	if cells == 0 {
		t.Fatal("no touchpoint cell in the workbook's data")
	}
}
