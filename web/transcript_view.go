package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// utterancesPerPage bounds a transcript page: a 950,000-line transcript
// used to render a 904 MB page in 32 s for anyone who opened it. Links to
// one utterance (?u=ID#uID, from search, codes and suggestions) open the
// page that holds it.
const utterancesPerPage = 500

// utteranceView is one row of the transcript view.
type utteranceView struct {
	survey.Utterance
	Time        string
	Participant string
	Codings     []codingView
}

type codingView struct {
	ID    int64
	Code  *survey.Code
	Quote string
}

type transcriptPage struct {
	Project    *survey.Project
	Transcript *survey.Transcript
	Utterances []utteranceView
	Codes      []*survey.Code
	Back       string
	// The pager: this page (1-based), the number of pages, the numbers of
	// the first and last utterances on this page and the utterance count.
	Page, Pages, First, Last, Total int
	PrevURL, NextURL                string
}

// showTranscriptPage shows one page of a transcript or interview: each
// utterance with speaker, time and text, moderator lines marked, codes
// applied, and (for editors) a form to code each passage.
func (s *Server) showTranscriptPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	id, ok := s.idParam(c, "tid")
	if !ok {
		return
	}
	ctx := c.Request.Context()
	pageNo, _ := strconv.Atoi(c.Query("page"))
	if uid, err := strconv.ParseInt(c.Query("u"), 10, 64); err == nil {
		if i, err := s.store.UtteranceIndex(ctx, id, uid); err == nil {
			pageNo = i/utterancesPerPage + 1
		}
	}
	pageNo = max(pageNo, 1)
	t, total, err := s.store.TranscriptPage(ctx, id, (pageNo-1)*utterancesPerPage, utterancesPerPage)
	if err == nil && t.ProjectID != p.ID {
		err = survey.ErrNotFound
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	codes, err := s.store.Codes(ctx, p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	ks, err := s.store.TranscriptCodings(ctx, t.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	parts, err := s.store.Participants(ctx, p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	byCode := map[int64]*survey.Code{}
	for _, k := range codes {
		byCode[k.ID] = k
	}
	pseudonym := map[string]string{}
	for _, sp := range t.Speakers {
		if sp.ParticipantID != nil {
			for _, pt := range parts {
				if pt.ID == *sp.ParticipantID {
					pseudonym[sp.Name] = pt.Pseudonym
				}
			}
		}
	}
	text := map[int64]string{} // this page's utterances only
	for _, u := range t.Utterances {
		text[u.ID] = u.Text
	}
	byUtt := map[int64][]codingView{}
	for _, k := range ks {
		if u, on := text[k.UtteranceID]; on {
			if code := byCode[k.CodeID]; code != nil {
				byUtt[k.UtteranceID] = append(byUtt[k.UtteranceID], codingView{ID: k.ID, Code: code, Quote: quoteIfSpan(k, u)})
			}
		}
	}
	base := c.Request.URL.Path
	page := transcriptPage{Project: p, Transcript: t, Codes: codes, Back: fmt.Sprintf("%s?page=%d", base, pageNo),
		Page: pageNo, Pages: max(1, (total+utterancesPerPage-1)/utterancesPerPage), First: (pageNo-1)*utterancesPerPage + 1, Total: total}
	if pageNo > 1 {
		page.PrevURL = fmt.Sprintf("%s?page=%d", base, pageNo-1)
	}
	if pageNo < page.Pages {
		page.NextURL = fmt.Sprintf("%s?page=%d", base, pageNo+1)
	}
	for _, u := range t.Utterances {
		page.Utterances = append(page.Utterances, utteranceView{Utterance: u, Time: clock(u.Start), Participant: pseudonym[u.Speaker], Codings: byUtt[u.ID]})
	}
	page.Last = page.First + len(page.Utterances) - 1
	s.renderApp(c, http.StatusOK, nil, "transcript", "transcript_title", page)
}

func quoteIfSpan(k survey.Coding, text string) string {
	if k.SpanEnd <= 0 {
		return ""
	}
	return k.Quote(text)
}
