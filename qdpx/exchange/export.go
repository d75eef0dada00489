// Package exchange maps a Safar project's qualitative data to a REFI-QDA
// project (qdpx.Project) and back: the codebook with the code groups as
// parent codes, transcripts and interview notes as text sources with one
// line per utterance ("Speaker: text"), the open answers to each survey
// question as one text source with one line per answer, and every coding
// as a coded selection of its line.
package exchange

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/survey"
)

// Origin names Safar in exported files.
const Origin = "Safar"

// Data is what an export reads from the store.
type Data struct {
	Project     *survey.Project
	Codes       []*survey.Code
	Transcripts []*survey.Transcript // with utterances
	Answers     []survey.Passage     // open answers (Source answer)
	Codings     []survey.CodedPassage
	Coders      map[int64]string // user id -> name (e-mail)
}

func (d *Data) guid(kind string, id any) string {
	return qdpx.GUID("safar", d.Project.Name, kind, fmt.Sprint(id))
}

// Codebook is the project's codes under one parent code per group.
func (d *Data) Codebook() []qdpx.Code {
	var out []qdpx.Code
	for _, g := range survey.CodeGroups {
		parent := qdpx.Code{GUID: d.guid("group", g), Name: string(g)}
		for _, c := range d.Codes {
			if c.Group == g {
				parent.Children = append(parent.Children, qdpx.Code{GUID: d.guid("code", c.ID), Name: c.Name, Description: c.Description, Codable: true})
			}
		}
		if len(parent.Children) > 0 {
			out = append(out, parent)
		}
	}
	return out
}

// line is one utterance or answer inside a source's text.
type line struct {
	start int // rune offset of the passage text in the source text
	text  string
}

// sourceText writes lines as "prefix: text" and records where each text
// starts. Line breaks inside a passage become spaces (one rune for one,
// so spans keep their offsets) and a source stays one line per passage.
func sourceText(prefixes, texts []string) (string, []line) {
	var b strings.Builder
	lines := make([]line, len(texts))
	pos := 0
	for i, t := range texts {
		t = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, t)
		if p := strings.ReplaceAll(prefixes[i], ":", " "); p != "" {
			b.WriteString(p + ": ")
			pos += utf8.RuneCountInString(p) + 2
		}
		lines[i] = line{start: pos, text: t}
		b.WriteString(t)
		b.WriteByte('\n')
		pos += utf8.RuneCountInString(t) + 1
	}
	return b.String(), lines
}

// Export builds the REFI-QDA project.
func Export(d *Data) *qdpx.Project {
	p := &qdpx.Project{Name: d.Project.Title, Origin: Origin, Created: d.Project.CreatedAt, Codes: d.Codebook()}
	if p.Name == "" {
		p.Name = d.Project.Name
	}
	var coders []int64
	for id := range d.Coders {
		coders = append(coders, id)
	}
	slices.Sort(coders)
	for _, id := range coders {
		p.Users = append(p.Users, qdpx.User{GUID: d.guid("user", id), Name: d.Coders[id]})
	}
	byUtterance := map[int64][]survey.CodedPassage{}
	byAnswer := map[string][]survey.CodedPassage{}
	for _, cp := range d.Codings {
		if cp.Source == survey.SourceUtterance {
			byUtterance[cp.UtteranceID] = append(byUtterance[cp.UtteranceID], cp)
		} else {
			byAnswer[cp.ResponseID+"\x00"+cp.QuestionID] = append(byAnswer[cp.ResponseID+"\x00"+cp.QuestionID], cp)
		}
	}
	for _, t := range d.Transcripts {
		prefixes, texts := make([]string, len(t.Utterances)), make([]string, len(t.Utterances))
		codings := make([][]survey.CodedPassage, len(t.Utterances))
		for i, u := range t.Utterances {
			prefixes[i], texts[i], codings[i] = u.Speaker, u.Text, byUtterance[u.ID]
		}
		desc := string(t.Kind)
		if t.Interviewer != "" {
			desc += ", interviewer " + t.Interviewer
		}
		p.Sources = append(p.Sources, d.source(d.guid("transcript", t.ID), t.Title, desc, prefixes, texts, codings))
	}
	// One source per survey question, answers in stored order.
	type question struct{ slug, id string }
	var order []question
	answers := map[question][]survey.Passage{}
	for _, a := range d.Answers {
		q := question{a.SurveySlug, a.QuestionID}
		if _, ok := answers[q]; !ok {
			order = append(order, q)
		}
		answers[q] = append(answers[q], a)
	}
	for _, q := range order {
		as := answers[q]
		prefixes, texts := make([]string, len(as)), make([]string, len(as))
		codings := make([][]survey.CodedPassage, len(as))
		for i, a := range as {
			prefixes[i], texts[i], codings[i] = a.ResponseID, a.Text, byAnswer[a.ResponseID+"\x00"+a.QuestionID]
		}
		name := q.slug + " · " + q.id
		p.Sources = append(p.Sources, d.source(d.guid("answers", q.slug+"/"+q.id), name, "open answers to question "+q.id+" of survey "+q.slug, prefixes, texts, codings))
	}
	return p
}

func (d *Data) source(guid, name, desc string, prefixes, texts []string, codings [][]survey.CodedPassage) qdpx.Source {
	text, lines := sourceText(prefixes, texts)
	s := qdpx.Source{GUID: guid, Name: name, Description: desc, Text: text}
	for i, ks := range codings {
		for _, k := range ks {
			start, end := k.SpanStart, k.SpanEnd
			if end == 0 {
				start, end = 0, utf8.RuneCountInString(lines[i].text)
			}
			end = min(end, utf8.RuneCountInString(lines[i].text))
			if end <= start {
				continue // an empty passage has nothing to select
			}
			coder := ""
			if _, ok := d.Coders[k.CreatedBy]; ok {
				coder = d.guid("user", k.CreatedBy)
			}
			id := strconv.FormatInt(k.ID, 10)
			s.Selections = append(s.Selections, qdpx.Selection{
				GUID: d.guid("selection", id), Start: lines[i].start + start, End: lines[i].start + end, Creator: coder, Created: k.CreatedAt,
				Codings: []qdpx.Coding{{GUID: d.guid("coding", id), CodeGUID: d.guid("code", k.CodeID), Creator: coder, Created: k.CreatedAt}},
			})
		}
	}
	return s
}
