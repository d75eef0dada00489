package web

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// Builder buttons post an op naming what to change and where:
//
//	add_page             a page at the end, holding one question of the kept type
//	add_q:I              a question at the end of page I
//	add_q:I.J            a question right after question J of page I
//	del_page:I  del_q:I.J
//	up_page:I  down_page:I  up_q:I.J  down_q:I.J   (keyboard reorder buttons)
//	move_q:I.J:K.L       question J of page I to position L of page K
//	                     (L counts after it is taken out; drag and drop)
//	move_page:I:K        page I to position K
//
// Unknown or out-of-range ops change nothing.

// pos is a place in the draft: page P, question Q (Q is -1 for a page).
type pos struct{ P, Q int }

// parsePos reads "I" or "I.J".
func parsePos(s string) (pos, bool) {
	a, b, two := strings.Cut(s, ".")
	i, err := strconv.Atoi(a)
	if err != nil {
		return pos{}, false
	}
	if !two {
		return pos{i, -1}, true
	}
	j, err := strconv.Atoi(b)
	if err != nil {
		return pos{}, false
	}
	return pos{i, j}, true
}

// opResult says what an op did, so the redrawn form can put the keyboard
// focus (and the scroll position) where the person is working.
type opResult struct {
	Focus string // the name or op value of the element to focus
	Moved bool   // questions or pages changed order
}

// applyBuilderOp changes the draft as one button asks; newType is the
// type of an added question.
func applyBuilderOp(d *survey.Definition, op string, newType survey.QuestionType) opResult {
	name, arg, _ := strings.Cut(op, ":")
	from, to, _ := strings.Cut(arg, ":")
	at, atOK := parsePos(from)
	pageOK := atOK && at.P >= 0 && at.P < len(d.Pages)
	qOK := pageOK && at.Q >= 0 && at.Q < len(d.Pages[at.P].Questions)
	qfield := func(p, q int, f string) string { return fmt.Sprintf("q.%d.%d.%s", p, q, f) }
	switch name {
	case "add_page":
		if len(d.Pages) >= survey.MaxPages {
			return opResult{}
		}
		pg := survey.Page{ID: unusedPageID(d)}
		if validType(newType) {
			pg.Questions = []survey.Question{newQuestion(d, newType)}
		}
		d.Pages = append(d.Pages, pg)
		n := len(d.Pages) - 1
		if len(pg.Questions) == 0 {
			return opResult{Focus: fmt.Sprintf("p.%d.title", n)}
		}
		return opResult{Focus: qfield(n, 0, "text")}
	case "add_q":
		if !pageOK || !validType(newType) || len(d.Pages[at.P].Questions) >= survey.MaxQuestions {
			return opResult{}
		}
		qs := d.Pages[at.P].Questions
		j := len(qs)
		if at.Q >= 0 && at.Q < len(qs) {
			j = at.Q + 1
		}
		nq := newQuestion(d, newType)
		d.Pages[at.P].Questions = append(qs[:j:j], append([]survey.Question{nq}, qs[j:]...)...)
		return opResult{Focus: qfield(at.P, j, "text")}
	case "del_page":
		if !pageOK {
			return opResult{}
		}
		d.Pages = append(d.Pages[:at.P:at.P], d.Pages[at.P+1:]...)
		if at.P < len(d.Pages) {
			return opResult{Focus: fmt.Sprintf("p.%d.title", at.P)}
		}
		return opResult{Focus: "add_page"}
	case "up_page", "down_page":
		k := at.P - 1
		if name == "down_page" {
			k = at.P + 1
		}
		if !pageOK || k < 0 || k >= len(d.Pages) {
			return opResult{}
		}
		d.Pages[k], d.Pages[at.P] = d.Pages[at.P], d.Pages[k]
		return opResult{Focus: fmt.Sprintf("%s:%d", name, k), Moved: true}
	case "move_page":
		k, err := strconv.Atoi(to)
		if !pageOK || err != nil || k < 0 || k >= len(d.Pages) || k == at.P {
			return opResult{}
		}
		pg := d.Pages[at.P]
		rest := append(d.Pages[:at.P:at.P], d.Pages[at.P+1:]...)
		d.Pages = append(rest[:k:k], append([]survey.Page{pg}, rest[k:]...)...)
		return opResult{Focus: fmt.Sprintf("p.%d.title", k), Moved: true}
	case "del_q":
		if !qOK {
			return opResult{}
		}
		qs := d.Pages[at.P].Questions
		d.Pages[at.P].Questions = append(qs[:at.Q:at.Q], qs[at.Q+1:]...)
		switch {
		case at.Q < len(d.Pages[at.P].Questions):
			return opResult{Focus: qfield(at.P, at.Q, "text")}
		case at.Q > 0:
			return opResult{Focus: qfield(at.P, at.Q-1, "text")}
		}
		return opResult{Focus: fmt.Sprintf("add_q:%d", at.P)}
	case "up_q", "down_q":
		if !qOK {
			return opResult{}
		}
		qs := d.Pages[at.P].Questions
		var dest pos
		switch {
		case name == "up_q" && at.Q > 0:
			dest = pos{at.P, at.Q - 1}
		case name == "up_q" && at.P > 0: // to the end of the previous page
			dest = pos{at.P - 1, len(d.Pages[at.P-1].Questions)}
		case name == "down_q" && at.Q < len(qs)-1:
			dest = pos{at.P, at.Q + 1}
		case name == "down_q" && at.P < len(d.Pages)-1: // to the start of the next page
			dest = pos{at.P + 1, 0}
		default:
			return opResult{}
		}
		moveQuestion(d, at, dest)
		return opResult{Focus: fmt.Sprintf("%s:%d.%d", name, dest.P, dest.Q), Moved: true}
	case "move_q":
		dest, ok := parsePos(to)
		if !qOK || !ok || dest.P < 0 || dest.P >= len(d.Pages) || dest.Q < 0 {
			return opResult{}
		}
		n := len(d.Pages[dest.P].Questions)
		if dest.P == at.P {
			n-- // counted after the question is taken out
		}
		dest.Q = min(dest.Q, n)
		if dest == at {
			return opResult{}
		}
		moveQuestion(d, at, dest)
		return opResult{Focus: qfield(dest.P, dest.Q, "text"), Moved: true}
	}
	return opResult{}
}

