package survey

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Responses as table rows: the shape of `safar export responses` and of the
// CSV files `safar import responses` reads, so an export imports again.
//
//	response_id, client_id, status, touchpoint, started_at, completed_at,
//	then one column per question (its id), with
//	  multiple choice   option values joined by "; "
//	  "other" text      an extra column QID.other
//	  matrix            one column per statement, QID.STATEMENT
//	then, for a survey that randomises, one column per randomised page or
//	question, order:pages[N] or order:QID, with the items in the order the
//	respondent saw them ("b; a; c"; empty for responses that did not come
//	through the survey pages).
//
// On import a column may also be named by the question's text, and choices
// may be given by label instead of value.

// Meta columns of the tabular form, in order.
var metaColumns = []string{"response_id", "client_id", "status", "touchpoint", "started_at", "completed_at"}

// ListSeparator joins the choices of a multiple-choice answer in a cell.
const ListSeparator = "; "

// LanguageColumn is the meta column, after completed_at, that a
// multilingual survey's table has: the language each response was
// answered in. An import accepts it for any survey.
const LanguageColumn = "language"

// TableMetaCount is how many meta columns start TableHeader: the question
// columns follow.
func (d *Definition) TableMetaCount() int {
	if d.Multilingual() {
		return len(metaColumns) + 1
	}
	return len(metaColumns)
}

// TableHeader is the header row of the tabular form.
func (d *Definition) TableHeader() []string {
	h := slices.Clone(metaColumns)
	if d.Multilingual() {
		h = append(h, LanguageColumn)
	}
	for _, q := range d.Questions() {
		switch q.Type {
		case Matrix:
			for _, st := range q.Statements {
				h = append(h, q.ID+"."+st.Value)
			}
		default:
			h = append(h, q.ID)
			if q.Other {
				h = append(h, q.ID+".other")
			}
		}
	}
	for _, k := range d.OrderKeys() {
		h = append(h, OrderColumn(k))
	}
	return h
}

// TableRow is r in the tabular form, matching TableHeader.
func (d *Definition) TableRow(r *Response) []string {
	row := []string{r.ID, r.ClientID, string(r.Status), r.Touchpoint, formatTime(&r.StartedAt), formatTime(r.CompletedAt)}
	if d.Multilingual() {
		row = append(row, d.ResponseLanguage(r))
	}
	for _, q := range d.Questions() {
		v := r.Answers[q.ID]
		switch q.Type {
		case Matrix:
			for _, st := range q.Statements {
				cell := ""
				if p, ok := v.Matrix[st.Value]; ok {
					cell = strconv.Itoa(p)
				}
				row = append(row, cell)
			}
			continue
		case Multiple:
			row = append(row, strings.Join(v.Choices, ListSeparator))
		case Single, Dropdown:
			row = append(row, v.Choice)
		default:
			if v.Number != nil {
				row = append(row, formatFloat(*v.Number))
			} else {
				row = append(row, v.Text)
			}
		}
		if q.Other {
			row = append(row, v.Other)
		}
	}
	for _, k := range d.OrderKeys() {
		row = append(row, r.OrderCell(k))
	}
	return row
}

func formatTime(t *time.Time) string {
	if t == nil || t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}

// TableReader turns rows of an imported table into responses.
type TableReader struct {
	def     *Definition
	header  []string
	cols    map[string]int // meta column or question field -> index
	Ignored []string       // header cells that match nothing
}

// NewTableReader maps a header onto the definition's questions, by id or
// by question text (case-insensitive). It fails when no column matches a
// question, or when a required question has no column.
func (d *Definition) NewTableReader(header []string) (*TableReader, error) {
	tr := &TableReader{def: d, header: header, cols: map[string]int{}}
	byText := map[string]string{}
	for _, q := range d.Questions() {
		// A header may carry the question's text in any of the survey's
		// languages; the default language wins a clash.
		for _, t := range slices.Backward(q.Text.Translations()) {
			byText[strings.ToLower(strings.TrimSpace(t.Text))] = q.ID
		}
	}
	var p problems
	for i, h := range header {
		key := strings.TrimSpace(h)
		lower := strings.ToLower(key)
		switch {
		case slices.Contains(metaColumns, lower) || lower == LanguageColumn:
			key = lower
		case tr.known(key):
		case byText[lower] != "":
			key = byText[lower]
		default:
			tr.Ignored = append(tr.Ignored, h)
			continue
		}
		if prev, dup := tr.cols[key]; dup {
			p.add(fmt.Sprintf("column %d", i+1), "%q is the same question as column %d", h, prev+1)
			continue
		}
		tr.cols[key] = i
	}
	matched := false
	for _, q := range d.Questions() {
		has := tr.hasQuestion(q)
		matched = matched || has
		if q.Required && q.ShowIf == nil && !has {
			p.add("header", "no column for required question %q (%s)", q.ID, q.Text)
		}
	}
	if !matched {
		p.add("header", "no column matches a question of survey %q: name columns by question id or text", d.Slug)
	}
	return tr, p.err()
}

