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
	// Code and Args identify an answer or definition problem so the web layer can show
	// it in the reader's language (see Messages).
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

// addCode records a problem whose English text is Messages[code].
func (p *problems) addCode(field, code string, args ...any) {
	*p = append(*p, FieldError{Field: field, Code: code, Args: args, Message: fmt.Sprintf(Messages[code], args...)})
}

// Messages are the English texts of answer, survey definition and
// webhook problems by code; the web layer keeps a translation of each.
var Messages = map[string]string{
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

	// Survey definitions: the builder, imports and the API.
	"def_json_type":               "line %d: %s must be %s, not %s",
	"def_json_unknown_field":      "line %d: json: unknown field %s",
	"def_json_at":                 "line %d: %v",
	"def_json":                    "%v",
	"def_json_trailing":           "trailing data after the survey object",
	"def_slug":                    "must be 1-63 lowercase letters, digits or dashes, starting with a letter or digit (got %q)",
	"def_empty":                   "empty",
	"def_resume_days":             "must not be negative",
	"def_no_pages":                "empty: a survey needs at least one page",
	"def_too_many_pages":          "too many pages (%d, limit %d)",
	"def_duplicate_id":            "duplicate %q (also at %s)",
	"def_too_many_questions":      "too many questions (%d, limit %d)",
	"def_id":                      "must start with a letter and hold only letters, digits, _ or - (got %q)",
	"def_type":                    "unknown type %q (one of %s)",
	"def_role":                    "unknown role %q",
	"def_stage":                   "unknown stage %q",
	"def_dropdown_other":          "not supported on a dropdown; use single or multiple",
	"def_options_unused":          "only single, multiple and dropdown questions have options",
	"def_other_unused":            "only single and multiple questions have \"other\"",
	"def_touchpoint_type":         "a touchpoint question must be single, multiple or dropdown: its options are the touchpoints",
	"def_pin_unused":              "has no effect: the question does not say \"randomize\"",
	"def_randomize_unused":        "only single, multiple, dropdown and matrix questions randomise their order; a %s has none",
	"def_no_statements":           "empty: a matrix needs statements",
	"def_statements_unused":       "only matrix questions have statements",
	"def_min_max":                 "greater than max",
	"def_min_unused":              "only number questions have min and max",
	"def_max_length":              "must be 0 to %d",
	"def_short_length":            "at most %d characters: a few words that name the question",
	"def_scale_missing":           "missing: a %s needs {\"points\": N}",
	"def_points":                  "must be 2 to 11 (got %d)",
	"def_points_fixed":            "a %s always has %d points (got %d): leave points out",
	"def_scale_unused":            "only likert, matrix, rating and nps questions have a scale",
	"def_labels":                  "has %d labels for %d points: give one per point or none",
	"def_labels_and_ends":         "give labels for every point or low and high for the ends, not both",
	"def_too_many_options":        "too many (%d, limit %d)",
	"def_empty_value":             "empty value",
	"def_value_spaces":            "value %q has leading or trailing spaces",
	"def_duplicate_value":         "duplicate value %q",
	"def_value_other":             "value %q is reserved for the \"other\" choice",
	"def_condition":               "give exactly one of equals, one_of, not_answered",
	"def_condition_later":         "%q comes after this question: show_if must refer to an earlier one",
	"def_no_question":             "no question %q",
	"def_not_option":              "%q is not an option of %s",
	"def_condition_matrix":        "cannot depend on a matrix question",
	"def_keep_question":           "cannot be removed: the survey has responses (hide it with show_if instead, or copy the survey)",
	"def_keep_type":               "cannot change from %s to %s: the survey has responses",
	"def_keep_option":             "option %q cannot be removed: the survey has responses",
	"def_keep_other":              "\"other\" cannot be turned off: the survey has responses",
	"def_keep_statement":          "statement %q cannot be removed: the survey has responses",
	"def_keep_scale":              "the scale cannot change: the survey has responses",
	"def_language":                "unknown language %q (one of %s)",
	"def_language_conflict":       "%q conflicts with languages, whose first (default) language is %q: give one of the two",
	"def_language_twice":          "%q is listed twice",
	"def_text_other_lang":         "has a %q text but the survey's only language is %q: add %q to languages or remove it",
	"def_text_unlisted_lang":      "has a %q text but %q is not one of the survey's languages (%s)",
	"def_translation_missing":     "no %q translation",
	"def_pipe_unknown":            "pipes {{%s}}: no question %q",
	"def_pipe_intro":              "pipes {{%s}}: the survey's title and description are shown before any answer",
	"def_pipe_same_page":          "pipes {{%s}}, which is on the same page: only answers from earlier pages can be piped",
	"def_pipe_later":              "pipes {{%s}}, which comes later: only answers from earlier pages can be piped",
	"def_pipe_matrix":             "pipes {{%s}}, a matrix question: it has no single answer to show; pipe another question",
	"def_too_many_quotas":         "too many quotas (%d, limit %d)",
	"def_quota_limit":             "must be at least 1 (got %d)",
	"def_quota_both":              "give either question or touchpoint, not both",
	"def_quota_touchpoint":        "%q has leading or trailing spaces or invalid text",
	"def_quota_touchpoint_values": "a touchpoint quota takes no equals or one_of: the touchpoint is its value",
	"def_quota_target":            "give question (with equals or one_of) or touchpoint",
	"def_quota_type":              "%q is a %s question: a quota needs a single, multiple or dropdown question",
	"def_quota_values":            "give exactly one of equals, one_of",
	"def_bad_text":                BadTextMessage,
	"def_slug_taken":              "another survey already uses this slug (%s)",

	// Webhooks.
	"hook_url":       "must be an absolute http or https URL",
	"hook_scheme":    "must use http or https, not %q",
	"hook_userinfo":  "must not carry a user name or password; sign with the secret instead",
	"hook_url_long":  "longer than 2000 characters",
	"hook_no_events": "choose at least one event",
	"hook_event":     "unknown event %q (known: %s)",
}

// SlugTaken is the problem of a new survey whose slug another survey has.
func SlugTaken(slug string) error {
	var p problems
	p.addCode("slug", "def_slug_taken", slug)
	return p.err()
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return &ValidationError{Problems: p}
}
