package surveyimport

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// SurveyJS: https://surveyjs.io/form-library/documentation (JSON schema of
// pages -> elements; panels nest elements; texts may be localised objects).

type sjsSurvey struct {
	Title    sjsText      `json:"title"`
	Locale   string       `json:"locale"`
	Pages    []sjsPage    `json:"pages"`
	Elements []sjsElement `json:"elements"` // a survey without pages
}

type sjsPage struct {
	Name     string       `json:"name"`
	Title    sjsText      `json:"title"`
	Elements []sjsElement `json:"elements"`
}

type sjsElement struct {
	Type        string          `json:"type"`
	Name        string          `json:"name"`
	Title       sjsText         `json:"title"`
	Description sjsText         `json:"description"`
	IsRequired  bool            `json:"isRequired"`
	InputType   string          `json:"inputType"`
	Choices     []sjsChoice     `json:"choices"`
	HasOther    bool            `json:"hasOther"`
	ShowOther   bool            `json:"showOtherItem"`
	VisibleIf   string          `json:"visibleIf"`
	RateMin     *float64        `json:"rateMin"`
	RateMax     *float64        `json:"rateMax"`
	RateValues  []sjsChoice     `json:"rateValues"`
	Columns     []sjsChoice     `json:"columns"`
	Rows        []sjsChoice     `json:"rows"`
	Min         json.RawMessage `json:"min"`
	Max         json.RawMessage `json:"max"`
	MaxLength   int             `json:"maxLength"`
	Elements    []sjsElement    `json:"elements"` // panel
	Items       []sjsChoice     `json:"items"`    // multipletext
	LabelTrue   sjsText         `json:"labelTrue"`
	LabelFalse  sjsText         `json:"labelFalse"`
}

// sjsText is a string or {"default": ..., "fa": ...}.
type sjsText struct {
	s    string
	byLo map[string]string
}

func (t *sjsText) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		return json.Unmarshal(b, &t.s)
	}
	return json.Unmarshal(b, &t.byLo)
}

func (t sjsText) in(lang string) string {
	if t.s != "" {
		return t.s
	}
	for _, k := range []string{lang, "default", "en"} {
		if v := t.byLo[k]; v != "" {
			return v
		}
	}
	for _, v := range t.byLo {
		return v
	}
	return ""
}

// sjsChoice is "value" or {"value": ..., "text": ...}.
type sjsChoice struct {
	Value string
	Text  sjsText
}

func (c *sjsChoice) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case map[string]any:
		var o struct {
			Value any     `json:"value"`
			Name  any     `json:"name"`
			Text  sjsText `json:"text"`
			Title sjsText `json:"title"`
		}
		if err := json.Unmarshal(b, &o); err != nil {
			return err
		}
		if o.Value == nil {
			o.Value = o.Name
		}
		c.Value, c.Text = fmt.Sprint(o.Value), o.Text
		if c.Text.in("") == "" {
			c.Text = o.Title
		}
	default:
		c.Value = fmt.Sprint(x)
	}
	if c.Text.in("") == "" {
		c.Text.s = c.Value
	}
	return nil
}

func fromSurveyJS(data []byte, rep *Report) (*survey.Definition, error) {
	var s sjsSurvey
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, failure("import_sjs_json", err)
	}
	lang := s.Locale
	b := newBuilder(s.Title.in(lang), "", lang, rep)
	pages := s.Pages
	if len(pages) == 0 && len(s.Elements) > 0 {
		pages = []sjsPage{{Elements: s.Elements}}
	}
	for _, p := range pages {
		b.page(p.Title.in(lang))
		b.sjsElements(p.Elements, lang)
	}
	return b.finish()
}

func (b *builder) sjsElements(els []sjsElement, lang string) {
	for _, e := range els {
		b.sjsElement(e, lang)
	}
}

