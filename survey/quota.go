package survey

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Quota caps how many complete responses of one kind a survey takes: those
// whose answer to Question is Equals (or one of OneOf), or those that came
// from Touchpoint (the ?tp= of the link). Exactly one of Question and
// Touchpoint is set. A respondent who falls into a full quota is shown a
// closing page (Message, or a polite default) and their response is kept
// with status OverQuota: out of the analysis and the complete counts.
type Quota struct {
	ID         string   `json:"id"`
	Question   string   `json:"question,omitempty"`
	Equals     *string  `json:"equals,omitempty"`
	OneOf      []string `json:"one_of,omitempty"`
	Touchpoint string   `json:"touchpoint,omitempty"`
	Limit      int      `json:"limit"`
	// Message replaces the default closing page text for this quota; a
	// translatable text like every other (survey/localized.go).
	Message Localized `json:"message,omitzero"`
}

// OverQuota is the status of a response turned away because a quota it
// falls into was full. It is kept, so the researcher sees who was turned
// away, but never counted or analysed as a complete response.
const OverQuota ResponseStatus = "over_quota"

// ErrQuotaFull matches a *QuotaFullError.
var ErrQuotaFull = errors.New("quota full")

// QuotaFullError says which quota turned a response away.
type QuotaFullError struct{ Quota string }

func (e *QuotaFullError) Error() string        { return fmt.Sprintf("quota %q is full", e.Quota) }
func (e *QuotaFullError) Is(target error) bool { return target == ErrQuotaFull }

// QuotaLimit is a quota a response counts toward, as the store needs it.
type QuotaLimit struct {
	ID    string
	Limit int
}

// Matches reports whether a response with these answers, from touchpoint
// tp, falls into the quota. A multiple-choice answer falls in when any of
// its choices is one of the quota's values.
func (q *Quota) Matches(a Answers, tp string) bool {
	if q.Touchpoint != "" {
		return tp == q.Touchpoint
	}
	v, ok := a[q.Question]
	if !ok {
		return false
	}
	in := func(s string) bool {
		if q.Equals != nil {
			return s == *q.Equals
		}
		return slices.Contains(q.OneOf, s)
	}
	if v.Choice != "" {
		return in(v.Choice)
	}
	return slices.ContainsFunc(v.Choices, in)
}

// Quota finds a quota by id.
func (d *Definition) Quota(id string) (*Quota, bool) {
	for i := range d.Quotas {
		if d.Quotas[i].ID == id {
			return &d.Quotas[i], true
		}
	}
	return nil, false
}

// QuotasOf lists the quotas a response with these answers, from touchpoint
// tp, falls into: what a completion counts toward.
func (d *Definition) QuotasOf(a Answers, tp string) []QuotaLimit {
	var out []QuotaLimit
	for i := range d.Quotas {
		if q := &d.Quotas[i]; q.Matches(a, tp) {
			out = append(out, QuotaLimit{ID: q.ID, Limit: q.Limit})
		}
	}
	return out
}

// FullQuota returns the first quota these answers fall into whose count
// (counts by quota id) has reached its limit, or nil.
func (d *Definition) FullQuota(a Answers, tp string, counts map[string]int) *Quota {
	for i := range d.Quotas {
		if q := &d.Quotas[i]; counts[q.ID] >= q.Limit && q.Matches(a, tp) {
			return q
		}
	}
	return nil
}

// MaxQuotas keeps a definition's quota checks cheap on every submit.
const MaxQuotas = 100

// validateQuotas checks the quotas against the questions they name.
func validateQuotas(p *problems, d *Definition) {
	if len(d.Quotas) > MaxQuotas {
		p.addCode("quotas", "def_too_many_quotas", len(d.Quotas), MaxQuotas)
	}
	seen := map[string]int{}
	for i := range d.Quotas {
		q := &d.Quotas[i]
		qp := fmt.Sprintf("quotas[%d]", i)
		if !idPattern.MatchString(q.ID) {
			p.addCode(qp+".id", "def_id", q.ID)
		} else if prev, dup := seen[q.ID]; dup {
			p.addCode(qp+".id", "def_duplicate_id", q.ID, fmt.Sprintf("quotas[%d]", prev))
		} else {
			seen[q.ID] = i
		}
		if q.Limit < 1 {
			p.addCode(qp+".limit", "def_quota_limit", q.Limit)
		}
		switch {
		case q.Question != "" && q.Touchpoint != "":
			p.addCode(qp, "def_quota_both")
			continue
		case q.Touchpoint != "":
			if strings.TrimSpace(q.Touchpoint) != q.Touchpoint || !ValidText(q.Touchpoint) {
				p.addCode(qp+".touchpoint", "def_quota_touchpoint", q.Touchpoint)
			}
			if q.Equals != nil || len(q.OneOf) > 0 {
				p.addCode(qp, "def_quota_touchpoint_values")
			}
			continue
		case q.Question == "":
			p.addCode(qp, "def_quota_target")
			continue
		}
		ref, ok := d.Question(q.Question)
		if !ok {
			p.addCode(qp+".question", "def_no_question", q.Question)
			continue
		}
		switch ref.Type {
		case Single, Multiple, Dropdown:
		default:
			p.addCode(qp+".question", "def_quota_type", ref.ID, ref.Type)
			continue
		}
		if (q.Equals != nil) == (len(q.OneOf) > 0) {
			p.addCode(qp, "def_quota_values")
		}
		if q.Equals != nil && !ref.HasOption(*q.Equals) {
			p.addCode(qp+".equals", "def_not_option", *q.Equals, ref.ID)
		}
		for j, v := range q.OneOf {
			if !ref.HasOption(v) {
				p.addCode(fmt.Sprintf("%s.one_of[%d]", qp, j), "def_not_option", v, ref.ID)
			}
		}
	}
}
