package web

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// fieldName is the form field of question id: q.ID, q.ID.other for the
// "please specify" text, q.ID.STATEMENT for a matrix row.
func fieldName(id string) string { return "q." + id }

// pageForm is what a respondent sent for one page: the typed answers, the
// raw text of fields that did not parse (to show them back), and the
// problems found while parsing.
type pageForm struct {
	answers survey.Answers
	raw     map[string]string
	errs    map[string]survey.FieldError
	// keepTyped shows a question that has a typed answer even when the
	// answers at hand would hide it (they may lack earlier pages').
	keepTyped bool
}

// parsePage reads the answers to the questions of page pi from a form.
func parsePage(d *survey.Definition, pi int, form url.Values) pageForm {
	pf := pageForm{answers: survey.Answers{}, raw: map[string]string{}, errs: map[string]survey.FieldError{}}
	for qi := range d.Pages[pi].Questions {
		q := &d.Pages[pi].Questions[qi]
		name := fieldName(q.ID)
		var v survey.Value
		switch q.Type {
		case survey.Single, survey.Dropdown:
			v.Choice = strings.TrimSpace(form.Get(name))
			if v.Choice == survey.OtherValue {
				v.Other = strings.TrimSpace(form.Get(name + ".other"))
			}
		case survey.Multiple:
			for _, c := range form[name] {
				if c = strings.TrimSpace(c); c != "" {
					v.Choices = append(v.Choices, c)
				}
			}
			for _, c := range v.Choices {
				if c == survey.OtherValue {
					v.Other = strings.TrimSpace(form.Get(name + ".other"))
				}
			}
		case survey.Likert, survey.Rating, survey.NPS, survey.Number:
			s := strings.TrimSpace(form.Get(name))
			if s == "" {
				break
			}
			f, err := survey.ParseNumber(s)
			if err != nil {
				pf.raw[q.ID] = s
				pf.errs[q.ID] = survey.FieldError{Field: q.ID, Code: "number", Message: "must be a number"}
				continue
			}
			v.Number = &f
		case survey.ShortText, survey.LongText:
			v.Text = strings.TrimSpace(strings.ReplaceAll(form.Get(name), "\r\n", "\n"))
		case survey.Date:
			v.Text = survey.NormalizeDigits(strings.TrimSpace(form.Get(name)))
		case survey.Matrix:
			for _, st := range q.Statements {
				s := strings.TrimSpace(form.Get(name + "." + st.Value))
				if s == "" {
					continue
				}
				n, err := strconv.Atoi(survey.NormalizeDigits(s))
				if err != nil {
					pf.errs[q.ID] = survey.FieldError{Field: q.ID, Code: "statement_range", Args: []any{st.Value, len(q.Statements)}}
					continue
				}
				if v.Matrix == nil {
					v.Matrix = map[string]int{}
				}
				v.Matrix[st.Value] = n
			}
		}
		if !v.IsEmpty() {
			pf.answers[q.ID] = v
		}
	}
	return pf
}

// questionView is one question as the template shows it.
type questionView struct {
	ID, Type, Text, Help, Name string
	Required                   bool
	Error                      string
	ShowIf                     string // JSON for the progressive script
	Options                    []optionView
	Other, OtherChecked        bool
	OtherText                  string
	Points                     []pointView
	Ends                       []string
	Rows                       []matrixRowView
	Value                      string
	MaxLength                  int
}

type optionView struct {
	Value, Label string
	Checked      bool
}

type pointView struct {
	Name, Value, Number, Label string
	Hint                       string // the scale's end label, for screen readers
	Checked                    bool
}

type matrixRowView struct {
	Label  string
	Points []pointView
}

// buildQuestion prepares question q for display with answer v (and the raw
// text of an unparsable answer), showing err beside it. Its options (or
// statements) come in the order of the respondent's seed (their client
// id; "" keeps the written order), and its texts show earlier answers
// piped in from prior.
func buildQuestion(d *survey.Definition, lang string, q *survey.Question, v survey.Value, raw, errMsg, seed string, prior survey.Answers) questionView {
	pipeText := func(s string) string { return d.PipeIsolated(s, prior, lang) }
	pipe := func(l survey.Localized) string { return pipeText(l.In(lang)) }
	num := func(n int) string {
		if lang == "fa" && d.Settings.PersianDigits {
			return persianDigits(strconv.Itoa(n))
		}
		return strconv.Itoa(n)
	}
	qv := questionView{
		ID: q.ID, Type: string(q.Type), Text: pipe(q.Text), Help: pipe(q.Help), Name: fieldName(q.ID),
		Required: q.Required, Error: errMsg, Other: q.Other, OtherText: v.Other, MaxLength: q.TextLimit(),
	}
	if q.ShowIf != nil {
		b, _ := json.Marshal(q.ShowIf)
		qv.ShowIf = string(b)
	}
	if q.Type != survey.Matrix {
		for _, o := range q.ItemsInOrder(seed) {
			checked := v.Choice == o.Value
			for _, c := range v.Choices {
				checked = checked || c == o.Value
			}
			qv.Options = append(qv.Options, optionView{Value: o.Value, Label: pipeText(o.TextIn(lang)), Checked: checked})
		}
	}
	qv.OtherChecked = v.Choice == survey.OtherValue
	for _, c := range v.Choices {
		qv.OtherChecked = qv.OtherChecked || c == survey.OtherValue
	}
	lowL, highL := q.EndLabels()
	low, high := pipe(lowL), pipe(highL)
	points := func(name string, selected int, has bool) []pointView {
		lo, n := q.ScalePoints()
		pts := make([]pointView, n)
		for i := range n {
			val := lo + i
			pts[i] = pointView{Name: name, Value: strconv.Itoa(val), Number: num(val), Checked: has && selected == val}
			if q.Scale != nil && len(q.Scale.Labels) == n {
				pts[i].Label = pipe(q.Scale.Labels[i])
			}
		}
		// The end labels are shown once under the scale; screen readers
		// hear them with the end points themselves.
		if n > 1 && low != "" {
			pts[0].Hint = low
		}
		if n > 1 && high != "" {
			pts[n-1].Hint = high
		}
		return pts
	}
	if low != "" || high != "" {
		qv.Ends = []string{low, high}
	}
	switch q.Type {
	case survey.Likert, survey.Rating, survey.NPS:
		sel, has := 0, v.Number != nil
		if has {
			sel = int(*v.Number)
		}
		qv.Points = points(qv.Name, sel, has)
		if q.Type == survey.NPS && qv.Ends == nil {
			qv.Ends = []string{translate(lang, "nps_low"), translate(lang, "nps_high")}
		}
	case survey.Matrix:
		for _, st := range q.ItemsInOrder(seed) {
			sel, has := v.Matrix[st.Value]
			qv.Rows = append(qv.Rows, matrixRowView{Label: pipeText(st.TextIn(lang)), Points: points(qv.Name+"."+st.Value, sel, has)})
		}
	case survey.Number:
		if raw != "" {
			qv.Value = raw
		} else if v.Number != nil {
			qv.Value = strconv.FormatFloat(*v.Number, 'f', -1, 64)
		}
	default:
		qv.Value = v.Text
	}
	return qv
}
