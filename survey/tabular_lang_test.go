package survey_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// A multilingual survey's table says which language each respondent used,
// right after the other meta columns; a one-language survey's table is as
// it was.
func TestTableLanguageColumn(t *testing.T) {
	d := surveytest.Bilingual(t)
	h := d.TableHeader()
	if d.TableMetaCount() != 7 || h[6] != "language" || h[7] != "city" {
		t.Fatalf("header %v (meta %d), want language as the 7th column", h, d.TableMetaCount())
	}
	row := d.TableRow(&survey.Response{ID: "r1", Language: "en", Answers: survey.Answers{"city": {Choice: "tabriz"}}})
	if row[6] != "en" || row[7] != "tabriz" {
		t.Errorf("row %v", row)
	}
	if row := d.TableRow(&survey.Response{ID: "r0"}); row[6] != "fa" {
		t.Errorf("a response without a language: %q, want the default (fa)", row[6])
	}
	if one := surveytest.AllTypes(t); slices.Contains(one.TableHeader(), "language") || one.TableMetaCount() != 6 {
		t.Errorf("one-language header gained a language column: %v", one.TableHeader())
	}

	// Import: the column is read back, an unlisted language is refused by
	// name, and a header may use a question's text in either language.
	tr, err := d.NewTableReader([]string{"client_id", "language", "Which city do you live in?", "چقدر راضی بودید؟"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tr.Response([]string{"c1", "en", "tabriz", "2"})
	if err != nil || r.Language != "en" || r.Answers["city"].Choice != "tabriz" {
		t.Fatalf("import: %+v %v", r, err)
	}
	if _, err := tr.Response([]string{"c2", "de", "tabriz", "2"}); err == nil || !strings.Contains(err.Error(), `"de" is not one of the survey's languages (fa, en)`) {
		t.Errorf("import in an unlisted language: %v", err)
	}
}

// TestTableChoicesByLabelInAnyLanguage: a file from another tool may give
// choices by their labels in any of the survey's languages: an English row
// of a survey written in Persian first names its city "Tabriz" (it was
// stored as an "other" answer reading "Tabriz") and its channels
// "Instagram; A friend" (refused as no option).
func TestTableChoicesByLabelInAnyLanguage(t *testing.T) {
	d := surveytest.Bilingual(t)
	tr, err := d.NewTableReader([]string{"client_id", "language", "city", "channels", "sat"})
	if err != nil {
		t.Fatal(err)
	}
	r, err := tr.Response([]string{"c1", "en", "Tabriz", "Instagram; A friend", "Happy"})
	if err != nil {
		t.Fatal(err)
	}
	if c := r.Answers["city"]; c.Choice != "tabriz" || c.Other != "" {
		t.Errorf("city by its English label: %+v, want tabriz", c)
	}
	if got := r.Answers["channels"].Choices; !slices.Equal(got, []string{"instagram", "friend"}) {
		t.Errorf("channels by their English labels: %v", got)
	}
	r, err = tr.Response([]string{"c2", "fa", "تبریز", "اینستاگرام", "۲"})
	if err != nil || r.Answers["city"].Choice != "tabriz" || !slices.Equal(r.Answers["channels"].Choices, []string{"instagram"}) {
		t.Errorf("by Persian labels: %+v %v", r, err)
	}
}