// moveQuestion takes the question at from out and puts it at to, where
// to.Q counts the questions of to.P after the removal.
func moveQuestion(d *survey.Definition, from, to pos) {
	qs := d.Pages[from.P].Questions
	q := qs[from.Q]
	d.Pages[from.P].Questions = append(qs[:from.Q:from.Q], qs[from.Q+1:]...)
	dst := d.Pages[to.P].Questions
	d.Pages[to.P].Questions = append(dst[:to.Q:to.Q], append([]survey.Question{q}, dst[to.Q:]...)...)
}

// unusedPageID is "pN" for the first N no page uses.
func unusedPageID(d *survey.Definition) string {
	for n := len(d.Pages) + 1; ; n++ {
		id := fmt.Sprintf("p%d", n)
		taken := false
		for _, p := range d.Pages {
			taken = taken || p.ID == id
		}
		if !taken {
			return id
		}
	}
}

// brokenCondition is a show_if that refers to a question placed after
// the one it controls.
type brokenCondition struct {
	Question, Ref survey.Question
}

// forwardConditions lists the show_ifs that point at a later question:
// after a move, the respondent would meet the condition before its answer.
func forwardConditions(d *survey.Definition) []brokenCondition {
	seen := map[string]bool{}
	var out []brokenCondition
	for _, p := range d.Pages {
		for _, q := range p.Questions {
			if c := q.ShowIf; c != nil && !seen[c.Question] {
				if ref, ok := d.Question(c.Question); ok {
					out = append(out, brokenCondition{Question: q, Ref: *ref})
				}
			}
			seen[q.ID] = true
		}
	}
	return out
}

// newlyBroken is what after breaks that before did not.
func newlyBroken(before, after []brokenCondition) []brokenCondition {
	had := map[[2]string]bool{}
	for _, b := range before {
		had[[2]string{b.Question.ID, b.Ref.ID}] = true
	}
	var out []brokenCondition
	for _, a := range after {
		if !had[[2]string{a.Question.ID, a.Ref.ID}] {
			out = append(out, a)
		}
	}
	return out
}
