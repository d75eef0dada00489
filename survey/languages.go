package survey

import (
	"fmt"
	"slices"
	"strings"
)

// LanguageInfo is a language a survey can be written in.
type LanguageInfo struct {
	Code string // the code used in definitions, ?lang= and exports
	Name string // the language's own name, for the respondents' switch
	Dir  string // "rtl" or "ltr"
}

// KnownLanguages are the languages a survey may list. Persian and English
// have every built-in respondent string translated; the others show their
// author's texts with English built-in strings (buttons, errors).
var KnownLanguages = []LanguageInfo{
	{"fa", "فارسی", "rtl"},
	{"en", "English", "ltr"},
	{"ar", "العربية", "rtl"},
	{"az", "Azərbaycanca", "ltr"},
	{"ckb", "کوردی", "rtl"},
	{"kmr", "Kurmancî", "ltr"},
	{"tr", "Türkçe", "ltr"},
}

// Language looks a language up by code.
func Language(code string) (LanguageInfo, bool) {
	i := slices.IndexFunc(KnownLanguages, func(l LanguageInfo) bool { return l.Code == code })
	if i < 0 {
		return LanguageInfo{}, false
	}
	return KnownLanguages[i], true
}

// LanguageDir is the text direction of a language code ("ltr" when unknown).
func LanguageDir(code string) string {
	if l, ok := Language(code); ok {
		return l.Dir
	}
	return "ltr"
}

// Langs are the survey's languages, the default first. A one-language
// survey has one.
func (d *Definition) Langs() []string {
	if len(d.Languages) > 0 {
		return d.Languages
	}
	return []string{d.Language}
}

// ResponseLanguage is the language r was answered in: its own, or the
// survey's default for a response that has none.
func (d *Definition) ResponseLanguage(r *Response) string {
	if r.Language != "" {
		return r.Language
	}
	return d.Language
}

// Multilingual reports whether the survey has more than one language.
func (d *Definition) Multilingual() bool { return len(d.Langs()) > 1 }

// HasLanguage reports whether lang is one of the survey's languages.
func (d *Definition) HasLanguage(lang string) bool { return slices.Contains(d.Langs(), lang) }

// Normalize settles the language fields after decoding: Language becomes
// the first of Languages when only Languages was given, a one-entry
// Languages that repeats Language is dropped, and every text is reordered
// with the default language first (a one-language object becomes a plain
// string). ParseDefinition calls it; code that builds a Definition by hand
// with per-language texts should too.
func (d *Definition) Normalize() {
	if d.Language == "" && len(d.Languages) > 0 {
		d.Language = d.Languages[0]
	}
	if len(d.Languages) == 1 && d.Languages[0] == d.Language {
		d.Languages = nil
	}
	langs := d.Langs()
	d.EachText(func(_ string, t *Localized) { t.normalize(langs) })
}

// EachText calls fn with the JSON path and address of every text of the
// survey an author translates, in document order.
func (d *Definition) EachText(fn func(path string, t *Localized)) {
	fn("title", &d.Title)
	fn("description", &d.Description)
	fn("settings.thank_you", &d.Settings.ThankYou)
	for pi := range d.Pages {
		page := &d.Pages[pi]
		pp := fmt.Sprintf("pages[%d]", pi)
		fn(pp+".title", &page.Title)
		for qi := range page.Questions {
			q := &page.Questions[qi]
			qp := fmt.Sprintf("%s.questions[%d]", pp, qi)
			fn(qp+".text", &q.Text)
			fn(qp+".help", &q.Help)
			fn(qp+".short", &q.Short)
			for oi := range q.Options {
				fn(fmt.Sprintf("%s.options[%d].label", qp, oi), &q.Options[oi].Label)
			}
			for si := range q.Statements {
				fn(fmt.Sprintf("%s.statements[%d].label", qp, si), &q.Statements[si].Label)
			}
			if q.Scale != nil {
				for li := range q.Scale.Labels {
					fn(fmt.Sprintf("%s.scale.labels[%d]", qp, li), &q.Scale.Labels[li])
				}
				fn(qp+".scale.low", &q.Scale.Low)
				fn(qp+".scale.high", &q.Scale.High)
			}
		}
	}
	for i := range d.Quotas {
		fn(fmt.Sprintf("quotas[%d].message", i), &d.Quotas[i].Message)
	}
}

// validateLanguages checks the language fields and that every text has
// exactly the survey's languages.
func validateLanguages(p *problems, d *Definition) {
	if len(d.Languages) == 0 {
		if _, ok := Language(d.Language); !ok {
			p.addCode("language", "def_language", d.Language, knownCodes())
		}
	} else {
		if d.Language != "" && d.Language != d.Languages[0] {
			p.addCode("language", "def_language_conflict", d.Language, d.Languages[0])
		}
		seen := map[string]bool{}
		for i, l := range d.Languages {
			switch _, ok := Language(l); {
			case !ok:
				p.addCode(fmt.Sprintf("languages[%d]", i), "def_language", l, knownCodes())
			case seen[l]:
				p.addCode(fmt.Sprintf("languages[%d]", i), "def_language_twice", l)
			}
			seen[l] = true
		}
	}
	langs := d.Langs()
	d.EachText(func(path string, t *Localized) {
		for _, tr := range t.t {
			if !ValidText(tr.Text) {
				p.addCode(path, "def_bad_text")
				return
			}
			if tr.Lang != "" && !slices.Contains(langs, tr.Lang) {
				if len(langs) == 1 {
					p.addCode(path, "def_text_other_lang", tr.Lang, langs[0], tr.Lang)
				} else {
					p.addCode(path, "def_text_unlisted_lang", tr.Lang, tr.Lang, strings.Join(langs, ", "))
				}
			}
		}
		for _, l := range t.Missing(langs) {
			p.addCode(path, "def_translation_missing", l)
		}
	})
}

func knownCodes() string {
	s := make([]string, len(KnownLanguages))
	for i, l := range KnownLanguages {
		s[i] = l.Code
	}
	return strings.Join(s, ", ")
}
