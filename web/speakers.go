package web

import (
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
)

// The speaker-mapping screen: each speaker of a transcript becomes a
// participant (pseudonym and attributes) or is marked the moderator, whose
// words the analysis does not read as customer voice.

// attributeField is a participant attribute offered on the forms: a
// survey demographic question id with its option values, so interview
// participants and respondents are described alike.
type attributeField struct {
	Name        string
	Label       string
	Options     []survey.Option
	Demographic bool // offered on the participant forms
}

// attributeFields collects the project's demographic questions: those
// with role demographic, by id, with their options. Where the project
// asks the same question in several languages, the question and option
// texts come from a survey in the viewer's language.
func (s *Server) attributeFields(c *gin.Context, p *survey.Project) ([]attributeField, error) {
	all, err := s.attributeLabels(c, p)
	return demographics(all), err
}

// demographics is the fields of demographic questions, those the
// participant forms offer.
func demographics(all []attributeField) []attributeField {
	var out []attributeField
	for _, f := range all {
		if f.Demographic {
			out = append(out, f)
		}
	}
	return out
}

// attributeLabels is every question of the project as attributeFields
// describes its demographic ones: a participant's attributes may name any
// of them (the demo's interviews describe their participants by channel,
// motive and discount codes), and each is shown by its question's and
// option's texts.
func (s *Server) attributeLabels(c *gin.Context, p *survey.Project) ([]attributeField, error) {
	svs, err := s.store.Surveys(c.Request.Context(), p.ID)
	if err != nil {
		return nil, err
	}
	lang := viewerLang(c)
	// Surveys in the viewer's language first, so their texts win.
	var defs []*survey.Definition
	for pass := 0; pass < 2; pass++ {
		for _, sv := range svs {
			if sv.Definition != nil && (sv.Definition.Language == lang) == (pass == 0) {
				defs = append(defs, sv.Definition)
			}
		}
	}
	seen := map[string]int{}
	var out []attributeField
	for _, d := range defs {
		for _, q := range d.Questions() {
			i, ok := seen[q.ID]
			if !ok {
				i = len(out)
				seen[q.ID] = i
				out = append(out, attributeField{Name: q.ID, Label: q.Text.In(lang), Demographic: q.Role == survey.RoleDemographic})
			}
			for _, o := range q.Options {
				if !slices.ContainsFunc(out[i].Options, func(have survey.Option) bool { return have.Value == o.Value }) {
					out[i].Options = append(out[i].Options, survey.Option{Value: o.Value, Label: survey.Text(o.TextIn(lang))})
				}
			}
		}
	}
	return out, nil
}

// attributeBadge is one participant attribute as a reader sees it.
type attributeBadge struct{ Name, Label, Value string }

