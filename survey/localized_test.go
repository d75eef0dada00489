package survey_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// A definition written before surveys had several languages must come
// back byte for byte: stored definitions, golden files and the API depend
// on it. testdata/*.v1.json were marshalled by the code before Localized
// existed (from the surveytest fixtures).
func TestOneLanguageDefinitionsRoundTripByteForByte(t *testing.T) {
	for _, name := range []string{"all_types", "twenty_fa"} {
		t.Run(name, func(t *testing.T) {
			old, err := os.ReadFile("testdata/" + name + ".v1.json")
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range []string{"surveytest/" + name + ".json", "testdata/" + name + ".v1.json"} {
				raw, err := os.ReadFile(src)
				if err != nil {
					t.Fatal(err)
				}
				d, err := survey.ParseDefinition(raw)
				if err != nil {
					t.Fatal(err)
				}
				got, err := json.Marshal(d)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, old) {
					t.Errorf("%s marshals differently from before:\n got %s\nwant %s", src, got, old)
				}
				// And through a plain json.Unmarshal, as the store loads it.
				var d2 survey.Definition
				if err := json.Unmarshal(old, &d2); err != nil {
					t.Fatal(err)
				}
				if again, _ := json.Marshal(&d2); !bytes.Equal(again, old) {
					t.Errorf("store round trip differs:\n got %s\nwant %s", again, old)
				}
			}
		})
	}
}

func TestLocalizedJSON(t *testing.T) {
	tests := []struct {
		name, in, out string
		langs         []string
	}{
		{"plain string stays a string, escaped as one", `"Hello <b>"`, `"Hello \u003cb\u003e"`, []string{"en"}},
		{"empty string", `""`, `""`, []string{"en"}},
		{"object keeps its languages, default first", `{"en":"Hi","fa":"سلام"}`, `{"fa":"سلام","en":"Hi"}`, []string{"fa", "en"}},
		{"one-language object becomes a string", `{"fa":"سلام"}`, `"سلام"`, []string{"fa"}},
		{"plain string in a two-language survey stays plain", `"Hi"`, `"Hi"`, []string{"en", "fa"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &survey.Definition{Slug: "s", Languages: tt.langs}
			if err := json.Unmarshal([]byte(tt.in), &d.Title); err != nil {
				t.Fatal(err)
			}
			d.Normalize()
			got, err := json.Marshal(d.Title)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.out {
				t.Errorf("got %s, want %s", got, tt.out)
			}
		})
	}
}

func TestLocalizedRefusesOtherShapes(t *testing.T) {
	for _, in := range []string{`3`, `["a"]`, `{"fa": 3}`, `{"fa":"a","fa":"b"}`, `{"":"x"}`, `true`} {
		var l survey.Localized
		if err := json.Unmarshal([]byte(in), &l); err == nil {
			t.Errorf("%s: accepted as %q", in, l.String())
		}
	}
}

func TestLocalizedLookups(t *testing.T) {
	l := survey.Texts("fa", "سلام", "en", "Hello")
	if l.String() != "سلام" || l.In("en") != "Hello" || l.In("fa") != "سلام" {
		t.Errorf("String/In: %q %q %q", l.String(), l.In("en"), l.In("fa"))
	}
	if got := l.In("ar"); got != "سلام" {
		t.Errorf("In(ar) = %q, want the default language's text", got)
	}
	if m := l.Missing([]string{"fa", "en", "ar"}); !slices.Equal(m, []string{"ar"}) {
		t.Errorf("Missing = %v, want [ar]", m)
	}
	plain := survey.Text("Hi")
	if m := plain.Missing([]string{"en", "fa"}); !slices.Equal(m, []string{"fa"}) {
		t.Errorf("plain Missing = %v, want [fa] (a plain string is the default language)", m)
	}
	if m := (survey.Localized{}).Missing([]string{"en", "fa"}); m != nil {
		t.Errorf("empty text Missing = %v, want none: an empty text is not a missing translation", m)
	}
	if e := l.With("en", ""); e.In("en") != "سلام" || len(e.Translations()) != 1 {
		t.Errorf("With(en, \"\") should remove the translation: %+v", e.Translations())
	}
	if l.In("en") != "Hello" {
		t.Error("With changed the original")
	}
}

const bilingual = `{"slug":"shop","languages":["fa","en"],
 "title":{"fa":"نظرسنجی فروشگاه","en":"Shop survey"},
 "settings":{"thank_you":{"en":"Thanks!","fa":"سپاس!"}},
 "pages":[{"title":{"fa":"درباره شما","en":"About you"},"questions":[
  {"id":"city","type":"single","text":{"fa":"کجا زندگی می‌کنید؟","en":"Where do you live?"},
   "options":[{"value":"tehran","label":{"fa":"تهران","en":"Tehran"}},{"value":"tabriz","label":{"fa":"تبریز","en":"Tabriz"}}]},
  {"id":"sat","type":"likert","text":{"fa":"راضی هستید؟","en":"Satisfied?"},
   "scale":{"points":3,"labels":[{"fa":"نه","en":"No"},{"fa":"کمی","en":"Somewhat"},{"fa":"بله","en":"Yes"}]}}]}]}`

