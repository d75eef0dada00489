package survey

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Text from outside (answers, survey definitions, search boxes) must be
// storable the same way in every store: PostgreSQL refuses a NUL character
// in text (a raw SQL error, a 500) where SQLite keeps it, and neither
// should hold invalid UTF-8. So it is refused up front, naming the field.

// BadTextMessage is the problem reported for such text.
const BadTextMessage = "contains a NUL character or invalid UTF-8"

// ValidText reports whether s is valid UTF-8 without NUL characters.
func ValidText(s string) bool {
	return strings.IndexByte(s, 0) < 0 && utf8.ValidString(s)
}

// Validate checks the filter's texts: the search (field "q") and the
// touchpoint (field "tp").
func (f ResponseFilter) Validate() error {
	var p problems
	if !ValidText(f.Search) {
		p.add("q", BadTextMessage)
	}
	if !ValidText(f.Touchpoint) {
		p.add("tp", BadTextMessage)
	}
	return p.err()
}

// validateTexts checks the texts that are not translated (translated ones
// are checked by validateLanguages).
func validateTexts(p *problems, d *Definition) {
	for pi, page := range d.Pages {
		for qi, q := range page.Questions {
			qp := fmt.Sprintf("pages[%d].questions[%d]", pi, qi)
			if !ValidText(q.Touchpoint) {
				p.addCode(qp+".touchpoint", "def_bad_text")
			}
			for oi, o := range q.Options {
				if !ValidText(o.Value) {
					p.addCode(fmt.Sprintf("%s.options[%d]", qp, oi), "def_bad_text")
				}
			}
			for si, o := range q.Statements {
				if !ValidText(o.Value) {
					p.addCode(fmt.Sprintf("%s.statements[%d]", qp, si), "def_bad_text")
				}
			}
		}
	}
}

// checkAnswerText is the answer check for typed text ("bad_text").
func checkAnswerText(s string) (string, []any) {
	if !ValidText(s) {
		return "bad_text", nil
	}
	return "", nil
}
