package survey

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// QuestionType is what a respondent is asked to give.
type QuestionType string

const (
	Single    QuestionType = "single"     // one option, radio buttons
	Multiple  QuestionType = "multiple"   // any options, checkboxes
	Dropdown  QuestionType = "dropdown"   // one option, a select
	Likert    QuestionType = "likert"     // an agreement scale with labelled points
	Rating    QuestionType = "rating"     // 1..5 stars
	NPS       QuestionType = "nps"        // 0..10 likelihood to recommend
	Number    QuestionType = "number"     // a number, optional min/max
	ShortText QuestionType = "short_text" // one line
	LongText  QuestionType = "long_text"  // a paragraph
	Date      QuestionType = "date"       // YYYY-MM-DD
	Matrix    QuestionType = "matrix"     // several statements on one Likert scale
)

// QuestionTypes lists every type in the order the builder offers them.
var QuestionTypes = []QuestionType{Single, Multiple, Dropdown, Likert, Rating, NPS, Number, ShortText, LongText, Date, Matrix}

// Role says what a question measures; the analysis picks its inputs by role.
type Role string

const (
	RoleDemographic  Role = "demographic"
	RoleBehaviour    Role = "behaviour"
	RoleGoal         Role = "goal"
	RolePain         Role = "pain"
	RoleSatisfaction Role = "satisfaction"
	RoleTouchpoint   Role = "touchpoint"
	RoleOpen         Role = "open"
)

// Roles lists every role.
var Roles = []Role{RoleDemographic, RoleBehaviour, RoleGoal, RolePain, RoleSatisfaction, RoleTouchpoint, RoleOpen}

// Stage is a step of the customer journey.
type Stage string

// Stages are the six default journey stages, in journey order.
var Stages = []Stage{"awareness", "consideration", "decision", "purchase", "use", "loyalty"}

// Definition is a survey as its author writes it (docs/survey-format.md).
type Definition struct {
	Slug        string    `json:"slug"`
	Title       Localized `json:"title"`
	Description Localized `json:"description,omitzero"`
	// Language is the default (first) language. A one-language survey
	// gives only this; a multilingual one gives Languages, and Normalize
	// sets Language to its first entry.
	Language  string   `json:"language"`
	Languages []string `json:"languages,omitempty"` // every language, the default first; nil for one
	Settings  Settings `json:"settings,omitzero"`
	Pages     []Page   `json:"pages"`
	// Quotas cap the complete responses of each kind (survey/quota.go).
	Quotas []Quota `json:"quotas,omitempty"`
}

// Settings are per-survey switches that change how responses are kept.
type Settings struct {
	// StoreIP keeps the respondent's IP address on the response. Off by
	// default: we store no IP unless the survey owner opts in.
	StoreIP bool `json:"store_ip,omitempty"`
	// ResumeDays is how long a partial response can be resumed (default 14).
	ResumeDays int `json:"resume_days,omitempty"`
	// PersianDigits shows numbers in Persian digits on a fa survey.
	PersianDigits bool `json:"persian_digits,omitempty"`
	// ThankYou replaces the default thank-you message.
	ThankYou Localized `json:"thank_you,omitzero"`
}

// Page is one screen of questions.
type Page struct {
	ID        string     `json:"id,omitempty"`
	Title     Localized  `json:"title,omitzero"`
	Questions []Question `json:"questions"`
	// Randomize shows the page's questions in a random order, fixed per
	// respondent (randomize.go).
	Randomize bool `json:"randomize,omitempty"`
}

