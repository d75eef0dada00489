package studyreport

import (
	"slices"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
)

// TestPainPointLabelsInTheWorkbooksLanguage: in the workbook of the
// bilingual demo, a pain point voiced in both languages is labelled in the
// workbook's language, on the Pain points sheet, the personas' cards and
// the journey maps alike, as the web labels it for its reader; one voiced
// only in the other language keeps the label it has (nothing is
// translated by machine).
func TestPainPointLabelsInTheWorkbooksLanguage(t *testing.T) {
	in := demoInput(t, demo.ResponsesPerSurvey)
	res := analyze(t, in)
	for _, lang := range []string{"en", "fa"} {
		d := Data(res.In(lang), in, sources(in), time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
		want := map[string]bool{} // the labels a reader of lang should see
		other := map[string]string{}
		for _, set := range res.PainPointLabels {
			if l, ok := set[lang]; ok {
				want[l] = true
				for ol, o := range set {
					if ol != lang {
						other[o] = l
					}
				}
			}
		}
		if len(other) == 0 {
			t.Fatal("fixture: no pain point labelled in both languages")
		}
		check := func(where, label string) {
			if en, ok := other[label]; ok && !want[label] {
				t.Errorf("%s workbook, %s: %q, the study's %s label is %q", lang, where, label, lang, en)
			}
		}
		for _, pp := range d.PainPoints {
			check("Pain points", pp.Label)
		}
		for _, p := range d.Personas {
			for _, l := range p.PainPoints {
				check("persona "+p.Name, l)
			}
		}
		for _, j := range d.Journeys {
			for _, s := range j.Stages {
				for _, l := range s.PainPoints {
					check("journey map", l)
				}
			}
		}
		labels := []string{}
		for _, pp := range d.PainPoints {
			labels = append(labels, pp.Label)
		}
		for l := range want {
			if !slices.Contains(labels, l) {
				t.Errorf("%s workbook: the label %q is not on the Pain points sheet (%q)", lang, l, labels)
			}
		}
	}
}
