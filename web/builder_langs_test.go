package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestBuilderTranslatesSideBySide: adding Persian to the English
// every-type survey shows each text in both languages side by side, counts
// and marks what is missing, previews either language, and removing the
// language again leaves the English texts as they were.
func TestBuilderTranslatesSideBySide(t *testing.T) {
	w, b, press := builderAt(t, "res@example.com")
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	press("add_lang", map[string]string{"new_lang": "fa"}).want(http.StatusOK,
		`<input type="hidden" name="languages" value="en">`, `<input type="hidden" name="languages" value="fa">`,
		`name="q.0.0.text~en" lang="en" dir="ltr" id="q.0.0.text~en" rows="2">Your age group</textarea>`,
		`name="q.0.0.text~fa" lang="fa" dir="rtl"`, `value="del_lang:fa"`, "Texts without a translation")
	f := formValues(t, b.body, "builder")
	// Translate everything but one question's text.
	for k := range f {
		en, ok := strings.CutSuffix(k, "~fa")
		if !ok {
			continue
		}
		var lines []string
		for _, l := range strings.Split(f.Get(en+"~en"), "\n") {
			if _, label, found := strings.Cut(l, "|"); found {
				l = label
			}
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, "فا "+l)
			}
		}
		f.Set(k, strings.Join(lines, "\n"))
	}
	f.Set("q.1.0.text~fa", "")
	f.Set("op", "refresh")
	b.do("POST", path, f).want(http.StatusOK, "Texts without a translation: 1.")
	missing := regexp.MustCompile(`<label class="missing">.*?name="([^"]+)"`).FindAllStringSubmatch(strings.ReplaceAll(b.body, "\n", " "), -1)
	if len(missing) != 1 || missing[0][1] != "q.1.0.text~fa" {
		t.Errorf("marked missing: %v, want only q.1.0.text~fa", missing)
	}
	// Saving refuses, naming the field.
	f = formValues(t, b.body, "builder")
	f.Set("op", "save")
	b.do("POST", path, f).want(http.StatusUnprocessableEntity, "pages[1].questions[0].text", "&#34;fa&#34;")
	// The preview shows the chosen language, right to left.
	f = formValues(t, b.body, "builder")
	f.Set("q.1.0.text~fa", "به ارسال نمره بدهید")
	f.Set("op", "preview")
	f.Set("preview_lang", "fa")
	f.Set("preview_page", "1")
	b.do("POST", path, f).want(http.StatusOK, `dir="rtl"`, "به ارسال نمره بدهید", "فا Orders in the last year")
	// Every text translated, the survey saves with both languages.
	f.Set("op", "save")
	b.do("POST", path, f).wantRedirect("/app/surveys/")
	sv, err := w.store.SurveyBySlug(context.Background(), w.survey.Slug)
	if err != nil {
		t.Fatal(err)
	}
	d := sv.Definition
	if q := d.Pages[1].Questions[0]; strings.Join(d.Langs(), ",") != "en,fa" || q.Text.In("fa") != "به ارسال نمره بدهید" || q.Text.In("en") != "Rate the delivery" ||
		d.Pages[0].Questions[0].Options[1].Label.In("fa") != "فا 25-34" {
		t.Errorf("saved: languages %v, q.1.0 %q / %q, option %q", d.Langs(), q.Text.In("en"), q.Text.In("fa"), d.Pages[0].Questions[0].Options[1].Label.In("fa"))
	}
	b.get(path)
	press("add_lang", map[string]string{"new_lang": "fa"})
	// Removing Persian leaves plain English fields with their texts.
	press("del_lang:fa", nil).want(http.StatusOK, `<textarea name="q.0.0.text" dir="auto" id="q.0.0.text" rows="2">Your age group</textarea>`)
	if strings.Contains(b.body, "~fa") || strings.Contains(b.body, `name="languages"`) {
		t.Error("removed language still has fields")
	}
	// Persian as the default language: its column comes first.
	press("add_lang", map[string]string{"new_lang": "fa"})
	press("refresh", map[string]string{"language": "fa", "q.0.0.text~fa": "گروه سنی"})
	if i, j := strings.Index(b.body, `name="q.0.0.text~fa"`), strings.Index(b.body, `name="q.0.0.text~en"`); i < 0 || j < 0 || i > j {
		t.Errorf("default language's column not first (fa at %d, en at %d)", i, j)
	}
	// The default language cannot be removed.
	if strings.Contains(b.body, `value="del_lang:fa"`) {
		t.Error("the default language has a remove button")
	}
}
