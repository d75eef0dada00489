package web

import (
	"errors"
	"net/http"
	"strings"
	"time"
	"unicode"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
)

// openSurvey loads the survey of the :slug route, refusing drafts (not
// found) and closed, expired or full surveys (gone). It always reads the
// database: the submit handlers use it.
//
// Store calls get c.Request.Context(), never the *gin.Context itself: gin
// reuses its Context for the next request once the handler returns, while
// database/sql may still be watching the context from a goroutine (the
// race detector catches it).
func (s *Server) openSurvey(c *gin.Context) (*survey.Survey, error) {
	sv, err := s.store.SurveyBySlug(c.Request.Context(), c.Param("slug"))
	if err != nil {
		return nil, err
	}
	completed := 0
	if sv.ResponseLimit > 0 {
		if completed, err = s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID, Status: survey.Complete}); err != nil {
			return sv, err
		}
	}
	return sv, s.checkOpen(sv, completed)
}

// viewSurvey is openSurvey for the GET handlers: the lookup may be up to
// the survey cache's TTL old (see respondent_cache.go), so a survey that
// was closed a moment ago stops being shown within that time.
func (s *Server) viewSurvey(c *gin.Context) (*survey.Survey, error) {
	sv, completed, err := s.surveys.get(c.Request.Context(), s.store, c.Param("slug"), s.now())
	if err != nil {
		return nil, err
	}
	return sv, s.checkOpen(sv, completed)
}

func (s *Server) checkOpen(sv *survey.Survey, completed int) error {
	if sv.Status == survey.Draft {
		return survey.ErrNotFound
	}
	if !sv.Open(s.now(), completed) {
		return survey.ErrClosed
	}
	return nil
}

// surveyLang is the language of a survey, or English when there is none.
func surveyLang(sv *survey.Survey) string {
	if sv != nil && sv.Definition != nil && sv.Definition.Language != "" {
		return sv.Definition.Language
	}
	return "en"
}

func cookieName(slug string) string { return "safar_" + slug }

// setResumeCookie remembers the respondent's client id for this survey, so
// closing the tab and coming back resumes where they left off.
func (s *Server) setResumeCookie(c *gin.Context, sv *survey.Survey, clientID string) {
	http.SetCookie(c.Writer, &http.Cookie{
		Name: cookieName(sv.Slug), Value: clientID, Path: "/s/" + sv.Slug,
		MaxAge: resumeDays(sv) * 24 * 3600, HttpOnly: true, Secure: s.secure, SameSite: http.SameSiteLaxMode,
	})
}

func resumeDays(sv *survey.Survey) int {
	if d := sv.Definition.Settings.ResumeDays; d > 0 {
		return d
	}
	return survey.DefaultResumeDays
}

// validClientID accepts the UUIDs we hand out (and API clients send).
func validClientID(id string) bool {
	_, err := uuid.Parse(id)
	return err == nil && len(id) == 36
}

