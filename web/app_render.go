package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/internal/jalali"
	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/templates"
)

// The researcher workspace renders with its own layout (app_layout.html)
// and one template set per page and display variant: "en", "fa" (Latin
// digits) and "fa-pd" (Persian digits), so the translation and number
// functions are bound at parse time like the respondent pages'.

// appPages lists the workspace page templates.
var appPages = []string{
	"login", "setup", "account", "app_message",
	"projects", "project_form", "project", "survey_admin",
	"distribution", "responses", "response", "response_delete", "dashboard", "builder", "users",
	"webhooks", "webhook",
}

var appVariants = []string{"en", "fa", "fa-pd"}

type appViews struct {
	sets map[string]map[string]*template.Template // variant -> page -> set
}

func variantOf(lang string, pd bool) string {
	if lang == "fa" {
		if pd {
			return "fa-pd"
		}
		return "fa"
	}
	return "en"
}

func loadAppViews(a *assets) (*appViews, error) {
	v := &appViews{sets: map[string]map[string]*template.Template{}}
	for _, variant := range appVariants {
		lang, pd := variant[:2], strings.HasSuffix(variant, "-pd")
		f := appFuncs(lang, pd)
		f["asset"] = a.url
		v.sets[variant] = map[string]*template.Template{}
		for _, p := range appPages {
			t, err := template.New(p).Funcs(f).ParseFS(templates.FS, "app_layout.html", "partial_*.html", p+".html")
			if err != nil {
				return nil, fmt.Errorf("parse template %s: %w", p, err)
			}
			v.sets[variant][p] = t
		}
	}
	return v, nil
}

// appFuncs are the template functions of one display variant.
func appFuncs(lang string, pd bool) template.FuncMap {
	digits := func(s string) string {
		if pd {
			return persianDigits(s)
		}
		return s
	}
	decimal := func(s string) string { // Persian digits take the Persian decimal separator
		if pd {
			return strings.Replace(persianDigits(s), ".", "٫", 1)
		}
		return s
	}
	return template.FuncMap{
		"t":    func(key string, args ...any) string { return digits(appText(lang, key, args...)) },
		"sep":  func() string { return listSep(lang) },
		"bdi":  bdi,
		"num":  func(n int) string { return digits(strconv.Itoa(n)) },
		"fnum": func(f float64, prec int) string { return decimal(formatFloat(f, prec)) },
		"pct": func(f float64) string {
			if math.IsNaN(f) {
				return "–"
			}
			sign := "%"
			if lang == "fa" {
				sign = "٪"
			}
			return digits(formatFloat(f*100, 0) + sign)
		},
		"date":     func(t time.Time) string { return digits(formatDate(lang, t, false)) },
		"datetime": func(t time.Time) string { return digits(formatDate(lang, t, true)) },
		"optdate": func(t *time.Time) string {
			if t == nil {
				return ""
			}
			return digits(formatDate(lang, *t, true))
		},
		"stage": func(p *survey.Project, st survey.Stage) string { return stageName(lang, p, string(st)) },
		"join":  strings.Join,
		"list":  func(items []string) template.HTML { return list(lang, items) },
		// qf and pf name a builder field: q.PAGE.QUESTION.FIELD, p.PAGE.FIELD.
		"qf": func(pi, qi int, f string) string { return fmt.Sprintf("q.%d.%d.%s", pi, qi, f) },
		"pf": func(pi int, f string) string { return fmt.Sprintf("p.%d.%s", pi, f) },
		"op": func(name string, idx ...int) string {
			s := name
			for i, n := range idx {
				if i == 0 {
					s += ":" + strconv.Itoa(n)
				} else {
					s += "." + strconv.Itoa(n)
				}
			}
			return s
		},
		// digits writes digits the app generated (a range "46–108") in the
		// reader's digits; never respondents' words.
		"digits": digits,
		// decimal writes a number the app formatted ("12.5") in the
		// reader's digits and decimal separator.
		"decimal": decimal,
		// problem is a survey.FieldError in the reader's language.
		"problem": func(fe survey.FieldError) string { return problemText(lang, fe, digits) },
		// importNote is a line of a survey import's report in the reader's language.
		"importNote": func(n surveyimport.Note) string { return importNoteText(lang, n, digits) },
		"seq": func(from, to int) []int {
			var out []int
			for i := from; i <= to; i++ {
				out = append(out, i)
			}
			return out
		},
		"add": func(a, b int) int { return a + b },
	}
}

// formatFloat writes f with prec decimals, a half rounded away from zero
// as the workbook's number formats (Excel, LibreOffice) round it: the
// journey map's 40.5 reads 41 on the page and in the workbook, where
// strconv's round-half-to-even wrote 40.
func formatFloat(f float64, prec int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	scale := math.Pow10(prec)
	if r := math.Round(f*scale) / scale; !math.IsInf(r, 0) {
		f = r
	}
	return strconv.FormatFloat(f, 'f', prec, 64)
}

