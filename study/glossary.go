package study

import (
	"slices"

	"github.com/safarhq/safar/survey"
)

// glossary maps every text of the project's questions (wording, options,
// statements, scale labels) in one language to the same text in another,
// by language: a survey asked in Persian and English under the same
// question ids and option values says how each label reads in the other.
// The analysis labels answers in the study's language; readers of the
// other language see them through this.
func glossary(surveys []SurveyData) map[string]map[string]string {
	out := map[string]map[string]string{}
	pair := func(from, l, to string) {
		if out[l] == nil {
			out[l] = map[string]string{}
		}
		add(out[l], from, to)
	}
	parallelTexts(surveys, func(_, from, l, to string) { pair(from, l, to) })
	for _, sd := range surveys {
		translations(sd.Definition, func(_, from, l, to string) { pair(from, l, to) })
	}
	// The texts the analysis itself writes: touchpoint names, the journey
	// of everyone.
	for to := range out {
		for from := range knownTouchpoints {
			for k, l := range knownTouchpoints[from] {
				add(out[to], l, knownTouchpoints[to][k])
			}
			add(out[to], everyone[from], everyone[to])
		}
	}
	return out
}

// translations calls f with every text of a survey with several
// languages in one of them and the same text in another: the survey's own
// translations, for a project that asks in both languages with one survey
// rather than one survey per language.
func translations(d *survey.Definition, f func(fromLang, from, lang, to string)) {
	if d == nil || !d.Multilingual() {
		return
	}
	langs := d.Langs()
	pairs := func(text func(lang string) string) {
		for _, a := range langs {
			for _, b := range langs {
				if a != b {
					f(a, text(a), b, text(b))
				}
			}
		}
	}
	each := func(t survey.Localized) { pairs(t.In) }
	each(d.Title)
	for _, q := range d.Questions() {
		each(q.Text)
		for _, o := range append(slices.Clone(q.Options), q.Statements...) {
			each(o.Label)
		}
		if q.Scale != nil {
			for _, lab := range q.Scale.Labels {
				each(lab)
			}
		}
		// A scale's points as persona traits show them ("1 Strongly
		// disagree"), as parallelTexts pairs them.
		lo, n := q.ScalePoints()
		for p := lo; p < lo+n; p++ {
			pairs(func(lang string) string { return q.PointTextIn(p, lang) })
		}
	}
}

func add(m map[string]string, from, to string) {
	if from != "" && to != "" && from != to {
		if _, ok := m[from]; !ok {
			m[from] = to
		}
	}
}

func option(q *survey.Question, value string) (survey.Option, bool) { return byValue(q.Options, value) }

func statement(q *survey.Question, value string) (survey.Option, bool) {
	return byValue(q.Statements, value)
}

func byValue(list []survey.Option, value string) (survey.Option, bool) {
	for _, o := range list {
		if o.Value == value {
			return o, true
		}
	}
	return survey.Option{}, false
}

// parallelTexts calls f with every text of the project's questions
// (wording, options, statements, scale labels) in one survey's language
// and the same text in another survey's: the questions and options that
// share ids and values across the language versions.
func parallelTexts(surveys []SurveyData, f func(fromLang, from, lang, to string)) {
	for _, to := range surveys {
		for _, from := range surveys {
			l, fl := to.Definition.Language, from.Definition.Language
			if l == "" || l == fl {
				continue
			}
			for _, q := range to.Definition.Questions() {
				src, ok := from.Definition.Question(q.ID)
				if !ok {
					continue
				}
				f(fl, src.Text.String(), l, q.Text.String())
				for _, o := range q.Options {
					if so, ok := option(src, o.Value); ok {
						f(fl, so.Text(), l, o.Text())
					}
				}
				for _, st := range q.Statements {
					if so, ok := statement(src, st.Value); ok {
						f(fl, so.Text(), l, st.Text())
					}
				}
				if q.Scale != nil && src.Scale != nil {
					for i, lab := range q.Scale.Labels {
						if i < len(src.Scale.Labels) {
							f(fl, src.Scale.Labels[i].String(), l, lab.String())
						}
					}
				}
				// A scale's points as persona traits show them ("1 Strongly
				// disagree").
				if lo, n := q.ScalePoints(); n > 0 {
					if slo, sn := src.ScalePoints(); slo == lo && sn == n {
						for p := lo; p < lo+n; p++ {
							f(fl, src.PointText(p), l, q.PointText(p))
						}
					}
				}
			}
		}
	}
}
