package web

import (
	"encoding/csv"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

const responsesPerPage = 50

// responseQuery is the filter form of the responses list. From and To
// are the days in ISO form for links (paging, export); FromDay and ToDay
// are shown in the reader's calendar, and a date that could not be read is
// shown back as typed (FromTyped, ToTyped) with a notice.
type responseQuery struct {
	From, To, Touchpoint, Status, Q string
	FromDay, ToDay                  time.Time
	FromTyped, ToTyped              string
	Page                            int
}

// directLink is the touchpoint filter's value for the responses that came
// through the survey's own link: no touchpoint's name holds a colon
// (survey.CleanTouchpoint).
const directLink = "direct:"

// filterFromQuery reads the list's filters; a date that is no day is
// left out of the filter (and shown back as typed) rather than failing the
// page.
func filterFromQuery(c *gin.Context, surveyID int64) (survey.ResponseFilter, responseQuery) {
	rq := responseQuery{Touchpoint: c.Query("tp"), Status: c.Query("status"), Q: strings.TrimSpace(c.Query("q"))}
	f := survey.ResponseFilter{SurveyID: surveyID, Touchpoint: rq.Touchpoint, Search: rq.Q}
	if rq.Touchpoint == directLink {
		f.Touchpoint, f.Direct = "", true
	}
	if len([]rune(f.Search)) > 200 {
		f.Search = string([]rune(f.Search)[:200])
	}
	if from := strings.TrimSpace(c.Query("from")); from != "" {
		if day, ok := parseDay(from); ok {
			f.From, rq.FromDay, rq.From = day, day, day.Format("2006-01-02")
		} else {
			rq.FromTyped = from
		}
	}
	if to := strings.TrimSpace(c.Query("to")); to != "" {
		if day, ok := parseDay(to); ok {
			f.To, rq.ToDay, rq.To = day.AddDate(0, 0, 1), day, day.Format("2006-01-02") // through the whole day
		} else {
			rq.ToTyped = to
		}
	}
	switch survey.ResponseStatus(rq.Status) {
	case survey.Complete, survey.Partial, survey.OverQuota:
		f.Status = survey.ResponseStatus(rq.Status)
	default:
		rq.Status = ""
	}
	rq.Page, _ = strconv.Atoi(c.Query("page"))
	rq.Page = max(rq.Page, 1)
	return f, rq
}

// validFilter answers 400 naming the field when a filter holds a NUL
// character or invalid UTF-8 (which PostgreSQL would refuse with an error).
func (s *Server) validFilter(c *gin.Context, f survey.ResponseFilter) bool {
	err := f.Validate()
	if err == nil {
		return true
	}
	body := "bad_filter_q"
	if fieldErrors(err)["q"] == "" {
		body = "bad_filter_tp"
	}
	s.showAppMessage(c, http.StatusBadRequest, "invalid_title", body)
	return false
}

// encode is the query string of the filters (for paging and export).
func (rq responseQuery) encode(page int) string {
	v := url.Values{}
	for k, s := range map[string]string{"from": rq.From, "to": rq.To, "tp": rq.Touchpoint, "status": rq.Status, "q": rq.Q} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v.Encode()
}

type responseListRow struct {
	R       *survey.Response
	Preview string // the first text answer, cut short
}

type responsesPage struct {
	Survey      *survey.Survey
	Project     *survey.Project
	Query       responseQuery
	Total       int
	None        bool // the survey has no response at all, filters or not
	Rows        []responseListRow
	Touchpoints []survey.TouchpointCount
	Today       time.Time // a Persian page's date fields give it as their example
	// Query strings built by url.Values (template.URL keeps = and &).
	PrevQuery   template.URL
	NextQuery   template.URL
	ExportQuery template.URL
}

// showResponsesPage lists responses, newest first, filtered.
func (s *Server) showResponsesPage(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	f, rq := filterFromQuery(c, sv.ID)
	if !s.validFilter(c, f) {
		return
	}
	total, err := s.store.CountResponses(c.Request.Context(), f)
	if err != nil {
		s.appError(c, err)
		return
	}
	list, err := s.store.ListResponses(c.Request.Context(), f, (rq.Page-1)*responsesPerPage, responsesPerPage)
	if err != nil {
		s.appError(c, err)
		return
	}
	tps, err := s.store.TouchpointCounts(c.Request.Context(), sv.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := responsesPage{Survey: sv, Project: p, Query: rq, Total: total, Touchpoints: tps, ExportQuery: template.URL(rq.encode(0)), Today: s.now()}
	if rq.Page > 1 {
		page.PrevQuery = template.URL("?" + rq.encode(rq.Page-1))
	}
	if rq.Page*responsesPerPage < total {
		page.NextQuery = template.URL("?" + rq.encode(rq.Page+1))
	}
	for _, r := range list {
		page.Rows = append(page.Rows, responseListRow{R: r, Preview: preview(sv.Definition, r)})
	}
	// An empty list says why: nothing has come in yet, or the filters
	// leave nothing out of what has.
	if total == 0 {
		all := total
		if f != (survey.ResponseFilter{SurveyID: sv.ID}) {
			if all, err = s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID}); err != nil {
				s.appError(c, err)
				return
			}
		}
		page.None = all == 0
	}
	s.renderApp(c, http.StatusOK, nil, "responses", "responses_title", page)
}

