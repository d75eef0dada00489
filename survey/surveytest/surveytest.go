// Package surveytest holds fixtures shared by the tests of the survey
// packages: a definition that uses every question type.
package surveytest

import (
	_ "embed"
	"testing"

	"github.com/safarhq/safar/survey"
)

//go:embed all_types.json
var AllTypesJSON []byte

// AllTypes returns a fresh copy of the every-type fixture.
func AllTypes(tb testing.TB) *survey.Definition {
	tb.Helper()
	d, err := survey.ParseDefinition(AllTypesJSON)
	if err != nil {
		tb.Fatalf("fixture all_types.json: %v", err)
	}
	return d
}

// FullAnswers is a valid answer to every visible question of AllTypes.
func FullAnswers() survey.Answers {
	n := func(f float64) *float64 { return &f }
	return survey.Answers{
		"age":         {Choice: "25-34"},
		"channels":    {Choices: []string{"instagram", "other"}, Other: "A billboard"},
		"city":        {Choice: "Shiraz"},
		"insta_often": {Number: n(4)},
		"rating":      {Number: n(2)},
		"nps":         {Number: n(6)},
		"orders":      {Number: n(12)},
		"first_order": {Text: "2025-03-21"},
		"site":        {Matrix: map[string]int{"find": 4, "pay": 2}},
		"nickname":    {Text: "Sara"},
		"problem":     {Text: "The parcel arrived a week late <script>alert(1)</script>"},
	}
}

// TwentyFaJSON is a Persian survey with 20 questions of every type on one
// page: the page-weight and load-test fixture (docs/performance.md). Load
// it into a server with `safar import survey survey/surveytest/twenty_fa.json`.
//
//go:embed twenty_fa.json
var TwentyFaJSON []byte

// TwentyFa returns a fresh copy of the 20-question Persian fixture.
func TwentyFa(tb testing.TB) *survey.Definition {
	tb.Helper()
	d, err := survey.ParseDefinition(TwentyFaJSON)
	if err != nil {
		tb.Fatalf("fixture twenty_fa.json: %v", err)
	}
	return d
}

// BilingualJSON is a small Persian and English survey (Persian first, the
// default): every kind of translated text, option values shared by both.
//
//go:embed bilingual.json
var BilingualJSON []byte

// Bilingual returns a fresh copy of the bilingual fixture.
func Bilingual(tb testing.TB) *survey.Definition {
	tb.Helper()
	d, err := survey.ParseDefinition(BilingualJSON)
	if err != nil {
		tb.Fatalf("fixture bilingual.json: %v", err)
	}
	return d
}
