package study

import (
	"slices"

	"github.com/safarhq/safar/analysis"

	"github.com/safarhq/safar/personas"
)

// In is the result as a reader of lang sees it: pain points labelled in
// lang where they were voiced in it or their concept has a label in it,
// personas named in lang, and every answer and question text (traits,
// goals, touchpoints) as the project's survey in lang words it. Numbers
// are unchanged; the sentences the analysis writes (persona trust lines,
// journey opportunities and notes) are written again in lang, and the
// "yes" of a multiple-choice option's trait is lang's. Even a result in
// lang may change: a pain point joined from another language's larger one
// gets its label in lang. The receiver never changes.
func (r *Result) In(lang string) *Result {
	if lang == "" {
		return r
	}
	out := *r
	out.Study.Language = lang
	if r.PersonaTooFew != nil {
		out.PersonaNote = r.PersonaTooFew.Note(lang)
	}
	g := r.Glossary[lang]
	tr := func(s string) string {
		if t, ok := g[s]; ok {
			return t
		}
		return s
	}
	out.Study.Title = tr(r.Study.Title) // a survey's title, when it has one in lang
	trValue := func(s string) string {
		if t, ok := g[s]; ok {
			return t
		}
		return binaryValue(lang, s)
	}
	label := func(key, fallback string) string {
		if l := r.PainPointLabels[key][lang]; l != "" {
			return l
		}
		return fallback
	}
	out.PainPoints.PainPoints = slices.Clone(r.PainPoints.PainPoints)
	examples := make(map[string][]string, len(out.PainPoints.PainPoints))
	for i := range out.PainPoints.PainPoints {
		p := &out.PainPoints.PainPoints[i]
		p.Label = label(p.Key, p.Label)
		p.Examples = langFirst(p.Examples, lang, func(q string) string { return q })
		examples[p.Key] = p.Examples
	}
	out.Stages = slices.Clone(r.Stages)
	for i := range out.Stages {
		out.Stages[i].Label = label(out.Stages[i].Key, out.Stages[i].Label)
	}
	out.Touchpoints = slices.Clone(r.Touchpoints)
	for i := range out.Touchpoints {
		out.Touchpoints[i].Label = tr(out.Touchpoints[i].Label)
	}
	names := r.PersonaNames[lang]
	if r.Personas != nil {
		per := *r.Personas
		per.Language = lang
		per.Personas = slices.Clone(per.Personas)
		for i := range per.Personas {
			c := &per.Personas[i]
			if len(names) == len(per.Personas) {
				c.Name = names[i]
			}
			c.Traits, c.Demographics, c.Goals = trTraits(c.Traits, tr, trValue), trTraits(c.Demographics, tr, trValue), trTraits(c.Goals, tr, trValue)
			c.Profile = trTraits(c.Profile, tr, trValue)
			if c.TrustLevel == "" { // stored before the level was
				c.TrustLevel, c.Membership = per.TrustOf(i)
			}
			c.Trust = personas.TrustLine(lang, *c, per.Quality, per.K)
			c.Quotes = langFirst(c.Quotes, lang, func(q personas.Quote) string { return q.Text })
			c.Touchpoints = slices.Clone(c.Touchpoints)
			for j := range c.Touchpoints {
				c.Touchpoints[j].Touchpoint = tr(c.Touchpoints[j].Touchpoint)
			}
		}
		out.Personas = &per
	}
	trGoals := func(gs []Goal) []Goal {
		gs = slices.Clone(gs)
		for i := range gs {
			gs[i].Answer = tr(gs[i].Answer)
		}
		return gs
	}
	out.Journeys = slices.Clone(r.Journeys)
	for i := range out.Journeys {
		j := &out.Journeys[i]
		if j.Persona >= 1 && j.Persona <= len(names) {
			j.Name = names[j.Persona-1]
		} else {
			j.Name = tr(j.Name)
		}
		j.Goals = trGoals(j.Goals)
		j.Stages = slices.Clone(j.Stages)
		for s := range j.Stages {
			st := &j.Stages[s]
			st.Goals = trGoals(st.Goals)
			st.Touchpoints = slices.Clone(st.Touchpoints)
			for t := range st.Touchpoints {
				st.Touchpoints[t] = tr(st.Touchpoints[t])
			}
			st.PainPoints = slices.Clone(st.PainPoints)
			for p := range st.PainPoints {
				st.PainPoints[p].Label = label(st.PainPoints[p].Key, st.PainPoints[p].Label)
			}
			st.Opportunities = opportunities(lang, st.PainPoints, j.Size)
			st.Quotes = stageQuotes(st.PainPoints, func(key string) []string { return examples[key] })
		}
		j.Unplaced = slices.Clone(j.Unplaced)
		for p := range j.Unplaced {
			j.Unplaced[p].Label = label(j.Unplaced[p].Key, j.Unplaced[p].Label)
		}
		if j.FewPassages {
			j.Note = fewPassagesNote(lang, j.Passages, j.PassagePeople)
		}
	}
	return &out
}

func trTraits(ts []personas.Trait, tr, trValue func(string) string) []personas.Trait {
	ts = slices.Clone(ts)
	for i := range ts {
		ts[i].Label, ts[i].Value = tr(ts[i].Label), trValue(ts[i].Value)
	}
	return ts
}

// binaryValue is the "yes" or "no" of a multiple-choice option's item
// (personas.Yes, personas.No) in lang; any other value is returned as it is.
func binaryValue(lang, v string) string {
	if lang != "fa" {
		return v
	}
	switch v {
	case personas.Yes.Text:
		return "بله"
	case personas.No.Text:
		return "خیر"
	}
	return v
}

// langFirst orders quotes so that those written in lang come first, each
// group in its own order (text tells a quote's words): a pain point joined
// across languages interleaves its two languages' examples, and a reader
// of lang is quoted in it where any member wrote in it (an English
// workbook had quoted "days, delivery, late" in Persian). The quotes are
// never changed or dropped; the slice is copied when the order changes.
func langFirst[Q any](quotes []Q, lang string, text func(Q) string) []Q {
	var mine, other []Q
	for _, q := range quotes {
		if analysis.DetectLanguage(text(q)) == lang {
			mine = append(mine, q)
		} else {
			other = append(other, q)
		}
	}
	if len(mine) == 0 || len(other) == 0 {
		return quotes
	}
	return append(mine, other...)
}
