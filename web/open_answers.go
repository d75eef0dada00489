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
// "other, please specify" of choice questions.
func (s *Server) openQuestions(c *gin.Context, p *survey.Project) (map[string]map[string]string, error) {
	svs, err := s.store.Surveys(c.Request.Context(), p.ID)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]string{}
	for _, sv := range svs {
		if sv.Definition == nil {
			continue
		}
		m := map[string]string{}
		for _, q := range sv.Definition.Questions() {
			if q.Type == survey.ShortText || q.Type == survey.LongText || q.Other {
				m[q.ID] = q.Text
			}
		}
		out[sv.Slug] = m
	}
	return out, nil
}

type answerView struct {
	survey.Passage
	Question string
	Codings  []codingView
}

type openAnswersPage struct {
	Project *survey.Project
	Answers []answerView
	Codes   []*survey.Code
	More    int
	Back    string
}

const maxListed = 300

// showOpenAnswersPage lists open answers with their codes, and for
// editors a form to code each.
func (s *Server) showOpenAnswersPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	open, err := s.openQuestions(c, p)
	if err != nil {
		s.appError(c, err)
		return
	}
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
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
			k := cp.ResponseID + "\x00" + cp.QuestionID
			byAnswer[k] = append(byAnswer[k], codingView{ID: cp.ID, Code: cp.Code, Quote: quoteIfSpan(cp.Coding, cp.Passage.Text)})
		}
	}
	page := openAnswersPage{Project: p, Codes: codes, Back: c.Request.URL.Path}
	err = s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
		if ps.Source != survey.SourceAnswer {
			return nil
		}
		qtext, ok := open[ps.SurveySlug][ps.QuestionID]
		if !ok {
			return nil
		}
		if len(page.Answers) >= maxListed {
			page.More++
			return nil
		}
		page.Answers = append(page.Answers, answerView{Passage: ps, Question: qtext, Codings: byAnswer[ps.ResponseID+"\x00"+ps.QuestionID]})
		return nil
	})
	if err != nil {
		s.appError(c, err)
		return
	}
	s.renderApp(c, http.StatusOK, nil, "open_answers", "open_answers_title", page)
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
		open, err := s.openQuestions(c, p)
		if err != nil {
			s.appError(c, err)
			return
		}
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