// Question is one item on a page. Which fields apply depends on Type.
type Question struct {
	ID   string       `json:"id"`
	Type QuestionType `json:"type"`
	Text Localized    `json:"text"`
	Help Localized    `json:"help,omitzero"`
	// Short is a few words that name the question where its text is too
	// long, as persona names do ("Age 55+", not "How old are you? 55+").
	Short      Localized  `json:"short,omitzero"`
	Required   bool       `json:"required,omitempty"`
	Options    []Option   `json:"options,omitempty"`    // single, multiple, dropdown
	Other      bool       `json:"other,omitempty"`      // single, multiple: add "other, please specify"
	Randomize  bool       `json:"randomize,omitempty"`  // single, multiple, dropdown, matrix: shuffle options (statements) per respondent
	Scale      *Scale     `json:"scale,omitempty"`      // likert, matrix; rating and nps: end labels
	Statements []Option   `json:"statements,omitempty"` // matrix rows
	Min        *float64   `json:"min,omitempty"`        // number
	Max        *float64   `json:"max,omitempty"`        // number
	MaxLength  int        `json:"max_length,omitempty"` // short_text, long_text
	ShowIf     *Condition `json:"show_if,omitempty"`

	// Research metadata used by the analysis.
	Role       Role   `json:"role,omitempty"`
	Stage      Stage  `json:"stage,omitempty"`
	Touchpoint string `json:"touchpoint,omitempty"`
}

// Option is a choice. In JSON it is either a plain string (value and label
// alike) or {"value": "...", "label": "...", "pin": true}.
type Option struct {
	Value string    `json:"value"`
	Label Localized `json:"label,omitzero"`
	// Pin keeps the option at the end, in its written order, when the
	// question randomises its options ("none of these", "don't know").
	Pin bool `json:"pin,omitempty"`
}

// UnmarshalJSON accepts "text" or {"value","label"}.
func (o *Option) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*o = Option{Value: s, Label: Text(s)}
		return nil
	}
	type plain Option
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return fmt.Errorf("option must be a string or {\"value\",\"label\"}: %w", err)
	}
	*o = Option(p)
	return nil
}

// Text is what a respondent sees for the option in the default language.
func (o Option) Text() string { return o.TextIn("") }

// TextIn is what a respondent answering in lang sees for the option: its
// label in lang (or the default language), else its value.
func (o Option) TextIn(lang string) string {
	if s := o.Label.In(lang); s != "" {
		return s
	}
	return o.Value
}

// Scale is an ordered set of points, 1..Points, each optionally labelled,
// or labelled at its ends only (Low, High): "1 = Very poor ... 5 =
// Excellent". A rating (1..5) or NPS (0..10) question has a fixed number of
// points; its scale only labels them.
type Scale struct {
	Points int         `json:"points,omitempty"`
	Labels []Localized `json:"labels,omitempty"` // one per point, or empty
	Low    Localized   `json:"low,omitzero"`     // what the lowest point means
	High   Localized   `json:"high,omitzero"`    // what the highest point means
}

// Condition shows a question only when an earlier answer matches. Exactly
// one of Equals, OneOf and NotAnswered is set.
type Condition struct {
	Question    string   `json:"question"`
	Equals      *string  `json:"equals,omitempty"`
	OneOf       []string `json:"one_of,omitempty"`
	NotAnswered bool     `json:"not_answered,omitempty"`
}

// OtherValue is the option value recorded when a respondent picks "other".
const OtherValue = "other"

// OtherLabel is what the "other" option is called in lang ("fa", anything
// else English).
func OtherLabel(lang string) string {
	if lang == "fa" {
		return "سایر"
	}
	return "Other"
}

// DefaultResumeDays is how long a partial response can be resumed.
const DefaultResumeDays = 14

// Dir is the text direction of the survey's default language.
func (d *Definition) Dir() string { return LanguageDir(d.Language) }

// Questions returns every question in page order.
func (d *Definition) Questions() []*Question {
	qs := make([]*Question, 0, d.QuestionCount())
	for pi := range d.Pages {
		for qi := range d.Pages[pi].Questions {
			qs = append(qs, &d.Pages[pi].Questions[qi])
		}
	}
	return qs
}

// QuestionCount is len(d.Questions()) without building the slice.
func (d *Definition) QuestionCount() int {
	n := 0
	for pi := range d.Pages {
		n += len(d.Pages[pi].Questions)
	}
	return n
}

// Question finds a question by id. It walks the pages in place rather than
// through Questions, which allocates: it runs for every answer of every
// submission (6 % of the submit path's CPU before).
func (d *Definition) Question(id string) (*Question, bool) {
	for pi := range d.Pages {
		for qi := range d.Pages[pi].Questions {
			if q := &d.Pages[pi].Questions[qi]; q.ID == id {
				return q, true
			}
		}
	}
	return nil, false
}

