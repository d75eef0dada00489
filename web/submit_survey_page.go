package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
)

// submitSurveyPage stores one page of answers. Valid answers move the
// respondent on (or finish the response); invalid ones show the page again
// with everything they typed and a message beside each bad field. Every
// step is saved, so a closed tab loses nothing; a repeated final submit
// (double tap, retry on a flaky network) finds the response complete and
// changes nothing.
func (s *Server) submitSurveyPage(c *gin.Context) {
	sv, err := s.openSurvey(c)
	if err != nil {
		// Unknown, closed or full: answer in the language the form was
		// filled in, as the page itself was shown.
		lang := visitorLang(c.PostForm("lang"), c.GetHeader("Accept-Language"))
		if sv != nil {
			lang = pickLang(sv.Definition, c.PostForm("lang"), "", c.GetHeader("Accept-Language"))
		}
		s.pageError(c, lang, err)
		return
	}
	lang := surveyLang(sv)
	if err := c.Request.ParseForm(); err != nil {
		if statusOf(err) == http.StatusInternalServerError {
			// A malformed body (bad %-escape) is the client's fault: 400,
			// found by FuzzSubmitSurveyPage.
			s.showMessage(c, http.StatusBadRequest, lang, "error_title", "error_body")
			return
		}
		s.pageError(c, lang, err)
		return
	}
	form := c.Request.PostForm
	if form.Get("website") != "" {
		// The honeypot field is invisible to people; bots fill it in.
		s.log.Info("honeypot tripped", "survey", sv.Slug)
		c.Redirect(http.StatusSeeOther, "/s/"+sv.Slug+"/thanks")
		return
	}
	d := sv.Definition
	clientID := form.Get("rid")
	if !validClientID(clientID) {
		clientID, _ = c.Cookie(cookieName(sv.Slug))
	}
	existing, err := s.findResponse(c, sv, clientID)
	if err != nil {
		s.pageError(c, lang, err)
		return
	}
	if !validClientID(clientID) {
		clientID = uuid.NewString()
	}
	stored := ""
	if existing != nil {
		stored = existing.Language
	}
	lang = pickLang(d, form.Get("lang"), stored, c.GetHeader("Accept-Language"))
	if existing != nil && existing.Status == survey.Complete {
		c.Redirect(http.StatusSeeOther, thanksURL(d, lang))
		return
	}
	if existing != nil && existing.Status == survey.OverQuota {
		s.showTurnedAway(c, sv, existing.ClientID)
		return
	}
	pi, err := strconv.Atoi(form.Get("page"))
	if err != nil || pi < 0 || pi >= len(d.Pages) {
		pi = 0
	}

	answers := survey.Answers{}
	r := &survey.Response{
		SurveyID: sv.ID, ClientID: clientID, Touchpoint: cleanTouchpoint(form.Get("tp")),
		Status: survey.Partial, Source: "web", StartedAt: s.now().UTC(), Language: lang,
	}
	if existing != nil {
		r.ID, r.Touchpoint, r.StartedAt = existing.ID, existing.Touchpoint, existing.StartedAt
		answers = existing.Answers
	}
	r.SurveyVersion = sv.Version
	// What this respondent is shown in a random order follows from their
	// client id; it is stored so exports show it (survey/randomize.go).
	r.Order = d.OrderFor(clientID)
	if d.Settings.StoreIP {
		r.IP = c.ClientIP()
	}
	pf := parsePage(d, pi, form)
	for _, q := range d.Pages[pi].Questions {
		delete(answers, q.ID)
	}
	for id, v := range pf.answers {
		answers[id] = v
	}
	answers = d.Prune(answers)
	r.Answers = answers

	switch form.Get("nav") {
	case "back":
		// Going back keeps what was typed here, valid or not yet.
		r.Page = max(d.PrevPage(pi, answers), 0)
		s.saveAndContinue(c, sv, r)
		return
	case "lang":
		// The language switch with answers typed on this page (survey.js):
		// keep them, valid or not yet, and show the same page in lang.
		r.Page = pi
		s.saveAndContinue(c, sv, r)
		return
	}
	if problems := pageProblems(d, pi, answers, pf); len(problems) > 0 {
		pf.errs = problems
		s.renderSurveyPage(c, http.StatusUnprocessableEntity, sv, lang, pi, clientID, r.Touchpoint, answers, pf)
		return
	}
	// A quota this page's answers fall into may be full already: stop
	// here rather than let them answer the rest for nothing.
	if q, err := s.fullQuota(c, sv, answers, r.Touchpoint); err != nil {
		s.pageError(c, lang, err)
		return
	} else if q != nil {
		r.Page = pi
		s.turnAway(c, sv, r, q)
		return
	}
	next := d.NextPage(pi, answers)
	if next >= 0 {
		r.Page = next
		s.saveAndContinue(c, sv, r)
		return
	}
	// The last page: the whole response must hold, not only this page.
	if err := d.ValidatePage(-1, answers); err != nil {
		var ve *survey.ValidationError
		errors.As(err, &ve)
		bad := d.PageOf(ve.Problems[0].Field)
		r.Page = bad
		if _, _, err := s.store.SaveResponse(c.Request.Context(), r); err != nil {
			s.pageError(c, lang, err)
			return
		}
		s.renderSurveyPage(c, http.StatusUnprocessableEntity, sv, lang, bad, clientID, r.Touchpoint, answers, pageForm{errs: pageProblems(d, bad, answers, pageForm{})})
		return
	}
	r.Status = survey.Complete
	r.Page = pi
	// The store takes the quota slots in the transaction that completes
	// the response: if another respondent took the last one meanwhile,
	// this one comes back over_quota.
	r.Quotas = d.QuotasOf(answers, r.Touchpoint)
	saved, _, err := s.store.SaveResponse(c.Request.Context(), r)
	if err != nil {
		s.pageError(c, lang, err)
		return
	}
	if saved.Status == survey.OverQuota {
		s.showTurnedAway(c, sv, saved.ClientID)
		return
	}
	c.Redirect(http.StatusSeeOther, thanksURL(d, lang))
}

