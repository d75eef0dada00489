package study

import (
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// personaNamesIn names the personas in each other language the project's
// surveys are asked in, from the same questions' texts and options in
// that language: persona names follow the reader where a translation
// exists. The study's own language (lang) is one of them when the
// personas were named from another survey's wording: lang is the
// reader's, the questions are the first survey's.
func personaNamesIn(cat *catalog, in Input, pin personas.Input, pr *personas.Result, lang string) map[string][]string {
	out := map[string][]string{}
	for _, s := range in.Surveys {
		// A multilingual survey words its questions in each of its
		// languages; a one-language survey in its own.
		for _, l := range s.Definition.Langs() {
			if l == "" || out[l] != nil {
				continue
			}
			tr, _ := personaInput(cat.in(l, in.Surveys), nil, l) // items only: no respondents, no errors
			if names, ok := pr.NamesIn(pin, tr, l); ok && (l != lang || !sameNames(names, pr)) {
				// In the study's own language only when its survey
				// words them otherwise than the questions the personas
				// were named from: a report asked for in English of a
				// project whose first survey is Persian.
				out[l] = names
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// in is the catalog with each question as a survey in lang words it (the
// same id), in the same order, so the items it makes line up with c's.
func (c *catalog) in(lang string, surveys []SurveyData) *catalog {
	out := &catalog{order: c.order, byID: make(map[string]*survey.Question, len(c.byID)), npsID: c.npsID, lang: lang}
	for id, q := range c.byID {
		out.byID[id] = q
	}
	for _, s := range surveys {
		if s.Definition.Language != lang {
			continue
		}
		for _, q := range s.Definition.Questions() {
			if prev, ok := c.byID[q.ID]; ok && prev.Type == q.Type && len(prev.Options) == len(q.Options) {
				out.byID[q.ID] = q
			}
		}
	}
	return out
}

// sameNames reports whether names are the personas' names, in order.
func sameNames(names []string, pr *personas.Result) bool {
	if len(names) != len(pr.Personas) {
		return false
	}
	for i, n := range names {
		if pr.Personas[i].Name != n {
			return false
		}
	}
	return true
}
