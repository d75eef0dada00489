package survey

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
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
	DefaultShortLimit = 500   // a short_text answer, in characters
)

// ValidSlug reports whether s can name a survey in a URL.
func ValidSlug(s string) bool { return slugPattern.MatchString(s) }

// Validate checks the whole definition and reports every problem by JSON
// path (pages[1].questions[3].options: empty).
func (d *Definition) Validate() error {
	var p problems
	if !slugPattern.MatchString(d.Slug) {
		p.add("slug", "must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit (got %q)", d.Slug)
	}
	if strings.TrimSpace(d.Title.String()) == "" {
		p.add("title", "empty")
	}
	validateLanguages(&p, d)
	if d.Settings.ResumeDays < 0 {
		p.add("settings.resume_days", "must not be negative")
	}
	if len(d.Pages) == 0 {
		p.add("pages", "empty: a survey needs at least one page")
	}
	if len(d.Pages) > MaxPages {
		p.add("pages", "too many pages (%d, limit %d)", len(d.Pages), MaxPages)
	}
	seen := map[string]string{} // question id -> path
	total := 0
	for pi := range d.Pages {
		page := &d.Pages[pi]
		pp := fmt.Sprintf("pages[%d]", pi)
		if len(page.Questions) == 0 {
			p.add(pp+".questions", "empty")
		}
		for qi := range page.Questions {
			total++
			q := &page.Questions[qi]
			qp := fmt.Sprintf("%s.questions[%d]", pp, qi)
			validateQuestion(&p, qp, q)
			if q.ID != "" {
				if prev, dup := seen[q.ID]; dup {
					p.add(qp+".id", "duplicate %q (also at %s)", q.ID, prev)
				} else if q.ShowIf != nil {
					validateCondition(&p, qp+".show_if", q.ShowIf, d, seen)
				}
				seen[q.ID] = qp
			}
		}
	}
	if total > MaxQuestions {
		p.add("pages", "too many questions (%d, limit %d)", total, MaxQuestions)
	}
	validateQuotas(&p, d)
	validateTexts(&p, d)
	validatePipes(&p, d)
	return p.err()
}

func validateQuestion(p *problems, qp string, q *Question) {
	if !idPattern.MatchString(q.ID) {
		p.add(qp+".id", "must start with a letter and hold only letters, digits, _ or - (got %q)", q.ID)
	}
	if strings.TrimSpace(q.Text.String()) == "" {
		p.add(qp+".text", "empty")
	}
	if !slices.Contains(QuestionTypes, q.Type) {
		p.add(qp+".type", "unknown type %q (one of %s)", q.Type, joinTypes())
		return
	}
	if q.Role != "" && !slices.Contains(Roles, q.Role) {
		p.add(qp+".role", "unknown role %q", q.Role)
	}
	if q.Stage != "" && !slices.Contains(Stages, q.Stage) {
		p.add(qp+".stage", "unknown stage %q", q.Stage)
	}
	switch q.Type {
	case Single, Multiple, Dropdown:
		validateOptions(p, qp+".options", q.Options, q.Other)
		if q.Other && q.Type == Dropdown {
			p.add(qp+".other", "not supported on a dropdown; use single or multiple")
		}
	default:
		if len(q.Options) > 0 {
			p.add(qp+".options", "only single, multiple and dropdown questions have options")
		}
		if q.Other {
			p.add(qp+".other", "only single and multiple questions have \"other\"")
		}
	}
	if q.Role == RoleTouchpoint && q.Type != Single && q.Type != Multiple && q.Type != Dropdown {
		p.add(qp+".role", "a touchpoint question must be single, multiple or dropdown: its options are the touchpoints")
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
					p.add(fmt.Sprintf("%s%s[%d].pin", qp, field, i), "has no effect: the question does not say \"randomize\"")
				}
			}
		}
	default:
		if q.Randomize {
			p.add(qp+".randomize", "only single, multiple, dropdown and matrix questions randomise their order; a %s has none", q.Type)
		}
	}
	if q.Type == Matrix {
		if len(q.Statements) == 0 {
			p.add(qp+".statements", "empty: a matrix needs statements")
		}
		validateOptions(p, qp+".statements", q.Statements, false)
	} else if len(q.Statements) > 0 {
		p.add(qp+".statements", "only matrix questions have statements")
	}
	if q.Type == Number {
		if q.Min != nil && q.Max != nil && *q.Min > *q.Max {
			p.add(qp+".min", "greater than max")
		}
	} else if q.Min != nil || q.Max != nil {
		p.add(qp+".min", "only number questions have min and max")
	}
	if q.MaxLength < 0 || q.MaxLength > MaxTextLength {
		p.add(qp+".max_length", "must be 0 to %d", MaxTextLength)
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
			p.add(path, "missing: a %s needs {\"points\": N}", q.Type)
			return
		}
		if sc.Points < 2 || sc.Points > 11 {
			p.add(path+".points", "must be 2 to 11 (got %d)", sc.Points)
			return
		}
	case Rating, NPS:
		if sc == nil {
			return
		}
		if _, n := q.ScalePoints(); sc.Points != 0 && sc.Points != n {
			p.add(path+".points", "a %s always has %d points (got %d): leave points out", q.Type, n, sc.Points)
			return
		}
	default:
		if sc != nil {
			p.add(path, "only likert, matrix, rating and nps questions have a scale")
		}
		return
	}
	_, n := q.ScalePoints()
	if len(sc.Labels) != 0 && len(sc.Labels) != n {
		p.add(path+".labels", "has %d labels for %d points: give one per point or none", len(sc.Labels), n)
	}
	if len(sc.Labels) != 0 && (!sc.Low.IsZero() || !sc.High.IsZero()) {
		p.add(path+".low", "give labels for every point or low and high for the ends, not both")
	}
}

func validateOptions(p *problems, path string, opts []Option, other bool) {
	if len(opts) == 0 {
		p.add(path, "empty")
		return
	}
	if len(opts) > MaxOptions {
		p.add(path, "too many (%d, limit %d)", len(opts), MaxOptions)
	}
	seen := map[string]bool{}
	for i, o := range opts {
		op := fmt.Sprintf("%s[%d]", path, i)
		v := strings.TrimSpace(o.Value)
		switch {
		case v == "":
			p.add(op, "empty value")
		case v != o.Value:
			p.add(op, "value %q has leading or trailing spaces", o.Value)
		case seen[v]:
			p.add(op, "duplicate value %q", v)
		case other && v == OtherValue:
			p.add(op, "value %q is reserved for the \"other\" choice", v)
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
		p.add(path, "give exactly one of equals, one_of, not_answered")
	}
	if _, ok := seen[c.Question]; !ok {
		if _, exists := d.Question(c.Question); exists {
			p.add(path+".question", "%q comes after this question: show_if must refer to an earlier one", c.Question)
		} else {
			p.add(path+".question", "no question %q", c.Question)
		}
		return
	}
	ref, _ := d.Question(c.Question)
	check := func(field, v string) {
		switch ref.Type {
		case Single, Multiple, Dropdown:
			if !ref.HasOption(v) {
				p.add(path+"."+field, "%q is not an option of %s", v, ref.ID)
			}
		case Matrix:
			p.add(path+".question", "cannot depend on a matrix question")
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
