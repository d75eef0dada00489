package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func newBilingualApp(t *testing.T) *testApp {
	return newTestApp(t, func(d *survey.Definition) { *d = *surveytest.Bilingual(t) })
}

func (r *respondent) getWith(path, acceptLanguage string) {
	r.app.t.Helper()
	req, _ := http.NewRequest(http.MethodGet, r.app.server.URL+path, nil)
	req.Header.Set("Accept-Language", acceptLanguage)
	resp, err := r.client.Do(req)
	r.read(resp, err)
}

func TestBilingualSurveyPicksTheLanguage(t *testing.T) {
	app := newBilingualApp(t)
	tests := []struct {
		name, path, accept string
		want, notWant      []string
	}{
		{"default is the first language", "/s/shop-bilingual", "",
			[]string{`lang="fa" dir="rtl"`, "نظرسنجی فروشگاه", "در کدام شهر زندگی می‌کنید؟", "تبریز", "سایر", "بعدی", "صفحهٔ ۱ از ۲",
				`<a href="/s/shop-bilingual?lang=en&amp;tp=" hreflang="en" lang="en" dir="ltr" data-lang="en">English</a>`,
				`<span lang="fa" dir="rtl" aria-current="true">فارسی</span>`},
			[]string{"Which city", "Tabriz"}},
		{"?lang=en", "/s/shop-bilingual?lang=en", "",
			[]string{`lang="en" dir="ltr"`, "Shop survey", "It takes two minutes.", "About you", "Which city do you live in?", "Pick the nearest one.",
				"Tabriz", ">Other<", "Next", "Page 1 of 2", `value="tabriz"`, `hreflang="fa"`},
			[]string{"تبریز", "در کدام شهر"}},
		{"the browser's language when listed", "/s/shop-bilingual", "en-GB,en;q=0.9,fa;q=0.5",
			[]string{`lang="en" dir="ltr"`, "Which city do you live in?"}, nil},
		{"an unlisted browser language falls to the default", "/s/shop-bilingual", "de-DE,de;q=0.9",
			[]string{`lang="fa" dir="rtl"`}, nil},
		{"?lang= beats the browser", "/s/shop-bilingual?lang=fa", "en",
			[]string{`lang="fa" dir="rtl"`}, nil},
		{"an unknown ?lang= is ignored", "/s/shop-bilingual?lang=xx", "",
			[]string{`lang="fa" dir="rtl"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := app.newRespondent()
			r.getWith(tt.path, tt.accept)
			if r.status != http.StatusOK {
				t.Fatalf("status %d", r.status)
			}
			r.mustSee(t, tt.want...)
			r.mustNotSee(t, tt.notWant...)
		})
	}
	// Each language's first page is cached on its own: asking for fa
	// again after en still gets Persian.
	r := app.newRespondent()
	r.get("/s/shop-bilingual?lang=en")
	r.get("/s/shop-bilingual?lang=fa")
	r.mustSee(t, `lang="fa"`, "تبریز")
}

// A respondent starts in Persian, switches to English on page 2 and
// finishes: the saved answers come along, errors and buttons follow the
// language, and the response records English.
func TestLanguageSwitchKeepsAnswers(t *testing.T) {
	app := newBilingualApp(t)
	r := app.newRespondent()
	r.get("/s/shop-bilingual")
	r.submit("next", url.Values{"lang": {"fa"}, "q.city": {"tabriz"}, "q.channels": {"instagram"}})
	r.mustSee(t, "چقدر راضی بودید؟", "خرید شما", `name="lang" value="fa"`)
	rid := ridOf(t, r.page)

	// The switch's link: the same page in English, with the resume link.
	r.get("/s/shop-bilingual/r/" + rid + "?lang=en")
	r.mustSee(t, `lang="en" dir="ltr"`, "How satisfied were you?", "So-so", "Page 2 of 2", "Submit", `name="lang" value="en"`)
	// Back to page 1: the saved Persian answers are there, in English.
	r.submit("back", url.Values{"lang": {"en"}})
	r.mustSee(t, `lang="en"`, "Which city do you live in?", `value="tabriz" checked`, `value="instagram" checked`)
	r.submit("next", url.Values{"lang": {"en"}, "q.city": {"tabriz"}, "q.channels": {"instagram"}})
	// A missing required answer is reported in English.
	r.submit("next", url.Values{"lang": {"en"}})
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", r.status)
	}
	r.mustSee(t, "Please answer this question.", `lang="en"`)
	r.submit("next", url.Values{"lang": {"en"}, "q.sat": {"3"}})
	r.mustSee(t, `lang="en"`, "Thank you for your help.", "Shop survey")
	rs := app.responses()
	if len(rs) != 1 || rs[0].Status != survey.Complete || rs[0].Language != "en" || rs[0].Answers["city"].Choice != "tabriz" {
		t.Fatalf("responses: %+v", rs)
	}
}

// The switch with answers typed but not yet sent (what survey.js does):
// they are saved, not validated, and the same page comes back in the
// other language.
func TestLanguageSwitchSavesTypedAnswers(t *testing.T) {
	app := newBilingualApp(t)
	r := app.newRespondent()
	r.get("/s/shop-bilingual")
	r.submit("lang", url.Values{"lang": {"en"}, "q.city": {"tabriz"}})
	r.mustSee(t, `lang="en"`, "Which city do you live in?", `value="tabriz" checked`)
	rs := app.responses()
	if len(rs) != 1 || rs[0].Status != survey.Partial || rs[0].Language != "en" {
		t.Fatalf("responses: %+v", rs)
	}
}

// One survey, one dataset: a Persian and an English respondent give the
// same answer and it is stored as the same value; the API and the CSV
// export say who answered in which language.
func TestBothLanguagesLandInOneDataset(t *testing.T) {
	app := newBilingualApp(t)
	for _, lang := range []string{"fa", "en"} {
		r := app.newRespondent()
		r.get("/s/shop-bilingual?lang=" + lang)
		r.submit("next", url.Values{"lang": {lang}, "q.city": {"tabriz"}, "q.channels": {"friend"}})
		r.submit("next", url.Values{"lang": {lang}, "q.sat": {"2"}})
		if !strings.Contains(r.url, "/thanks") {
			t.Fatalf("%s: ended on %s (%d)", lang, r.url, r.status)
		}
	}
	// And one through the API, in English.
	body := `{"client_id":"` + uuid.NewString() + `","language":"en","answers":{"city":"tabriz","sat":2}}`
	resp, err := http.Post(app.server.URL+"/api/v1/surveys/shop-bilingual/responses", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var reply map[string]any
	json.NewDecoder(resp.Body).Decode(&reply)
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || reply["language"] != "en" {
		t.Fatalf("API submit: %d %v", resp.StatusCode, reply)
	}
	bad := `{"client_id":"` + uuid.NewString() + `","language":"de","answers":{"city":"tabriz","sat":2}}`
	resp, err = http.Post(app.server.URL+"/api/v1/surveys/shop-bilingual/responses", "application/json", strings.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity && resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(b), `\"de\" is not one of this survey's languages (fa, en)`) {
		t.Errorf("API submit in an unlisted language: %d %s", resp.StatusCode, b)
	}
	langs := map[string]int{}
	for _, r := range app.responses() {
		if r.Answers["city"].Choice != "tabriz" || r.Answers["sat"].Number == nil || *r.Answers["sat"].Number != 2 {
			t.Errorf("response %s (%s): answers %+v, want the same values in every language", r.ID, r.Language, r.Answers)
		}
		langs[r.Language]++
	}
	if langs["fa"] != 1 || langs["en"] != 2 {
		t.Errorf("languages %v, want fa 1, en 2", langs)
	}
}

func ridOf(t *testing.T, page string) string {
	t.Helper()
	for _, m := range hiddenField.FindAllStringSubmatch(page, -1) {
		if m[1] == "rid" {
			return m[2]
		}
	}
	t.Fatalf("no rid on the page")
	return ""
}

// An unknown link has no survey to take its language from: the "not
// found" page follows ?lang=, the posted form's lang, then the browser.
func TestSurveyNotFoundSpeaksTheVisitorsLanguage(t *testing.T) {
	app := newTestApp(t, nil)
	fa := []string{`lang="fa" dir="rtl"`, "پرسشنامه پیدا نشد", "لطفاً پیوندی را که دریافت کرده‌اید بررسی کنید."}
	en := []string{`lang="en" dir="ltr"`, "Survey not found", "Please check the link you were given."}
	tests := []struct {
		name, method, path, accept, formLang string
		want, notWant                        []string
	}{
		{"no hint is English", http.MethodGet, "/s/nope", "", "", en, fa[1:]},
		{"?lang=fa", http.MethodGet, "/s/nope?lang=fa", "", "", fa, en[1:]},
		{"Accept-Language fa-IR", http.MethodGet, "/s/nope", "fa-IR,fa;q=0.9", "", fa, en[1:]},
		{"a language without pages falls through to the next", http.MethodGet, "/s/nope", "de-DE,fa;q=0.5", "", fa, en[1:]},
		{"?lang= beats the browser", http.MethodGet, "/s/nope?lang=en", "fa-IR", "", en, fa[1:]},
		{"an unknown ?lang= is ignored", http.MethodGet, "/s/nope?lang=xx", "fa", "", fa, en[1:]},
		{"a submitted form's lang", http.MethodPost, "/s/nope", "", "fa", fa, en[1:]},
		{"an unknown route", http.MethodGet, "/s/nope/x/y", "fa-IR", "", fa, en[1:]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var body io.Reader
			if tt.method == http.MethodPost {
				body = strings.NewReader(url.Values{"lang": {tt.formLang}, "page": {"0"}}.Encode())
			}
			req, _ := http.NewRequest(tt.method, app.server.URL+tt.path, body)
			if body != nil {
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			}
			if tt.accept != "" {
				req.Header.Set("Accept-Language", tt.accept)
			}
			r := app.newRespondent()
			resp, err := r.client.Do(req)
			r.read(resp, err)
			if r.status != http.StatusNotFound {
				t.Fatalf("status %d", r.status)
			}
			r.mustSee(t, tt.want...)
			r.mustNotSee(t, tt.notWant...)
		})
	}
}