// findResponse returns the stored response of a client id, or nil when
// there is none or it can no longer be resumed.
func (s *Server) findResponse(c *gin.Context, sv *survey.Survey, clientID string) (*survey.Response, error) {
	if !validClientID(clientID) {
		return nil, nil
	}
	r, err := s.store.ResponseByClientID(c.Request.Context(), sv.ID, clientID)
	if errors.Is(err, survey.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if r.Status == survey.Partial && s.now().Sub(r.UpdatedAt) > time.Duration(resumeDays(sv))*24*time.Hour {
		return nil, nil // too old to resume: start afresh
	}
	return r, nil
}

// showSurveyPage starts a survey, or resumes the respondent's partial
// response when their cookie names one. A new respondent gets the cached
// first page (the same bytes for everyone) and a client id in a cookie.
func (s *Server) showSurveyPage(c *gin.Context) {
	sv, err := s.viewSurvey(c)
	if err != nil {
		s.pageError(c, requestLang(c, sv, ""), err)
		return
	}
	clientID := ""
	if cookie, err := c.Cookie(cookieName(sv.Slug)); err == nil && validClientID(cookie) {
		r, err := s.findResponse(c, sv, cookie)
		if err != nil {
			s.pageError(c, surveyLang(sv), err)
			return
		}
		if r != nil {
			s.continueResponse(c, sv, r)
			return
		}
		clientID = cookie // has not saved a page yet: keep the id
	}
	if clientID == "" {
		clientID = uuid.NewString()
	}
	tp := cleanTouchpoint(c.Query("tp"))
	// A link whose touchpoint quota is full closes before the first
	// question; nothing is stored, so it opens again if the quota is
	// raised.
	if q, err := s.fullQuota(c, sv, nil, tp); err != nil {
		s.pageError(c, surveyLang(sv), err)
		return
	} else if q != nil {
		s.showQuotaClosed(c, sv, q.ID, requestLang(c, sv, ""))
		return
	}
	s.setResumeCookie(c, sv, clientID)
	s.showFirstPage(c, sv, requestLang(c, sv, ""), tp, clientID)
}

// resumeSurvey opens a resume link (/s/SLUG/r/CLIENT-ID).
func (s *Server) resumeSurvey(c *gin.Context) {
	sv, err := s.viewSurvey(c)
	if err != nil {
		s.pageError(c, requestLang(c, sv, ""), err)
		return
	}
	r, err := s.findResponse(c, sv, c.Param("rid"))
	if err != nil {
		s.pageError(c, requestLang(c, sv, ""), err)
		return
	}
	if r == nil {
		to := "/s/" + sv.Slug
		if l := c.Query("lang"); sv.Definition.HasLanguage(l) {
			to += "?lang=" + l
		}
		c.Redirect(http.StatusSeeOther, to)
		return
	}
	s.setResumeCookie(c, sv, r.ClientID)
	s.continueResponse(c, sv, r)
}

func (s *Server) continueResponse(c *gin.Context, sv *survey.Survey, r *survey.Response) {
	lang := requestLang(c, sv, r.Language)
	if r.Status == survey.Complete {
		s.showMessage(c, http.StatusOK, lang, "already_title", "already_body")
		return
	}
	if r.Status == survey.OverQuota {
		s.showQuotaClosed(c, sv, r.Quota, lang)
		return
	}
	d := sv.Definition
	answers := d.Prune(r.Answers)
	pi := r.Page
	if pi < 0 || pi >= len(d.Pages) || !d.PageVisible(pi, answers) {
		pi = d.NextPage(-1, answers)
	}
	s.renderSurveyPage(c, http.StatusOK, sv, lang, pi, r.ClientID, r.Touchpoint, answers, pageForm{})
}

// showThanks is the page after the last submit. It works for a survey that
// closed a moment ago too.
func (s *Server) showThanks(c *gin.Context) {
	sv, _, err := s.surveys.get(c.Request.Context(), s.store, c.Param("slug"), s.now())
	if err != nil {
		s.pageError(c, "en", err)
		return
	}
	lang := requestLang(c, sv, "")
	body := translate(lang, "thanks_body")
	if t := sv.Definition.Settings.ThankYou; !t.IsZero() {
		// The message may pipe answers ({{name}}): the respondent's
		// cookie finds them; without it the fallbacks show.
		var a survey.Answers
		if id, err := c.Cookie(cookieName(sv.Slug)); err == nil && strings.Contains(t.In(lang), "{{") {
			if r, err := s.findResponse(c, sv, id); err == nil && r != nil {
				a = r.Answers
			}
		}
		body = sv.Definition.PipeIsolated(t.In(lang), a, lang)
	}
	p := messagePage{Lang: lang, Dir: survey.LanguageDir(lang), Title: translate(lang, "thanks_title"), Heading: translate(lang, "thanks_title"), Body: body,
		Survey: sv.Definition.Title.In(lang), Langs: langSwitch(sv.Definition, lang, "/s/"+sv.Slug+"/thanks", nil)}
	s.writePage(c, http.StatusOK, lang, "message", p)
}

// cleanTouchpoint keeps a ?tp= value safe to store and show: letters,
// digits, - _ . and spaces, at most 100 characters.
func cleanTouchpoint(tp string) string {
	tp = strings.TrimSpace(tp)
	tp = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' || r == ' ' || r == '\u200c' {
			return r
		}
		return -1
	}, tp)
	if r := []rune(tp); len(r) > 100 {
		tp = string(r[:100])
	}
	return tp
}
