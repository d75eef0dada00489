package study

import (
	"context"
	"slices"
	"strconv"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// Voices describes the author of one pain-point text, looked up when the
// linking asks: the answers of a million respondents are never held as a
// million feature lists, only counted per pain point. Features are filled
// in only when asked for: they are made from the respondent's answers, and
// most lookups need only the person, language and question; they may be
// reused by the next lookup that asks for features.
type Voices func(textID string, features bool) (Voice, bool)

// voicesOf describes the authors of texts for LinkLanguages: respondents
// by their closed answers and the link they came through, transcript
// participants by their attributes (named like the survey questions).
// The texts are named by position (texts.go), and each knows its
// respondent's position: nothing is indexed. What it keeps is the
// participants' attributes; a voice's features are made from the
// respondent's answers on each lookup. The lookup is for one goroutine (it
// shares feature strings through maps).
func voicesOf(cat *catalog, people []*respondent, in Input, st *studyTexts) Voices {
	participants := map[string][]string{}
	for _, pt := range in.Participants {
		var fs []string
		for k, v := range pt.Attributes {
			fs = append(fs, k+"="+v)
		}
		participants["p:"+strconv.FormatInt(pt.ID, 10)] = fs
	}
	names := newFeatureNames(cat)
	return func(id string, features bool) (Voice, bool) {
		i := st.index(id)
		if i < 0 {
			return Voice{}, false
		}
		t := &st.texts[i]
		lang := t.Lang
		if lang == "" {
			lang = analysis.DetectLanguage(t.Text)
		}
		var fs []string
		if features {
			if who := st.respondent(i); who >= 0 {
				fs = names.of(people[who])
			} else {
				fs = participants[t.Person]
			}
		}
		return Voice{Person: t.Person, Lang: lang, Question: t.Segments["question"], Features: fs, Text: t.Text}, true
	}
}

// featureNames makes respondents' features: their closed answers as
// "question=value", choices by value, scale answers as low or high (the
// middle says nothing), NPS as detractor or promoter, and the link they
// came through as "link=...". Answers are interned per question
// (answers.go), so each distinct answer's features are made once and
// shared by every respondent who gave it.
type featureNames struct {
	cat    *catalog
	closed []int               // catalog positions of the questions with features
	byRef  map[uint32][]string // an answer's features, by its reference
	links  map[string]string   // link -> "link=" + link
	buf    []string            // of's result, reused
}

func newFeatureNames(cat *catalog) *featureNames {
	n := &featureNames{cat: cat, byRef: map[uint32][]string{}, links: map[string]string{}}
	for i, id := range cat.order {
		switch cat.byID[id].Type {
		case survey.Single, survey.Dropdown, survey.Multiple, survey.Rating, survey.Likert, survey.NPS:
			n.closed = append(n.closed, i)
		}
	}
	return n
}

// of is respondent p's features, valid until the next call.
func (n *featureNames) of(p *respondent) []string {
	fs := n.buf[:0]
	if p.tp != "" {
		s, ok := n.links[p.tp]
		if !ok {
			s = "link=" + p.tp
			n.links[p.tp] = s
		}
		fs = append(fs, s)
	}
	as := n.cat.answersOf(p.idx)
	for _, i := range n.closed {
		if ref := as[i]; ref != 0 {
			fs = append(fs, n.ofAnswer(i, ref)...)
		}
	}
	n.buf = fs
	return fs
}

// ofAnswer is the features of answer ref to the question at position i.
func (n *featureNames) ofAnswer(i int, ref uint32) []string {
	if fs, ok := n.byRef[ref]; ok {
		return fs
	}
	id := n.cat.order[i]
	q, v := n.cat.byID[id], n.cat.values[ref-1]
	var fs []string
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
			break
		}
		lo, pts := q.ScalePoints()
		switch x := (*v.Number - float64(lo)) / float64(max(pts-1, 1)); {
		case q.Type == survey.NPS && *v.Number <= 6, q.Type != survey.NPS && x <= 0.25:
			fs = append(fs, id+"=low")
		case q.Type == survey.NPS && *v.Number >= 9, q.Type != survey.NPS && x >= 0.75:
			fs = append(fs, id+"=high")
		}
	}
	n.byRef[ref] = fs
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
