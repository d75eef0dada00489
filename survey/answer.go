package survey

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Value is one answer to one question. Which fields are set depends on the
// question's type: Choice (single, dropdown), Choices (multiple), Other
// (the "please specify" text), Number (likert, rating, nps, number), Text
// (short_text, long_text, date as YYYY-MM-DD) or Matrix (statement -> point).
type Value struct {
	Choice  string
	Choices []string
	Other   string
	Number  *float64
	Text    string
	Matrix  map[string]int
}

// Answers maps question ids to values.
type Answers map[string]Value

// IsEmpty reports whether nothing was answered.
func (v Value) IsEmpty() bool {
	return v.Choice == "" && len(v.Choices) == 0 && v.Number == nil && strings.TrimSpace(v.Text) == "" && len(v.Matrix) == 0
}

// NumberValue returns a pointer to f, for building values.
func NumberValue(f float64) Value { return Value{Number: &f} }

// MarshalJSON writes the natural JSON form: a string, a list, a number or
// an object of statement points; an "other" text makes it an object.
func (v Value) MarshalJSON() ([]byte, error) {
	switch {
	case v.Other != "" && v.Choice != "":
		return json.Marshal(map[string]string{"value": v.Choice, "other": v.Other})
	case v.Other != "":
		return json.Marshal(map[string]any{"values": v.Choices, "other": v.Other})
	case v.Choice != "":
		return json.Marshal(v.Choice)
	case v.Choices != nil:
		return json.Marshal(v.Choices)
	case v.Number != nil:
		return json.Marshal(*v.Number)
	case v.Matrix != nil:
		return json.Marshal(v.Matrix)
	}
	return json.Marshal(v.Text)
}

// rawValue is the untyped JSON of an answer, decoded against its question.
type rawValue = json.RawMessage

// DecodeAnswers turns API JSON ({"q1": "a", "q2": ["x"], "q3": 4, ...})
// into typed values, checking each against its question's type. Numbers
// may be given as strings, also with Persian or Arabic-Indic digits.
func (d *Definition) DecodeAnswers(raw map[string]json.RawMessage) (Answers, error) {
	var p problems
	out := make(Answers, len(raw))
	for _, id := range slices.Sorted(maps.Keys(raw)) {
		q, ok := d.Question(id)
		if !ok {
			p.add(id, "no such question in this survey")
			continue
		}
		v, err := decodeValue(q, raw[id])
		if err != nil {
			p.add(id, "%v", err)
			continue
		}
		if !v.IsEmpty() {
			out[id] = v
		}
	}
	return out, p.err()
}

func decodeValue(q *Question, b rawValue) (Value, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return Value{}, nil
	}
	var v Value
	switch q.Type {
	case Single, Dropdown:
		if b[0] == '{' {
			var o struct{ Value, Other string }
			if err := json.Unmarshal(b, &o); err != nil {
				return v, fmt.Errorf("must be an option value or {\"value\",\"other\"}")
			}
			v.Choice, v.Other = o.Value, o.Other
		} else if err := jsonString(b, &v.Choice); err != nil {
			return v, fmt.Errorf("must be an option value (a string)")
		}
	case Multiple:
		if b[0] == '{' {
			var o struct {
				Values []string
				Other  string
			}
			if err := json.Unmarshal(b, &o); err != nil {
				return v, fmt.Errorf("must be a list of option values or {\"values\",\"other\"}")
			}
			v.Choices, v.Other = o.Values, o.Other
		} else if err := json.Unmarshal(b, &v.Choices); err != nil {
			return v, fmt.Errorf("must be a list of option values")
		}
	case Likert, Rating, NPS, Number:
		f, err := jsonNumber(b)
		if err != nil {
			var s string
			if json.Unmarshal(b, &s) != nil {
				return v, fmt.Errorf("must be a number")
			}
			if strings.TrimSpace(s) == "" {
				return v, nil
			}
			if f, err = ParseNumber(s); err != nil {
				return v, err
			}
		}
		v.Number = &f
	case ShortText, LongText, Date:
		if err := jsonString(b, &v.Text); err != nil {
			return v, fmt.Errorf("must be a string")
		}
	case Matrix:
		if err := json.Unmarshal(b, &v.Matrix); err != nil {
			return v, fmt.Errorf("must be an object of statement id to scale point")
		}
	}
	return v, nil
}

