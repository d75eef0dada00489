package survey

import (
	"errors"
	"fmt"
)

// The error vocabulary of the domain. Adapters wrap these with %w; the web
// layer maps them to HTTP status codes in exactly one place.
var (
	ErrInvalid      = errors.New("invalid")
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden") // signed in (or a valid key), but not allowed this
	ErrClosed       = errors.New("survey closed")
)

// FieldError names one problem with one part of an input: a JSON path in a
// survey definition, a question id in a response, a column in a CSV row.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
	// Code and Args identify an answer problem so the web layer can show
	// it in the respondent's language (see AnswerMessages).
	Code string `json:"code,omitempty"`
	Args []any  `json:"-"`
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// ValidationError carries every problem found, not only the first, so a
// user can fix them all in one go. It matches ErrInvalid with errors.Is.
type ValidationError struct {
	Problems []FieldError
}

func (e *ValidationError) Error() string {
	switch len(e.Problems) {
	case 0:
		return "invalid"
	case 1:
		return e.Problems[0].Error()
	}
	s := fmt.Sprintf("%d problems:", len(e.Problems))
	for _, p := range e.Problems {
		s += "\n  " + p.Error()
	}
	return s
}

func (e *ValidationError) Is(target error) bool { return target == ErrInvalid }

// ByField returns the problems keyed by field, first message wins.
func (e *ValidationError) ByField() map[string]string {
	m := make(map[string]string, len(e.Problems))
	for _, p := range e.Problems {
		if _, ok := m[p.Field]; !ok {
			m[p.Field] = p.Message
		}
	}
	return m
}

// problems collects FieldErrors while walking an input.
type problems []FieldError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// addCode records an answer problem whose English text is AnswerMessages[code].
func (p *problems) addCode(field, code string, args ...any) {
	*p = append(*p, FieldError{Field: field, Code: code, Args: args, Message: fmt.Sprintf(AnswerMessages[code], args...)})
}

// AnswerMessages are the English texts of answer problems by code; the
// web layer keeps a translation of each.
var AnswerMessages = map[string]string{
	"required":        "required",
	"unknown":         "no such question in this survey",
	"choose_one":      "choose one option",
	"choose_list":     "choose options from the list",
	"not_option":      "%q is not one of the options",
	"chosen_twice":    "%q chosen twice",
	"other_missing":   "please specify \"other\"",
	"other_unchosen":  "\"other\" text given but \"other\" not chosen",
	"other_too_long":  "\"other\" too long (limit %d characters)",
	"scale":           "choose a point on the scale",
	"scale_range":     "must be a whole number from %d to %d",
	"number":          "must be a number",
	"min":             "must be at least %s",
	"max":             "must be at most %s",
	"text":            "must be text",
	"too_long":        "too long (%d characters, limit %d)",
	"bad_text":        "not valid text (" + BadTextMessage + ")",
	"date":            "must be a date (YYYY-MM-DD)",
	"matrix":          "rate each statement",
	"no_statement":    "no statement %q",
	"statement_range": "%q must be rated 1 to %d",
	"matrix_all":      "rate every statement",
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}
