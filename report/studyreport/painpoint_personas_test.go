package studyreport

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/report"
)

// TestPainPointPersonasByHowManyVoiceIt: the Pain points sheet's Personas
// column lists the personas by how many of their respondents voice the pain
// point, most first, each with that number, as the web's "by persona" does.
// It listed every persona in persona order without numbers: on the
// clothing reviews each of the 68 rows read the same seven names.
func TestPainPointPersonasByHowManyVoiceIt(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	res := analyze(t, in)
	d := Data(res, in, sources(in), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	name := map[string]string{}
	for _, p := range res.Personas.Personas {
		name[strconv.Itoa(p.ID)] = p.Name
	}
	checked := 0
	for i, pp := range res.PainPoints.PainPoints {
		by := pp.Breakdown["persona"]
		if len(by) < 2 {
			continue
		}
		got := d.PainPoints[i].Personas
		if len(got) != len(by) {
			t.Errorf("%q: personas %q, want the %d that voice it", pp.Label, got, len(by))
			continue
		}
		prev := -1
		for _, s := range got {
			var id string
			for k, n := range name {
				if strings.HasPrefix(s, n+" (") {
					id = k
				}
			}
			want := name[id] + " (" + report.Count(res.Study.Language, by[id]) + ")"
			if id == "" || s != want {
				t.Errorf("%q: persona %q, want a name and its count (%v)", pp.Label, s, by)
				continue
			}
			if prev >= 0 && by[id] > prev {
				t.Errorf("%q: personas %q not in order of how many voice it", pp.Label, got)
			}
			prev = by[id]
		}
		checked++
	}
	if checked < 5 {
		t.Fatalf("only %d pain points checked", checked)
	}
}
