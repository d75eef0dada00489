package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// Suggested codes: the pain-point engine (analysis.FindPainPoints) run on
// the project's customer utterances (never the moderator's); each pain
// point is offered as a code on the utterances that voice it, to accept
// (coded, in group pain point) or reject (not offered again).

type suggestedPoint struct {
	Key, Label string
	People     int
	Share      float64
	Utterances []survey.Passage
	More       int
}

type suggestionsPage struct {
	Project *survey.Project
	Points  []suggestedPoint
	Texts   int
	Back    string
}

const maxSuggestedPerPoint = 20

// showSuggestionsPage lists the undecided suggestions by pain point.
func (s *Server) showSuggestionsPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	var texts []analysis.Text
	byID := map[string]survey.Passage{}
	err := s.store.EachPassage(c.Request.Context(), p.ID, func(ps survey.Passage) error {
		if ps.Source != survey.SourceUtterance || ps.Moderator || strings.TrimSpace(ps.Text) == "" {
			return nil
		}
		id := idString(ps.UtteranceID)
		person := ps.Participant
		if person == "" {
			person = fmt.Sprintf("t%d:%s", ps.TranscriptID, ps.Speaker)
		}
		// Passages come by transcript and turn order: a transcript is one
		// conversation, as in the study's analysis.
		texts = append(texts, analysis.Text{ID: id, Person: person, Text: ps.Text, Thread: "t:" + strconv.FormatInt(ps.TranscriptID, 10)})
		byID[id] = ps
		return nil
	})
	if err != nil {
		s.appError(c, err)
		return
	}
	decided, err := s.store.SuggestionDecisions(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	done := map[string]bool{}
	for _, d := range decided {
		done[idString(d.UtteranceID)+"\x00"+d.Key] = true
	}
	page := suggestionsPage{Project: p, Texts: len(texts), Back: c.Request.URL.Path}
	if len(texts) > 0 {
		// The request's context: when the researcher leaves, the analysis stops.
		res, err := analysis.FindPainPointsContext(c.Request.Context(), texts, analysis.PainPointOptions{Top: 30, Examples: 1, Ignore: []string{p.Name}, LabelLang: viewerLang(c)})
		if err != nil {
			c.Abort() // only a cancelled request ends the analysis early: nobody is left to answer
			return
		}
		for _, pp := range res.PainPoints {
			sp := suggestedPoint{Key: pp.Key, Label: pp.Label, People: pp.Documents, Share: pp.Share}
			for _, id := range pp.Members {
				if done[id+"\x00"+pp.Key] {
					continue
				}
				if len(sp.Utterances) >= maxSuggestedPerPoint {
					sp.More++
					continue
				}
				sp.Utterances = append(sp.Utterances, byID[id])
			}
			if len(sp.Utterances) > 0 {
				page.Points = append(page.Points, sp)
			}
		}
	}
	s.renderApp(c, http.StatusOK, nil, "suggestions", "suggestions_title", page)
}

// decideSuggestion accepts or rejects one suggested code on an utterance.
func (s *Server) decideSuggestion(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	uid, _ := strconv.ParseInt(c.PostForm("utterance"), 10, 64)
	d := &survey.SuggestionDecision{ProjectID: p.ID, UtteranceID: uid, Key: c.PostForm("key"),
		Label: strings.TrimSpace(c.PostForm("label")), Status: c.PostForm("decision")}
	if d.Label == "" {
		d.Label = d.Key
	}
	if err := s.store.DecideSuggestion(c.Request.Context(), d, currentUser(c).ID); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/suggestions", p.ID)))
}