func TestParseBilingualDefinition(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(bilingual))
	if err != nil {
		t.Fatal(err)
	}
	if d.Language != "fa" || !d.Multilingual() || !slices.Equal(d.Langs(), []string{"fa", "en"}) {
		t.Errorf("languages: %q %v", d.Language, d.Langs())
	}
	q, _ := d.Question("city")
	if q.OptionTextIn("tabriz", "en") != "Tabriz" || q.OptionText("tabriz") != "تبریز" {
		t.Errorf("option labels: %q %q", q.OptionTextIn("tabriz", "en"), q.OptionText("tabriz"))
	}
	sat, _ := d.Question("sat")
	if got := sat.PointTextIn(2, "en"); got != "2 Somewhat" {
		t.Errorf("PointTextIn = %q", got)
	}
	if d.Settings.ThankYou.String() != "سپاس!" {
		t.Errorf("thank_you default = %q: the default language must come first whatever the object's order", d.Settings.ThankYou.String())
	}
	out, _ := json.Marshal(d)
	if !bytes.Contains(out, []byte(`"thank_you":{"fa":"سپاس!","en":"Thanks!"}`)) || !bytes.Contains(out, []byte(`"language":"fa","languages":["fa","en"]`)) {
		t.Errorf("marshal: %s", out)
	}
	if _, err := survey.ParseDefinition(out); err != nil {
		t.Errorf("marshalled definition does not parse again: %v", err)
	}
}

func TestLanguageValidation(t *testing.T) {
	en := `{"id":"a","type":"short_text","text":{"fa":"الف","en":"A"}}`
	tests := []struct {
		name string
		json string
		want []string // "field: message", each must appear
	}{
		{"missing translation named by path and language",
			`{"slug":"s","languages":["fa","en"],"title":{"fa":"ت","en":"T"},"pages":[{"questions":[` + en + `,
			{"id":"b","type":"single","text":{"fa":"ب"},"options":[{"value":"x","label":{"fa":"ایکس","en":"X"}},{"value":"y","label":{"en":"Y"}}]}]}]}`,
			[]string{`pages[0].questions[1].text: no "en" translation`, `pages[0].questions[1].options[1].label: no "fa" translation`}},
		{"plain string in a two-language survey lacks the others",
			`{"slug":"s","languages":["fa","en"],"title":"T","pages":[{"questions":[` + en + `]}]}`,
			[]string{`title: no "en" translation`}},
		{"unknown language code",
			`{"slug":"s","languages":["fa","xx"],"title":{"fa":"ت","xx":"T"},"pages":[{"questions":[{"id":"a","type":"short_text","text":{"fa":"ا","xx":"A"}}]}]}`,
			[]string{`languages[1]: unknown language "xx"`}},
		{"unknown single language", `{"slug":"s","language":"de","title":"T","pages":[{"questions":[{"id":"a","type":"short_text","text":"A"}]}]}`,
			[]string{`language: unknown language "de"`}},
		{"language listed twice",
			`{"slug":"s","languages":["en","en"],"title":"T","pages":[{"questions":[{"id":"a","type":"short_text","text":"A"}]}]}`,
			[]string{`languages[1]: "en" is listed twice`}},
		{"conflicting language and languages",
			`{"slug":"s","language":"en","languages":["fa","en"],"title":{"fa":"ت","en":"T"},"pages":[{"questions":[` + en + `]}]}`,
			[]string{`language: "en" conflicts with languages`}},
		{"object text with another language in a one-language survey",
			`{"slug":"s","language":"en","title":{"en":"T","fa":"ت"},"pages":[{"questions":[{"id":"a","type":"short_text","text":"A"}]}]}`,
			[]string{`title: has a "fa" text but the survey's only language is "en"`}},
		{"text in a language the survey does not list",
			`{"slug":"s","languages":["fa","en"],"title":{"fa":"ت","en":"T","ar":"ع"},"pages":[{"questions":[` + en + `]}]}`,
			[]string{`title: has a "ar" text but "ar" is not one of the survey's languages (fa, en)`}},
		{"empty required text", `{"slug":"s","languages":["fa","en"],"title":{},"pages":[{"questions":[` + en + `]}]}`,
			[]string{`title: empty`}},
		{"scale label missing a language",
			`{"slug":"s","languages":["en","fa"],"title":{"en":"T","fa":"ت"},"pages":[{"questions":[{"id":"a","type":"likert","text":{"en":"A","fa":"ا"},"scale":{"points":2,"labels":[{"en":"No","fa":"نه"},{"en":"Yes"}]}}]}]}`,
			[]string{`pages[0].questions[0].scale.labels[1]: no "fa" translation`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := survey.ParseDefinition([]byte(tt.json))
			var ve *survey.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a validation error", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Field+": "+p.Message)
			}
			for _, w := range tt.want {
				if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
					t.Errorf("missing problem %q in:\n%s", w, strings.Join(got, "\n"))
				}
			}
		})
	}
	if _, err := survey.ParseDefinition([]byte(bilingual)); err != nil {
		t.Errorf("a complete bilingual survey: %v", err)
	}
}