// jsonString decodes a JSON string. Most answers are plain strings without
// escapes, which it copies directly instead of going through reflection;
// anything else goes to encoding/json (same result, same errors).
func jsonString(b []byte, s *string) error {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		inner, plain := b[1:len(b)-1], true
		for _, c := range inner {
			if c < 0x20 || c == '"' || c == '\\' {
				plain = false
				break
			}
		}
		if plain && utf8.Valid(inner) {
			*s = string(inner)
			return nil
		}
	}
	return json.Unmarshal(b, s)
}

// jsonNumber decodes a JSON number literal with strconv directly, and
// anything else with encoding/json (which refuses what is not a number).
func jsonNumber(b []byte) (float64, error) {
	if isJSONNumber(b) {
		if f, err := strconv.ParseFloat(string(b), 64); err == nil {
			return f, nil
		}
	}
	var f float64
	err := json.Unmarshal(b, &f)
	return f, err
}

// isJSONNumber reports whether b is exactly a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(b []byte) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	if i < len(b) && b[i] == '0' {
		i++
	} else if !digits() {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(b)
}

// numberSeparators turns a typed number's separators into strconv's form
// (built once: a Replacer is costly to build and safe to share).
var numberSeparators = strings.NewReplacer("٫", ".", "٬", "", ",", "", "\u066C", "", " ", "", "\u200c", "", "−", "-")

// ParseNumber reads a number typed by a person: Persian (۰-۹) and
// Arabic-Indic (٠-٩) digits, the Arabic decimal separator (٫) and
// thousands separators (٬ ,) are accepted.
func ParseNumber(s string) (float64, error) {
	s = strings.TrimSpace(NormalizeDigits(s))
	s = numberSeparators.Replace(s)
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) { // "NaN" and "Inf" are not numbers a person typed
		return 0, fmt.Errorf("not a number")
	}
	return f, nil
}

// NormalizeDigits maps Persian and Arabic-Indic digits to ASCII.
func NormalizeDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		}
		return r
	}, s)
}

// Visible reports whether question q is shown given the answers so far.
func (q *Question) Visible(a Answers) bool {
	c := q.ShowIf
	if c == nil {
		return true
	}
	v, ok := a[c.Question]
	if !ok || v.IsEmpty() {
		return c.NotAnswered
	}
	if c.NotAnswered {
		return false
	}
	match := func(want string) bool {
		if v.Choice != "" {
			return v.Choice == want
		}
		if v.Choices != nil {
			return slices.Contains(v.Choices, want)
		}
		if v.Number != nil {
			f, err := strconv.ParseFloat(want, 64)
			return err == nil && f == *v.Number
		}
		return strings.TrimSpace(v.Text) == want
	}
	if c.Equals != nil {
		return match(*c.Equals)
	}
	return slices.ContainsFunc(c.OneOf, match)
}

// PageVisible reports whether any question of page pi is shown.
func (d *Definition) PageVisible(pi int, a Answers) bool {
	for i := range d.Pages[pi].Questions {
		if d.Pages[pi].Questions[i].Visible(a) {
			return true
		}
	}
	return false
}

// Prune drops answers to unknown questions and to questions that the
// other answers hide, so a changed earlier answer cannot leave stale data.
// Conditions only look backwards, so one pass in page order suffices.
func (d *Definition) Prune(a Answers) Answers {
	out := make(Answers, len(a))
	for pi := range d.Pages {
		for qi := range d.Pages[pi].Questions {
			q := &d.Pages[pi].Questions[qi]
			if v, ok := a[q.ID]; ok && q.Visible(out) {
				out[q.ID] = v
			}
		}
	}
	return out
}

