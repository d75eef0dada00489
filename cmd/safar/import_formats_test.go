package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestImportSurveyFromOtherTools imports each foreign format through the
// CLI, checks the report on stderr, and that a second import is refused.
func TestImportSurveyFromOtherTools(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	for _, c := range []struct{ file, slug, report string }{
		{"../../interop/surveyimport/testdata/qualtrics.qsf", "store-visit-feedback", "read a qualtrics survey: 7 questions mapped"},
		{"../../interop/surveyimport/testdata/surveyjs.json", "checkout-survey", "read a surveyjs survey"},
	} {
		code, out, errs := runSafar(t, db, "import", "survey", c.file)
		if code != 0 || !strings.Contains(out, `imported survey "`+c.slug+`"`) || !strings.Contains(errs, c.report) || !strings.Contains(errs, "dropped:") {
			t.Fatalf("import %s: %d\n%s\n%s", c.file, code, out, errs)
		}
	}
	// XLSForm through a real .xlsx file.
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "survey")
	f.SetSheetRow("survey", "A1", &[]any{"type", "name", "label", "required"})
	f.SetSheetRow("survey", "A2", &[]any{"select_one yn", "happy", "Happy with us?", "yes"})
	f.SetSheetRow("survey", "A3", &[]any{"text", "why", "Why?", ""})
	f.NewSheet("choices")
	f.SetSheetRow("choices", "A1", &[]any{"list_name", "name", "label"})
	f.SetSheetRow("choices", "A2", &[]any{"yn", "yes", "Yes"})
	f.SetSheetRow("choices", "A3", &[]any{"yn", "no", "No"})
	f.NewSheet("settings")
	f.SetSheetRow("settings", "A1", &[]any{"form_title", "form_id"})
	f.SetSheetRow("settings", "A2", &[]any{"Kobo form", "kobo_form"})
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	xlsx := writeFile(t, "form.xlsx", buf.String())
	code, out, errs := runSafar(t, db, "import", "survey", "--publish", xlsx)
	if code != 0 || !strings.Contains(out, `imported survey "kobo-form" (2 questions on 1 pages)`) || !strings.Contains(errs, "read a xlsform survey: 2 questions mapped") {
		t.Fatalf("xlsform: %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := runSafar(t, db, "import", "survey", xlsx); code == 0 || !strings.Contains(errs, "--update") {
		t.Errorf("second import: %d %s", code, errs)
	}
	if code, _, errs := runSafar(t, db, "import", "survey", writeFile(t, "x.pdf", "%PDF-1.4 junk")); code == 0 || !strings.Contains(errs, "x.pdf: a PDF document, not a survey") {
		t.Errorf("pdf: %d %s", code, errs)
	}
}
