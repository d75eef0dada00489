package spss

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/safarhq/safar/survey"
)

// NotAnswered is the user-missing code of a question a respondent saw on a
// completed response and left empty; questions hidden by skip logic, and
// questions a partial respondent never reached, are system-missing.
const NotAnswered = -99

// column fills one variable from a response.
type column struct {
	q    *survey.Question
	kind colKind
	item string // option value or matrix statement
}

type colKind int

const (
	colMeta colKind = iota
	colChoice
	colChoiceOther // "please specify" text of single/multiple
	colMultiOption
	colPoint // likert, rating, nps
	colStatement
	colNumber
	colText
	colDate
	colOrder // the order a randomised page or question was shown in (item = survey.ItemOrder key)
)

// Export maps a survey's responses onto SPSS variables: one numeric,
// labelled variable per closed question (one 0/1 variable per option of a
// multiple choice, one per statement of a matrix), strings for typed text,
// dates as SPSS dates. Text widths are measured over the responses first,
// so a column is as wide as its longest answer and no wider.
type Export struct {
	def  *survey.Definition
	Vars []Variable
	cols []column
}

// words are the few fixed labels, in the survey's language.
type words struct{ notAnswered, notSelected, selected, other, status, complete, partial, order string }

func wordsFor(lang string) words {
	if lang == "fa" {
		return words{"دیده شد، بی‌پاسخ", "انتخاب نشد", "انتخاب شد", survey.OtherLabel(lang), "وضعیت پاسخ", "کامل", "ناتمام", "ترتیب نمایش"}
	}
	return words{"Seen, not answered", "Not selected", "Selected", survey.OtherLabel(lang), "Response status", "Complete", "Partial", "Order shown"}
}

// NewExport lays out the variables of d.
func NewExport(d *survey.Definition) *Export {
	e := &Export{def: d}
	w := wordsFor(d.Language)
	names := map[string]bool{}
	add := func(base, label string, v Variable, c column) {
		v.Name, v.Label = uniqueName(base, names), oneLine(label)
		e.Vars = append(e.Vars, v)
		e.cols = append(e.cols, c)
	}
	meta := func(name, label string, v Variable) { add(name, label, v, column{kind: colMeta, item: name}) }
	meta("response_id", "Response ID", Variable{Width: 1, Measure: Nominal})
	meta("client_id", "Client ID", Variable{Width: 1, Measure: Nominal})
	meta("status", w.status, Variable{Measure: Nominal, ValueLabels: []ValueLabel{{1, w.complete}, {2, w.partial}}})
	meta("touchpoint", "Touchpoint", Variable{Width: 1, Measure: Nominal})
	meta("started_at", "Started", Variable{Kind: DateTime, Measure: Scale})
	meta("completed_at", "Completed", Variable{Kind: DateTime, Measure: Scale})
	if d.Multilingual() {
		// The language each respondent answered in: 1, 2... in the
		// survey's order, labelled with the language's own name.
		var labels []ValueLabel
		for i, code := range d.Langs() {
			info, _ := survey.Language(code)
			labels = append(labels, ValueLabel{float64(i + 1), code + " " + info.Name})
		}
		meta(survey.LanguageColumn, "Language", Variable{Measure: Nominal, ValueLabels: labels})
	}
	missing := []float64{NotAnswered}
	na := ValueLabel{NotAnswered, w.notAnswered}
	for _, q := range d.Questions() {
		switch q.Type {
		case survey.Single, survey.Dropdown:
			labels := make([]ValueLabel, 0, len(q.Options)+2)
			for i, o := range q.Options {
				labels = append(labels, ValueLabel{float64(i + 1), o.Text()})
			}
			if q.Other {
				labels = append(labels, ValueLabel{float64(len(q.Options) + 1), w.other})
			}
			add(q.ID, q.Text.String(), Variable{Measure: Nominal, ValueLabels: append(labels, na), Missing: missing}, column{q: q, kind: colChoice})
			if q.Other {
				add(q.ID+"_other", q.Text.String()+": "+w.other, Variable{Width: 1, Measure: Nominal}, column{q: q, kind: colChoiceOther})
			}
		case survey.Multiple:
			yesNo := []ValueLabel{{0, w.notSelected}, {1, w.selected}, na}
			opts := q.Options
			if q.Other {
				opts = append(opts[:len(opts):len(opts)], survey.Option{Value: survey.OtherValue, Label: survey.Text(w.other)})
			}
			for _, o := range opts {
				add(q.ID+"_"+o.Value, q.Text.String()+": "+o.Text(), Variable{Measure: Nominal, ValueLabels: yesNo, Missing: missing},
					column{q: q, kind: colMultiOption, item: o.Value})
			}
			if q.Other {
				add(q.ID+"_other_text", q.Text.String()+": "+w.other, Variable{Width: 1, Measure: Nominal}, column{q: q, kind: colChoiceOther})
			}
		case survey.Likert, survey.Rating, survey.NPS:
			add(q.ID, q.Text.String(), Variable{Measure: Ordinal, ValueLabels: append(scaleLabels(q), na), Missing: missing}, column{q: q, kind: colPoint})
		case survey.Matrix:
			labels := append(scaleLabels(q), na)
			for _, st := range q.Statements {
				add(q.ID+"_"+st.Value, q.Text.String()+": "+st.Text(), Variable{Measure: Ordinal, ValueLabels: labels, Missing: missing},
					column{q: q, kind: colStatement, item: st.Value})
			}
		case survey.Number:
			add(q.ID, q.Text.String(), Variable{Measure: Scale}, column{q: q, kind: colNumber})
		case survey.Date:
			add(q.ID, q.Text.String(), Variable{Kind: Date, Measure: Scale}, column{q: q, kind: colDate})
		default:
			add(q.ID, q.Text.String(), Variable{Width: 1, Measure: Nominal}, column{q: q, kind: colText})
		}
	}
	// What each respondent saw in a random order, as strings ("b; a; c"),
	// after the answers: order_QID, order_pages0.
	for _, k := range d.OrderKeys() {
		label := w.order + ": " + k
		if q, ok := d.Question(k); ok {
			label = w.order + ": " + q.Text.String()
		}
		add("order_"+strings.NewReplacer("[", "", "]", "").Replace(k), label, Variable{Width: 1, Measure: Nominal}, column{kind: colOrder, item: k})
	}
	return e
}