func preview(d *survey.Definition, r *survey.Response) string {
	for _, q := range d.Questions() {
		if v, ok := r.Answers[q.ID]; ok && v.Text != "" && (q.Type == survey.ShortText || q.Type == survey.LongText) {
			if rs := []rune(v.Text); len(rs) > 80 {
				return string(rs[:80]) + "…"
			}
			return v.Text
		}
	}
	return ""
}

// responseParam loads the response :rid, which must belong to the survey.
func (s *Server) responseParam(c *gin.Context, sv *survey.Survey) (*survey.Response, bool) {
	r, err := s.store.ResponseByID(c.Request.Context(), c.Param("rid"))
	if err == nil && r.SurveyID != sv.ID {
		err = survey.ErrNotFound
	}
	if err != nil {
		s.appError(c, err)
		return nil, false
	}
	return r, true
}

type responseAnswer struct {
	Q     *survey.Question
	Text  string // the question in the reader's language, when the survey has it
	Value string
	Other string
	// Point is a scale answer's point (IsPoint), written in the reader's
	// digits as the page's numbers are, and Value its label then.
	Point   int
	IsPoint bool
	// IsNumber: Value is a number, written in the reader's digits too.
	IsNumber bool
	Rows     []pointRow // matrix
}

// pointRow is one statement of a matrix answer and the point given.
type pointRow struct {
	Statement, Label string
	Point            int
}

type responsePage struct {
	Survey   *survey.Survey
	Project  *survey.Project
	R        *survey.Response
	Answers  []responseAnswer
	Order    []shownOrder
	Question int
}

// shownOrder is one randomised page or question and the order this
// respondent saw its items in, as labels.
type shownOrder struct {
	Page  int // 1-based page number for a page's question order; 0 for a question
	Label string
	Items []string
}

// responseOrder lists what r's respondent saw in a random order, by label,
// so a researcher can check order effects on one response.
func responseOrder(d *survey.Definition, r *survey.Response, lang string) []shownOrder {
	var out []shownOrder
	for pi := range d.Pages {
		if ids := r.Order[survey.PageOrderKey(pi)]; len(ids) > 0 {
			so := shownOrder{Page: pi + 1, Label: d.Pages[pi].Title.In(lang)}
			for _, id := range ids {
				if q, ok := d.Question(id); ok {
					so.Items = append(so.Items, q.Text.In(lang))
				} else {
					so.Items = append(so.Items, id)
				}
			}
			out = append(out, so)
		}
		for _, q := range d.Pages[pi].Questions {
			vals := r.Order[q.ID]
			if len(vals) == 0 {
				continue
			}
			so := shownOrder{Label: q.Text.In(lang)}
			for _, v := range vals {
				switch {
				case v == survey.OtherValue && q.Other:
					so.Items = append(so.Items, survey.OtherLabel(lang))
				case q.Type == survey.Matrix:
					label := v
					for _, st := range q.Statements {
						if st.Value == v {
							label = st.TextIn(lang)
						}
					}
					so.Items = append(so.Items, label)
				default:
					so.Items = append(so.Items, q.OptionTextIn(v, lang))
				}
			}
			out = append(out, so)
		}
	}
	return out
}

// scaled: q's answer is a point of a scale (a rating and an NPS score
// too, which have no Scale unless their ends are labelled).
func scaled(q *survey.Question) bool {
	_, n := q.ScalePoints()
	return n > 0
}

// responseAnswers lists r's answers against the definition its respondent
// saw, its texts in lang.
func responseAnswers(d *survey.Definition, r *survey.Response, lang string) []responseAnswer {
	var out []responseAnswer
	for _, q := range d.Questions() {
		v, ok := r.Answers[q.ID]
		if !ok || v.IsEmpty() {
			continue
		}
		av := responseAnswer{Q: q, Text: q.Text.In(lang), Other: v.Other}
		switch {
		case v.Choice == survey.OtherValue && v.Other != "":
		case v.Choice != "":
			av.Value = q.OptionTextIn(v.Choice, lang)
		case len(v.Choices) > 0:
			var labels []string
			for _, ch := range v.Choices {
				if ch != survey.OtherValue || v.Other == "" { // the "other" text is shown below
					labels = append(labels, q.OptionTextIn(ch, lang))
				}
			}
			av.Value = strings.Join(labels, "; ")
		case v.Number != nil && scaled(q) && *v.Number == float64(int(*v.Number)):
			av.Point, av.IsPoint, av.Value = int(*v.Number), true, q.PointLabelIn(int(*v.Number), lang)
		case v.Number != nil:
			av.Value, av.IsNumber = strconv.FormatFloat(*v.Number, 'f', -1, 64), true
		case len(v.Matrix) > 0:
			for _, st := range q.Statements {
				if pt, ok := v.Matrix[st.Value]; ok {
					av.Rows = append(av.Rows, pointRow{Statement: st.TextIn(lang), Point: pt, Label: q.PointLabelIn(pt, lang)})
				}
			}
		default:
			av.Value = v.Text
		}
		out = append(out, av)
	}
	return out
}

