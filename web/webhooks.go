package web

import (
	"errors"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/interop/webhook"
	"github.com/safarhq/safar/survey"
)

// Webhooks of a project (docs/integrations.md): a researcher sends a
// survey's or the whole project's events to a URL; the delivery log shows
// every message and attempt, and replays one.

type webhooksPage struct {
	Project  *survey.Project
	Surveys  []*survey.Survey
	Hooks    []webhookRow
	Events   []string
	Form     webhookForm
	Problems []survey.FieldError
	Created  *survey.Webhook // just created: its secret is shown once
}

type webhookRow struct {
	*survey.Webhook
	Survey             string
	Pending, Delivered int
	LastError          string
}

type webhookForm struct {
	URL, Survey string
	Events      map[string]bool
}

type webhookPage struct {
	Project  *survey.Project
	Hook     webhookRow
	Messages []webhookMessageView
}

type webhookMessageView struct {
	*survey.WebhookMessage
	Log []survey.WebhookAttempt
}

func (s *Server) showWebhooksPage(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	all := map[string]bool{}
	for _, e := range survey.WebhookEvents {
		all[e] = true
	}
	s.renderWebhooks(c, http.StatusOK, p, webhooksPage{Form: webhookForm{Events: all}})
}

func (s *Server) renderWebhooks(c *gin.Context, status int, p *survey.Project, page webhooksPage) {
	ctx := c.Request.Context()
	svs, err := s.store.Surveys(ctx, p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	hooks, err := s.store.Webhooks(ctx, p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	page.Project, page.Surveys, page.Events = p, svs, survey.WebhookEvents
	for _, h := range hooks {
		row, err := s.webhookRow(c, h, svs)
		if err != nil {
			s.appError(c, err)
			return
		}
		page.Hooks = append(page.Hooks, row)
	}
	s.renderApp(c, status, nil, "webhooks", "webhooks_title", page)
}

func (s *Server) webhookRow(c *gin.Context, h *survey.Webhook, svs []*survey.Survey) (webhookRow, error) {
	row := webhookRow{Webhook: h}
	for _, sv := range svs {
		if sv.ID == h.SurveyID {
			row.Survey = sv.Slug
		}
	}
	ms, err := s.store.WebhookMessages(c.Request.Context(), h.ID, 1000)
	for _, m := range ms {
		if m.DeliveredAt != nil {
			row.Delivered++
		} else {
			row.Pending++
			if row.LastError == "" {
				row.LastError = m.LastError
			}
		}
	}
	return row, err
}

// createWebhook stores a webhook with a new signing secret, shown once.
func (s *Server) createWebhook(c *gin.Context) {
	p, ok := s.projectParam(c)
	if !ok {
		return
	}
	form := webhookForm{URL: c.PostForm("url"), Survey: c.PostForm("survey"), Events: map[string]bool{}}
	w := &survey.Webhook{ProjectID: p.ID, URL: form.URL, Secret: survey.NewWebhookSecret()}
	for _, e := range c.PostFormArray("events") {
		form.Events[e] = true
		w.Events = append(w.Events, e)
	}
	var problems []survey.FieldError
	lang := currentUser(c).Lang
	if form.Survey != "" {
		sv, err := s.store.SurveyBySlug(c.Request.Context(), form.Survey)
		if err != nil || sv.ProjectID != p.ID {
			problems = append(problems, survey.FieldError{Field: "survey", Message: appText(lang, "webhook_not_in_project")})
		} else {
			w.SurveyID = sv.ID
		}
	}
	if u, err := url.Parse(w.URL); err == nil && !s.webhooksAllowPrivate {
		if a, err := netip.ParseAddr(u.Hostname()); err == nil && webhook.Private(a) {
			problems = append(problems, survey.FieldError{Field: "url", Message: appText(lang, "webhook_private")})
		}
	}
	err := errors.New("")
	if len(problems) == 0 {
		err = s.store.CreateWebhook(c.Request.Context(), w)
	}
	var ve *survey.ValidationError
	switch {
	case len(problems) > 0:
	case errors.As(err, &ve):
		problems = ve.Problems
	case err != nil:
		s.appError(c, err)
		return
	default:
		s.log.Info("webhook created", "project", p.ID, "webhook", w.ID, "user", currentUser(c).ID)
		s.renderWebhooks(c, http.StatusCreated, p, webhooksPage{Created: w, Form: webhookForm{Events: form.Events}})
		return
	}
	s.renderWebhooks(c, http.StatusUnprocessableEntity, p, webhooksPage{Form: form, Problems: problems})
}

// webhookParam loads :pid and its webhook :wid.
func (s *Server) webhookParam(c *gin.Context) (*survey.Project, *survey.Webhook, bool) {
	p, ok := s.projectParam(c)
	if !ok {
		return nil, nil, false
	}
	id, err := strconv.ParseInt(c.Param("wid"), 10, 64)
	if err != nil {
		s.appError(c, survey.ErrNotFound)
		return nil, nil, false
	}
	h, err := s.store.Webhook(c.Request.Context(), id)
	if err == nil && h.ProjectID != p.ID {
		err = survey.ErrNotFound
	}
	if err != nil {
		s.appError(c, err)
		return nil, nil, false
	}
	return p, h, true
}

func (s *Server) showWebhookPage(c *gin.Context) {
	p, h, ok := s.webhookParam(c)
	if !ok {
		return
	}
	ctx := c.Request.Context()
	svs, err := s.store.Surveys(ctx, p.ID)
	if err != nil {
		s.appError(c, err)
		return
	}
	row, err := s.webhookRow(c, h, svs)
	if err != nil {
		s.appError(c, err)
		return
	}
	page := webhookPage{Project: p, Hook: row}
	ms, err := s.store.WebhookMessages(ctx, h.ID, 100)
	if err != nil {
		s.appError(c, err)
		return
	}
	for _, m := range ms {
		log, err := s.store.WebhookAttempts(ctx, m.ID)
		if err != nil {
			s.appError(c, err)
			return
		}
		page.Messages = append(page.Messages, webhookMessageView{m, log})
	}
	s.renderApp(c, http.StatusOK, nil, "webhook", "webhook_title", page)
}

func (s *Server) deleteWebhook(c *gin.Context) {
	p, h, ok := s.webhookParam(c)
	if !ok {
		return
	}
	if err := s.store.DeleteWebhook(c.Request.Context(), h.ID); err != nil {
		s.appError(c, err)
		return
	}
	s.log.Info("webhook deleted", "project", p.ID, "webhook", h.ID, "user", currentUser(c).ID)
	c.Redirect(http.StatusSeeOther, "/app/projects/"+strconv.FormatInt(p.ID, 10)+"/webhooks")
}

// replayWebhookMessage sends a message again, under its first webhook-id.
func (s *Server) replayWebhookMessage(c *gin.Context) {
	p, h, ok := s.webhookParam(c)
	if !ok {
		return
	}
	mid, err := strconv.ParseInt(c.Param("mid"), 10, 64)
	if err == nil {
		err = s.store.ReplayWebhookMessage(c.Request.Context(), h.ID, mid)
	} else {
		err = survey.ErrNotFound
	}
	if err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, "/app/projects/"+strconv.FormatInt(p.ID, 10)+"/webhooks/"+strconv.FormatInt(h.ID, 10)+"?replayed=1")
}
