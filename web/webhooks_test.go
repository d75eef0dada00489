package web_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/interop/webhook"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestWebhookPages: a researcher adds a webhook (its secret shown once),
// a private address is refused, a completed response shows in the log
// after a failed delivery, replay queues it again, delete removes it; a
// viewer cannot see any of it.
func TestWebhookPages(t *testing.T) {
	w := newWorkspace(t)
	base := "/app/projects/" + w.pid() + "/webhooks"
	w.login("view@example.com").get(base).want(http.StatusForbidden)

	b := w.login("res@example.com")
	b.get("/app/projects/"+w.pid()).want(http.StatusOK, base)
	b.get(base).want(http.StatusOK, "No webhooks yet.")
	b.post(base, url.Values{"url": {"http://127.0.0.1:9/x"}, "events": {survey.EventResponseCompleted}}).
		want(http.StatusUnprocessableEntity, "loopback, private")
	b.post(base, url.Values{"url": {"ftp://example.com"}, "events": {survey.EventResponseCompleted}}).
		want(http.StatusUnprocessableEntity, "must use http or https")
	b.post(base, url.Values{"url": {"https://receiver.invalid/hook"}, "survey": {w.survey.Slug}, "events": {survey.EventResponseCompleted, survey.EventResponseDeleted}}).
		want(http.StatusCreated, "https://receiver.invalid/hook", "whsec_")
	created := html.UnescapeString(b.body)

	// A respondent completes the survey: the event waits in the outbox.
	r := &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "hook-1", Status: survey.Complete, Answers: surveytest.FullAnswers()}
	if _, _, err := w.store.SaveResponse(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	hooks, _ := w.store.Webhooks(context.Background(), w.project.ID)
	if len(hooks) != 1 || !strings.Contains(created, hooks[0].Secret) {
		t.Fatalf("stored webhooks %+v, secret not shown once at creation", hooks)
	}
	secret := hooks[0].Secret
	// The receiver does not resolve: the attempt is logged with its error.
	(&webhook.Sender{Store: w.store}).DeliverDue(context.Background())
	page := base + "/" + itoa(hooks[0].ID)
	b.get(page).want(http.StatusOK, "response.completed", "retrying", "receiver.invalid")
	if !strings.Contains(html.UnescapeString(b.body), secret) {
		t.Error("the webhook page does not show its secret to an editor")
	}
	ms, _ := w.store.WebhookMessages(context.Background(), hooks[0].ID, 10)
	b.post(page+"/messages/"+itoa(ms[0].ID)+"/replay", url.Values{}).wantRedirect(page + "?replayed=1")
	if ms, _ = w.store.WebhookMessages(context.Background(), hooks[0].ID, 10); ms[0].Attempts != 0 {
		t.Errorf("replay did not reset the message: %+v", ms[0])
	}
	b.get(base).want(http.StatusOK, "https://receiver.invalid/hook", "all-types")
	b.post(page+"/delete", url.Values{}).wantRedirect(base)
	b.get(page).want(http.StatusNotFound)
	if strings.Contains(html.UnescapeString(b.body), secret) {
		t.Error("secret shown after delete")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestWebhookProblemsInTheReadersLanguage: a Persian researcher's refused
// webhook says why in Persian (it was English on the Persian page).
func TestWebhookProblemsInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	base := "/app/projects/" + w.pid() + "/webhooks"
	b := w.login("fa@example.com")
	b.get(base).want(http.StatusOK)
	b.post(base, url.Values{"url": {"ftp://example.com"}, "events": {"response.made"}}).want(http.StatusUnprocessableEntity,
		"باید http یا https باشد، نه «ftp»", "رویداد ناشناخته «response.made»")
	b.post(base, url.Values{"url": {"http://127.0.0.1:9/x"}, "survey": {"nope"}, "events": {survey.EventResponseCompleted}}).want(http.StatusUnprocessableEntity,
		"گیرنده نشانی loopback، خصوصی یا link-local است", "پرسشنامه‌ای از این پروژه نیست")
	for _, en := range []string{"must use", "unknown event", "loopback, private", "not a survey"} {
		if strings.Contains(b.body, en) {
			t.Errorf("the Persian page says %q", en)
		}
	}
}