// scaleLabels labels the points of a scaled question: every point of a
// labelled scale, or its ends when the scale says what they mean (low,
// high).
func scaleLabels(q *survey.Question) []ValueLabel {
	lo, n := q.ScalePoints()
	var out []ValueLabel
	for p := lo; p < lo+n; p++ {
		if l := q.PointLabel(p); l != "" {
			out = append(out, ValueLabel{float64(p), l})
		}
	}
	return out
}

// Measure widens text variables to fit r's answers and gives numbers the
// decimals they need. Call it for every response before writing.
func (e *Export) Measure(r *survey.Response) {
	for i := range e.cols {
		v := &e.Vars[i]
		if v.Width > 0 {
			if s := e.text(i, r); len(s) > v.Width {
				v.Width = min(len(s), MaxStringWidth)
			}
			continue
		}
		if e.cols[i].kind == colNumber {
			if n := r.Answers[e.cols[i].q.ID].Number; n != nil {
				v.Decimals = max(v.Decimals, decimals(*n))
			}
		}
	}
}

func decimals(f float64) int {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return min(len(s)-i-1, 4)
	}
	return 0
}

// text is the string value of string column i.
func (e *Export) text(i int, r *survey.Response) string {
	c := e.cols[i]
	if c.kind == colOrder {
		return r.OrderCell(c.item)
	}
	if c.kind == colMeta {
		switch c.item {
		case "response_id":
			return r.ID
		case "client_id":
			return r.ClientID
		}
		return r.Touchpoint
	}
	v := r.Answers[c.q.ID]
	if c.kind == colChoiceOther {
		return v.Other
	}
	return v.Text
}

// Row is r's case, in variable order.
func (e *Export) Row(r *survey.Response) []Value {
	row := make([]Value, len(e.cols))
	for i, c := range e.cols {
		if e.Vars[i].Width > 0 {
			row[i] = Str(e.text(i, r))
			continue
		}
		row[i] = e.number(c, r)
	}
	return row
}

func (e *Export) number(c column, r *survey.Response) Value {
	if c.kind == colMeta {
		switch c.item {
		case "status":
			if r.Status == survey.Complete {
				return Num(1)
			}
			return Num(2)
		case "started_at":
			return Time(r.StartedAt)
		case survey.LanguageColumn:
			if i := slices.Index(e.def.Langs(), e.def.ResponseLanguage(r)); i >= 0 {
				return Num(float64(i + 1))
			}
			return Sysmis
		}
		if r.CompletedAt == nil {
			return Sysmis
		}
		return Time(*r.CompletedAt)
	}
	v, ok := r.Answers[c.q.ID]
	if !ok || v.IsEmpty() {
		if r.Status == survey.Complete && c.q.Visible(r.Answers) && c.kind != colNumber && c.kind != colDate {
			return Num(NotAnswered)
		}
		return Sysmis
	}
	switch c.kind {
	case colChoice:
		for i, o := range c.q.Options {
			if o.Value == v.Choice {
				return Num(float64(i + 1))
			}
		}
		if v.Choice == survey.OtherValue && c.q.Other {
			return Num(float64(len(c.q.Options) + 1))
		}
	case colMultiOption:
		for _, ch := range v.Choices {
			if ch == c.item {
				return Num(1)
			}
		}
		return Num(0)
	case colStatement:
		if p, ok := v.Matrix[c.item]; ok {
			return Num(float64(p))
		}
		if r.Status == survey.Complete {
			return Num(NotAnswered)
		}
	case colPoint, colNumber:
		if v.Number != nil {
			return Num(*v.Number)
		}
	case colDate:
		if t, err := time.Parse("2006-01-02", v.Text); err == nil {
			return Time(t)
		}
	}
	return Sysmis
}

// Write streams a survey's responses to w as a .sav file. each calls fn
// for every response in a stable order; it is called twice: once to
// measure the text columns, once to write.
func Write(w io.Writer, d *survey.Definition, each func(fn func(*survey.Response) error) error, now time.Time) error {
	e := NewExport(d)
	if err := each(func(r *survey.Response) error { e.Measure(r); return nil }); err != nil {
		return err
	}
	sw, err := NewWriter(w, d.Title.String(), e.Vars, now)
	if err != nil {
		return err
	}
	if err := each(func(r *survey.Response) error { return sw.WriteCase(e.Row(r)) }); err != nil {
		return err
	}
	return sw.Close()
}

// uniqueName turns a question id or option value into a valid SPSS name,
// unique (ignoring case) among names.
func uniqueName(base string, names map[string]bool) string {
	var b strings.Builder
	for _, r := range base {
		switch {
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '_' || r == '.':
			b.WriteRune(r)
		case r >= 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	s := strings.TrimRight(b.String(), ".")
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z' || s[0] >= 128) {
		s = "Q" + s
	}
	if reserved[strings.ToUpper(s)] {
		s += "_"
	}
	s = strings.TrimRight(cut(s, 60), ".")
	name := s
	for i := 2; names[strings.ToUpper(name)]; i++ {
		name = fmt.Sprintf("%s_%d", s, i)
	}
	names[strings.ToUpper(name)] = true
	return name
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
