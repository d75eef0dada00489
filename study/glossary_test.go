package study

import (
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestGlossaryOneSurveyTwoLanguages: a survey written in English and
// Persian at once (not one survey per language) gives the glossary its own
// translations, both ways, so a Persian reader of an analysis labelled in
// English sees the traits, answers and touchpoints in Persian.
func TestGlossaryOneSurveyTwoLanguages(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(`{"slug": "bread", "title": {"en": "Bread", "fa": "نان"}, "languages": ["en", "fa"],
	  "pages": [{"questions": [
	    {"id": "age", "type": "single", "text": {"en": "Your age", "fa": "سن شما"}, "role": "demographic",
	     "options": [{"value": "u25", "label": {"en": "Under 25", "fa": "زیر ۲۵"}}, {"value": "o40", "label": {"en": "Over 40", "fa": "بالای ۴۰"}}]},
	    {"id": "grid", "type": "matrix", "text": {"en": "Rate", "fa": "نمره"}, "scale": {"points": 2, "labels": [{"en": "Bad", "fa": "بد"}, {"en": "Good", "fa": "خوب"}]},
	     "statements": [{"value": "fresh", "label": {"en": "Freshness", "fa": "تازگی"}}]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	g := glossary([]SurveyData{{Slug: "bread", Definition: d}})
	for from, want := range map[string]string{"Bread": "نان", "Your age": "سن شما", "Over 40": "بالای ۴۰", "Freshness": "تازگی", "Good": "خوب", "Rate": "نمره"} {
		if got := g["fa"][from]; got != want {
			t.Errorf("fa glossary of %q: %q, want %q", from, got, want)
		}
	}
	if got := g["en"]["زیر ۲۵"]; got != "Under 25" {
		t.Errorf("en glossary of %q: %q, want %q", "زیر ۲۵", got, "Under 25")
	}
}

// TestResultInTitle: the study's title reads in the reader's language when
// the survey has it (the Persian workbook of an English-and-Persian survey
// was headed by its English title).
func TestResultInTitle(t *testing.T) {
	r := &Result{Glossary: map[string]map[string]string{"fa": {"Bread": "نان"}}}
	r.Study.Title = "Bread"
	if got := r.In("fa").Study.Title; got != "نان" {
		t.Errorf("title in fa: %q", got)
	}
	if got := r.In("en").Study.Title; got != "Bread" {
		t.Errorf("title in en: %q", got)
	}
}
