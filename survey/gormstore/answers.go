package gormstore

import (
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	gojson "github.com/goccy/go-json"

	"github.com/safarhq/safar/survey"
)

// A response's answers live in its own row, in the responses.answers
// column, as one JSON object keyed by question id:
//
//	{"age":{"c":"25-34"},"channels":{"cs":["app","other"],"o":"kiosk"},
//	 "nps":{"n":9},"why":{"t":"fast delivery"},"grid":{"m":{"price":4}}}
//
//	c   single/dropdown choice     cs  multiple choices
//	o   "other" text               n   likert, rating, nps, number
//	t   short/long text, date      m   matrix statement -> point
//
// The form is self-describing (no definition is needed to read it back)
// and one row per response is one B-tree insert: storing one row per
// atomic value cost 20 index inserts per response and capped submissions
// at a few thousand a second (docs/performance.md#submit). Per-question SQL
// stays possible with the databases' JSON functions (SQLite json_each,
// PostgreSQL jsonb).
//
// responses.search holds what a researcher can search for: the texts
// typed and the options chosen, lower-cased, one per line.

type storedValue struct {
	C  string         `json:"c,omitempty"`
	CS []string       `json:"cs,omitempty"`
	O  string         `json:"o,omitempty"`
	N  *float64       `json:"n,omitempty"`
	T  string         `json:"t,omitempty"`
	M  map[string]int `json:"m,omitempty"`
}

// encodeAnswers returns the answers and search columns for a. It writes the
// JSON by hand, in question id order: it runs on every submission, and
// encoding/json's reflection cost more than the database insert.
func encodeAnswers(a survey.Answers) (answers, search string, err error) {
	for qid, v := range a {
		// PostgreSQL refuses NUL in the search column where SQLite keeps
		// it: refuse it (and invalid UTF-8) on both.
		bad := !survey.ValidText(v.Text) || !survey.ValidText(v.Other) || !survey.ValidText(v.Choice)
		for _, c := range v.Choices {
			bad = bad || !survey.ValidText(c)
		}
		if bad {
			return "", "", &survey.ValidationError{Problems: []survey.FieldError{{Field: qid, Message: survey.BadTextMessage}}}
		}
	}
	qids := make([]string, 0, len(a))
	for qid := range a {
		qids = append(qids, qid)
	}
	slices.Sort(qids)
	buf := make([]byte, 0, 32*len(a)+2)
	var sb strings.Builder
	addSearch := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			if sb.Len() > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(strings.ToLower(s))
		}
	}
	buf = append(buf, '{')
	for i, qid := range qids {
		v := a[qid]
		if i > 0 {
			buf = append(buf, ',')
		}
		buf = appendJSONString(buf, qid)
		buf = append(buf, ':', '{')
		field := func(name string) {
			if buf[len(buf)-1] != '{' {
				buf = append(buf, ',')
			}
			buf = append(buf, '"')
			buf = append(buf, name...)
			buf = append(buf, '"', ':')
		}
		if v.Choice != "" {
			field("c")
			buf = appendJSONString(buf, v.Choice)
			addSearch(v.Choice)
		}
		if len(v.Choices) > 0 {
			field("cs")
			buf = append(buf, '[')
			for j, c := range v.Choices {
				if j > 0 {
					buf = append(buf, ',')
				}
				buf = appendJSONString(buf, c)
				addSearch(c)
			}
			buf = append(buf, ']')
		}
		if v.Other != "" {
			field("o")
			buf = appendJSONString(buf, v.Other)
			addSearch(v.Other)
		}
		if v.Number != nil {
			f := *v.Number
			if math.IsNaN(f) || math.IsInf(f, 0) {
				return "", "", fmt.Errorf("answer %q: %v is not a number that can be stored", qid, f)
			}
			field("n")
			buf = strconv.AppendFloat(buf, f, 'g', -1, 64)
		}
		if v.Text != "" {
			field("t")
			buf = appendJSONString(buf, v.Text)
			addSearch(v.Text)
		}
		if len(v.Matrix) > 0 {
			field("m")
			buf = append(buf, '{')
			for j, sid := range slices.Sorted(maps.Keys(v.Matrix)) {
				if j > 0 {
					buf = append(buf, ',')
				}
				buf = appendJSONString(buf, sid)
				buf = append(buf, ':')
				buf = strconv.AppendInt(buf, int64(v.Matrix[sid]), 10)
			}
			buf = append(buf, '}')
		}
		buf = append(buf, '}')
	}
	buf = append(buf, '}')
	return string(buf), sb.String(), nil
}

