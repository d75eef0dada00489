package studyreport

import (
	"slices"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// The workbook's responses sheet of a bilingual survey: headers and option
// labels in the workbook's language, one row per response whatever the
// language it was answered in, and a language column saying which.
func TestResponsesSheetOfABilingualSurvey(t *testing.T) {
	d := surveytest.Bilingual(t)
	rs := []*survey.Response{
		{ID: "a", Status: survey.Complete, Language: "fa", Answers: survey.Answers{"city": {Choice: "tabriz"}}},
		{ID: "b", Status: survey.Complete, Language: "en", Answers: survey.Answers{"city": {Choice: "tabriz"}}},
	}
	src := []ResponseSource{{Definition: d, Each: func(fn func(*survey.Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}}}
	for _, tt := range []struct{ lang, language, city, tabriz string }{
		{"en", "Language", "Which city do you live in?", "Tabriz"},
		{"fa", "زبان", "در کدام شهر زندگی می‌کنید؟", "تبریز"},
	} {
		sheet := responses(&study.Result{Study: study.Info{Language: tt.lang}}, src)
		li, ci := slices.Index(sheet.Header, tt.language), slices.Index(sheet.Header, tt.city)
		if li < 0 || ci < 0 {
			t.Fatalf("%s: header %v lacks %q or %q", tt.lang, sheet.Header, tt.language, tt.city)
		}
		var langs []any
		for row, err := range sheet.Rows {
			if err != nil {
				t.Fatal(err)
			}
			langs = append(langs, row[li])
			if row[ci] != tt.tabriz {
				t.Errorf("%s: city cell %v, want %q", tt.lang, row[ci], tt.tabriz)
			}
		}
		if !slices.Equal(langs, []any{"fa", "en"}) {
			t.Errorf("%s: language column %v, want [fa en]", tt.lang, langs)
		}
	}
	one := responses(&study.Result{Study: study.Info{Language: "en"}}, []ResponseSource{{Definition: surveytest.AllTypes(t), Each: func(func(*survey.Response) error) error { return nil }}})
	if slices.Contains(one.Header, "Language") {
		t.Errorf("a one-language survey's sheet gained a language column: %v", one.Header)
	}
}
