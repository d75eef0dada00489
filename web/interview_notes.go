package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
)

// Interview notes: a form for phone and desktop. static/interviews.js
// posts the form as a draft every few seconds and on blur, so a dropped
// connection loses nothing; without JavaScript the "save draft" button
// does the same and the form still submits normally.

type noteLine struct {
	Text, Emotion, Codes string
}

type interviewForm struct {
	Draft            string
	Title            string
	Participant      string // id, or "" for a new one named NewPseudonym
	NewPseudonym     string
	Date             string // as typed: YYYY-MM-DD, or Jalali YYYY/MM/DD on a Persian page
	Interviewer      string
	Stage            string
	Touchpoints      []string
	OtherTouchpoints string
	Lines            []noteLine
}

// interviewFormFrom reads the form (or a draft's saved values).
func interviewFormFrom(v url.Values) interviewForm {
	f := interviewForm{
		Draft: v.Get("draft"), Title: strings.TrimSpace(v.Get("title")), Participant: v.Get("participant"),
		NewPseudonym: strings.TrimSpace(v.Get("new_pseudonym")), Date: strings.TrimSpace(v.Get("date")),
		Interviewer: strings.TrimSpace(v.Get("interviewer")), Stage: v.Get("stage"),
		Touchpoints: v["touchpoint"], OtherTouchpoints: v.Get("other_touchpoints"),
	}
	texts, emotions, codes := v["line_text"], v["line_emotion"], v["line_codes"]
	for i, t := range texts {
		l := noteLine{Text: t}
		if i < len(emotions) {
			l.Emotion = emotions[i]
		}
		if i < len(codes) {
			l.Codes = codes[i]
		}
		f.Lines = append(f.Lines, l)
	}
	return f
}

// withBlankLines drops empty lines and adds blank ones to type into:
// three more, at least five in all.
func (f *interviewForm) withBlankLines() {
	var kept []noteLine
	for _, l := range f.Lines {
		if strings.TrimSpace(l.Text) != "" || strings.TrimSpace(l.Codes) != "" {
			kept = append(kept, l)
		}
	}
	for n := len(kept) + 3; len(kept) < max(n, 5); {
		kept = append(kept, noteLine{})
	}
	f.Lines = kept
}

func (f interviewForm) HasTouchpoint(tp string) bool { return contains(f.Touchpoints, tp) }

type interviewFormPage struct {
	Project      *survey.Project
	Form         interviewForm
	Participants []*survey.Participant
	Stages       []survey.Stage
	Emotions     []string
	Errors       map[string]string
	DraftSaved   bool
	Codes        []*survey.Code
	Drafts       []*survey.NoteDraft // the user's other unfinished notes, to go back to
}

var noteEmotions = []string{"", survey.EmotionPositive, survey.EmotionNeutral, survey.EmotionNegative}

// showInterviewForm shows an empty form or a saved draft (?draft=KEY).
func (s *Server) showInterviewForm(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	u := currentUser(c)
	today := formatDate(u.Lang, s.now(), false) // in the reader's calendar: a Persian page's dates are Jalali
	if u.Lang == "fa" && u.PersianDigits {
		today = persianDigits(today)
	}
	f := interviewForm{Draft: randomToken()[:22], Interviewer: u.Name, Date: today}
	if key := c.Query("draft"); key != "" {
		d, err := s.store.Draft(c.Request.Context(), p.ID, currentUser(c).ID, key)
		if err != nil {
			s.appError(c, err)
			return
		}
		var v url.Values
		if err := json.Unmarshal([]byte(d.Data), &v); err != nil {
			s.appError(c, fmt.Errorf("draft %q: %w", key, err))
			return
		}
		f = interviewFormFrom(v)
		f.Draft = key
	}
	s.renderInterviewForm(c, http.StatusOK, p, f, nil, c.Query("saved") == "1")
}

