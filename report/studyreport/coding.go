package studyreport

import (
	"fmt"
	"strconv"

	"github.com/safarhq/safar/internal/jalali"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// codingText names the code groups, the passage sources and the marks
// of the researchers' coding in the workbook's language.
var codingText = map[string]map[string]string{
	"en": {
		string(survey.GroupPainPoint): "Pain point", string(survey.GroupGoal): "Goal", string(survey.GroupTouchpoint): "Touchpoint",
		string(survey.GroupEmotion): "Emotion", string(survey.GroupOther): "Other",
		"suggested": "Suggested by the analysis (pain point)", "researcher": "%s (researcher-coded)",
		"answer": "%s · %s", "turn": "%s · line %s",
	},
	"fa": {
		string(survey.GroupPainPoint): "نقطه درد", string(survey.GroupGoal): "هدف", string(survey.GroupTouchpoint): "نقطه تماس",
		string(survey.GroupEmotion): "احساس", string(survey.GroupOther): "سایر",
		"suggested": "پیشنهاد تحلیل (نقطه درد)", "researcher": "%s (کدگذاری پژوهشگر)",
		"answer": "%s · %s", "turn": "%s · سطر %s",
	},
}

func codingWord(lang, key string) string {
	if lang != "fa" {
		lang = "en"
	}
	return codingText[lang][key]
}

// questionText is the text of question id of the survey slug, in lang
// where the survey words it so, else id (a question since deleted). A
// coded answer's source had read "demo-fa · question problem", the
// question's id, which a client does not know.
func questionText(in study.Input, lang, slug, id string) string {
	for _, sd := range in.Surveys {
		if sd.Slug != slug || sd.Definition == nil {
			continue
		}
		for _, q := range sd.Definition.Questions() {
			if q.ID == id {
				return q.Text.In(lang)
			}
		}
	}
	return id
}

// coding fills the codebook and coded-passages sheets: the researchers'
// codes and passages first, then the analysis's suggestions (transcript
// turns voicing a pain point) under their own parent; and returns the
// pain-point codes as researcher-coded pain points, ranked after the
// automatic ones.
func coding(res *study.Result, in study.Input, stage func(string) string, personaName map[string]string, nextRank int) ([]report.Code, []report.Passage, []report.PainPoint) {
	lang := res.Study.Language
	var book []report.Code
	var passages []report.Passage
	var pains []report.PainPoint
	if c := res.Codes; c != nil {
		for _, u := range c.Codebook {
			book = append(book, report.Code{Name: u.Name, Parent: codingWord(lang, u.Group), Description: u.Description, Passages: u.Passages, People: u.People})
		}
		// One row per passage, with all its codes.
		type key struct{ source, title, ref, quote string }
		row := map[key]int{}
		for _, q := range c.Passages {
			k := key{q.Source, q.Title, q.Ref, q.Quote}
			if i, ok := row[k]; ok {
				passages[i].Codes = append(passages[i].Codes, q.Code)
				continue
			}
			row[k] = len(passages)
			line := q.Ref // a transcript's line number, in the workbook's digits
			if lang == "fa" {
				line = jalali.PersianDigits(line)
			}
			src := fmt.Sprintf(codingWord(lang, "turn"), q.Title, line)
			if q.Source == survey.SourceAnswer {
				src = fmt.Sprintf(codingWord(lang, "answer"), q.Title, questionText(in, lang, q.Title, q.Ref))
			}
			p := report.Passage{Source: src, Speaker: q.Speaker, Codes: []string{q.Code}, Text: q.Quote, Persona: personaName[strconv.Itoa(q.Persona)]}
			if q.Stage != "" {
				p.Stage = stage(q.Stage)
			}
			passages = append(passages, p)
		}
		for i, pp := range c.PainPoints {
			// The sheet's shares are of the people whose texts were read
			// (a coded passage is one of their texts), not of everyone.
			share := pp.Share
			if n := res.PainPoints.People; n > 0 {
				share = float64(pp.People) / float64(n)
			}
			rp := report.PainPoint{Rank: nextRank + i, Label: fmt.Sprintf(codingWord(lang, "researcher"), pp.Label), Documents: pp.People,
				Share: share, Examples: pp.Quotes, Coded: true}
			for _, st := range pp.Stages {
				rp.Stages = append(rp.Stages, stage(st))
			}
			rp.Personas = personasByCount(lang, pp.Personas, personaName)
			pains = append(pains, rp)
		}
	}
	suggested, spass := suggestedCoding(res, in)
	for _, s := range suggested {
		s.Parent = codingWord(lang, "suggested")
		book = append(book, s)
	}
	return book, append(passages, spass...), pains
}
