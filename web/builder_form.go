package web

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/safarhq/safar/survey"
)

// The survey builder is one HTML form holding the whole draft definition:
// every button posts it back with an op (add, delete, move, save...), the
// server applies the op and shows the form again. It needs no JavaScript;
// static/builder.js only saves clicks. Field names:
//
//	slug title description language store_ip resume_days persian_digits thank_you
//	npages            number of pages
//	p.I.id p.I.title p.I.nq
//	q.I.J.FIELD       FIELD: id type text help required other options
//	                  statements scale_points scale_labels min max max_length
//	                  show_q show_op show_values role stage touchpoint

// optionLines writes options one per line: "value | label", or just the
// value when the label is the same.
func optionLines(os []survey.Option) string {
	var b strings.Builder
	for _, o := range os {
		if l := o.Label.String(); l != "" && l != o.Value {
			fmt.Fprintf(&b, "%s | %s\n", o.Value, l)
		} else {
			fmt.Fprintf(&b, "%s\n", o.Value)
		}
	}
	return b.String()
}

// parseOptionLines reads optionLines back; a line without "|" is both
// value and label.
func parseOptionLines(s string) []survey.Option {
	var out []survey.Option
	for _, line := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, l, found := strings.Cut(line, "|")
		v, l = strings.TrimSpace(v), strings.TrimSpace(l)
		if !found || l == v {
			out = append(out, survey.Option{Value: v, Label: survey.Text(v)})
			continue
		}
		out = append(out, survey.Option{Value: v, Label: survey.Text(l)})
	}
	return out
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r", ""), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

func parseOptFloat(s string) *float64 {
	s = strings.TrimSpace(survey.NormalizeDigits(s))
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return nil
	}
	return &f
}