// PageOf returns the index of the page holding question id, or -1.
func (d *Definition) PageOf(id string) int {
	for pi, p := range d.Pages {
		for _, q := range p.Questions {
			if q.ID == id {
				return pi
			}
		}
	}
	return -1
}

// ScalePoints is the number of points of a scaled question (likert,
// matrix, rating, nps) and the value of its lowest point.
func (q *Question) ScalePoints() (lo, n int) {
	switch q.Type {
	case Rating:
		return 1, 5
	case NPS:
		return 0, 11
	case Likert, Matrix:
		if q.Scale != nil {
			return 1, q.Scale.Points
		}
	}
	return 0, 0
}

// PointText is a scale answer as a reader should see it: the point with
// its label when the scale labels it ("2 Disagree", "5 Excellent"), else
// the number.
func (q *Question) PointText(p int) string { return q.PointTextIn(p, "") }

// PointTextIn is PointText with the label in lang.
func (q *Question) PointTextIn(p int, lang string) string {
	s := strconv.Itoa(p)
	if l := q.PointLabelIn(p, lang); l != "" {
		s += " " + l
	}
	return s
}

// PointLabel is the label of point p in the default language: its own
// label, or the scale's Low or High at the ends; "" when the scale says
// nothing about p.
func (q *Question) PointLabel(p int) string { return q.PointLabelIn(p, "") }

// PointLabelIn is PointLabel in lang.
func (q *Question) PointLabelIn(p int, lang string) string {
	if q.Scale == nil {
		return ""
	}
	lo, n := q.ScalePoints()
	i := p - lo
	switch {
	case i < 0 || i >= n:
		return ""
	case len(q.Scale.Labels) == n:
		return q.Scale.Labels[i].In(lang)
	case i == 0:
		return q.Scale.Low.In(lang)
	case i == n-1:
		return q.Scale.High.In(lang)
	}
	return ""
}

// EndLabels are what the lowest and highest points of a scaled question
// mean, when its scale says so with low and high.
func (q *Question) EndLabels() (low, high Localized) {
	if q.Scale == nil {
		return Localized{}, Localized{}
	}
	return q.Scale.Low, q.Scale.High
}

// HasOption reports whether v is one of the question's option values
// (including "other" when allowed).
func (q *Question) HasOption(v string) bool {
	if q.Other && v == OtherValue {
		return true
	}
	for _, o := range q.Options {
		if o.Value == v {
			return true
		}
	}
	return false
}

// OptionText is the label of option value v in the default language.
func (q *Question) OptionText(v string) string { return q.OptionTextIn(v, "") }

// OptionTextIn is the label of option value v in lang.
func (q *Question) OptionTextIn(v, lang string) string {
	for _, o := range q.Options {
		if o.Value == v {
			return o.TextIn(lang)
		}
	}
	return v
}

// ParseDefinition decodes and validates a definition. Unknown fields are
// refused, so a typo such as "requierd" is not silently ignored.
func ParseDefinition(data []byte) (*Definition, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var d Definition
	if err := dec.Decode(&d); err != nil {
		var p problems
		jsonProblem(&p, data, err)
		return nil, p.err()
	}
	if dec.More() {
		var p problems
		p.addCode("$", "def_json_trailing")
		return nil, p.err()
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}

// jsonProblem records a decoder error with the line it happened on.
func jsonProblem(p *problems, data []byte, err error) {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
		if e.Field != "" {
			p.addCode("$", "def_json_type", lineAt(data, off), e.Field, e.Type.String(), e.Value)
			return
		}
	}
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if i := bytes.Index(data, []byte(strings.Trim(name, " "))); i >= 0 {
			p.addCode("$", "def_json_unknown_field", lineAt(data, int64(i)), name)
			return
		}
	}
	if off >= 0 {
		p.addCode("$", "def_json_at", lineAt(data, off), err)
		return
	}
	p.addCode("$", "def_json", err)
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	return bytes.Count(data[:off], []byte("\n")) + 1
}
