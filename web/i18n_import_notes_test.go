package web

import (
	"regexp"
	"strings"
	"testing"

	"github.com/safarhq/safar/interop/surveyimport"
)

// TestImportNotesInBothLanguages: every line a survey import's report can
// have reads in Persian too, with the arguments its English text takes.
func TestImportNotesInBothLanguages(t *testing.T) {
	verbs := regexp.MustCompile(`%[a-z]`)
	for code, en := range surveyimport.Notes {
		if _, ok := importNotesFa[code]; !ok {
			t.Errorf("%s: no Persian text", code)
			continue
		}
		var args []any
		for _, v := range verbs.FindAllString(en, -1) {
			switch v {
			case "%d":
				args = append(args, 7)
			case "%g":
				args = append(args, 2.5)
			default:
				args = append(args, "x")
			}
		}
		got := importNoteText("fa", surveyimport.Note{Code: code, Args: args}, persianDigits)
		if strings.Contains(got, "%!") || strings.Count(got, "x")+strings.Count(got, "۷")+strings.Count(got, "۲٫۵") < len(args) {
			t.Errorf("%s: %q with %v", code, got, args)
		}
	}
	for code := range importNotesFa {
		if _, ok := surveyimport.Notes[code]; !ok {
			t.Errorf("%s: Persian text for no English one", code)
		}
	}
}
