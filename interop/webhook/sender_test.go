package webhook_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/safarhq/safar/interop/webhook"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestSignatureVector checks the signing against the example in the
// Standard Webhooks specification.
func TestSignatureVector(t *testing.T) {
	sig, err := survey.SignWebhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
		time.Unix(1614265330, 0), []byte(`{"test": 2432232314}`))
	if err != nil || sig != "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=" {
		t.Fatalf("signature %q, %v", sig, err)
	}
}

type fixture struct {
	store *gormstore.Store
	sv    *survey.Survey
	hook  *survey.Webhook
}

func newFixture(t *testing.T, url string) *fixture {
	t.Helper()
	ctx := context.Background()
	s := storetest.MustOpenTemp(t)
	p, err := s.EnsureProject(ctx, "p", "P")
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}
	if err := s.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	h := &survey.Webhook{ProjectID: p.ID, URL: url, Secret: survey.NewWebhookSecret(), Events: []string{survey.EventResponseCompleted}}
	if err := s.CreateWebhook(ctx, h); err != nil {
		t.Fatal(err)
	}
	return &fixture{s, sv, h}
}

func (f *fixture) respond(t *testing.T, client string) {
	t.Helper()
	r := &survey.Response{SurveyID: f.sv.ID, SurveyVersion: 1, ClientID: client, Status: survey.Complete, Answers: surveytest.FullAnswers()}
	if _, _, err := f.store.SaveResponse(context.Background(), r); err != nil {
		t.Fatal(err)
	}
}

// TestDeliveryAtLeastOnce: a receiver that is down (503) keeps the message
// in the outbox with backoff; once it is up the message arrives, signed,
// with the same webhook-id on every attempt.
func TestDeliveryAtLeastOnce(t *testing.T) {
	var up atomic.Bool
	var mu sync.Mutex
	var ids []string
	var got *http.Request
	var body []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		defer mu.Unlock()
		ids = append(ids, r.Header.Get("webhook-id"))
		if !up.Load() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		got, body = r, b
	}))
	defer srv.Close()
	f := newFixture(t, srv.URL+"/hook")
	f.respond(t, "one")
	s := &webhook.Sender{Store: f.store, AllowPrivate: true}
	ctx := context.Background()
	if n, err := s.DeliverDue(ctx); n != 1 || err != nil {
		t.Fatalf("first round: %d %v", n, err)
	}
	ms, _ := f.store.WebhookMessages(ctx, f.hook.ID, 10)
	if ms[0].DeliveredAt != nil || ms[0].Attempts != 1 || ms[0].LastStatus != 503 || time.Until(ms[0].NextAt) < 3*time.Second {
		t.Fatalf("after a 503: %+v", ms[0])
	}
	if n, _ := s.DeliverDue(ctx); n != 0 {
		t.Fatal("retried before its backoff")
	}
	// The operator replays it once the receiver is back.
	up.Store(true)
	if err := f.store.ReplayWebhookMessage(ctx, f.hook.ID, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	if n, err := s.DeliverDue(ctx); n != 1 || err != nil {
		t.Fatalf("replay: %d %v", n, err)
	}
	ms, _ = f.store.WebhookMessages(ctx, f.hook.ID, 10)
	if ms[0].DeliveredAt == nil {
		t.Fatalf("not delivered: %+v", ms[0])
	}
	if len(ids) != 2 || ids[0] != ids[1] || !strings.HasPrefix(ids[0], "msg_") {
		t.Errorf("webhook-id across attempts: %q", ids)
	}
	ts, _ := strconv.ParseInt(got.Header.Get("webhook-timestamp"), 10, 64)
	want, _ := survey.SignWebhook(f.hook.Secret, ids[1], time.Unix(ts, 0), body)
	if got.Header.Get("webhook-signature") != want || got.Header.Get("Content-Type") != "application/json" {
		t.Errorf("signature %q, want %q", got.Header.Get("webhook-signature"), want)
	}
	if !strings.Contains(string(body), `"type":"response.completed"`) || !strings.Contains(string(body), `"client_id":"one"`) {
		t.Errorf("body %s", body)
	}
	if atts, _ := f.store.WebhookAttempts(ctx, ms[0].ID); len(atts) != 2 || atts[0].Status != 503 || atts[1].Status != 200 {
		t.Errorf("delivery log %+v", atts)
	}
}

// TestPrivateAddressesRefused: without the operator's flag, a receiver on
// loopback is refused at connect time and the refusal is logged.
func TestPrivateAddressesRefused(t *testing.T) {
	hit := false
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { hit = true }))
	defer srv.Close()
	f := newFixture(t, strings.Replace(srv.URL, "127.0.0.1", "localhost", 1))
	f.respond(t, "x")
	s := &webhook.Sender{Store: f.store}
	if n, _ := s.DeliverDue(context.Background()); n != 1 {
		t.Fatal("nothing tried")
	}
	ms, _ := f.store.WebhookMessages(context.Background(), f.hook.ID, 1)
	if hit || ms[0].DeliveredAt != nil || !strings.Contains(ms[0].LastError, "--webhooks-allow-private") {
		t.Fatalf("hit=%v message %+v", hit, ms[0])
	}
	for _, a := range []string{"127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254", "::1", "fe80::1", "100.64.0.1", "0.0.0.0", "::ffff:127.0.0.1"} {
		if !webhook.Private(netip.MustParseAddr(a)) {
			t.Errorf("%s not treated as private", a)
		}
	}
	if webhook.Private(netip.MustParseAddr("93.184.216.34")) {
		t.Error("a public address treated as private")
	}
}

// TestRunStopsWithItsContext: the loop ends when the server shuts down.
func TestRunStopsWithItsContext(t *testing.T) {
	f := newFixture(t, "https://hooks.example.com/")
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan struct{})
	go func() { (&webhook.Sender{Store: f.store, Poll: 10 * time.Millisecond}).Run(ctx); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not stop")
	}
}
