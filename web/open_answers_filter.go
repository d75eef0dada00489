package web

import (
	"html/template"
	"net/url"
	"sort"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// maxListed bounds the search results shown on one page.
const maxListed = 300

// answersPerPage is how many open answers one page lists.
const answersPerPage = 50

// answerFilter is the open-answers page's query: survey slug, question id
// (the same id in a project's surveys in several languages is one
// question), code id ("none": not coded yet), persona id and page.
type answerFilter struct {
	Survey, Question, Code, Persona string
	Page                            int
}

func parseAnswerFilter(c *gin.Context) answerFilter {
	f := answerFilter{Survey: c.Query("survey"), Question: c.Query("question"), Code: c.Query("code"), Persona: c.Query("persona"), Page: 1}
	if n, err := strconv.Atoi(c.Query("page")); err == nil && n > 1 {
		f.Page = n
	}
	return f
}

func (f answerFilter) query(page int) url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"survey": f.Survey, "question": f.Question, "code": f.Code, "persona": f.Persona} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v
}

// facetChoice is one value of a filter with the number of answers it
// would show, given the other filters.
type facetChoice struct {
	Value, Label string
	Count        int
}

// answerFacets are the filters' choices and their counts.
type answerFacets struct {
	open                                map[string]map[string]string // slug -> question id -> text
	Surveys, Questions, Codes, Personas []facetChoice
	index                               [4]map[string]int // facet -> value -> position in its list
}

const (
	facetSurvey = iota
	facetQuestion
	facetCode
	facetPersona
)

// newAnswerFacets lists every choice, counts zero. Question texts come
// from a survey in the viewer's language where the project has one.
func newAnswerFacets(svs []*survey.Survey, lang string, codes []*survey.Code, personas map[int]string) *answerFacets {
	f := &answerFacets{open: openQuestions(svs, lang)}
	for i := range f.index {
		f.index[i] = map[string]int{}
	}
	add := func(facet int, list *[]facetChoice, value, label string) {
		if _, ok := f.index[facet][value]; !ok {
			f.index[facet][value] = len(*list)
			*list = append(*list, facetChoice{Value: value, Label: label})
		}
	}
	sorted := append([]*survey.Survey(nil), svs...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return sorted[i].Definition != nil && sorted[i].Definition.Language == lang && (sorted[j].Definition == nil || sorted[j].Definition.Language != lang)
	})
	for _, sv := range sorted {
		if sv.Definition == nil {
			continue
		}
		add(facetSurvey, &f.Surveys, sv.Slug, sv.Definition.Title.In(lang))
		for _, q := range sv.Definition.Questions() {
			if _, open := f.open[sv.Slug][q.ID]; open {
				add(facetQuestion, &f.Questions, q.ID, q.Text.In(lang))
			}
		}
	}
	add(facetCode, &f.Codes, "none", "")
	for _, k := range codes {
		add(facetCode, &f.Codes, strconv.FormatInt(k.ID, 10), k.Name)
	}
	ids := make([]int, 0, len(personas))
	for id := range personas {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		add(facetPersona, &f.Personas, strconv.Itoa(id), personas[id])
	}
	return f
}

// count adds one answer to the counts of every facet whose other filters
// it passes, and reports whether it passes them all.
func (f *answerFacets) count(flt answerFilter, ps survey.Passage, codings []codingView, persona int, hasPersona bool) bool {
	var codeValues []string
	for _, cv := range codings {
		codeValues = append(codeValues, strconv.FormatInt(cv.Code.ID, 10))
	}
	if len(codeValues) == 0 {
		codeValues = []string{"none"}
	}
	var personaValues []string
	if hasPersona {
		personaValues = []string{strconv.Itoa(persona)}
	}
	values := [4][]string{{ps.SurveySlug}, {ps.QuestionID}, codeValues, personaValues}
	wanted := [4]string{flt.Survey, flt.Question, flt.Code, flt.Persona}
	var pass [4]bool
	all := true
	for i := range values {
		pass[i] = wanted[i] == "" || contains(values[i], wanted[i])
		all = all && pass[i]
	}
	lists := [4]*[]facetChoice{&f.Surveys, &f.Questions, &f.Codes, &f.Personas}
	for i := range values {
		others := true
		for j := range pass {
			others = others && (i == j || pass[j])
		}
		if !others {
			continue
		}
		for _, v := range values[i] {
			if at, ok := f.index[i][v]; ok {
				(*lists[i])[at].Count++
			}
		}
	}
	return all
}

type openAnswersPage struct {
	Project    *survey.Project
	Filter     answerFilter
	Facets     *answerFacets
	Answers    []answerView
	Codes      []*survey.Code
	Total      int // answers that pass the filters
	Pages      int
	First      int // 1-based position of the first answer shown
	PrevURL    template.URL
	NextURL    template.URL
	Back       string
	HasFilters bool
}

// paginate sets the pager's links; a page past the end shows the last.
func (p *openAnswersPage) paginate(path string) {
	p.Pages = max(1, (p.Total+answersPerPage-1)/answersPerPage)
	p.Filter.Page = min(p.Filter.Page, p.Pages)
	p.First = (p.Filter.Page-1)*answersPerPage + 1
	p.HasFilters = p.Filter.Survey != "" || p.Filter.Question != "" || p.Filter.Code != "" || p.Filter.Persona != ""
	link := func(page int) template.URL {
		q := p.Filter.query(page).Encode()
		if q == "" {
			return template.URL(path)
		}
		return template.URL(path + "?" + q)
	}
	if p.Filter.Page > 1 {
		p.PrevURL = link(p.Filter.Page - 1)
	}
	if p.Filter.Page < p.Pages {
		p.NextURL = link(p.Filter.Page + 1)
	}
}
