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
//	p.I.id p.I.title p.I.nq p.I.randomize
//	q.I.J.FIELD       FIELD: id type text help short required other options
//	                  statements scale_points scale_labels scale_low scale_high
//	                  randomize pinned min max max_length
//	                  show_q show_op show_values show_pick (repeated)
//	                  role stage touchpoint
//	nt.I nt.I.J       the type of a question added by add_q:I / add_q:I.J
//	new_type          the type kept from the last add
//	focus             the field a script-driven redraw should focus
//	preview_page      the page the phone preview shows

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
	langs := formLangs(f)
	d := &survey.Definition{
		Slug: strings.TrimSpace(f.Get("slug")), Title: formText(f, "title", langs),
		Description: formText(f, "description", langs), Language: langs[0],
	}
	if len(langs) > 1 {
		d.Languages = langs
	}
	d.Settings.StoreIP = f.Get("store_ip") == "1"
	d.Settings.PersianDigits = f.Get("persian_digits") == "1"
	d.Settings.ThankYou = formText(f, "thank_you", langs)
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
		p := survey.Page{ID: strings.TrimSpace(f.Get(fmt.Sprintf("p.%d.id", i))), Title: formText(f, fmt.Sprintf("p.%d.title", i), langs),
			Randomize: f.Get(fmt.Sprintf("p.%d.randomize", i)) == "1"}
		nq, _ := strconv.Atoi(f.Get(fmt.Sprintf("p.%d.nq", i)))
		nq = min(max(nq, 0), survey.MaxQuestions+1)
		for j := range nq {
			name := func(field string) string { return fmt.Sprintf("q.%d.%d.%s", i, j, field) }
			get := func(field string) string { return f.Get(name(field)) }
			// labels reads an options-like field in every language.
			labels := func(field string) []survey.Option {
				os := parseOptionLines(formDefault(f, name(field), langs))
				ls := make([]survey.Localized, len(os))
				for k := range os {
					ls[k] = os[k].Label
				}
				translateLines(f, name(field), langs, ls)
				for k := range os {
					os[k].Label = ls[k]
				}
				return os
			}
			q := survey.Question{
				ID: strings.TrimSpace(get("id")), Type: survey.QuestionType(get("type")),
				Text: formText(f, name("text"), langs), Help: formText(f, name("help"), langs),
				Short:    formText(f, name("short"), langs),
				Required: get("required") == "1", Role: survey.Role(get("role")), Stage: survey.Stage(get("stage")),
				Touchpoint: strings.TrimSpace(get("touchpoint")),
			}
			low, high := formText(f, name("scale_low"), langs), formText(f, name("scale_high"), langs)
			switch q.Type {
			case survey.Single, survey.Multiple, survey.Dropdown:
				q.Options = labels("options")
				q.Other = q.Type != survey.Dropdown && get("other") == "1"
				q.Randomize = get("randomize") == "1"
				pinOptions(q.Options, get("pinned"))
			case survey.Likert, survey.Matrix:
				pts, _ := strconv.Atoi(survey.NormalizeDigits(strings.TrimSpace(get("scale_points"))))
				pts = min(max(pts, 0), 100) // validation names the real limit; this bounds the preview
				q.Scale = &survey.Scale{Points: pts, Labels: survey.TextList(lines(formDefault(f, name("scale_labels"), langs))), Low: low, High: high}
				translateLines(f, name("scale_labels"), langs, q.Scale.Labels)
				if q.Type == survey.Matrix {
					q.Statements = labels("statements")
					q.Randomize = get("randomize") == "1"
					pinOptions(q.Statements, get("pinned"))
				}
			case survey.Rating, survey.NPS:
				if !low.IsZero() || !high.IsZero() {
					q.Scale = &survey.Scale{Low: low, High: high}
				}
			case survey.Number:
				q.Min, q.Max = parseOptFloat(get("min")), parseOptFloat(get("max"))
			case survey.ShortText, survey.LongText:
				q.MaxLength, _ = strconv.Atoi(survey.NormalizeDigits(strings.TrimSpace(get("max_length"))))
			}
			if sq := strings.TrimSpace(get("show_q")); sq != "" {
				q.ShowIf = parseCondition(sq, get("show_op"), get("show_values"), f[fmt.Sprintf("q.%d.%d.show_pick", i, j)])
			}
			p.Questions = append(p.Questions, q)
		}
		d.Pages = append(d.Pages, p)
	}
	d.Normalize()
	return d
}

// pinOptions marks the options whose values are listed in pinned (comma
// separated) as pinned to the end of a random order.
func pinOptions(opts []survey.Option, pinned string) {
	for _, v := range strings.Split(pinned, ",") {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		for i := range opts {
			if opts[i].Value == v {
				opts[i].Pin = true
			}
		}
	}
}

// pinnedValues lists the pinned options' values for the builder's field.
func pinnedValues(opts []survey.Option) string {
	var vs []string
	for _, o := range opts {
		if o.Pin {
			vs = append(vs, o.Value)
		}
	}
	return strings.Join(vs, ", ")
}

// parseCondition reads a show_if. Values come from ticked options of the
// chosen question (picks) when it has options, else from the typed
// values; several values make a one_of whichever operator was chosen.
func parseCondition(question, op, typed string, picks []string) *survey.Condition {
	c := &survey.Condition{Question: question}
	if op == "not_answered" {
		c.NotAnswered = true
		return c
	}
	var vals []string
	if len(picks) > 0 {
		for _, v := range picks {
			if v = strings.TrimSpace(v); v != "" {
				vals = append(vals, v)
			}
		}
	} else if op == "one_of" {
		for _, v := range strings.Split(typed, ",") {
			if v = strings.TrimSpace(v); v != "" {
				vals = append(vals, v)
			}
		}
	} else {
		vals = []string{strings.TrimSpace(typed)}
	}
	if len(vals) == 1 && op != "one_of" {
		c.Equals = &vals[0]
	} else {
		c.OneOf = vals
	}
	return c
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

func validType(t survey.QuestionType) bool {
	for _, k := range survey.QuestionTypes {
		if k == t {
			return true
		}
	}
	return false
}
