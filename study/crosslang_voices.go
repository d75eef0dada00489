package study

import (
	"context"
	"slices"
	"strconv"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// voicesOf describes the author of every pain-point text for
// LinkLanguages: respondents by their closed answers and the link they
// came through, transcript participants by their attributes (named like
// the survey questions).
func voicesOf(cat *catalog, people []*respondent, in Input, texts []analysis.Text) map[string]Voice {
	// Only the authors of texts are described, lazily, and the feature
	// strings are shared: a big survey has a handful of distinct ones.
	byID := make(map[string]*respondent, len(people))
	for _, p := range people {
		byID[p.id] = p
	}
	fnames := map[string]string{}
	features := map[string][]string{}
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
		fs, ok := features[t.Person]
		if p := byID[t.Person]; !ok && p != nil {
			fs = answerFeatures(cat, p, fnames)
			features[t.Person] = fs
		}
		voices[t.ID] = Voice{Person: t.Person, Lang: lang, Question: t.Segments["question"], Features: fs}
	}
	return voices
}

// answerFeatures are a response's closed answers as "question=value":
// choices by value, scale answers as low or high (the middle says
// nothing), NPS as detractor or promoter. names shares equal strings.
func answerFeatures(cat *catalog, p *respondent, names map[string]string) []string {
	var fs []string
	add := func(k, v string) {
		s := k + "=" + v
		if n, ok := names[s]; ok {
			s = n
		} else {
			names[s] = s
		}
		fs = append(fs, s)
	}
	if p.tp != "" {
		add("link", p.tp)
	}
	for _, id := range cat.order {
		q := cat.byID[id]
		v, _ := p.answer(cat, id)
		switch q.Type {
		case survey.Single, survey.Dropdown:
			if v.Choice != "" {
				add(id, v.Choice)
			}
		case survey.Multiple:
			for _, c := range v.Choices {
				add(id, c)
			}
		case survey.Rating, survey.Likert, survey.NPS:
			if v.Number == nil {
				continue
			}
			lo, n := q.ScalePoints()
			switch x := (*v.Number - float64(lo)) / float64(max(n-1, 1)); {
			case q.Type == survey.NPS && *v.Number <= 6, q.Type != survey.NPS && x <= 0.25:
				add(id, "low")
			case q.Type == survey.NPS && *v.Number >= 9, q.Type != survey.NPS && x >= 0.75:
				add(id, "high")
			}
		}
	}
	return fs
}

// otherLanguages are the languages of the input's surveys other than lang.
func otherLanguages(in Input, lang string) []string {
	var out []string
	for _, s := range in.Surveys {
		if l := s.Definition.Language; l != "" && l != lang && !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// labelsIn labels the pain points in each of langs when a domain
// vocabulary is on: its concepts' labels ("Delivery / shipping: late")
// come in the language asked for. Without one, labels are the texts' own
// words and there is nothing to gain; a project in one language pays
// nothing either; otherwise each other language costs one more pass of the
// text analysis.
func labelsIn(ctx context.Context, texts []analysis.Text, opt analysis.PainPointOptions, langs []string) map[string]LabelSet {
	out := map[string]LabelSet{}
	if opt.Pack == "" {
		return out
	}
	for _, l := range langs {
		opt.LabelLang = l
		res, err := analysis.FindPainPointsContext(ctx, texts, opt)
		if err != nil {
			return out // ctx ended: the caller checks it
		}
		for _, p := range res.PainPoints {
			if analysis.DetectLanguage(p.Label) != l {
				continue // a label made of the texts' own words
			}
			if out[p.Key] == nil {
				out[p.Key] = LabelSet{}
			}
			out[p.Key][l] = p.Label
		}
	}
	return out
}

// addLabels adds translated labels where a pain point has none in that
// language yet.
func addLabels(labels, translated map[string]LabelSet) {
	for key, set := range labels {
		for l, label := range translated[key] {
			if set[l] == "" {
				set[l] = label
			}
		}
	}
}
