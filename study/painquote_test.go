package study_test

import (
	"github.com/safarhq/safar/analysis"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPersonaPainQuotesSayThePainPoint: every quote under a persona's
// pain point is the text of one of that pain point's members, by the
// quoted respondent, that says its label (QA D3: "days, delivery, late"
// was illustrated by "the app keeps asking for a code", a member by the
// word "code" of "tracking code").
func TestPersonaPainQuotesSayThePainPoint(t *testing.T) {
	in, res := analyzeDemo(t)
	texts := map[string]string{} // member id -> text
	for _, s := range in.Surveys {
		for _, r := range s.Responses {
			for q, v := range r.Answers {
				if v.Text != "" {
					texts["r:"+r.ID+":"+q] = v.Text
				}
			}
		}
	}
	quoted := 0
	for _, p := range res.Personas.Personas {
		for _, tr := range p.PainPoints {
			if tr.Quote == nil {
				continue
			}
			quoted++
			var pp *analysis.PainPoint
			for i := range res.PainPoints.PainPoints {
				if res.PainPoints.PainPoints[i].Key == tr.Value {
					pp = &res.PainPoints.PainPoints[i]
				}
			}
			if pp == nil {
				t.Errorf("persona %q: pain point %q is none of the study's", p.Name, tr.Value)
				continue
			}
			says := false
			for j, m := range pp.Members {
				if strings.HasPrefix(m, "r:"+tr.Quote.ID+":") && strings.TrimSpace(texts[m]) == tr.Quote.Text && pp.Says(j) {
					says = true
				}
			}
			if !says {
				t.Errorf("persona %q, pain point %q: quote %q is no text of one of its members that says it", p.Name, pp.Label, tr.Quote.Text)
			}
			// Read as a reader would: the quote has a word of the label, in
			// the language of either of its halves when it was joined
			// across languages.
			labels := []string{pp.Label}
			for _, l := range res.PainPointLabels[pp.Key] {
				labels = append(labels, l)
			}
			if !hasLabelWord(tr.Quote.Text, labels) {
				t.Errorf("persona %q, pain point %q: quote %q has no word of its labels %q", p.Name, pp.Label, tr.Quote.Text, labels)
			}
		}
	}
	if quoted == 0 {
		t.Fatal("no persona pain point is quoted: the test says nothing")
	}
}

// hasLabelWord tells whether text holds a word (three letters or more) of
// one of the labels.
func hasLabelWord(text string, labels []string) bool {
	text = strings.ToLower(text)
	for _, l := range labels {
		for _, w := range strings.FieldsFunc(strings.ToLower(l), func(r rune) bool { return r == ',' || r == '،' || r == ' ' }) {
			if utf8.RuneCountInString(w) >= 3 && strings.Contains(text, w) {
				return true
			}
		}
	}
	return false
}
