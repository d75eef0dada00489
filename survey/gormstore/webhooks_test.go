package gormstore_test

import (
	"context"
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

func mustWebhook(t *testing.T, s *gormstore.Store, sv *survey.Survey, events ...string) *survey.Webhook {
	t.Helper()
	w := &survey.Webhook{ProjectID: sv.ProjectID, SurveyID: sv.ID, URL: "https://hooks.example.com/safar", Secret: survey.NewWebhookSecret(), Events: events}
	if err := s.CreateWebhook(context.Background(), w); err != nil {
		t.Fatal(err)
	}
	return w
}

// payloads returns the outbox of w, oldest first, as decoded bodies.
func payloads(t *testing.T, s *gormstore.Store, w *survey.Webhook) []map[string]any {
	t.Helper()
	ms, err := s.WebhookMessages(context.Background(), w.ID, 100)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]map[string]any, len(ms))
	for i, m := range ms {
		var body map[string]any
		if err := json.Unmarshal(m.Payload, &body); err != nil {
			t.Fatal(err)
		}
		out[len(ms)-1-i] = body
	}
	return out
}

// TestWebhookEventsEnterTheOutboxWithTheirChange: every acknowledged
// change has its message, written in the same transaction, on both the
// bulk path (concurrent new responses) and the slow one (partial ->
// complete), and only for the events the webhook chose.
func TestWebhookEventsEnterTheOutboxWithTheirChange(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		all := mustWebhook(t, s, sv, survey.WebhookEvents...)
		doneOnly := mustWebhook(t, s, sv, survey.EventResponseCompleted)

		// Concurrent complete submissions share group commits.
		var wg sync.WaitGroup
		for i := range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "c" + string(rune('a'+i)), Status: survey.Complete, Answers: surveytest.FullAnswers()}
				if _, _, err := s.SaveResponse(ctx, r); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		// A partial response saved, then completed.
		p := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "partial", Status: survey.Partial, Answers: survey.Answers{"age": {Choice: "18-24"}}}
		stored, _, err := s.SaveResponse(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		p.Status, p.Answers = survey.Complete, surveytest.FullAnswers()
		if _, _, err := s.SaveResponse(ctx, p); err != nil {
			t.Fatal(err)
		}
		// A repeated final submit stores nothing and sends nothing.
		if _, _, err := s.SaveResponse(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteResponse(ctx, stored.ID); err != nil {
			t.Fatal(err)
		}
		count := func(bodies []map[string]any) map[string]int {
			n := map[string]int{}
			for _, b := range bodies {
				n[b["type"].(string)]++
			}
			return n
		}
		got := count(payloads(t, s, all))
		want := map[string]int{survey.EventResponseCompleted: 21, survey.EventResponseUpdated: 1, survey.EventResponseDeleted: 1}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("all-events webhook: %d %s messages, want %d (%v)", got[k], k, v, got)
			}
		}
		if got := count(payloads(t, s, doneOnly)); len(got) != 1 || got[survey.EventResponseCompleted] != 21 {
			t.Errorf("completed-only webhook got %v", got)
		}
		last := payloads(t, s, all)
		data := last[len(last)-2]["data"].(map[string]any) // the completion before the deletion
		if data["survey"] != "all-types" || data["client_id"] != "partial" || data["answers"].(map[string]any)["nickname"] != "Sara" {
			t.Errorf("completed payload data: %v", data)
		}
	})
}

// TestWebhookOutboxClaims: two processes claiming at once never get the
// same message; a lease that runs out (a crashed sender) frees it; a
// failure makes it due later; replay makes it due now with the same id.
func TestWebhookOutboxClaims(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		w := mustWebhook(t, s, sv, survey.EventResponseCompleted)
		for i := range 30 {
			r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: "k" + string(rune('A'+i)), Status: survey.Complete, Answers: surveytest.FullAnswers()}
			if _, _, err := s.SaveResponse(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		seen := map[int64]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					ms, err := s.ClaimWebhookMessages(ctx, 4, time.Minute)
					if err != nil {
						t.Error(err)
						return
					}
					if len(ms) == 0 {
						return
					}
					mu.Lock()
					for _, m := range ms {
						seen[m.ID]++
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if len(seen) != 30 {
			t.Fatalf("claimed %d distinct messages, want 30", len(seen))
		}
		for id, n := range seen {
			if n != 1 {
				t.Fatalf("message %d claimed %d times", id, n)
			}
		}
		// Leases of 1 ms run out: a crashed sender's messages come back.
		ms, _ := s.WebhookMessages(ctx, w.ID, 1)
		if err := s.ReplayWebhookMessage(ctx, w.ID, ms[0].ID); err != nil {
			t.Fatal(err)
		}
		again, err := s.ClaimWebhookMessages(ctx, 100, time.Millisecond)
		if err != nil || len(again) != 1 || again[0].MsgID != ms[0].MsgID {
			t.Fatalf("replayed message not claimable: %v %d", err, len(again))
		}
		time.Sleep(5 * time.Millisecond)
		if back, _ := s.ClaimWebhookMessages(ctx, 100, time.Minute); len(back) != 1 {
			t.Fatalf("expired lease: %d messages back, want 1", len(back))
		}
		next := time.Now().Add(time.Hour)
		if err := s.RecordWebhookAttempt(ctx, survey.WebhookAttempt{MessageID: again[0].ID, At: time.Now(), Status: 503, Error: "receiver answered 503"}, false, next); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.ClaimWebhookMessages(ctx, 100, time.Minute); len(due) != 0 {
			t.Errorf("a failed message is due before its backoff: %d", len(due))
		}
		atts, err := s.WebhookAttempts(ctx, again[0].ID)
		if err != nil || len(atts) != 1 || atts[0].Status != 503 {
			t.Errorf("attempt log: %v %+v", err, atts)
		}
		if err := s.DeleteWebhook(ctx, w.ID); err != nil {
			t.Fatal(err)
		}
		if left, _ := s.WebhookMessages(ctx, w.ID, 10); len(left) != 0 {
			t.Errorf("%d messages outlive their webhook", len(left))
		}
	})
}

func TestWebhookValidation(t *testing.T) {
	s := storetest.MustOpenTemp(t)
	sv := mustCreateSurvey(t, s, survey.Published)
	for _, w := range []*survey.Webhook{
		{URL: "ftp://example.com", Secret: survey.NewWebhookSecret(), Events: []string{survey.EventResponseCompleted}},
		{URL: "https://user:pw@example.com", Secret: survey.NewWebhookSecret(), Events: []string{survey.EventResponseCompleted}},
		{URL: "https://example.com", Secret: "plain", Events: []string{survey.EventResponseCompleted}},
		{URL: "https://example.com", Secret: survey.NewWebhookSecret(), Events: []string{"response.exploded"}},
		{URL: "https://example.com", Secret: survey.NewWebhookSecret()},
	} {
		w.ProjectID = sv.ProjectID
		if err := s.CreateWebhook(context.Background(), w); err == nil {
			t.Errorf("stored an invalid webhook %+v", w)
		}
	}
}
