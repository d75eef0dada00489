package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// Open survey answers beside the interviews: coded with the same codebook
// and found by the same search.

// openQuestions maps survey slug -> question id -> question text for the
// questions whose answers are free text: short and long text, and the
// "other, please specify" of choice questions; a survey in several
// languages words them in lang.
func openQuestions(svs []*survey.Survey, lang string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, sv := range svs {
		if sv.Definition == nil {
			continue
		}
		m := map[string]string{}
		for _, q := range sv.Definition.Questions() {
			if q.Type == survey.ShortText || q.Type == survey.LongText || q.Other {
				m[q.ID] = q.Text.In(lang)
			}
		}
		out[sv.Slug] = m
	}
	return out
}

type answerView struct {
	survey.Passage
	Question string
	Anchor   string // the card's id, so coding returns to it
	Codings  []codingView
}

// showOpenAnswersPage lists open answers a page at a time, filtered by
// survey, question, code and persona, with counts beside each choice; for
// editors every answer has a form to code it.
func (s *Server) showOpenAnswersPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	page := openAnswersPage{Project: p, Filter: parseAnswerFilter(c), Back: c.Request.URL.RequestURI()}
	var err error
	if page.Codes, err = s.store.Codes(c.Request.Context(), p.ID); err != nil {
		s.appError(c, err)
		return
	}
	coded, err := s.store.CodedPassages(c.Request.Context(), p.ID, 0)
	if err != nil {
		s.appError(c, err)
		return
	}
	byAnswer := map[string][]codingView{}
	for _, cp := range coded {
		if cp.Source == survey.SourceAnswer {
			k := answerKey(cp.ResponseID, cp.QuestionID)
			byAnswer[k] = append(byAnswer[k], codingView{ID: cp.ID, Code: cp.Code, Quote: quoteIfSpan(cp.Coding, cp.Passage.Text)})
		}
	}
	svs, err := s.store.Surveys(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	personaOf, personaNames := s.projectPersonas(c, p)
	f := newAnswerFacets(svs, viewerLang(c), page.Codes, personaNames)
	err = s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
		if ps.Source != survey.SourceAnswer {
			return nil
		}
		qtext, ok := f.open[ps.SurveySlug][ps.QuestionID]
		if !ok {
			return nil
		}
		codings := byAnswer[answerKey(ps.ResponseID, ps.QuestionID)]
		persona, hasPersona := personaOf[ps.ResponseID]
		if !f.count(page.Filter, ps, codings, persona, hasPersona) {
			return nil
		}
		page.Total++
		if from := (page.Filter.Page - 1) * answersPerPage; page.Total > from && page.Total <= from+answersPerPage {
			page.Answers = append(page.Answers, answerView{Passage: ps, Question: qtext, Codings: codings,
				Anchor: "a-" + ps.ResponseID + "-" + ps.QuestionID})
		}
		return nil
	})
	if err != nil {
		s.appError(c, err)
		return
	}
	page.Facets = f
	page.paginate(c.Request.URL.Path)
	if len(page.Answers) == 0 && page.Total > 0 { // a page past the end, e.g. after filtering
		c.Redirect(http.StatusSeeOther, c.Request.URL.Path+"?"+page.Filter.query(page.Pages).Encode())
		return
	}
	s.renderApp(c, http.StatusOK, nil, "open_answers", "open_answers_title", page)
}

func answerKey(responseID, questionID string) string { return responseID + "\x00" + questionID }

// projectPersonas is each respondent's persona in the project's latest
// analysis, and the personas' names; empty before any analysis.
func (s *Server) projectPersonas(c *gin.Context, p *survey.Project) (map[string]int, map[int]string) {
	key := survey.AnalysisScope{ProjectID: p.ID}.String()
	run, err := s.store.LatestAnalysisResult(c.Request.Context(), key, false)
	if err != nil {
		return nil, nil // no analysis yet (or unreadable): no persona filter
	}
	res, err := s.result(c, run.ID)
	if err != nil || res.Personas == nil {
		return nil, nil
	}
	of := make(map[string]int, len(res.Personas.Assignments))
	for _, a := range res.Personas.Assignments {
		of[a.ID] = a.Persona
	}
	names := map[int]string{}
	translated := res.PersonaNames[viewerLang(c)]
	for i, per := range res.Personas.Personas {
		names[per.ID] = per.Name
		if len(translated) == len(res.Personas.Personas) {
			names[per.ID] = translated[i]
		}
	}
	return of, names
}

// searchKey is how text is compared in search: Persian spelling variants
// unified (Arabic ي/ك, digits, ZWNJ...) and case folded.
func searchKey(s string) string {
	return strings.ToLower(analysis.NormalizePersian(s))
}

type searchPage struct {
	Project *survey.Project
	Query   string
	Hits    []answerView
	More    int
	Done    bool
}

// showSearchPage finds a word or phrase in the project's utterances,
// interview notes and open answers. It scans the project's text with
// normalisation in Go, linear like a LIKE query: fine at the scale of a
// research project (tens of thousands of passages).
func (s *Server) showSearchPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	page := searchPage{Project: p, Query: strings.TrimSpace(c.Query("q"))}
	if len([]rune(page.Query)) > 200 {
		page.Query = string([]rune(page.Query)[:200])
	}
	needle := searchKey(page.Query)
	if needle != "" {
		svs, err := s.store.Surveys(c.Request.Context(), p.ID)
		if err != nil {
			s.appError(c, err)
			return
		}
		open := openQuestions(svs, viewerLang(c))
		page.Done = true
		err = s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
			var qtext string
			if ps.Source == survey.SourceAnswer {
				var ok bool
				if qtext, ok = open[ps.SurveySlug][ps.QuestionID]; !ok {
					return nil
				}
			}
			if !strings.Contains(searchKey(ps.Text), needle) && !strings.Contains(searchKey(ps.Speaker), needle) {
				return nil
			}
			if len(page.Hits) >= maxListed {
				page.More++
				return nil
			}
			page.Hits = append(page.Hits, answerView{Passage: ps, Question: qtext})
			return nil
		})
		if err != nil {
			s.appError(c, err)
			return
		}
	}
	s.renderApp(c, http.StatusOK, nil, "search", "search_title", page)
}

// idString is a passage id for the pain-point analysis.
func idString(id int64) string { return strconv.FormatInt(id, 10) }