func (s *Server) renderInterviewForm(c *gin.Context, status int, p *survey.Project, f interviewForm, errs map[string]string, saved bool) {
	parts, err := s.store.Participants(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	codes, err := s.store.Codes(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	drafts, err := s.store.Drafts(c.Request.Context(), p.ID, currentUser(c).ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	drafts = slices.DeleteFunc(drafts, func(d *survey.NoteDraft) bool { return d.Key == f.Draft })
	f.withBlankLines()
	page := interviewFormPage{Project: p, Form: f, Participants: parts, Stages: survey.Stages, Emotions: noteEmotions, Errors: errs, DraftSaved: saved, Codes: codes, Drafts: drafts}
	s.renderApp(c, status, nil, "interview_form", "interview_title", page)
}

// draftData is the form as stored in a draft, without the CSRF token.
func draftData(v url.Values) (string, error) {
	keep := url.Values{}
	for k, vs := range v {
		if k != csrfField && k != "action" {
			keep[k] = vs
		}
	}
	b, err := json.Marshal(keep)
	return string(b), err
}

func validDraftKey(k string) bool {
	if k == "" || len(k) > 64 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// saveInterviewDraft is the autosave endpoint: it stores the posted form
// as the user's draft and answers JSON.
func (s *Server) saveInterviewDraft(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	if err := c.Request.ParseForm(); err != nil {
		s.apiError(c, fmt.Errorf("draft: %w", survey.ErrInvalid))
		return
	}
	d, err := s.storeDraft(c, p)
	if err != nil {
		s.apiError(c, err)
		return
	}
	c.JSON(http.StatusOK, gin.H{"saved": d.UpdatedAt.UTC().Format(time.RFC3339), "draft": d.Key})
}

func (s *Server) storeDraft(c *gin.Context, p *survey.Project) (*survey.NoteDraft, error) {
	key := c.PostForm("draft")
	if !validDraftKey(key) {
		return nil, fmt.Errorf("draft key: %w", survey.ErrInvalid)
	}
	data, err := draftData(c.Request.PostForm)
	if err != nil {
		return nil, err
	}
	d := &survey.NoteDraft{ProjectID: p.ID, UserID: currentUser(c).ID, Key: key, Data: data}
	return d, s.store.SaveDraft(c.Request.Context(), d)
}

// saveInterview stores the notes as an interview transcript, or saves a
// draft when the "save draft" button was used.
func (s *Server) saveInterview(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	_ = c.Request.ParseForm()
	f := interviewFormFrom(c.Request.PostForm)
	if !validDraftKey(f.Draft) {
		f.Draft = randomToken()[:22]
		c.Request.PostForm.Set("draft", f.Draft)
	}
	if c.PostForm("action") == "draft" {
		if _, err := s.storeDraft(c, p); err != nil {
			s.appError(c, err)
			return
		}
		c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/interviews/new?draft=%s&saved=1", p.ID, url.QueryEscape(f.Draft)))
		return
	}
	u := currentUser(c)
	t, participantID, errs := s.interviewFromForm(c, p, f)
	if len(errs) > 0 {
		// Keep what was typed: as a draft too, in case the page is lost.
		if _, err := s.storeDraft(c, p); err != nil {
			s.log.Warn("save draft", "err", err)
		}
		s.renderInterviewForm(c, http.StatusUnprocessableEntity, p, f, errs, false)
		return
	}
	if f.Participant == "" && f.NewPseudonym != "" {
		pt := &survey.Participant{ProjectID: p.ID, Pseudonym: f.NewPseudonym}
		if err := s.store.CreateParticipant(c.Request.Context(), pt); err != nil {
			s.appError(c, err)
			return
		}
		participantID = pt.ID
	}
	if err := s.store.CreateInterview(c.Request.Context(), t, participantID, u.ID); err != nil {
		if fe := fieldErrors(err); fe != nil {
			s.renderInterviewForm(c, http.StatusUnprocessableEntity, p, f, map[string]string{"lines": "err_code_name"}, false)
			return
		}
		s.appError(c, err)
		return
	}
	if err := s.store.DeleteDraft(c.Request.Context(), p.ID, u.ID, f.Draft); err != nil {
		s.log.Warn("delete draft", "err", err)
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/transcripts/%d", p.ID, t.ID))
}

// interviewFromForm checks the form and builds the transcript; errs maps
// a field to a message key.
func (s *Server) interviewFromForm(c *gin.Context, p *survey.Project, f interviewForm) (*survey.Transcript, int64, map[string]string) {
	errs := map[string]string{}
	t := &survey.Transcript{ProjectID: p.ID, Kind: survey.KindInterview, Format: "notes", Interviewer: f.Interviewer, Title: f.Title}
	if len([]rune(f.Interviewer)) > 200 {
		errs["interviewer"] = "err_too_long"
	}
	var participantID int64
	speaker := f.NewPseudonym
	if f.Participant != "" {
		id, err := strconv.ParseInt(f.Participant, 10, 64)
		parts, perr := s.store.Participants(c.Request.Context(), p.ID)
		if perr != nil {
			errs["participant"] = "err_participant"
		}
		for _, pt := range parts {
			if err == nil && pt.ID == id {
				participantID, speaker = id, pt.Pseudonym
			}
		}
		if participantID == 0 {
			errs["participant"] = "err_participant"
		}
	} else if speaker == "" {
		errs["participant"] = "err_participant"
	}
	if f.Date != "" {
		if day, ok := parseDay(f.Date); !ok {
			errs["date"] = "iv_err_date"
		} else {
			d := time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, time.UTC)
			t.Date = &d
		}
	}
	if f.Stage != "" {
		if !contains(stageNames(), f.Stage) {
			errs["stage"] = "err_stage"
		}
		t.Stage = survey.Stage(f.Stage)
	}
	for _, tp := range f.Touchpoints {
		if tp = strings.TrimSpace(tp); tp != "" && !contains(t.Touchpoints, tp) {
			t.Touchpoints = append(t.Touchpoints, strings.ReplaceAll(tp, ",", " "))
		}
	}
	for _, tp := range strings.FieldsFunc(f.OtherTouchpoints, func(r rune) bool { return r == ',' || r == '،' || r == '\n' }) {
		if tp = strings.TrimSpace(tp); tp != "" && !contains(t.Touchpoints, tp) {
			t.Touchpoints = append(t.Touchpoints, tp)
		}
	}
	for _, l := range f.Lines {
		text := strings.TrimSpace(l.Text)
		if text == "" {
			continue
		}
		if !contains(noteEmotions, l.Emotion) {
			errs["lines"] = "err_emotion"
		}
		u := survey.Utterance{Order: len(t.Utterances) + 1, Speaker: speaker, Text: text, Emotion: l.Emotion}
		for _, code := range strings.FieldsFunc(l.Codes, func(r rune) bool { return r == ',' || r == '،' || r == ';' }) {
			if code = strings.TrimSpace(code); code != "" {
				u.Codes = append(u.Codes, code)
			}
		}
		t.Utterances = append(t.Utterances, u)
	}
	if len(t.Utterances) == 0 {
		errs["lines"] = "err_no_lines"
	}
	if t.Title == "" {
		t.Title = strings.TrimSpace(speaker + " " + f.Date)
	}
	if len(errs) > 0 {
		return nil, 0, errs
	}
	return t, participantID, nil
}

func stageNames() []string {
	out := make([]string, len(survey.Stages))
	for i, st := range survey.Stages {
		out[i] = string(st)
	}
	return out
}
