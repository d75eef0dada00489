package studyreport

import (
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
)

// TestPersonaValuesInTheWorkbooksDigits: what the analysis wrote about a
// persona (a spend band "46–108", a scale point "1 Strongly disagree", a
// goal's share) reads in Persian digits in a Persian workbook, as its
// other numbers do; an English workbook shows them as the analysis wrote them.
func TestPersonaValuesInTheWorkbooksDigits(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	in.Language = "fa"
	res := analyze(t, in)
	bands, points := 0, 0
	for _, p := range res.Personas.Personas {
		for _, tr := range append(p.Traits, p.Goals...) {
			if tr.Band {
				bands++
			} else if strings.ContainsAny(tr.Value, "0123456789") {
				points++
			}
		}
	}
	if bands == 0 || points == 0 {
		t.Fatalf("fixture: %d banded and %d scale-point traits; want both", bands, points)
	}
	d := Data(res, in, nil, time.Time{})
	for _, p := range d.Personas {
		for _, tr := range p.Traits {
			if strings.ContainsAny(tr.Value, "0123456789") {
				t.Errorf("persona %d: trait %q = %q; want Persian digits", p.ID, tr.Column, tr.Value)
			}
		}
		for _, g := range p.Goals {
			if strings.ContainsAny(g, "0123456789%") {
				t.Errorf("persona %d: goal %q; want Persian digits and ٪", p.ID, g)
			}
		}
	}

	res.Study.Language = "en"
	d = Data(res, in, nil, time.Time{})
	for i, p := range d.Personas {
		for j, tr := range p.Traits {
			if want := res.Personas.Personas[i].Traits[j].Value; tr.Value != want {
				t.Errorf("English workbook: trait %q = %q; want %q as the analysis wrote it", tr.Column, tr.Value, want)
			}
		}
	}
}
