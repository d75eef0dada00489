package study

import (
	"slices"
	"strconv"

	"github.com/safarhq/safar/survey"
)

// catalog pools the questions of all surveys by id: surveys that share
// question ids and option values (like the Persian and English demo) are
// analysed as one population. The first survey that has a question gives
// its wording and option labels.
type catalog struct {
	order []string
	byID  map[string]*survey.Question
	pos   map[string]int // question id -> position in order
	npsID string         // the first NPS question: the one the headline NPS uses
	// names are the option and statement values of the questions, so
	// compact answers share them (answers.go).
	names map[string]string
	// values are the distinct answers of the study's respondents
	// (answers.go), filled while the responses are read.
	values []*survey.Value
	// answers are the respondents' answers, answersPerBlock respondents
	// a block, each as len(order) references into values (answers.go).
	answers []answers
	// lang is the language labels are shown in: a multilingual survey's
	// texts in it (Localized.In), else the survey's default.
	lang string
}

func newCatalog(surveys []SurveyData) *catalog {
	c := &catalog{byID: map[string]*survey.Question{}, pos: map[string]int{}, names: map[string]string{}}
	for _, s := range surveys {
		for _, q := range s.Definition.Questions() {
			if _, ok := c.byID[q.ID]; !ok {
				c.byID[q.ID] = q
				c.pos[q.ID] = len(c.order)
				c.order = append(c.order, q.ID)
				if q.Type == survey.NPS && c.npsID == "" {
					c.npsID = q.ID
				}
			}
			for _, o := range q.Options {
				c.names[o.Value] = o.Value
			}
			for _, st := range q.Statements {
				c.names[st.Value] = st.Value
			}
		}
	}
	return c
}

// questions returns the pooled questions in first-seen order.
func (c *catalog) questions() []*survey.Question {
	out := make([]*survey.Question, len(c.order))
	for i, id := range c.order {
		out[i] = c.byID[id]
	}
	return out
}

// label is the display text of option value v of question id.
func (c *catalog) label(id, v string) string {
	if q, ok := c.byID[id]; ok {
		if v == survey.OtherValue && q.Other {
			return v
		}
		return q.OptionTextIn(v, c.lang)
	}
	return v
}

// normalized maps an answer of a scaled question to 0..1 (0 the worst).
func normalized(q *survey.Question, x float64) (float64, bool) {
	lo, n := q.ScalePoints()
	if n < 2 {
		return 0, false
	}
	f := (x - float64(lo)) / float64(n-1)
	if f < 0 || f > 1 {
		return 0, false
	}
	return f, true
}

// isScaled reports whether q is answered on a scale.
func isScaled(q *survey.Question) bool {
	return q.Type == survey.Likert || q.Type == survey.Rating || q.Type == survey.NPS
}

// isText reports whether q takes free text worth analysing for problems.
func isText(q *survey.Question) bool {
	return (q.Type == survey.LongText || q.Type == survey.ShortText) && (q.Role == survey.RolePain || q.Role == survey.RoleOpen)
}

// levels are the ordered answer levels of a scaled question.
func levels(q *survey.Question, lang string) []string {
	lo, n := q.ScalePoints()
	out := make([]string, n)
	for i := range n {
		out[i] = q.PointTextIn(lo+i, lang)
	}
	return out
}

// level is the answer point p of a scaled question among its levels (lo
// its lowest point): a point off the scale is its number.
func level(levels []string, lo, p int) string {
	if i := p - lo; i >= 0 && i < len(levels) {
		return levels[i]
	}
	return strconv.Itoa(p)
}

// satisfaction of one response: its NPS answer on 0..1 when given (the
// most direct "how do you feel about us"), else the mean of its other
// satisfaction ratings; ok=false when it has none.
func (p *respondent) satisfaction(c *catalog) (float64, bool) {
	return p.satisfactionOf(c, c.satisfactionQs())
}

// satQ is a scaled satisfaction question and its catalog position.
type satQ struct {
	at int
	q  *survey.Question
}

// satisfactionQs are the scaled satisfaction questions, in catalog order:
// what satisfaction reads of every respondent.
func (c *catalog) satisfactionQs() []satQ {
	var qs []satQ
	for i, id := range c.order {
		if q := c.byID[id]; q.Role == survey.RoleSatisfaction && isScaled(q) {
			qs = append(qs, satQ{i, q})
		}
	}
	return qs
}

// satisfactionOf is satisfaction given the catalog's satisfactionQs,
// found once for all respondents.
func (p *respondent) satisfactionOf(c *catalog, qs []satQ) (float64, bool) {
	var sum float64
	var n int
	for _, sq := range qs {
		v := p.answerAt(c, sq.at)
		if v == nil || v.Number == nil {
			continue
		}
		q := sq.q
		f, ok := normalized(q, *v.Number)
		if !ok {
			continue
		}
		if q.Type == survey.NPS {
			return f, true
		}
		sum += f
		n++
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// stageIndex orders stages; unknown stages sort last.
func stageIndex(s string) int {
	if i := slices.Index(survey.Stages, survey.Stage(s)); i >= 0 {
		return i
	}
	return len(survey.Stages)
}