// answeredResponse is a response of the survey in the URL with the
// definition it was answered against; it has already answered the request
// when ok is false.
type answeredResponse struct {
	sv *survey.Survey
	p  *survey.Project
	r  *survey.Response
	d  *survey.Definition
}

func (s *Server) answeredResponseParam(c *gin.Context) (answeredResponse, bool) {
	var a answeredResponse
	var ok bool
	if a.sv, a.p, ok = s.surveyParam(c); !ok {
		return a, false
	}
	if a.r, ok = s.responseParam(c, a.sv); !ok {
		return a, false
	}
	a.d = a.sv.Definition
	if a.r.SurveyVersion != a.sv.Version && a.r.SurveyVersion != 0 {
		var err error
		if a.d, err = s.store.DefinitionVersion(c.Request.Context(), a.sv.ID, a.r.SurveyVersion); err != nil {
			s.appError(c, err)
			return a, false
		}
	}
	return a, true
}

// showResponsePage shows one response in full; respondent text is escaped
// by html/template like everything else.
func (s *Server) showResponsePage(c *gin.Context) {
	a, ok := s.answeredResponseParam(c)
	if !ok {
		return
	}
	// A survey in several languages reads in the researcher's language.
	lang := viewerLang(c)
	if !a.d.HasLanguage(lang) {
		lang = a.d.Language
	}
	s.renderApp(c, http.StatusOK, nil, "response", "response_title", responsePage{Survey: a.sv, Project: a.p, R: a.r,
		Answers: responseAnswers(a.d, a.r, lang), Order: responseOrder(a.d, a.r, lang)})
}

// showDeleteResponsePage asks for confirmation before deleting.
func (s *Server) showDeleteResponsePage(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	r, ok := s.responseParam(c, sv)
	if !ok {
		return
	}
	s.renderApp(c, http.StatusOK, nil, "response_delete", "response_delete_title", responsePage{Survey: sv, Project: p, R: r})
}

// deleteResponse removes one respondent's data, after confirmation.
func (s *Server) deleteResponse(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	r, ok := s.responseParam(c, sv)
	if !ok {
		return
	}
	if c.PostForm("confirm") != "yes" {
		c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"/responses/"+r.ID+"/delete")
		return
	}
	if err := s.store.DeleteResponse(c.Request.Context(), r.ID); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("response deleted", "survey", sv.ID, "response", r.ID, "user", currentUser(c).ID)
	c.Redirect(http.StatusSeeOther, "/app/surveys/"+sv.Slug+"/responses?deleted=1")
}

// exportResponsesCSV streams the filtered responses in the tabular form
// (the shape `safar import responses` reads), cells defused for Excel.
func (s *Server) exportResponsesCSV(c *gin.Context) {
	sv, _, ok := s.surveyParam(c)
	if !ok {
		return
	}
	f, _ := filterFromQuery(c, sv.ID)
	if !s.validFilter(c, f) {
		return
	}
	d := sv.Definition
	c.Header("Content-Type", "text/csv; charset=utf-8")
	c.Header("Content-Disposition", `attachment; filename="`+safeFileName(sv.Slug)+`-responses.csv"`)
	c.Status(http.StatusOK)
	c.Writer.Write([]byte("\uFEFF")) // BOM: Excel then reads UTF-8 (Persian) correctly
	w := csv.NewWriter(c.Writer)
	escape := func(row []string) []string {
		for i := range row {
			row[i] = survey.EscapeCell(row[i])
		}
		return row
	}
	w.Write(escape(d.TableHeader()))
	err := s.store.EachResponse(c.Request.Context(), f, func(r *survey.Response) error {
		return w.Write(escape(d.TableRow(r)))
	})
	w.Flush()
	if err != nil {
		// Headers are out; the truncated file is the best we can do.
		s.log.Error("export responses", "survey", sv.ID, "err", err)
	}
}

// exportResponseJSON downloads one respondent's data (a privacy request):
// the response with its answers and the questions they answered.
func (s *Server) exportResponseJSON(c *gin.Context) {
	a, ok := s.answeredResponseParam(c)
	if !ok {
		return
	}
	sv, r, d := a.sv, a.r, a.d
	questions := map[string]string{}
	for _, q := range d.Questions() {
		if _, ok := r.Answers[q.ID]; ok {
			questions[q.ID] = q.Text.String()
		}
	}
	body := responseJSON(r)
	body["survey"], body["survey_version"], body["source"], body["questions"] = sv.Slug, r.SurveyVersion, r.Source, questions
	if r.IP != "" {
		body["ip"] = r.IP
	}
	c.Header("Content-Disposition", `attachment; filename="response-`+safeFileName(r.ID)+`.json"`)
	c.IndentedJSON(http.StatusOK, body)
}
