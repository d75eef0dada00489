package study

import (
	"strconv"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// voicesOf describes the author of every pain-point text for
// LinkLanguages: respondents by their closed answers and the link they
// came through, transcript participants by their attributes (named like
// the survey questions).
func voicesOf(cat *catalog, people []*respondent, in Input, texts []analysis.Text) map[string]Voice {
	features := map[string][]string{}
	for _, p := range people {
		features[p.id] = answerFeatures(cat, p.answers, p.tp)
	}
	for _, pt := range in.Participants {
		var fs []string
		for k, v := range pt.Attributes {
			fs = append(fs, k+"="+v)
		}
		features["p:"+strconv.FormatInt(pt.ID, 10)] = fs
	}
	voices := make(map[string]Voice, len(texts))
	for _, t := range texts {
		lang := t.Lang
		if lang == "" {
			lang = analysis.DetectLanguage(t.Text)
		}
		voices[t.ID] = Voice{Person: t.Person, Lang: lang, Question: t.Segments["question"], Features: features[t.Person]}
	}
	return voices
}

// answerFeatures are a response's closed answers as "question=value":
// choices by value, scale answers as low or high (the middle says
// nothing), NPS as detractor or promoter.
func answerFeatures(cat *catalog, a survey.Answers, link string) []string {
	var fs []string
	if link != "" {
		fs = append(fs, "link="+link)
	}
	for _, id := range cat.order {
		q, v := cat.byID[id], a[id]
		switch q.Type {
		case survey.Single, survey.Dropdown:
			if v.Choice != "" {
				fs = append(fs, id+"="+v.Choice)
			}
		case survey.Multiple:
			for _, c := range v.Choices {
				fs = append(fs, id+"="+c)
			}
		case survey.Rating, survey.Likert, survey.NPS:
			if v.Number == nil {
				continue
			}
			lo, n := q.ScalePoints()
			switch x := (*v.Number - float64(lo)) / float64(max(n-1, 1)); {
			case q.Type == survey.NPS && *v.Number <= 6, q.Type != survey.NPS && x <= 0.25:
				fs = append(fs, id+"=low")
			case q.Type == survey.NPS && *v.Number >= 9, q.Type != survey.NPS && x >= 0.75:
				fs = append(fs, id+"=high")
			}
		}
	}
	return fs
}