// participantBadges shows pt's attributes by the labels of the survey
// questions and options they come from, in name order; attributes no
// survey asks keep their own name and value.
func participantBadges(fields []attributeField, pt *survey.Participant) []attributeBadge {
	names := make([]string, 0, len(pt.Attributes))
	for k := range pt.Attributes {
		names = append(names, k)
	}
	sort.Strings(names)
	out := make([]attributeBadge, 0, len(names))
	for _, k := range names {
		b := attributeBadge{Name: k, Label: k, Value: pt.Attributes[k]}
		if i := slices.IndexFunc(fields, func(f attributeField) bool { return f.Name == k }); i >= 0 {
			b.Label = fields[i].Label
			if j := slices.IndexFunc(fields[i].Options, func(o survey.Option) bool { return o.Value == b.Value }); j >= 0 {
				b.Value = fields[i].Options[j].Text()
			}
		}
		out = append(out, b)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

type speakerRow struct {
	survey.Speaker
	Lines     int
	Suggested bool
	Why       string // why: GuessModerator's reason (name, turn-taking, questions)
	Selected  int64  // participant id, 0 for none
}

type speakersPage struct {
	Project      *survey.Project
	Transcript   *survey.Transcript
	Speakers     []speakerRow
	Participants []*survey.Participant
	Attributes   []attributeField
	Imported     bool
	Redacted     int // count of redactions after an import with redaction
	Back         string
	AttrRows     []int // free attribute rows on the participant form
}

// showSpeakersPage shows the speaker-mapping form of a transcript.
func (s *Server) showSpeakersPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	t, ok := s.transcriptParam(c, p)
	if !ok {
		return
	}
	parts, err := s.store.Participants(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	attrs, err := s.attributeFields(c, p)
	if err != nil {
		s.appError(c, err)
		return
	}
	lines := map[string]int{}
	utts := make([]transcript.Utterance, len(t.Utterances))
	for i, u := range t.Utterances {
		lines[u.Speaker]++
		utts[i] = transcript.Utterance{Order: u.Order, Speaker: u.Speaker, Text: u.Text}
	}
	marked := false
	for _, sp := range t.Speakers {
		marked = marked || sp.Moderator
	}
	guess, why := "", ""
	if !marked {
		guess, why = transcript.GuessModerator(utts)
	}
	page := speakersPage{Project: p, Transcript: t, Participants: parts, Attributes: attrs,
		Imported: c.Query("imported") == "1", Back: c.Request.URL.Path, AttrRows: []int{1, 2, 3}}
	if n, err := strconv.Atoi(c.Query("redacted")); err == nil && n >= 0 {
		page.Redacted = n
	}
	for _, sp := range t.Speakers {
		row := speakerRow{Speaker: sp, Lines: lines[sp.Name], Suggested: sp.Name == guess, Why: why}
		if sp.ParticipantID != nil {
			row.Selected = *sp.ParticipantID
		}
		page.Speakers = append(page.Speakers, row)
	}
	s.renderApp(c, http.StatusOK, nil, "transcript_speakers", "speakers_title", page)
}

// mapSpeakers saves the mapping form: speaker[i] -> participant[i] (an id,
// "" for none or "new" for a new participant named like the speaker), and
// the speakers ticked as moderator.
func (s *Server) mapSpeakers(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	t, ok := s.transcriptParam(c, p)
	if !ok {
		return
	}
	parts, err := s.store.Participants(c.Request.Context(), p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	known := map[int64]bool{}
	for _, pt := range parts {
		known[pt.ID] = true
	}
	exists := map[string]bool{}
	for _, sp := range t.Speakers {
		exists[sp.Name] = true
	}
	names, choices := c.PostFormArray("speaker"), c.PostFormArray("participant")
	mods := map[string]bool{}
	for _, m := range c.PostFormArray("moderator") {
		mods[m] = true
	}
	for i, name := range names {
		if !exists[name] {
			s.appError(c, fmt.Errorf("speaker %q: %w", name, survey.ErrNotFound))
			return
		}
		sp := survey.Speaker{Name: name, Moderator: mods[name]}
		choice := ""
		if i < len(choices) {
			choice = choices[i]
		}
		switch choice {
		case "":
		case "new":
			pt := &survey.Participant{ProjectID: p.ID, Pseudonym: name}
			if name == "" {
				pt.Pseudonym = appText(currentUser(c).Lang, "unnamed_speaker")
			}
			if err := s.store.CreateParticipant(c.Request.Context(), pt); err != nil {
				s.appError(c, err)
				return
			}
			sp.ParticipantID = &pt.ID
		default:
			id, err := strconv.ParseInt(choice, 10, 64)
			if err != nil || !known[id] {
				s.appError(c, fmt.Errorf("participant %q: %w", choice, survey.ErrNotFound))
				return
			}
			sp.ParticipantID = &id
		}
		if sp.Moderator {
			sp.ParticipantID = nil // a moderator is not a participant
		}
		if err := s.store.UpdateSpeaker(c.Request.Context(), t.ID, sp); err != nil {
			s.appError(c, err)
			return
		}
	}
	c.Redirect(http.StatusSeeOther, fmt.Sprintf("/app/projects/%d/transcripts/%d", p.ID, t.ID))
}

// createParticipant adds a participant: a pseudonym and attributes, from
// the survey-named fields (attr.<question id>) and free name/value rows.
func (s *Server) createParticipant(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	pt := &survey.Participant{ProjectID: p.ID, Pseudonym: strings.TrimSpace(c.PostForm("pseudonym")), Attributes: map[string]string{}}
	if pt.Pseudonym == "" || len([]rune(pt.Pseudonym)) > 200 {
		s.appError(c, fmt.Errorf("pseudonym: %w", survey.ErrInvalid))
		return
	}
	_ = c.Request.ParseForm()
	var keys []string
	for k := range c.Request.PostForm {
		if strings.HasPrefix(k, "attr.") {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := strings.TrimSpace(c.PostForm(k)); v != "" {
			pt.Attributes[attrName(strings.TrimPrefix(k, "attr."))] = v
		}
	}
	names, values := c.PostFormArray("attr_name"), c.PostFormArray("attr_value")
	for i, n := range names {
		n = attrName(n)
		if n != "" && i < len(values) && strings.TrimSpace(values[i]) != "" {
			pt.Attributes[n] = strings.TrimSpace(values[i])
		}
	}
	if err := s.store.CreateParticipant(c.Request.Context(), pt); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, backTo(c, fmt.Sprintf("/app/projects/%d/transcripts", p.ID)))
}

// attrName makes an attribute name like a question id: lower case, spaces
// as underscores, at most 64 characters.
func attrName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), "_"))
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64])
	}
	return s
}

// backTo is the form's "back" field when it is a workspace path.
func backTo(c *gin.Context, fallback string) string {
	b := c.PostForm("back")
	if strings.HasPrefix(b, "/app/") && !strings.HasPrefix(b, "//") && !strings.ContainsAny(b, "\\\r\n") {
		return b
	}
	return fallback
}
