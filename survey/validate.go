package survey

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

var (
	slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,62}$`)
	idPattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)
)

// Limits that keep one survey from exhausting a phone or the server.
const (
	MaxPages          = 50
	MaxQuestions      = 500
	MaxOptions        = 200
	MaxTextLength     = 10000 // a long_text answer, in characters
	MaxShortLength    = 24    // a question's short name, in characters
	DefaultShortLimit = 500   // a short_text answer, in characters
)

// ValidSlug reports whether s can name a survey in a URL.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// Validate checks the whole definition and reports every problem by JSON
// path (pages[1].questions[3].options: empty).
func (d *Definition) Validate() error {
	var p problems
	if !slugPattern.MatchString(d.Slug) {
		p.addCode("slug", "def_slug", d.Slug)
	}
	if strings.TrimSpace(d.Title.String()) == "" {
		p.addCode("title", "def_empty")
	}
	validateLanguages(&p, d)
	if d.Settings.ResumeDays < 0 {
		p.addCode("settings.resume_days", "def_resume_days")
	}
	if len(d.Pages) == 0 {
		p.addCode("pages", "def_no_pages")
	}
	if len(d.Pages) > MaxPages {
		p.addCode("pages", "def_too_many_pages", len(d.Pages), MaxPages)
	}
	seen := map[string]string{} // question id -> path
	total := 0
	for pi := range d.Pages {
		page := &d.Pages[pi]
		pp := fmt.Sprintf("pages[%d]", pi)
		if len(page.Questions) == 0 {
			p.addCode(pp+".questions", "def_empty")
		}
		for qi := range page.Questions {
			total++
			q := &page.Questions[qi]
			qp := fmt.Sprintf("%s.questions[%d]", pp, qi)
			validateQuestion(&p, qp, q)
			if q.ID != "" {
				if prev, dup := seen[q.ID]; dup {
					p.addCode(qp+".id", "def_duplicate_id", q.ID, prev)
				} else if q.ShowIf != nil {
					validateCondition(&p, qp+".show_if", q.ShowIf, d, seen)
				}
				seen[q.ID] = qp
			}
		}
	}
	if total > MaxQuestions {
		p.addCode("pages", "def_too_many_questions", total, MaxQuestions)
	}
	validateQuotas(&p, d)
	validateTexts(&p, d)
	validatePipes(&p, d)
	return p.err()
}

func validateQuestion(p *problems, qp string, q *Question) {
	if !idPattern.MatchString(q.ID) {
		p.addCode(qp+".id", "def_id", q.ID)
	}
	if strings.TrimSpace(q.Text.String()) == "" {
		p.addCode(qp+".text", "def_empty")
	}
	for _, t := range q.Short.Translations() {
		if utf8.RuneCountInString(t.Text) > MaxShortLength {
			p.addCode(qp+".short", "def_short_length", MaxShortLength)
			break
		}
	}
	if !slices.Contains(QuestionTypes, q.Type) {
		p.addCode(qp+".type", "def_type", q.Type, joinTypes())
		return
	}
	if q.Role != "" && !slices.Contains(Roles, q.Role) {
		p.addCode(qp+".role", "def_role", q.Role)
	}
	if q.Stage != "" && !slices.Contains(Stages, q.Stage) {
		p.addCode(qp+".stage", "def_stage", q.Stage)
	}
	switch q.Type {
	case Single, Multiple, Dropdown:
		validateOptions(p, qp+".options", q.Options, q.Other)
		if q.Other && q.Type == Dropdown {
			p.addCode(qp+".other", "def_dropdown_other")
		}
	default:
		if len(q.Options) > 0 {
			p.addCode(qp+".options", "def_options_unused")
		}
		if q.Other {
			p.addCode(qp+".other", "def_other_unused")
		}
	}
	if q.Role == RoleTouchpoint && q.Type != Single && q.Type != Multiple && q.Type != Dropdown {
		p.addCode(qp+".role", "def_touchpoint_type")
	}
	validateScale(p, qp+".scale", q)
	switch q.Type {
	case Single, Multiple, Dropdown, Matrix:
		items, field := q.Options, ".options"
		if q.Type == Matrix {
			items, field = q.Statements, ".statements"
		}
		if !q.Randomize {
			for i, o := range items {
				if o.Pin {
					p.addCode(fmt.Sprintf("%s%s[%d].pin", qp, field, i), "def_pin_unused")
				}
			}
		}
	default:
		if q.Randomize {
			p.addCode(qp+".randomize", "def_randomize_unused", q.Type)
		}
	}
	if q.Type == Matrix {
		if len(q.Statements) == 0 {
			p.addCode(qp+".statements", "def_no_statements")
		}
		validateOptions(p, qp+".statements", q.Statements, false)
	} else if len(q.Statements) > 0 {
		p.addCode(qp+".statements", "def_statements_unused")
	}
	if q.Type == Number {
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			p.addCode(qp+".min", "def_min_max")
		}
	} else if q.Min != nil || q.Max != nil {
		p.addCode(qp+".min", "def_min_unused")
	}
	if q.MaxLength < 0 || q.MaxLength > MaxTextLength {
		p.addCode(qp+".max_length", "def_max_length", MaxTextLength)
	}
}

// validateScale checks the points and labels of a scaled question. A
// likert or matrix needs a scale; a rating or NPS may have one to label
// its points or ends, but its number of points is fixed.
func validateScale(p *problems, path string, q *Question) {
	sc := q.Scale
	switch q.Type {
	case Likert, Matrix:
		if sc == nil {
			p.addCode(path, "def_scale_missing", q.Type)
			return
		}
		if sc.Points < 2 || sc.Points > 11 {
			p.addCode(path+".points", "def_points", sc.Points)
			return
		}
	case Rating, NPS:
		if sc == nil {
			return
		}
		if _, n := q.ScalePoints(); sc.Points != 0 && sc.Points != n {
			p.addCode(path+".points", "def_points_fixed", q.Type, n, sc.Points)
			return
		}
	default:
		if sc != nil {
			p.addCode(path, "def_scale_unused")
		}
		return
	}
	_, n := q.ScalePoints()
	if len(sc.Labels) != 0 && len(sc.Labels) != n {
		p.addCode(path+".labels", "def_labels", len(sc.Labels), n)
	}
	if len(sc.Labels) != 0 && (!sc.Low.IsZero() || !sc.High.IsZero()) {
		p.addCode(path+".low", "def_labels_and_ends")
	}
}

func validateOptions(p *problems, path string, opts []Option, other bool) {
	if len(opts) == 0 {
		p.addCode(path, "def_empty")
		return
	}
	if len(opts) > MaxOptions {
		p.addCode(path, "def_too_many_options", len(opts), MaxOptions)
	}
	seen := map[string]bool{}
	for i, o := range opts {
		op := fmt.Sprintf("%s[%d]", path, i)
		v := strings.TrimSpace(o.Value)
		switch {
		case v == "":
			p.addCode(op, "def_empty_value")
		case v != o.Value:
			p.addCode(op, "def_value_spaces", o.Value)
		case seen[v]:
			p.addCode(op, "def_duplicate_value", v)
		case other && v == OtherValue:
			p.addCode(op, "def_value_other", v)
		}
		seen[v] = true
	}
}

// validateCondition checks a show_if: it must point at an earlier question
// (seen holds the ids of questions before this one) and name real options.
func validateCondition(p *problems, path string, c *Condition, d *Definition, seen map[string]string) {
	set := 0
	if c.Equals != nil {
		set++
	}
	if len(c.OneOf) > 0 {
		set++
	}
	if c.NotAnswered {
		set++
	}
	if set != 1 {
		p.addCode(path, "def_condition")
	}
	if _, ok := seen[c.Question]; !ok {
		if _, exists := d.Question(c.Question); exists {
			p.addCode(path+".question", "def_condition_later", c.Question)
		} else {
			p.addCode(path+".question", "def_no_question", c.Question)
		}
		return
	}
	ref, _ := d.Question(c.Question)
	check := func(field, v string) {
		switch ref.Type {
		case Single, Multiple, Dropdown:
			if !ref.HasOption(v) {
				p.addCode(path+"."+field, "def_not_option", v, ref.ID)
			}
		case Matrix:
			p.addCode(path+".question", "def_condition_matrix")
		}
	}
	if c.Equals != nil {
		check("equals", *c.Equals)
	}
	for i, v := range c.OneOf {
		check(fmt.Sprintf("one_of[%d]", i), v)
	}
}

func joinTypes() string {
	s := make([]string, len(QuestionTypes))
	for i, t := range QuestionTypes {
		s[i] = string(t)
	}
	return strings.Join(s, ", ")
}
