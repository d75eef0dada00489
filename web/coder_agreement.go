package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis/coding"
	"github.com/safarhq/safar/survey"
)

// Agreement between two coders who coded the same transcripts or the
// same survey questions independently: Cohen's kappa and Krippendorff's
// alpha per code and overall (analysis/coding.Coders), with the passages
// they coded differently side by side. The units are every passage of the
// sources (transcripts, survey questions) both coded in; a passage one
// left uncoded is a "no" for every code.

type coderOption struct {
	ID      int64
	Name    string
	Codings int
}

type disagreementView struct {
	Passage survey.Passage
	A, B    []string
}

type coderAgreementPage struct {
	Project       *survey.Project
	Coders        []coderOption
	A, B          coderOption
	Result        *coding.CoderAgreement
	Disagreements []disagreementView
	More          int
}

// sourceKey names the transcript or survey question a passage is from.
func sourceKey(ps survey.Passage) string {
	if ps.Source == survey.SourceUtterance {
		return "t" + idString(ps.TranscriptID)
	}
	return "q" + ps.SurveySlug + "\x00" + ps.QuestionID
}

// showCoderAgreementPage compares coders ?a= and ?b= (user ids; by
// default the two with the most codings).
func (s *Server) showCoderAgreementPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	coded, err := s.store.CodedPassages(ctx, p.ID, 0)
	if err != nil {
		s.appError(c, err)
		return
	}
	names, err := s.coderNames(c)
	if err != nil {
		s.appError(c, err)
		return
	}
	count := map[int64]int{}
	for _, cp := range coded {
		count[cp.CreatedBy]++
	}
	page := coderAgreementPage{Project: p}
	for id, n := range count {
		name := names[id]
		if name == "" {
			name = appText(currentUser(c).Lang, "coder_unknown", id)
		}
		page.Coders = append(page.Coders, coderOption{ID: id, Name: name, Codings: n})
	}
	slices.SortFunc(page.Coders, func(a, b coderOption) int { return cmp.Or(b.Codings-a.Codings, cmp.Compare(a.ID, b.ID)) })
	pick := func(param string, def int) coderOption {
		id, err := strconv.ParseInt(c.Query(param), 10, 64)
		for _, o := range page.Coders {
			if err == nil && o.ID == id {
				return o
			}
		}
		if def < len(page.Coders) {
			return page.Coders[def]
		}
		return coderOption{}
	}
	page.A, page.B = pick("a", 0), pick("b", 1)
	if page.A.Codings > 0 && page.B.Codings > 0 && page.A.ID != page.B.ID {
		if err := s.compareCoders(c, p, coded, &page); err != nil {
			s.appError(c, err)
			return
		}
	}
	s.renderApp(c, http.StatusOK, nil, "coder_agreement", "agreement_title", page)
}

func (s *Server) compareCoders(c *gin.Context, p *survey.Project, coded []survey.CodedPassage, page *coderAgreementPage) error {
	codesOf := map[int64]map[string][]string{page.A.ID: {}, page.B.ID: {}} // coder -> passage -> codes
	sources := map[int64]map[string]bool{page.A.ID: {}, page.B.ID: {}}
	for _, cp := range coded {
		m, ok := codesOf[cp.CreatedBy]
		if !ok {
			continue
		}
		key := passageKey(cp.Source, cp.UtteranceID, cp.ResponseID, cp.QuestionID)
		if !slices.Contains(m[key], cp.Code.Name) {
			m[key] = append(m[key], cp.Code.Name)
		}
		sources[cp.CreatedBy][sourceKey(cp.Passage)] = true
	}
	var units []coding.Unit
	passages := map[string]survey.Passage{}
	err := s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
		src := sourceKey(ps)
		if !sources[page.A.ID][src] || !sources[page.B.ID][src] {
			return nil
		}
		key := passageKey(ps.Source, ps.UtteranceID, ps.ResponseID, ps.QuestionID)
		a, b := codesOf[page.A.ID][key], codesOf[page.B.ID][key]
		if ps.Moderator && len(a) == 0 && len(b) == 0 {
			return nil
		}
		passages[key] = ps
		units = append(units, coding.Unit{ID: key, Text: ps.Text, A: a, B: b})
		return nil
	})
	if err != nil {
		return err
	}
	res := coding.Coders(units)
	page.Result = &res
	for _, d := range res.Disagreements {
		if len(page.Disagreements) == maxListed {
			page.More++
			continue
		}
		page.Disagreements = append(page.Disagreements, disagreementView{Passage: passages[d.ID], A: d.A, B: d.B})
	}
	return nil
}

// coderNames maps account ids to e-mail addresses, to name coders.
func (s *Server) coderNames(c *gin.Context) (map[int64]string, error) {
	users, err := s.store.Users(c.Request.Context())
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(users))
	for _, u := range users {
		names[u.ID] = u.Email
	}
	return names, nil
}