// appendJSONString appends s as a JSON string. Invalid UTF-8 becomes
// U+FFFD, as encoding/json does.
func appendJSONString(buf []byte, s string) []byte {
	const hex = "0123456789abcdef"
	buf = append(buf, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			buf = append(buf, s[start:i]...)
			switch b {
			case '"', '\\':
				buf = append(buf, '\\', b)
			case '\n':
				buf = append(buf, '\\', 'n')
			case '\r':
				buf = append(buf, '\\', 'r')
			case '\t':
				buf = append(buf, '\\', 't')
			default:
				buf = append(buf, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = append(buf, s[start:i]...)
			buf = append(buf, "\ufffd"...)
			i += size
			start = i
			continue
		}
		i += size
	}
	buf = append(buf, s[start:]...)
	return append(buf, '"')
}

// decodeAnswers reads the answers column back. What encodeAnswers wrote is
// read by a scanner made for exactly that form (no reflection, no
// intermediate map, strings without escapes shared with s); anything else
// (a hand-edited row, say) goes through a general JSON decoder.
func decodeAnswers(s string) (survey.Answers, error) {
	if a, ok := scanAnswers(s); ok {
		return a, nil
	}
	var m map[string]storedValue
	if err := gojson.Unmarshal([]byte(s), &m); err != nil {
		return nil, fmt.Errorf("decode answers: %w", err)
	}
	a := make(survey.Answers, len(m))
	for qid, v := range m {
		a[qid] = survey.Value{Choice: v.C, Choices: v.CS, Other: v.O, Number: v.N, Text: v.T, Matrix: v.M}
	}
	return a, nil
}

// answerScanner reads encodeAnswers' output; any surprise makes it fail,
// and the caller falls back to the general decoder.
type answerScanner struct {
	s   string
	i   int
	bad bool
}

func (sc *answerScanner) next(c byte) bool {
	if sc.i < len(sc.s) && sc.s[sc.i] == c {
		sc.i++
		return true
	}
	return false
}

func (sc *answerScanner) expect(c byte) {
	if !sc.next(c) {
		sc.bad = true
	}
}

// str reads a JSON string. One without escapes is a substring of s.
func (sc *answerScanner) str() string {
	if sc.bad || !sc.next('"') {
		sc.bad = true
		return ""
	}
	start, escaped := sc.i, false
	for ; sc.i < len(sc.s); sc.i++ {
		switch c := sc.s[sc.i]; {
		case c == '\\':
			escaped = true
			sc.i++
		case c == '"':
			raw := sc.s[start:sc.i]
			sc.i++
			if !escaped {
				if !utf8.ValidString(raw) {
					sc.bad = true
				}
				return raw
			}
			var out string
			if json.Unmarshal([]byte(sc.s[start-1:sc.i]), &out) != nil {
				sc.bad = true
			}
			return out
		case c < 0x20:
			sc.bad = true
			return ""
		}
	}
	sc.bad = true
	return ""
}

// num reads a number as encodeAnswers writes it: a literal that formats
// back to itself ('g', shortest), which is always valid JSON.
func (sc *answerScanner) num() float64 {
	start := sc.i
	for sc.i < len(sc.s) && strings.IndexByte("+-.0123456789e", sc.s[sc.i]) >= 0 {
		sc.i++
	}
	lit := sc.s[start:sc.i]
	f, err := strconv.ParseFloat(lit, 64)
	var buf [32]byte
	if err != nil || string(strconv.AppendFloat(buf[:0], f, 'g', -1, 64)) != lit {
		sc.bad = true
	}
	return f
}

func scanAnswers(s string) (survey.Answers, bool) {
	sc := &answerScanner{s: s}
	sc.expect('{')
	a := make(survey.Answers, strings.Count(s, ":{")) // one per question, plus matrices: a fine size hint
	for !sc.bad && !sc.next('}') {
		if len(a) > 0 {
			sc.expect(',')
		}
		qid := sc.str()
		sc.expect(':')
		sc.expect('{')
		var v survey.Value
		for !sc.bad && !sc.next('}') {
			if sc.s[sc.i-1] != '{' {
				sc.expect(',')
			}
			key := sc.str()
			sc.expect(':')
			switch key {
			case "c":
				v.Choice = sc.str()
			case "o":
				v.Other = sc.str()
			case "t":
				v.Text = sc.str()
			case "n":
				f := sc.num()
				v.Number = &f
			case "cs":
				sc.expect('[')
				v.Choices = []string{}
				for !sc.bad && !sc.next(']') {
					if len(v.Choices) > 0 {
						sc.expect(',')
					}
					v.Choices = append(v.Choices, sc.str())
				}
			case "m":
				sc.expect('{')
				v.Matrix = map[string]int{}
				for !sc.bad && !sc.next('}') {
					if len(v.Matrix) > 0 {
						sc.expect(',')
					}
					k := sc.str()
					sc.expect(':')
					f := sc.num()
					if f != math.Trunc(f) || math.Abs(f) > math.MaxInt32 {
						sc.bad = true
					}
					v.Matrix[k] = int(f)
				}
			default:
				sc.bad = true
			}
		}
		if _, dup := a[qid]; dup {
			sc.bad = true
		}
		a[qid] = v
	}
	return a, !sc.bad && sc.i == len(sc.s)
}

// typedText is the text a respondent typed for one question (a text
// answer, or the "other" text of a choice): the passage researchers code.
func typedText(v survey.Value) string {
	if v.Text != "" {
		return v.Text
	}
	return v.Other
}

// AnswerValueCount is how many atomic values a holds: one per chosen option,
// matrix statement, number or text. Load runs and crash tests compare it
// with what the database holds to prove a response was stored whole.
func AnswerValueCount(a survey.Answers) int {
	n := 0
	for _, v := range a {
		switch {
		case v.Choice != "", v.Number != nil:
			n++
		case v.Choices != nil:
			n += len(v.Choices)
		case v.Matrix != nil:
			n += len(v.Matrix)
		default:
			n++
		}
	}
	return n
}
