package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis/coding"
	"github.com/safarhq/safar/survey"
)

// Assisted coding: a classifier learns each code from the passages the
// researchers coded (analysis/coding) and suggests a code for every
// uncoded customer passage with its confidence. Before any suggestion the
// page shows how well it would have matched the researchers' own codes
// (k-fold). Accepting stores the coding marked "suggested" with the
// confidence; rejecting keeps that code off the passage from then on.

// assistFolds is the k of the agreement shown before suggesting.
const assistFolds = 5

// maxAssistListed bounds the suggestions listed on the page (bulk
// acceptance covers all of them).
const maxAssistListed = 200

// passageKey names a passage across codings, passages and rejections.
func passageKey(source string, uid int64, resp, qid string) string {
	if source == survey.SourceUtterance {
		return "u" + idString(uid)
	}
	return "a" + resp + "\x00" + qid
}

type assistSuggestion struct {
	Passage    survey.Passage
	Code       *survey.Code
	Confidence float64
}

// assistState is a project's customer passages with the codes any
// researcher gave them.
type assistState struct {
	passages map[string]survey.Passage
	examples []coding.Example // ID: passage key
	codes    map[string]*survey.Code
	rejected map[string]bool // passage key + "\x00" + code id
}

func (s *Server) loadAssist(c *gin.Context, p *survey.Project) (*assistState, error) {
	ctx := c.Request.Context()
	st := &assistState{passages: map[string]survey.Passage{}, codes: map[string]*survey.Code{}, rejected: map[string]bool{}}
	var order []string
	err := s.store.EachPassage(ctx, p.ID, func(ps survey.Passage) error {
		if ps.Moderator || strings.TrimSpace(ps.Text) == "" {
			return nil
		}
		key := passageKey(ps.Source, ps.UtteranceID, ps.ResponseID, ps.QuestionID)
		st.passages[key] = ps
		order = append(order, key)
		return nil
	})
	if err != nil {
		return nil, err
	}
	codes, err := s.store.Codes(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	for _, k := range codes {
		st.codes[k.Name] = k
	}
	coded, err := s.store.CodedPassages(ctx, p.ID, 0)
	if err != nil {
		return nil, err
	}
	byKey := map[string][]string{}
	for _, cp := range coded {
		key := passageKey(cp.Source, cp.UtteranceID, cp.ResponseID, cp.QuestionID)
		if !slices.Contains(byKey[key], cp.Code.Name) {
			byKey[key] = append(byKey[key], cp.Code.Name)
		}
	}
	for _, key := range order {
		st.examples = append(st.examples, coding.Example{ID: key, Text: st.passages[key].Text, Codes: byKey[key]})
	}
	rejected, err := s.store.RejectedSuggestions(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range rejected {
		st.rejected[passageKey(r.Source, r.UtteranceID, r.ResponseID, r.QuestionID)+"\x00"+idString(r.CodeID)] = true
	}
	return st, nil
}

// suggest measures the agreement and suggests, for every uncoded passage,
// its most likely code that was not rejected there, most confident first.
func (st *assistState) suggest() (coding.Agreement, []assistSuggestion, error) {
	agreement, err := coding.CrossValidate(st.examples, assistFolds, coding.Options{Seed: 1})
	if err != nil {
		return agreement, nil, err
	}
	m, err := coding.Train(st.examples, coding.Options{Seed: 1})
	if err != nil {
		return agreement, nil, err
	}
	var out []assistSuggestion
	for _, e := range st.examples {
		if len(e.Codes) > 0 {
			continue
		}
		for _, sc := range m.Predict(e.Text) {
			code := st.codes[sc.Code]
			if code != nil && !st.rejected[e.ID+"\x00"+idString(code.ID)] {
				out = append(out, assistSuggestion{Passage: st.passages[e.ID], Code: code, Confidence: sc.Confidence})
				break
			}
		}
	}
	slices.SortStableFunc(out, func(a, b assistSuggestion) int {
		switch {
		case a.Confidence > b.Confidence:
			return -1
		case a.Confidence < b.Confidence:
			return 1
		}
		return 0
	})
	return agreement, out, nil
}

type assistPage struct {
	Project     *survey.Project
	Problem     string // why nothing can be suggested yet
	Agreement   coding.Agreement
	Suggestions []assistSuggestion
	Total       int // suggestions at or above Min
	More        int // of those, not listed
	Min         float64
	Thresholds  []float64
	Back        string
}

// minConfidence reads a threshold in [0, 1] (default 0).
func minConfidence(v string) float64 {
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < 0 || f > 1 {
		return 0
	}
	return f
}

// showAssistPage shows the agreement, then the suggestions at or above
// ?min=, most confident first.
func (s *Server) showAssistPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	st, err := s.loadAssist(c, p)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := assistPage{Project: p, Min: minConfidence(c.Query("min")), Thresholds: []float64{0.9, 0.8, 0.7, 0.6, 0.5}, Back: c.Request.URL.RequestURI()}
	agreement, sugg, err := st.suggest()
	switch {
	case errors.Is(err, coding.ErrNoCoded):
		page.Problem = "assist_none_coded"
	case errors.Is(err, coding.ErrOneCode):
		page.Problem = "assist_one_code"
	case errors.Is(err, coding.ErrTooFew):
		page.Problem = "assist_too_few"
	case err != nil:
		s.appError(c, err)
		return
	}
	page.Agreement = agreement
	for _, sg := range sugg {
		if sg.Confidence >= page.Min {
			page.Total++
			if len(page.Suggestions) < maxAssistListed {
				page.Suggestions = append(page.Suggestions, sg)
			}
		}
	}
	page.More = page.Total - len(page.Suggestions)
	s.renderApp(c, http.StatusOK, nil, "assist", "assist_title", page)
}

// suggestedCoding reads the passage and code of an accept or reject form.
func suggestedCoding(c *gin.Context, p *survey.Project) *survey.Coding {
	k := &survey.Coding{ProjectID: p.ID, CreatedBy: currentUser(c).ID, Origin: survey.OriginSuggested}
	if uid := c.PostForm("utterance"); uid != "" {
		k.Source = survey.SourceUtterance
		k.UtteranceID, _ = strconv.ParseInt(uid, 10, 64)
	} else {
		k.Source, k.ResponseID, k.QuestionID = survey.SourceAnswer, c.PostForm("response"), c.PostForm("question")
	}
	k.CodeID, _ = strconv.ParseInt(c.PostForm("code"), 10, 64)
	k.Confidence = minConfidence(c.PostForm("confidence"))
	return k
}

// decideAssist accepts (decision=accept) or rejects one suggestion.
func (s *Server) decideAssist(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	k := suggestedCoding(c, p)
	var err error
	switch c.PostForm("decision") {
	case "accept":
		err = s.store.ApplyCode(c.Request.Context(), k)
	case "reject":
		err = s.store.RejectSuggestion(c.Request.Context(), k)
	default:
		err = fmt.Errorf("decision: %w", survey.ErrInvalid)
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/assist", p.ID)))
}

// acceptAssistBulk accepts every suggestion at or above the confidence
// "min" (at least 0.5), in one transaction.
func (s *Server) acceptAssistBulk(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	threshold := minConfidence(c.PostForm("min"))
	if threshold < 0.5 {
		s.appError(c, fmt.Errorf("min confidence %q below 0.5: %w", c.PostForm("min"), survey.ErrInvalid))
		return
	}
	st, err := s.loadAssist(c, p)
	if err != nil {
		s.appError(c, err)
		return
	}
	_, sugg, err := st.suggest()
	if err != nil {
		s.appError(c, fmt.Errorf("%v: %w", err, survey.ErrInvalid))
		return
	}
	var ks []*survey.Coding
	for _, sg := range sugg {
		if sg.Confidence < threshold {
			break // sorted
		}
		ps := sg.Passage
		ks = append(ks, &survey.Coding{ProjectID: p.ID, CodeID: sg.Code.ID, Source: ps.Source, UtteranceID: ps.UtteranceID,
			ResponseID: ps.ResponseID, QuestionID: ps.QuestionID, CreatedBy: currentUser(c).ID, Origin: survey.OriginSuggested, Confidence: sg.Confidence})
	}
	if err := s.store.ApplyCodes(c.Request.Context(), ks); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("suggested codes accepted", "project", p.ID, "codings", len(ks), "min", threshold)
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/assist", p.ID))
}