// formatDate writes t in the server's time zone: Jalali for Persian.
func formatDate(lang string, t time.Time, withTime bool) string {
	if t.IsZero() {
		return ""
	}
	t = t.Local()
	var s string
	if lang == "fa" {
		s = jalali.FromTime(t).String()
	} else {
		s = t.Format("2006-01-02")
	}
	if withTime {
		s += " " + t.Format("15:04")
	}
	return s
}

// appPage is what every workspace page gets; D is the page's own data.
type appPage struct {
	Lang, Dir, Title string
	Me               *survey.User
	CSRF             string
	D                any
}

// anonLang picks the language of pages shown before sign-in.
func anonLang(c *gin.Context) string {
	if l := c.Query("lang"); l == "fa" || l == "en" {
		return l
	}
	if strings.HasPrefix(strings.ToLower(c.GetHeader("Accept-Language")), "fa") {
		return "fa"
	}
	return "en"
}

// viewerLang is the signed-in user's language, or the anonymous guess.
func viewerLang(c *gin.Context) string {
	if u := currentUser(c); u != nil && u.Lang == "fa" {
		return "fa"
	} else if u != nil {
		return "en"
	}
	return anonLang(c)
}

// renderApp renders a workspace page into a buffer, then writes it whole.
// u is nil on the pages shown before sign-in.
func (s *Server) renderApp(c *gin.Context, status int, u *survey.User, page, titleKey string, data any) {
	if u == nil {
		u = currentUser(c)
	}
	lang, pd := anonLang(c), false
	p := appPage{Me: u, D: data}
	if u != nil {
		lang, pd = u.Lang, u.PersianDigits
		if ss := currentSession(c); ss != nil {
			p.CSRF = ss.CSRFToken
		}
	}
	p.Lang, p.Dir = lang, "ltr"
	if lang == "fa" {
		p.Dir = "rtl"
	}
	p.Title = appText(lang, titleKey)
	set := s.app.sets[variantOf(lang, pd)]
	var buf bytes.Buffer
	if err := set[page].ExecuteTemplate(&buf, "app", p); err != nil {
		s.log.Error("render failed", "page", page, "err", err)
		c.Data(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("internal error\n"))
		return
	}
	c.Header("Cache-Control", "no-store")
	c.Data(status, "text/html; charset=utf-8", buf.Bytes())
}

// appMessage is a workspace page with one heading and one sentence.
// appMessage is a page that says one thing: Back is where its link goes,
// BackKey names the link (default "Back to projects"), NewTab opens it in
// another tab.
type appMessage struct {
	Heading, Body, Back, BackKey string
	NewTab                       bool
}

func (s *Server) showAppMessage(c *gin.Context, status int, heading, body string) {
	s.renderApp(c, status, nil, "app_message", heading, appMessage{Heading: heading, Body: body, Back: "/app/projects"})
}

// forbidden answers 403 with a reason key.
func (s *Server) forbidden(c *gin.Context, reason string) {
	if wantsJSON(c) {
		c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"error": appText("en", reason)})
		return
	}
	s.showAppMessage(c, http.StatusForbidden, "forbidden_title", reason)
	c.Abort()
}

// appError shows a workspace user a page for err; statusOf (errors.go) is
// the one mapping of errors to status codes. Internals are only logged.
func (s *Server) appError(c *gin.Context, err error) {
	status := statusOf(err)
	switch status {
	case http.StatusNotFound:
		s.showAppMessage(c, status, "notfound_title", "app_notfound_body")
	case http.StatusConflict:
		s.showAppMessage(c, status, "conflict_title", "conflict_body")
	case http.StatusRequestEntityTooLarge:
		s.showAppMessage(c, status, "toolarge_title", "app_toolarge_body")
	case http.StatusUnprocessableEntity:
		s.showAppMessage(c, status, "invalid_title", "invalid_body")
	default:
		s.log.Error("request failed", "route", c.FullPath(), "err", err)
		s.showAppMessage(c, http.StatusInternalServerError, "error_title", "app_error_body")
	}
}

// fieldErrors returns per-field problems of a validation error, or nil.
func fieldErrors(err error) map[string]string {
	var ve *survey.ValidationError
	if errors.As(err, &ve) {
		return ve.ByField()
	}
	return nil
}

// listSep separates the items of a line ("3 transcripts · 2 interviews").
// Persian gets its comma: a middle dot beside Persian digits reads as a
// Persian zero ("۲ · ۱" as "۲۰۱").
func listSep(lang string) string {
	if lang == "fa" {
		return "، "
	}
	return " · "
}

// list writes user texts (touchpoints, key terms, stage names) as a list
// in lang's punctuation, "a, b" or "a، b", each item isolated like bdi.
func list(lang string, items []string) template.HTML {
	comma := ", "
	if lang == "fa" {
		comma = "، "
	}
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(comma)
		}
		b.WriteString(string(bdi(it)))
	}
	return template.HTML(b.String())
}

// bdi isolates a piece of user text (a title, a label, an answer) so its
// direction comes from its own letters: Persian data on an English page,
// or English on a Persian one, no longer scrambles the line around it.
func bdi(v any) template.HTML {
	s := fmt.Sprint(v)
	if s == "" {
		return ""
	}
	return template.HTML("<bdi>" + template.HTMLEscapeString(s) + "</bdi>")
}