func (tr *TableReader) known(field string) bool {
	if k, ok := strings.CutPrefix(field, "order:"); ok {
		return slices.Contains(tr.def.OrderKeys(), k)
	}
	id, sub, _ := strings.Cut(field, ".")
	q, ok := tr.def.Question(id)
	switch {
	case !ok:
		return false
	case sub == "":
		return q.Type != Matrix
	case sub == "other":
		return q.Other
	case q.Type == Matrix:
		return slices.ContainsFunc(q.Statements, func(o Option) bool { return o.Value == sub })
	}
	return false
}

func (tr *TableReader) hasQuestion(q *Question) bool {
	if _, ok := tr.cols[q.ID]; ok {
		return true
	}
	for _, st := range q.Statements {
		if _, ok := tr.cols[q.ID+"."+st.Value]; ok {
			return true
		}
	}
	return false
}

// Response reads one row. Problems name the column; the response is
// validated like a web submission (a row with status "partial" may leave
// required questions empty).
func (tr *TableReader) Response(row []string) (*Response, error) {
	cell := func(key string) string {
		if i, ok := tr.cols[key]; ok && i < len(row) {
			return UnescapeCell(strings.TrimSpace(row[i]))
		}
		return ""
	}
	var p problems
	r := &Response{ID: cell("response_id"), ClientID: cell("client_id"), Touchpoint: cell("touchpoint"), Status: Complete, Source: "import"}
	switch l := strings.ToLower(cell(LanguageColumn)); {
	case l == "":
		r.Language = tr.def.Language
	case tr.def.HasLanguage(l):
		r.Language = l
	default:
		p.add(LanguageColumn, "%q is not one of the survey's languages (%s)", l, strings.Join(tr.def.Langs(), ", "))
	}
	if s := strings.ToLower(cell("status")); s != "" {
		if s != string(Complete) && s != string(Partial) {
			p.add("status", "must be complete or partial (got %q)", s)
		}
		r.Status = ResponseStatus(s)
	}
	for _, col := range []string{"started_at", "completed_at"} {
		s := cell(col)
		if s == "" {
			continue
		}
		t, err := parseTime(s)
		if err != nil {
			p.add(col, "not a time (use 2006-01-02T15:04:05Z or 2006-01-02 15:04): %q", s)
			continue
		}
		if col == "started_at" {
			r.StartedAt = t
		} else {
			r.CompletedAt = &t
		}
	}
	a := Answers{}
	for _, q := range tr.def.Questions() {
		v, err := tr.value(q, cell)
		if err != "" {
			p.add(q.ID, "%s", err)
			continue
		}
		if !v.IsEmpty() {
			a[q.ID] = v
		}
	}
	r.Answers = a
	// An exported order comes back with the response, so an export
	// imported into another server keeps it.
	for _, k := range tr.def.OrderKeys() {
		if items := splitList(cell(OrderColumn(k))); len(items) > 0 {
			if r.Order == nil {
				r.Order = ItemOrder{}
			}
			r.Order[k] = items
		}
	}
	if len(p) == 0 {
		var err error
		if r.Status == Complete {
			err = tr.def.ValidateResponse(a)
		} else {
			err = tr.def.validatePresent(a)
		}
		if err != nil {
			return nil, err
		}
	}
	return r, p.err()
}

// optionValues lists a question's option values for an error, the first
// ten and "…" for more: what a cell of its column may hold.
func optionValues(q *Question) string {
	vals := make([]string, 0, min(len(q.Options), 11))
	for i, o := range q.Options {
		if i == 10 {
			vals = append(vals, "…")
			break
		}
		vals = append(vals, o.Value)
	}
	return strings.Join(vals, ", ")
}

