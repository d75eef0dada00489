package exchange

import (
	"strings"
	"unicode/utf8"

	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/survey"
)

// Report says what an import will store and what it leaves out.
type Report struct {
	Codes, Sources, Utterances, Codings int
	Skipped                             []qdpx.Skipped // sources of other kinds, selections outside any line
}

// groupOf maps a top-level parent code to a Safar group by its name
// ("pain_point", or the English words "pain point(s)").
func groupOf(name string) (survey.CodeGroup, bool) {
	n := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(name)), " ", "_")
	for _, g := range survey.CodeGroups {
		if n == string(g) || n == string(g)+"s" {
			return g, true
		}
	}
	return "", false
}

// Import turns a REFI-QDA project into a survey.CodingImport: every code
// that can code (or does), every text source as a transcript with one
// utterance per non-empty line ("Speaker: text" lines keep the speaker),
// and every coded selection as codings of the lines it covers. A coding
// whose user is named like an account (accounts: lower-case e-mail -> id)
// keeps that coder, so two coders' work survives the exchange; the others
// belong to userID.
func Import(p *qdpx.Project, projectID, userID int64, accounts map[string]int64) (*survey.CodingImport, Report, error) {
	imp := &survey.CodingImport{ProjectID: projectID, UserID: userID}
	coders := map[string]int64{} // user GUID -> account
	for _, u := range p.Users {
		if id, ok := accounts[strings.ToLower(strings.TrimSpace(u.Name))]; ok {
			coders[strings.ToLower(u.GUID)] = id
		}
	}
	var rep Report
	used := map[string]bool{}
	for _, s := range p.Sources {
		for _, sel := range s.Selections {
			for _, c := range sel.Codings {
				used[strings.ToLower(c.CodeGUID)] = true
			}
		}
	}
	names := map[string]string{} // code GUID -> name
	seen := map[string]bool{}
	qdpx.Walk(p.Codes, func(c qdpx.Code, top qdpx.Code) {
		g, isGroup := groupOf(top.Name)
		if c.GUID == top.GUID && isGroup && !used[strings.ToLower(c.GUID)] {
			return // a group heading, not a code
		}
		if !c.Codable && !used[strings.ToLower(c.GUID)] {
			return
		}
		if !isGroup {
			g = survey.GroupOther
		}
		name := strings.Join(strings.Fields(c.Name), " ")
		names[strings.ToLower(c.GUID)] = name
		if !seen[name] {
			seen[name] = true
			imp.Codes = append(imp.Codes, survey.Code{ProjectID: projectID, Name: name, Description: c.Description, Group: g})
		}
	})
	for _, s := range p.Sources {
		t, lines := transcriptOf(s)
		ti := len(imp.Transcripts)
		imp.Transcripts = append(imp.Transcripts, t)
		rep.Utterances += len(t.Utterances)
		for _, sel := range s.Selections {
			hit := false
			for ui, l := range lines {
				n := utf8.RuneCountInString(l.text)
				start, end := max(sel.Start, l.start)-l.start, min(sel.End, l.start+n)-l.start
				if end <= start {
					continue
				}
				hit = true
				if start == 0 && end == n {
					start, end = 0, 0 // the whole utterance
				}
				for _, c := range sel.Codings {
					imp.Codings = append(imp.Codings, survey.ImportedCoding{Code: names[strings.ToLower(c.CodeGUID)], Transcript: ti, Utterance: ui,
						SpanStart: start, SpanEnd: end, Coder: coders[strings.ToLower(c.Creator)]})
				}
			}
			if !hit {
				rep.Skipped = append(rep.Skipped, qdpx.Skipped{Code: "qdpx_skip_selection", Args: []any{sel.Start, sel.End, s.Name}})
			}
		}
	}
	if err := imp.Validate(); err != nil {
		return nil, rep, err
	}
	rep.Codes, rep.Sources, rep.Codings = len(imp.Codes), len(imp.Transcripts), len(imp.Codings)
	return imp, rep, nil
}

// transcriptOf splits a source's text into utterances, one per non-empty
// line, and says where each utterance's text starts.
func transcriptOf(s qdpx.Source) (*survey.Transcript, []line) {
	name := strings.TrimSpace(s.Name)
	if name == "" {
		name = s.GUID
	}
	if utf8.RuneCountInString(name) > 200 {
		name = string([]rune(name)[:200])
	}
	t := &survey.Transcript{Kind: survey.KindTranscript, Title: name, Format: "qdpx", Encoding: "utf-8"}
	var lines []line
	speakers := map[string]bool{}
	pos := 0
	for _, raw := range strings.SplitAfter(s.Text, "\n") {
		body := strings.TrimRight(raw, "\r\n")
		start := pos
		pos += utf8.RuneCountInString(raw)
		speaker := ""
		if i := strings.Index(body, ": "); i > 0 && utf8.RuneCountInString(body[:i]) <= 60 && !strings.ContainsAny(body[:i], ".?!") {
			speaker, start, body = body[:i], start+utf8.RuneCountInString(body[:i])+2, body[i+2:]
		}
		if strings.TrimSpace(body) == "" {
			continue
		}
		if speaker != "" && !speakers[speaker] {
			speakers[speaker] = true
			t.Speakers = append(t.Speakers, survey.Speaker{Name: speaker})
		}
		t.Utterances = append(t.Utterances, survey.Utterance{Order: len(t.Utterances) + 1, Speaker: speaker, Text: body})
		lines = append(lines, line{start: start, text: body})
	}
	return t, lines
}