func (b *builder) sjsElement(e sjsElement, lang string) {
	rep := b.rep
	q := survey.Question{Text: survey.Text(e.Title.in(lang)), Help: survey.Text(e.Description.in(lang)), Required: e.IsRequired}
	if q.Text.IsZero() {
		q.Text = survey.Text(e.Name)
	}
	choices := func() []survey.Option {
		pairs := make([][2]string, len(e.Choices))
		for i, c := range e.Choices {
			pairs[i] = [2]string{c.Value, c.Text.in(lang)}
		}
		return options(pairs)
	}
	what := Note{"note_sjs_item", []any{e.Name, e.Type}}
	switch e.Type {
	case "panel", "paneldynamic":
		if e.Type == "paneldynamic" {
			rep.approx("note_sjs_repeat", what)
		}
		b.sjsElements(e.Elements, lang)
		return
	case "radiogroup", "dropdown", "imagepicker":
		q.Type, q.Options, q.Other = survey.Single, choices(), e.HasOther || e.ShowOther
		if e.Type == "dropdown" {
			q.Type = survey.Dropdown
		}
	case "checkbox", "tagbox":
		q.Type, q.Options, q.Other = survey.Multiple, choices(), e.HasOther || e.ShowOther
	case "boolean":
		yes, no := e.LabelTrue.in(lang), e.LabelFalse.in(lang)
		if yes == "" {
			yes, no = "Yes", "No"
		}
		q.Type, q.Options = survey.Single, []survey.Option{{Value: "true", Label: survey.Text(yes)}, {Value: "false", Label: survey.Text(no)}}
		rep.approx("note_sjs_boolean", what)
	case "text":
		switch e.InputType {
		case "number", "range":
			q.Type = survey.Number
			q.Min, q.Max = number(e.Min), number(e.Max)
		case "date":
			q.Type = survey.Date
		case "", "text", "email", "tel", "url":
			q.Type, q.MaxLength = survey.ShortText, e.MaxLength
		default:
			q.Type = survey.ShortText
			rep.approx("note_sjs_input_type", what, e.InputType)
		}
	case "comment":
		q.Type, q.MaxLength = survey.LongText, e.MaxLength
	case "rating":
		b.sjsRating(&q, e, what, lang)
	case "matrix":
		q.Type = survey.Matrix
		q.Scale = &survey.Scale{Points: len(e.Columns)}
		for _, c := range e.Columns {
			q.Scale.Labels = append(q.Scale.Labels, survey.Text(plain(c.Text.in(lang))))
		}
		pairs := make([][2]string, len(e.Rows))
		for i, r := range e.Rows {
			pairs[i] = [2]string{r.Value, r.Text.in(lang)}
		}
		q.Statements = options(pairs)
		rep.approx("note_sjs_matrix_scale", what, len(e.Columns))
	case "multipletext":
		for _, it := range e.Items {
			b.add(e.Name+"_"+it.Value, survey.Question{Type: survey.ShortText, Text: survey.Text(q.Text.String() + ": " + it.Text.in(lang)), Required: q.Required})
		}
		rep.approx("note_sjs_boxes", what, len(e.Items))
		return
	case "html", "image", "expression", "signaturepad", "file", "ranking", "matrixdropdown", "matrixdynamic":
		rep.dropped("note_no_type", what)
		return
	default:
		rep.dropped("note_sjs_unknown_type", what)
		return
	}
	if e.Type == "matrix" && (len(e.Columns) < 2 || len(e.Rows) == 0) {
		rep.dropped("note_sjs_matrix_empty", what)
		return
	}
	added := b.add(e.Name, q)
	rep.mapped(what, added.Type)
	if e.VisibleIf != "" {
		if c, ok := b.sjsCondition(e.VisibleIf); ok {
			added.ShowIf = c
		} else {
			rep.dropped("note_sjs_condition", what, e.VisibleIf)
		}
	}
}

// sjsRating maps a rating: 1..5 stars, 0..10 NPS, other ranges a Likert scale.
func (b *builder) sjsRating(q *survey.Question, e sjsElement, what Note, lang string) {
	lo, hi := 1.0, 5.0
	if e.RateMin != nil {
		lo = *e.RateMin
	}
	if e.RateMax != nil {
		hi = *e.RateMax
	}
	if len(e.RateValues) > 0 {
		q.Type = survey.Likert
		q.Scale = &survey.Scale{Points: len(e.RateValues)}
		for _, v := range e.RateValues {
			q.Scale.Labels = append(q.Scale.Labels, survey.Text(plain(v.Text.in(lang))))
		}
		b.rep.approx("note_sjs_rate_values", what, len(e.RateValues))
		return
	}
	switch {
	case lo == 1 && hi == 5:
		q.Type = survey.Rating
	case lo == 0 && hi == 10:
		q.Type = survey.NPS
	case hi > lo && hi-lo < 11:
		q.Type, q.Scale = survey.Likert, &survey.Scale{Points: int(hi-lo) + 1}
		if lo != 1 {
			b.rep.approx("note_sjs_rating_points", what, lo, hi, int(hi-lo)+1)
		}
	default:
		q.Type, q.Min, q.Max = survey.Number, &lo, &hi
		b.rep.approx("note_sjs_rating_number", what, lo, hi)
	}
}

func number(raw json.RawMessage) *float64 {
	s := strings.Trim(string(raw), `" `)
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return &f
	}
	return nil
}

var (
	sjsEquals = regexp.MustCompile(`^\{([^}]+)\}\s*(?:=|==)\s*['"]?([^'"]*)['"]?$`)
	sjsAnyOf  = regexp.MustCompile(`^\{([^}]+)\}\s+(?:anyof|contains)\s+\[([^\]]*)\]$`)
	sjsEmpty  = regexp.MustCompile(`^\{([^}]+)\}\s+empty$`)
)

func (b *builder) sjsCondition(expr string) (*survey.Condition, bool) {
	expr = strings.TrimSpace(expr)
	if m := sjsEquals.FindStringSubmatch(expr); m != nil {
		return b.condition(m[1], []string{m[2]}, false)
	}
	if m := sjsAnyOf.FindStringSubmatch(expr); m != nil {
		var vals []string
		for _, v := range strings.Split(m[2], ",") {
			vals = append(vals, strings.Trim(strings.TrimSpace(v), `'"`))
		}
		return b.condition(m[1], vals, false)
	}
	if m := sjsEmpty.FindStringSubmatch(expr); m != nil {
		return b.condition(m[1], nil, true)
	}
	return nil, false
}

// condition is a show_if on an earlier question, or false when the
// question it names is not (yet) imported.
func (b *builder) condition(ref string, values []string, notAnswered bool) (*survey.Condition, bool) {
	id, ok := b.ids[strings.TrimSpace(ref)]
	if !ok {
		return nil, false
	}
	c := &survey.Condition{Question: id, NotAnswered: notAnswered}
	switch {
	case notAnswered:
	case len(values) == 1:
		c.Equals = &values[0]
	case len(values) > 1:
		c.OneOf = values
	default:
		return nil, false
	}
	return c, true
}
