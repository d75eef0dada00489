package web

import (
	"math"
	"net/http"
	"sort"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis/metrics"
	"github.com/safarhq/safar/survey"
)

// The dashboard streams a survey's responses once and draws everything
// server-side as SVG: it works on a phone without chart JavaScript.

const (
	dashboardBars = 60 // the time chart draws at most this many bars
	recentTexts   = 5
)

type bar struct {
	Label string
	// Point is a scale bar's point (IsPoint), written in the reader's
	// digits; Label is then the point's label, if it has one.
	Point   int
	IsPoint bool
	Count   int
	Share   float64 // of the question's respondents
	W       float64 // bar width, 0..100
}

// dayBar is one bar of the time chart: a day, or a run of days when the
// fieldwork is too long for a bar per day.
type dayBar struct {
	Day   time.Time
	End   time.Time // the bar's last day; zero when the bar is one day
	Count int
	X, H  float64 // SVG geometry in a 0..100 high box
	Y     float64
	Width float64
}

type questionSummary struct {
	Q        *survey.Question
	Text     string // the question's text in the reader's language, when the survey has it
	Answered int
	Bars     []bar
	Mean     *metrics.Mean
	NPS      *metrics.NPS
	Matrix   []matrixRow
	Texts    []string
}

type matrixRow struct {
	Label string
	Mean  metrics.Mean
	W     float64
}

type pageStep struct {
	Title string
	metrics.Step
	W float64
}

type dashboardPage struct {
	Survey     *survey.Survey
	Project    *survey.Project
	Total      int
	Completion metrics.Proportion
	Days       []dayBar
	ChartW     float64
	MaxDay     int // the most responses in one bar
	BarDays    int // days per bar: 1, or a whole number of weeks
	BarWeeks   int // BarDays in weeks, when a bar is more than a day
	First      time.Time
	Last       time.Time // the chart's first and last day
	Funnel     []pageStep
	Questions  []questionSummary
	Quotas     []quotaFill
	OverQuota  int // respondents turned away by a full quota
}

// accumulator gathers one question's answers.
type accumulator struct {
	q        *survey.Question
	answered int
	counts   map[string]int
	nums     []float64
	ints     []int
	matrix   map[string][]float64
	texts    []string // newest last
}

func (a *accumulator) add(v survey.Value) {
	if v.IsEmpty() {
		return
	}
	a.answered++
	switch a.q.Type {
	case survey.Single, survey.Dropdown:
		a.counts[v.Choice]++
	case survey.Multiple:
		for _, ch := range v.Choices {
			a.counts[ch]++
		}
	case survey.Likert, survey.Rating, survey.NPS, survey.Number:
		if v.Number != nil {
			a.nums = append(a.nums, *v.Number)
			a.ints = append(a.ints, int(math.Round(*v.Number)))
		}
	case survey.Matrix:
		for st, pt := range v.Matrix {
			a.matrix[st] = append(a.matrix[st], float64(pt))
		}
	case survey.ShortText, survey.LongText:
		a.texts = append(a.texts, v.Text)
		if len(a.texts) > recentTexts {
			a.texts = a.texts[1:]
		}
	}
}

// summary is the question's charts, its texts in lang where the survey
// has them (else its default language's).
func (a *accumulator) summary(lang string) questionSummary {
	q := a.q
	s := questionSummary{Q: q, Text: q.Text.In(lang), Answered: a.answered}
	share := func(n int) float64 {
		if a.answered == 0 {
			return 0
		}
		return float64(n) / float64(a.answered)
	}
	addBar := func(label string, n int) {
		s.Bars = append(s.Bars, bar{Label: label, Count: n, Share: share(n), W: 100 * share(n)})
	}
	switch q.Type {
	case survey.Single, survey.Dropdown, survey.Multiple:
		for _, o := range q.Options {
			addBar(o.TextIn(lang), a.counts[o.Value])
		}
		if q.Other {
			addBar("other", a.counts[survey.OtherValue])
		}
	case survey.Likert, survey.Rating, survey.NPS:
		lo, n := q.ScalePoints()
		hist := make([]int, n)
		for _, v := range a.ints {
			if v-lo >= 0 && v-lo < n {
				hist[v-lo]++
			}
		}
		for i, c := range hist {
			s.Bars = append(s.Bars, bar{Label: q.PointLabelIn(lo+i, lang), Point: lo + i, IsPoint: true, Count: c, Share: share(c), W: 100 * share(c)})
		}
		m := metrics.MeanCI(a.nums)
		s.Mean = &m
		if q.Type == survey.NPS {
			nps := metrics.NetPromoter(a.ints)
			s.NPS = &nps
		}
	case survey.Number:
		m := metrics.MeanCI(a.nums)
		s.Mean = &m
	case survey.Matrix:
		_, n := q.ScalePoints()
		for _, st := range q.Statements {
			m := metrics.MeanCI(a.matrix[st.Value])
			w := 0.0
			if n > 1 && !math.IsNaN(m.Mean) {
				w = 100 * (m.Mean - 1) / float64(n-1)
			}
			s.Matrix = append(s.Matrix, matrixRow{Label: st.TextIn(lang), Mean: m, W: w})
		}
	case survey.ShortText, survey.LongText:
		for i := len(a.texts) - 1; i >= 0; i-- { // newest first
			s.Texts = append(s.Texts, a.texts[i])
		}
	}
	return s
}

