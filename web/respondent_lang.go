package web

import (
	"net/url"

	"github.com/gin-gonic/gin"
	"golang.org/x/text/language"

	"github.com/safarhq/safar/survey"
)

// A multilingual survey is shown in one of its languages, chosen in this
// order:
//
//  1. ?lang= (the switch's links), or the form's lang field on a submit;
//  2. the language of the respondent's saved response, when resuming;
//  3. the browser's Accept-Language, when it names a listed language;
//  4. the survey's default (first) language.
//
// The chosen language decides the page's lang and dir attributes, the
// author's texts (Localized.In) and the built-in strings (buttons, errors,
// progress). The answers are the same whatever the language: option values
// are shared, so switching mid-survey keeps everything saved.

// pickLang applies the order above; explicit and stored are ignored when
// the survey does not list them.
func pickLang(d *survey.Definition, explicit, stored, acceptLanguage string) string {
	if d == nil {
		return "en"
	}
	if d.HasLanguage(explicit) {
		return explicit
	}
	if d.HasLanguage(stored) {
		return stored
	}
	if d.Multilingual() && acceptLanguage != "" {
		if tags, _, err := language.ParseAcceptLanguage(acceptLanguage); err == nil {
			for _, t := range tags { // in preference order
				base, _ := t.Base()
				if d.HasLanguage(base.String()) {
					return base.String()
				}
			}
		}
	}
	if d.Language != "" {
		return d.Language
	}
	return "en"
}

// requestLang is pickLang for a GET of a respondent page; without a survey
// (an unknown link) it is visitorLang.
func requestLang(c *gin.Context, sv *survey.Survey, stored string) string {
	if sv == nil {
		return visitorLang(c.Query("lang"), c.GetHeader("Accept-Language"))
	}
	return pickLang(sv.Definition, c.Query("lang"), stored, c.GetHeader("Accept-Language"))
}

// visitorLang is the language of a respondent page that has no survey to
// take it from ("Survey not found"): the same order as pickLang, among the
// languages the respondent pages are written in (catalog), English last.
func visitorLang(explicit, acceptLanguage string) string {
	if _, ok := catalog[explicit]; ok {
		return explicit
	}
	if acceptLanguage != "" {
		if tags, _, err := language.ParseAcceptLanguage(acceptLanguage); err == nil {
			for _, t := range tags { // in preference order
				base, _ := t.Base()
				if _, ok := catalog[base.String()]; ok {
					return base.String()
				}
			}
		}
	}
	return "en"
}

// langLink is one entry of the respondents' language switch.
type langLink struct {
	Code, Name, Dir, URL string
	Current              bool
}

// langSwitch lists the survey's languages as links to base (a path,
// possibly with a query) in each, the current one marked; nil for a
// one-language survey.
func langSwitch(d *survey.Definition, current, base string, extra url.Values) []langLink {
	if d == nil || !d.Multilingual() {
		return nil
	}
	out := make([]langLink, 0, len(d.Langs()))
	for _, code := range d.Langs() {
		info, _ := survey.Language(code)
		q := url.Values{"lang": {code}}
		for k, v := range extra {
			q[k] = v
		}
		out = append(out, langLink{Code: code, Name: info.Name, Dir: info.Dir, URL: base + "?" + q.Encode(), Current: code == current})
	}
	return out
}