func (tr *TableReader) value(q *Question, cell func(string) string) (Value, string) {
	var v Value
	s := cell(q.ID)
	// An option by its value or its label in any of the survey's
	// languages (a Persian row of a survey asked in both names it in Persian).
	choice := func(s string) (string, bool) {
		for _, o := range q.Options {
			if s == o.Value || strings.EqualFold(s, o.Text()) {
				return o.Value, true
			}
			for _, t := range o.Label.Translations() {
				if strings.EqualFold(s, t.Text) {
					return o.Value, true
				}
			}
		}
		if q.Other && strings.EqualFold(s, OtherValue) {
			return OtherValue, true
		}
		return s, false
	}
	switch q.Type {
	case Single, Dropdown:
		if s == "" {
			return v, ""
		}
		c, ok := choice(s)
		if !ok {
			if !q.Other {
				return v, fmt.Sprintf("%q is not one of the options (%s)", s, optionValues(q))
			}
			c, v.Other = OtherValue, s // a free answer in the column means "other"
		}
		v.Choice = c
	case Multiple:
		for _, part := range splitList(s) {
			c, ok := choice(part)
			if !ok {
				return v, fmt.Sprintf("%q is not one of the options (%s)", part, optionValues(q))
			}
			v.Choices = append(v.Choices, c)
		}
	case Likert, Rating, NPS, Number:
		if s == "" {
			return v, ""
		}
		f, err := ParseNumber(s)
		if err != nil {
			if lbl := scaleLabelPoint(q, s); lbl > 0 {
				f = float64(lbl)
			} else {
				return v, fmt.Sprintf("%q is not a number", s)
			}
		}
		v.Number = &f
	case Matrix:
		for _, st := range q.Statements {
			c := cell(q.ID + "." + st.Value)
			if c == "" {
				continue
			}
			n, err := strconv.Atoi(NormalizeDigits(c))
			if err != nil {
				return v, fmt.Sprintf("statement %q: %q is not a scale point", st.Value, c)
			}
			if v.Matrix == nil {
				v.Matrix = map[string]int{}
			}
			v.Matrix[st.Value] = n
		}
	default:
		v.Text = s
	}
	if q.Other {
		if o := cell(q.ID + ".other"); o != "" {
			v.Other = o
		}
	}
	return v, ""
}

// validatePresent checks the answers given, without requiring the missing.
func (d *Definition) validatePresent(a Answers) error {
	var p problems
	for _, q := range d.Questions() {
		if v, ok := a[q.ID]; ok && !v.IsEmpty() {
			if code, args := q.check(v); code != "" {
				p.addCode(q.ID, code, args...)
			}
		}
	}
	return p.err()
}

func scaleLabelPoint(q *Question, s string) int {
	if q.Scale == nil {
		return 0
	}
	for i, l := range q.Scale.Labels {
		for _, t := range l.Translations() {
			if strings.EqualFold(t.Text, s) {
				return i + 1
			}
		}
	}
	return 0
}

// splitList splits a multiple-choice cell on ";" or "|" (a comma may be
// part of a label, so it is not a separator).
func splitList(s string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' || r == '؛' }) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

func parseTime(s string) (time.Time, error) {
	s = NormalizeDigits(s)
	for _, layout := range []string{time.RFC3339, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02T15:04", time.DateOnly, "01/02/2006 15:04", "1/2/2006 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("bad time")
}

// EscapeCell defuses a cell for spreadsheet programs: text that starts
// with = + - @ (or a tab or carriage return) would run as a formula when
// the CSV is opened in Excel, so it gets a leading apostrophe. Negative
// numbers stay as they are. UnescapeCell undoes it on import.
func EscapeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '@', '\t', '\r':
		return "'" + s
	case '-':
		if _, err := strconv.ParseFloat(s, 64); err != nil {
			return "'" + s
		}
	}
	return s
}

// UnescapeCell removes the apostrophe EscapeCell added.
func UnescapeCell(s string) string {
	if len(s) > 1 && s[0] == '\'' && EscapeCell(s[1:]) == s {
		return s[1:]
	}
	return s
}