// ValidatePage checks the answers to the visible questions of page pi.
// Use pi = -1 to check every page (a whole response at once).
func (d *Definition) ValidatePage(pi int, a Answers) error {
	var p problems
	for i, page := range d.Pages {
		if pi >= 0 && i != pi {
			continue
		}
		for qi := range page.Questions {
			q := &page.Questions[qi]
			if !q.Visible(a) {
				continue
			}
			v, ok := a[q.ID]
			if !ok || v.IsEmpty() {
				if q.Required {
					p.addCode(q.ID, "required")
				}
				continue
			}
			if code, args := q.check(v); code != "" {
				p.addCode(q.ID, code, args...)
			}
		}
	}
	return p.err()
}

// ValidateResponse checks a whole response: every answer belongs to a
// question, and every visible question is answered well.
func (d *Definition) ValidateResponse(a Answers) error {
	var p problems
	for _, id := range slices.Sorted(maps.Keys(a)) {
		if _, ok := d.Question(id); !ok {
			p.addCode(id, "unknown")
		}
	}
	if err := d.ValidatePage(-1, a); err != nil {
		p = append(p, err.(*ValidationError).Problems...)
	}
	return p.err()
}

// check returns the code and arguments of a problem with a non-empty
// value, or "".
func (q *Question) check(v Value) (string, []any) {
	switch q.Type {
	case Single, Dropdown:
		if v.Choices != nil || v.Number != nil || v.Matrix != nil {
			return "choose_one", nil
		}
		if !q.HasOption(v.Choice) {
			return "not_option", []any{v.Choice}
		}
		return q.checkOther(v, v.Choice == OtherValue)
	case Multiple:
		if v.Choice != "" || v.Number != nil || v.Matrix != nil {
			return "choose_list", nil
		}
		seen := map[string]bool{}
		for _, c := range v.Choices {
			if !q.HasOption(c) {
				return "not_option", []any{c}
			}
			if seen[c] {
				return "chosen_twice", []any{c}
			}
			seen[c] = true
		}
		return q.checkOther(v, seen[OtherValue])
	case Likert, Rating, NPS:
		if v.Number == nil {
			return "scale", nil
		}
		lo, n := q.ScalePoints()
		f := *v.Number
		if f != float64(int(f)) || int(f) < lo || int(f) > lo+n-1 {
			return "scale_range", []any{lo, lo + n - 1}
		}
	case Number:
		if v.Number == nil {
			return "number", nil
		}
		if q.Min != nil && *v.Number < *q.Min {
			return "min", []any{formatFloat(*q.Min)}
		}
		if q.Max != nil && *v.Number > *q.Max {
			return "max", []any{formatFloat(*q.Max)}
		}
	case ShortText, LongText:
		if v.Number != nil || v.Choices != nil || v.Matrix != nil {
			return "text", nil
		}
		if n := utf8.RuneCountInString(v.Text); n > q.TextLimit() {
			return "too_long", []any{n, q.TextLimit()}
		}
		return checkAnswerText(v.Text)
	case Date:
		if _, err := time.Parse(time.DateOnly, NormalizeDigits(strings.TrimSpace(v.Text))); err != nil {
			return "date", nil
		}
	case Matrix:
		if v.Matrix == nil {
			return "matrix", nil
		}
		_, n := q.ScalePoints()
		for sid, pt := range v.Matrix {
			known := slices.ContainsFunc(q.Statements, func(o Option) bool { return o.Value == sid })
			if !known {
				return "no_statement", []any{sid}
			}
			if pt < 1 || pt > n {
				return "statement_range", []any{sid, n}
			}
		}
		if q.Required && len(v.Matrix) < len(q.Statements) {
			return "matrix_all", nil
		}
	}
	return "", nil
}

func (q *Question) checkOther(v Value, chose bool) (string, []any) {
	switch {
	case chose && strings.TrimSpace(v.Other) == "":
		return "other_missing", nil
	case !chose && v.Other != "":
		return "other_unchosen", nil
	case utf8.RuneCountInString(v.Other) > DefaultShortLimit:
		return "other_too_long", []any{DefaultShortLimit}
	}
	return checkAnswerText(v.Other)
}

// TextLimit is the maximum length in characters of a text answer.
func (q *Question) TextLimit() int {
	if q.MaxLength > 0 {
		return q.MaxLength
	}
	if q.Type == LongText {
		return MaxTextLength
	}
	return DefaultShortLimit
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