func formatOptFloat(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// parseBuilderForm reads the draft definition from the builder's fields.
// It does not validate: a half-built draft must survive a round trip.
func parseBuilderForm(f url.Values) *survey.Definition {
	d := &survey.Definition{
		Slug: strings.TrimSpace(f.Get("slug")), Title: survey.Text(strings.TrimSpace(f.Get("title"))),
		Description: survey.Text(strings.TrimSpace(f.Get("description"))), Language: f.Get("language"),
	}
	d.Settings.StoreIP = f.Get("store_ip") == "1"
	d.Settings.PersianDigits = f.Get("persian_digits") == "1"
	d.Settings.ThankYou = survey.Text(strings.TrimSpace(f.Get("thank_you")))
	d.Settings.ResumeDays, _ = strconv.Atoi(survey.NormalizeDigits(strings.TrimSpace(f.Get("resume_days"))))
	if q := f.Get("quotas"); q != "" {
		// Written by builderView; a tampered value is dropped, and the
		// save's validation checks what is kept against the questions.
		if err := json.Unmarshal([]byte(q), &d.Quotas); err != nil {
			d.Quotas = nil
		}
	}
	np, _ := strconv.Atoi(f.Get("npages"))
	np = min(max(np, 0), survey.MaxPages+1)
	for i := range np {
		p := survey.Page{ID: strings.TrimSpace(f.Get(fmt.Sprintf("p.%d.id", i))), Title: survey.Text(strings.TrimSpace(f.Get(fmt.Sprintf("p.%d.title", i))))}
		nq, _ := strconv.Atoi(f.Get(fmt.Sprintf("p.%d.nq", i)))
		nq = min(max(nq, 0), survey.MaxQuestions+1)
		for j := range nq {
			get := func(field string) string { return f.Get(fmt.Sprintf("q.%d.%d.%s", i, j, field)) }
			q := survey.Question{
				ID: strings.TrimSpace(get("id")), Type: survey.QuestionType(get("type")),
				Text: survey.Text(strings.TrimSpace(get("text"))), Help: survey.Text(strings.TrimSpace(get("help"))),
				Required: get("required") == "1", Role: survey.Role(get("role")), Stage: survey.Stage(get("stage")),
				Touchpoint: strings.TrimSpace(get("touchpoint")),
			}
			switch q.Type {
			case survey.Single, survey.Multiple, survey.Dropdown:
				q.Options = parseOptionLines(get("options"))
				q.Other = q.Type != survey.Dropdown && get("other") == "1"
			case survey.Likert, survey.Matrix:
				pts, _ := strconv.Atoi(survey.NormalizeDigits(strings.TrimSpace(get("scale_points"))))
				pts = min(max(pts, 0), 100) // validation names the real limit; this bounds the preview
				q.Scale = &survey.Scale{Points: pts, Labels: survey.TextList(lines(get("scale_labels")))}
				if q.Type == survey.Matrix {
					q.Statements = parseOptionLines(get("statements"))
				}
			case survey.Number:
				q.Min, q.Max = parseOptFloat(get("min")), parseOptFloat(get("max"))
			case survey.ShortText, survey.LongText:
				q.MaxLength, _ = strconv.Atoi(survey.NormalizeDigits(strings.TrimSpace(get("max_length"))))
			}
			if sq := strings.TrimSpace(get("show_q")); sq != "" {
				c := &survey.Condition{Question: sq}
				vals := get("show_values")
				switch get("show_op") {
				case "not_answered":
					c.NotAnswered = true
				case "one_of":
					for _, v := range strings.Split(vals, ",") {
						if v = strings.TrimSpace(v); v != "" {
							c.OneOf = append(c.OneOf, v)
						}
					}
				default:
					v := strings.TrimSpace(vals)
					c.Equals = &v
				}
				q.ShowIf = c
			}
			p.Questions = append(p.Questions, q)
		}
		d.Pages = append(d.Pages, p)
	}
	return d
}

// newQuestion is a fresh question of type t with an unused id and the
// fields its type needs.
func newQuestion(d *survey.Definition, t survey.QuestionType) survey.Question {
	n := len(d.Questions()) + 1
	id := fmt.Sprintf("q%d", n)
	for _, taken := d.Question(id); taken; _, taken = d.Question(id) {
		n++
		id = fmt.Sprintf("q%d", n)
	}
	q := survey.Question{ID: id, Type: t}
	switch t {
	case survey.Single, survey.Multiple, survey.Dropdown:
		q.Options = []survey.Option{{Value: "a", Label: survey.Text("a")}, {Value: "b", Label: survey.Text("b")}}
	case survey.Likert:
		q.Scale = &survey.Scale{Points: 5}
	case survey.Matrix:
		q.Scale = &survey.Scale{Points: 5}
		q.Statements = []survey.Option{{Value: "s1", Label: survey.Text("s1")}}
	}
	return q
}

// applyBuilderOp changes the draft as one button asks. ops look like
// "add_page", "add_q:I", "del_page:I", "del_q:I.J", "up_q:I.J",
// "down_q:I.J", "up_page:I", "down_page:I"; newType is the type chosen
// for add_q. Unknown or out-of-range ops change nothing.
func applyBuilderOp(d *survey.Definition, op string, newType survey.QuestionType) {
	name, arg, _ := strings.Cut(op, ":")
	var i, j int
	pi, qi, _ := strings.Cut(arg, ".")
	i, errI := strconv.Atoi(pi)
	j, errJ := strconv.Atoi(qi)
	pageOK := errI == nil && i >= 0 && i < len(d.Pages)
	qOK := pageOK && errJ == nil && j >= 0 && j < len(d.Pages[i].Questions)
	switch name {
	case "add_page":
		if len(d.Pages) < survey.MaxPages {
			d.Pages = append(d.Pages, survey.Page{ID: fmt.Sprintf("p%d", len(d.Pages)+1)})
		}
	case "add_q":
		if pageOK && validType(newType) {
			d.Pages[i].Questions = append(d.Pages[i].Questions, newQuestion(d, newType))
		}
	case "del_page":
		if pageOK {
			d.Pages = append(d.Pages[:i], d.Pages[i+1:]...)
		}
	case "up_page":
		if pageOK && i > 0 {
			d.Pages[i-1], d.Pages[i] = d.Pages[i], d.Pages[i-1]
		}
	case "down_page":
		if pageOK && i < len(d.Pages)-1 {
			d.Pages[i+1], d.Pages[i] = d.Pages[i], d.Pages[i+1]
		}
	case "del_q":
		if qOK {
			qs := d.Pages[i].Questions
			d.Pages[i].Questions = append(qs[:j:j], qs[j+1:]...)
		}
	case "up_q", "down_q":
		if !qOK {
			return
		}
		qs := d.Pages[i].Questions
		switch {
		case name == "up_q" && j > 0:
			qs[j-1], qs[j] = qs[j], qs[j-1]
		case name == "up_q" && i > 0: // to the end of the previous page
			q := qs[j]
			d.Pages[i].Questions = append(qs[:j:j], qs[j+1:]...)
			d.Pages[i-1].Questions = append(d.Pages[i-1].Questions, q)
		case name == "down_q" && j < len(qs)-1:
			qs[j+1], qs[j] = qs[j], qs[j+1]
		case name == "down_q" && i < len(d.Pages)-1: // to the start of the next page
			q := qs[j]
			d.Pages[i].Questions = append(qs[:j:j], qs[j+1:]...)
			d.Pages[i+1].Questions = append([]survey.Question{q}, d.Pages[i+1].Questions...)
		}
	}
}

func validType(t survey.QuestionType) bool {
	for _, k := range survey.QuestionTypes {
		if k == t {
			return true
		}
	}
	return false
}