func itoa(n int) string {
	return formatFloat(float64(n), 0)
}

// showDashboard summarises a survey's responses.
func (s *Server) showDashboard(c *gin.Context) {
	sv, p, ok := s.surveyParam(c)
	if !ok {
		return
	}
	d := sv.Definition
	lang := viewerLang(c) // a survey in several languages speaks the reader's
	accs := map[string]*accumulator{}
	var order []*accumulator
	for _, q := range d.Questions() {
		a := &accumulator{q: q, counts: map[string]int{}, matrix: map[string][]float64{}}
		accs[q.ID] = a
		order = append(order, a)
	}
	perDay := map[time.Time]int{}
	var furthest []int
	total, complete := 0, 0
	err := s.store.EachResponse(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
		total++
		if r.Status == survey.Complete {
			complete++
			furthest = append(furthest, len(d.Pages))
		} else {
			furthest = append(furthest, r.Page)
		}
		t := r.StartedAt.Local()
		perDay[time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.Local)]++
		for id, v := range r.Answers {
			if a, ok := accs[id]; ok {
				a.add(v)
			}
		}
		return nil
	})
	if err != nil {
		s.appError(c, err)
		return
	}
	page := dashboardPage{Survey: sv, Project: p, Total: total, Completion: metrics.Wilson(complete, total)}
	if len(d.Quotas) > 0 {
		// Turned-away respondents are not in the stream above (nor in any
		// analysis): the quotas' section counts them apart.
		counts, err := s.store.QuotaCounts(c.Request.Context(), sv.ID)
		if err == nil {
			page.OverQuota, err = s.store.CountResponses(c.Request.Context(), survey.ResponseFilter{SurveyID: sv.ID, Status: survey.OverQuota})
		}
		if err != nil {
			s.appError(c, err)
			return
		}
		page.Quotas = quotaFills(d, counts)
	}
	page.Days, page.MaxDay, page.BarDays = dayBars(perDay)
	page.BarWeeks = page.BarDays / 7
	if n := len(page.Days); n > 0 {
		page.First, page.Last = page.Days[0].Day, page.Days[n-1].Day
		if !page.Days[n-1].End.IsZero() {
			page.Last = page.Days[n-1].End
		}
	}
	page.ChartW = float64(len(page.Days) * 10)
	for i, st := range metrics.Funnel(furthest, len(d.Pages)) {
		title := d.Pages[i].Title.In(lang)
		if title == "" {
			title = itoa(i + 1)
		}
		w := 0.0
		if !math.IsNaN(st.Share) {
			w = 100 * st.Share
		}
		page.Funnel = append(page.Funnel, pageStep{Title: title, Step: st, W: w})
	}
	for _, a := range order {
		page.Questions = append(page.Questions, a.summary(lang))
	}
	s.renderApp(c, http.StatusOK, nil, "dashboard", "dashboard_title", page)
}

// dayBars lays out responses per day over the whole fieldwork, from the
// first day with a response to the last, gaps included, as bars 10 units
// wide in a 100 high box. A fieldwork longer than dashboardBars days gets a
// bar per week (per several weeks when even those are too many), counted
// from its first day, so every response is drawn. It returns the bars, the
// most in one bar and the days per bar.
func dayBars(perDay map[time.Time]int) ([]dayBar, int, int) {
	if len(perDay) == 0 {
		return nil, 0, 1
	}
	days := make([]time.Time, 0, len(perDay))
	for d := range perDay {
		days = append(days, d)
	}
	sort.Slice(days, func(i, j int) bool { return days[i].Before(days[j]) })
	first, last := days[0], days[len(days)-1]
	span := 0
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		span++
	}
	per := 1
	if span > dashboardBars {
		weeks := (span + 6) / 7
		per = 7 * ((weeks + dashboardBars - 1) / dashboardBars)
	}
	var out []dayBar
	i := 0
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		if i%per == 0 {
			out = append(out, dayBar{Day: d})
		}
		b := &out[len(out)-1]
		b.Count += perDay[d]
		if per > 1 {
			b.End = d
		}
		i++
	}
	maxN := 0
	for _, b := range out {
		maxN = max(maxN, b.Count)
	}
	for i := range out {
		out[i].X = float64(i*10) + 1
		out[i].Width = 8
		out[i].H = 100 * float64(out[i].Count) / float64(maxN)
		out[i].Y = 100 - out[i].H
	}
	return out, maxN, per
}
