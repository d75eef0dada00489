package spss

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func writeSurvey(t *testing.T, d *survey.Definition, rs []*survey.Response) string {
	t.Helper()
	var buf bytes.Buffer
	each := func(fn func(*survey.Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	if err := Write(&buf, d, each, time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), d.Slug+".sav")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSurveyExportInPSPP writes every question type and checks what a
// researcher sees in PSPP: names, labels, codes, measurement levels, the
// "seen, not answered" code, and skip logic as system-missing.
func TestSurveyExportInPSPP(t *testing.T) {
	d := surveytest.AllTypes(t)
	done := time.Date(2026, 3, 21, 10, 0, 0, 0, time.UTC)
	full := &survey.Response{ID: "r1", ClientID: "c1", Status: survey.Complete, Touchpoint: "instagram",
		StartedAt: done.Add(-5 * time.Minute), CompletedAt: &done, Answers: surveytest.FullAnswers()}
	// Complete but skipped optional questions; instagram not chosen, so
	// insta_often is hidden (system-missing), not "seen, not answered".
	n := func(f float64) *float64 { return &f }
	sparse := &survey.Response{ID: "r2", ClientID: "c2", Status: survey.Complete, StartedAt: done, CompletedAt: &done,
		Answers: survey.Answers{"age": {Choice: "50+"}, "channels": {Choices: []string{"friend"}}, "rating": {Number: n(5)}, "nps": {Number: n(10)}}}
	partial := &survey.Response{ID: "r3", ClientID: "c3", Status: survey.Partial, StartedAt: done,
		Answers: survey.Answers{"age": {Choice: "18-24"}}}
	path := writeSurvey(t, d, []*survey.Response{full, sparse, partial})
	out := pspp(t, path, "DISPLAY DICTIONARY.\nLIST /VARIABLES=status age channels_instagram channels_other channels_other_text insta_often rating nps orders first_order site_find nickname.\n")
	for _, want := range []string{
		"Your age group", "25-34", "50+", // value labels from options
		"Where did you hear about us?: Instagram", "Not selected", "Selected",
		"Strongly agree", "Ordinal", "About our website: Easy to pay",
		"Seen, not answered", "A billboard", "21-MAR-2025", "Sara", "Partial",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("PSPP output lacks %q", want)
		}
	}
	data := listed(out)
	want := []string{
		"1 2 1 1 A billboard 4 2 6 12 21-MAR-2025 4 Sara",
		"1 4 0 0  . 5 10 . . -99 ",
		"2 1 . .  . . . . . . ",
	}
	if len(data) != len(want) {
		t.Fatalf("listed %d rows, want %d:\n%s", len(data), len(want), out)
	}
	for i := range want {
		if data[i] != want[i] {
			t.Errorf("row %d = %q, want %q", i+1, data[i], want[i])
		}
	}
}

func TestPersianSurveyLabels(t *testing.T) {
	d := surveytest.TwentyFa(t)
	path := writeSurvey(t, d, nil)
	out := pspp(t, path, "DISPLAY DICTIONARY.\n")
	q := d.Questions()[0]
	if !strings.Contains(out, strings.Fields(q.Text.String())[0]) {
		t.Errorf("PSPP dictionary lacks the Persian question text %q:\n%s", q.Text, out)
	}
	if !strings.Contains(out, "ناتمام") {
		t.Error("status labels are not in the survey's language")
	}
}

func TestUniqueNames(t *testing.T) {
	names := map[string]bool{}
	for _, tc := range []struct{ in, want string }{
		{"age", "age"},
		{"AGE", "AGE_2"},
		{"25-34", "Q25_34"},
		{"with", "with_"},
		{"site.find.", "site.find"},
		{"شهر", "شهر"},
		{"", "Q"},
	} {
		got := uniqueName(tc.in, names)
		if got != tc.want {
			t.Errorf("uniqueName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if err := ValidName(got); err != nil {
			t.Errorf("uniqueName(%q) = %q is not valid: %v", tc.in, got, err)
		}
	}
}

// A multilingual survey's .sav has a value-labelled language variable:
// which language each respondent answered in, read back by PSPP.
func TestLanguageVariable(t *testing.T) {
	d := surveytest.Bilingual(t)
	e := NewExport(d)
	i := -1
	for k, v := range e.Vars {
		if v.Name == "language" {
			i = k
		}
	}
	if i < 0 || len(e.Vars[i].ValueLabels) != 2 || e.Vars[i].ValueLabels[1].Label != "en English" {
		t.Fatalf("language variable: %+v", e.Vars)
	}
	r := &survey.Response{ID: "a", Status: survey.Complete, Language: "en", Answers: survey.Answers{"city": {Choice: "tabriz"}, "sat": {Number: ptr(2)}}}
	if got := e.Row(r)[i]; got != Num(2) {
		t.Errorf("an English response: language %v, want 2", got)
	}
	if _, err := os.Stat("/usr/bin/pspp"); err != nil {
		t.Skip("PSPP not installed")
	}
	path := writeSurvey(t, d, []*survey.Response{r})
	out := pspp(t, path, "DISPLAY DICTIONARY /VARIABLES=language.\n")
	if !strings.Contains(out, "English") {
		t.Errorf("PSPP does not show the language labels:\n%s", out)
	}
}

func ptr(f float64) *float64 { return &f }
