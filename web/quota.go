package web

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// Quotas on the respondent side (survey/quota.go has the rules). A
// respondent whose answers put them into a full quota is stopped as soon as
// the page that shows it is submitted, and again, atomically, by the store
// when they complete: either way their response is kept as over_quota and
// they see a polite closing page, on every later visit too.

// fullQuota returns the full quota that answers from touchpoint tp fall
// into, or nil. It costs one indexed read, and none on a survey without
// quotas.
func (s *Server) fullQuota(c *gin.Context, sv *survey.Survey, a survey.Answers, tp string) (*survey.Quota, error) {
	d := sv.Definition
	if d.QuotasOf(a, tp) == nil {
		return nil, nil
	}
	counts, err := s.store.QuotaCounts(c.Request.Context(), sv.ID)
	if err != nil {
		return nil, err
	}
	return d.FullQuota(a, tp, counts), nil
}

// showQuotaClosed is the closing page of a respondent turned away by quota
// id: its own message when it has one, else a polite default, in the
// respondent's language.
func (s *Server) showQuotaClosed(c *gin.Context, sv *survey.Survey, id, lang string) {
	body := translate(lang, "quota_body")
	if q, ok := sv.Definition.Quota(id); ok && !q.Message.IsZero() {
		body = q.Message.In(lang)
	}
	p := messagePage{Lang: lang, Dir: survey.LanguageDir(lang), Title: translate(lang, "quota_title"), Heading: translate(lang, "quota_title"),
		Body: body, Survey: sv.Definition.Title.In(lang)}
	s.writePage(c, http.StatusOK, lang, "message", p)
}

// turnAway keeps a respondent's response as over_quota (quota q) and sends
// them to their resume link, which shows the closing page from now on.
func (s *Server) turnAway(c *gin.Context, sv *survey.Survey, r *survey.Response, q *survey.Quota) {
	r.Status, r.Quota = survey.OverQuota, q.ID
	if _, _, err := s.store.SaveResponse(c.Request.Context(), r); err != nil {
		s.pageError(c, surveyLang(sv), err)
		return
	}
	s.showTurnedAway(c, sv, r.ClientID)
}

func (s *Server) showTurnedAway(c *gin.Context, sv *survey.Survey, clientID string) {
	s.setResumeCookie(c, sv, clientID)
	c.Redirect(http.StatusSeeOther, "/s/"+sv.Slug+"/r/"+clientID)
}

// apiQuotaFull answers a submission turned away by a full quota: 409 with
// the quota's id, and the stored response's ids so a retry is recognisable.
func apiQuotaFull(c *gin.Context, r *survey.Response) {
	c.JSON(http.StatusConflict, gin.H{"error": "quota_full", "quota": r.Quota, "id": r.ID, "client_id": r.ClientID, "status": r.Status})
}

// quotaFill is one quota's line on the dashboard.
type quotaFill struct {
	Q        *survey.Quota
	Question *survey.Question // nil for a touchpoint quota
	Values   []string         // the option labels it counts
	N        int
	W        float64 // bar width, 0..100
	Full     bool
}

// quotaFills lays out each quota's count against its limit.
func quotaFills(d *survey.Definition, counts map[string]int) []quotaFill {
	out := make([]quotaFill, 0, len(d.Quotas))
	for i := range d.Quotas {
		q := &d.Quotas[i]
		f := quotaFill{Q: q, N: counts[q.ID]}
		f.Full = f.N >= q.Limit
		f.W = 100 * min(1, float64(f.N)/float64(q.Limit))
		if qq, ok := d.Question(q.Question); ok {
			f.Question = qq
			vals := q.OneOf
			if q.Equals != nil {
				vals = []string{*q.Equals}
			}
			for _, v := range vals {
				label := qq.OptionText(v)
				if v == survey.OtherValue && qq.Other {
					label = survey.OtherLabel(d.Language)
				}
				f.Values = append(f.Values, label)
			}
		}
		out = append(out, f)
	}
	return out
}

func init() {
	for lang, m := range quotaRespondentTexts {
		for k, v := range m {
			catalog[lang][k] = v
		}
	}
	for lang, m := range quotaAppTexts {
		for k, v := range m {
			appCatalog[lang][k] = v
		}
	}
	pluralCatalog["en"]["quota_turned_away"] = pluralForms{1, []string{"one", "%d respondent was turned away by a full quota.", "other", "%d respondents were turned away by full quotas."}}
	pluralCatalog["fa"]["quota_turned_away"] = pluralForms{1, []string{"other", "%d پاسخ‌دهنده به سبب پر شدن سهمیه کنار گذاشته شدند."}}
}

var quotaRespondentTexts = map[string]map[string]string{
	"en": {
		"quota_title": "Thank you for your time",
		"quota_body":  "We already have all the answers we need from people like you, so the survey ends here. Thank you for your interest.",
	},
	"fa": {
		"quota_title": "از وقتی که گذاشتید سپاسگزاریم",
		"quota_body":  "از افرادی با ویژگی‌های شما به اندازهٔ کافی پاسخ گرفته‌ایم، پس پرسش‌نامه همین‌جا به پایان می‌رسد. از توجه شما سپاسگزاریم.",
	},
}

var quotaAppTexts = map[string]map[string]string{
	"en": {
		"quotas":             "Quotas",
		"quotas_help":        "Complete responses counted toward each quota. When a quota is full, new respondents who fall into it see a closing page and are kept as “over quota”, out of the analysis.",
		"quota_full":         "full",
		"quota_touchpoint":   "Link touchpoint:",
		"quota_of":           "%s of %s",
		"rstatus.over_quota": "Over quota",
		"col_quota":          "Quota",
	},
	"fa": {
		"quotas":             "سهمیه‌ها",
		"quotas_help":        "پاسخ‌های کاملی که در هر سهمیه شمرده شده‌اند. وقتی سهمیه‌ای پر شود، پاسخ‌دهندگان تازه‌ای که در آن می‌گنجند صفحهٔ پایان را می‌بینند و پاسخشان «خارج از سهمیه» نگه داشته می‌شود و در تحلیل نمی‌آید.",
		"quota_full":         "پر شد",
		"quota_touchpoint":   "نقطهٔ تماس پیوند:",
		"quota_of":           "%s از %s",
		"rstatus.over_quota": "خارج از سهمیه",
		"col_quota":          "سهمیه",
	},
}
