package survey

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Piping: {{question_id}} in a later text (a page title, question text or
// help, an option, statement or scale label, the thank-you message) shows
// the respondent's answer to that question: the label of the option they
// chose, not its value; the labels of a multiple choice joined with
// commas; the text they typed for "other". {{question_id|fallback}} says
// what to show when the question was not answered (skipped, hidden by
// show_if); without it a dash is shown. The piped text is plain text: the
// pages escape it like any other text.
//
// Only answers from earlier pages can be piped, since a page is rendered
// before its own answers are known. Validate reports a pipe of an unknown,
// the same or a later question, naming the field.

// pipePattern matches {{id}} and {{id|fallback}}, spaces allowed inside
// the braces. Braces that do not hold a question id stay as written.
var pipePattern = regexp.MustCompile(`\{\{\s*([A-Za-z][A-Za-z0-9_-]{0,63})\s*(?:\|([^{}]*))?\}\}`)

// PipeFallback is shown for an unanswered question without a fallback.
const PipeFallback = "—"

// Pipe is s with each {{id}} replaced by the answer to question id in a,
// in language lang ("fa" or "en", for the list separator and "other").
func (d *Definition) Pipe(s string, a Answers, lang string) string {
	return d.pipe(s, a, lang, false)
}

// PipeIsolated is Pipe with each answer set apart for the bidirectional
// algorithm (FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE): a Persian
// answer in an English question, or digits and Latin text in a Persian
// one, keep their own direction without reordering the text around them.
// Pages use it; plain-text exports use Pipe.
func (d *Definition) PipeIsolated(s string, a Answers, lang string) string {
	return d.pipe(s, a, lang, true)
}

func (d *Definition) pipe(s string, a Answers, lang string, isolate bool) string {
	if !strings.Contains(s, "{{") {
		return s
	}
	return pipePattern.ReplaceAllStringFunc(s, func(m string) string {
		sub := pipePattern.FindStringSubmatch(m)
		q, ok := d.Question(sub[1])
		if !ok {
			return m
		}
		if t := q.AnswerText(a[q.ID], lang); t != "" {
			if isolate {
				return "\u2068" + t + "\u2069"
			}
			return t
		}
		if f := strings.TrimSpace(sub[2]); f != "" {
			return f
		}
		return PipeFallback
	})
}

// Pipes are the question ids that s pipes, in order.
func Pipes(s string) []string {
	if !strings.Contains(s, "{{") {
		return nil
	}
	var ids []string
	for _, m := range pipePattern.FindAllStringSubmatch(s, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// AnswerText is answer v to q as a respondent would read it: option
// labels rather than values, a labelled scale point by its label; "" when
// v is empty. A matrix answer has no single text ("").
func (q *Question) AnswerText(v Value, lang string) string {
	sep := ", "
	if lang == "fa" {
		sep = "، "
	}
	choice := func(c string) string {
		if c == OtherValue && q.Other {
			if v.Other != "" {
				return v.Other
			}
			return OtherLabel(lang)
		}
		return q.OptionTextIn(c, lang)
	}
	switch q.Type {
	case Single, Dropdown:
		if v.Choice == "" {
			return ""
		}
		return choice(v.Choice)
	case Multiple:
		out := make([]string, 0, len(v.Choices))
		for _, c := range v.Choices {
			out = append(out, choice(c))
		}
		return strings.Join(out, sep)
	case Matrix:
		return ""
	}
	if v.Number != nil {
		if l := q.PointLabelIn(int(*v.Number), lang); l != "" && float64(int(*v.Number)) == *v.Number {
			return l
		}
		return strconv.FormatFloat(*v.Number, 'f', -1, 64)
	}
	return v.Text
}

// pipedText is one text of a definition that may pipe answers.
type pipedText struct {
	path string
	text []string // every translation
	page int      // the page it is shown on; -1 before any page, len(Pages) after the last
}

// pipedTexts lists every text of d that can hold a pipe, with the page it
// is shown on, read from its path.
func (d *Definition) pipedTexts() []pipedText {
	var out []pipedText
	d.EachText(func(path string, l *Localized) {
		t := pipedText{path: path, page: -1}
		for _, tr := range l.Translations() {
			t.text = append(t.text, tr.Text)
		}
		switch {
		case path == "settings.thank_you":
			t.page = len(d.Pages)
		case strings.HasPrefix(path, "pages["):
			t.page, _ = strconv.Atoi(path[len("pages["):strings.IndexByte(path, ']')])
		}
		out = append(out, t)
	})
	return out
}

// validatePipes checks that every pipe names a question on an earlier page
// that has a single answer to show.
func validatePipes(p *problems, d *Definition) {
	for _, t := range d.pipedTexts() {
		var ids []string
		for _, tr := range t.text {
			for _, id := range Pipes(tr) {
				if !slices.Contains(ids, id) {
					ids = append(ids, id)
				}
			}
		}
		for _, id := range ids {
			ref := d.PageOf(id)
			switch {
			case ref < 0:
				p.addCode(t.path, "def_pipe_unknown", id, id)
			case t.page < 0:
				p.addCode(t.path, "def_pipe_intro", id)
			case ref == t.page:
				p.addCode(t.path, "def_pipe_same_page", id)
			case ref > t.page:
				p.addCode(t.path, "def_pipe_later", id)
			default:
				if q, _ := d.Question(id); q.Type == Matrix {
					p.addCode(t.path, "def_pipe_matrix", id)
				}
			}
		}
	}
}