// thanksURL is the thank-you page in lang.
func thanksURL(d *survey.Definition, lang string) string {
	u := "/s/" + d.Slug + "/thanks"
	if d.Multilingual() {
		u += "?lang=" + url.QueryEscape(lang)
	}
	return u
}

// saveAndContinue stores a partial response and sends the respondent to
// its resume link, which shows the page they are on.
func (s *Server) saveAndContinue(c *gin.Context, sv *survey.Survey, r *survey.Response) {
	stored, _, err := s.store.SaveResponse(c.Request.Context(), r)
	if err != nil {
		s.pageError(c, surveyLang(sv), err)
		return
	}
	if stored.Status == survey.Complete {
		c.Redirect(http.StatusSeeOther, thanksURL(sv.Definition, r.Language))
		return
	}
	s.setResumeCookie(c, sv, r.ClientID)
	c.Redirect(http.StatusSeeOther, "/s/"+sv.Slug+"/r/"+r.ClientID)
}

// pageProblems merges parse errors with validation of page pi.
func pageProblems(d *survey.Definition, pi int, a survey.Answers, pf pageForm) map[string]survey.FieldError {
	out := map[string]survey.FieldError{}
	for id, fe := range pf.errs {
		out[id] = fe
	}
	if err := d.ValidatePage(pi, a); err != nil {
		var ve *survey.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				if _, ok := out[p.Field]; !ok {
					out[p.Field] = p
				}
			}
		}
	}
	return out
}

// surveyPageView is what survey_page.html shows, every text in Lang.
type surveyPageView struct {
	Lang, Dir, Title                 string
	Survey                           *survey.Definition
	Page                             survey.Page
	PageTitle                        string // with earlier answers piped in
	Description                      string
	Langs                            []langLink // the language switch; nil for one language
	PageIndex, PageNumber, PageCount int
	PagesDone                        int // pages answered before this one: the progress bar
	First, Last, Errors              bool
	Questions                        []questionView
	ClientID, Touchpoint, ResumeURL  string
	Notice                           string // shown above the questions (e.g. rate limited)
}

// renderSurveyPage shows page pi in lang with the answers so far and any
// problems.
func (s *Server) renderSurveyPage(c *gin.Context, status int, sv *survey.Survey, lang string, pi int, clientID, tp string, a survey.Answers, pf pageForm) {
	s.writePage(c, status, lang, "survey_page", s.surveyPage(sv, lang, pi, clientID, tp, a, pf))
}

// surveyPage builds the view of page pi. With an empty clientID it has no
// per-respondent data at all (no rid field, no resume link, the written
// order of randomised items), which is what lets the first page be cached
// and shared. The resume link shows from
// page 2 on.
func (s *Server) surveyPage(sv *survey.Survey, lang string, pi int, clientID, tp string, a survey.Answers, pf pageForm) surveyPageView {
	d := sv.Definition
	if pi < 0 {
		pi = 0
	}
	v := surveyPageView{
		Lang: lang, Dir: survey.LanguageDir(lang), Title: d.Title.In(lang), Survey: d, PageIndex: pi,
		Description: d.Description.In(lang),
		First:       d.PrevPage(pi, a) < 0, Last: d.NextPage(pi, a) < 0,
		ClientID: clientID, Touchpoint: tp, Errors: len(pf.errs) > 0,
	}
	v.PageTitle = d.PipeIsolated(d.Pages[pi].Title.In(lang), a, lang)
	v.PageNumber, v.PageCount = d.PagePosition(pi, a)
	v.PagesDone = v.PageNumber - 1
	if clientID != "" && v.PageNumber > 1 {
		// From page 2 on there is something to come back to.
		v.ResumeURL = "/s/" + d.Slug + "/r/" + clientID
	}
	if v.ResumeURL != "" {
		v.Langs = langSwitch(d, lang, v.ResumeURL, nil)
	} else {
		// The first page is cached and shared: the links carry the
		// touchpoint (spliced in like the hidden field) and the resume
		// cookie finds any saved answers.
		v.Langs = langSwitch(d, lang, "/s/"+d.Slug, url.Values{"tp": {tp}})
	}
	// The client id seeds the order of a randomised page: the same
	// respondent sees the same order on every visit.
	for _, qi := range d.PageOrder(pi, clientID) {
		q := &d.Pages[pi].Questions[qi]
		local := q.ShowIf != nil && d.PageOf(q.ShowIf.Question) == pi
		_, typed := pf.raw[q.ID]
		if _, ok := pf.answers[q.ID]; ok {
			typed = true
		}
		if !local && !q.Visible(a) && !(pf.keepTyped && typed) {
			continue
		}
		msg := ""
		if fe, ok := pf.errs[q.ID]; ok {
			msg = translate(lang, "err."+fe.Code, fe.Args...)
			if fe.Code == "" {
				msg = fe.Message
			}
		}
		v.Questions = append(v.Questions, buildQuestion(d, lang, q, a[q.ID], pf.raw[q.ID], msg, clientID, a))
	}
	return v
}
