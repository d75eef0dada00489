package survey

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Webhook events. A receiver subscribes to some of them.
const (
	EventResponseCompleted = "response.completed"
	EventResponseUpdated   = "response.updated" // a partial response saved more answers
	EventResponseDeleted   = "response.deleted"
	EventAnalysisFinished  = "analysis.finished"
)

// WebhookEvents lists every event, in the order the UI offers them.
var WebhookEvents = []string{EventResponseCompleted, EventResponseUpdated, EventResponseDeleted, EventAnalysisFinished}

// Webhook sends a survey's (or a whole project's) events to a URL a
// researcher configured, signed by the Standard Webhooks scheme.
type Webhook struct {
	ID        int64
	ProjectID int64 // the project whose surveys it follows
	SurveyID  int64 // 0: every survey of the project
	URL       string
	Secret    string // "whsec_" + base64 of the signing key
	Events    []string
	Active    bool
	CreatedAt time.Time
}

// Wants reports whether the webhook subscribes to event.
func (w *Webhook) Wants(event string) bool { return slices.Contains(w.Events, event) }

// WebhookMessage is one event for one webhook, kept in the outbox until its
// receiver answers 2xx; it is retried with backoff meanwhile.
type WebhookMessage struct {
	ID          int64
	WebhookID   int64
	MsgID       string // webhook-id: the same on every attempt, so receivers can drop repeats
	Type        string
	Payload     []byte // the JSON body, fixed when the event happened
	Attempts    int
	NextAt      time.Time
	DeliveredAt *time.Time
	LastStatus  int
	LastError   string
	CreatedAt   time.Time
}

// WebhookAttempt is one delivery attempt, for the delivery log.
type WebhookAttempt struct {
	MessageID int64
	At        time.Time
	Status    int // HTTP status, 0 when no answer came
	Error     string
	Duration  time.Duration
}

// WebhookStore keeps webhooks, their outbox and the delivery log. Events
// enter the outbox in the same transaction as the change they report, so
// an acknowledged response always has its event.
type WebhookStore interface {
	CreateWebhook(ctx context.Context, w *Webhook) error
	Webhooks(ctx context.Context, projectID int64) ([]*Webhook, error)
	Webhook(ctx context.Context, id int64) (*Webhook, error)
	DeleteWebhook(ctx context.Context, id int64) error
	// ClaimWebhookMessages leases up to n due messages for lease; another
	// process does not get them until the lease runs out.
	ClaimWebhookMessages(ctx context.Context, n int, lease time.Duration) ([]*WebhookMessage, error)
	// RecordWebhookAttempt logs an attempt; delivered ends the message's
	// retries, otherwise it is due again at next (zero: given up).
	RecordWebhookAttempt(ctx context.Context, a WebhookAttempt, delivered bool, next time.Time) error
	WebhookMessages(ctx context.Context, webhookID int64, limit int) ([]*WebhookMessage, error)
	WebhookAttempts(ctx context.Context, messageID int64) ([]WebhookAttempt, error)
	// ReplayWebhookMessage makes a message due now again, keeping its id.
	ReplayWebhookMessage(ctx context.Context, webhookID, messageID int64) error
}

// NewWebhookSecret makes a signing secret in the Standard Webhooks form.
func NewWebhookSecret() string {
	key := make([]byte, 32)
	rand.Read(key)
	return "whsec_" + base64.StdEncoding.EncodeToString(key)
}

// ValidateWebhook checks a webhook before it is stored: an http(s) URL
// without credentials, a whsec_ secret of 24 to 64 bytes, known events.
// Whether the host is private is checked at delivery, when it is resolved.
func ValidateWebhook(w *Webhook) error {
	var p problems
	u, err := url.Parse(w.URL)
	switch {
	case err != nil || u.Host == "":
		p.addCode("url", "hook_url")
	case u.Scheme != "http" && u.Scheme != "https":
		p.addCode("url", "hook_scheme", u.Scheme)
	case u.User != nil:
		p.addCode("url", "hook_userinfo")
	case len(w.URL) > 2000:
		p.addCode("url", "hook_url_long")
	}
	if key, err := webhookKey(w.Secret); err != nil {
		p.add("secret", "%v", err)
	} else if len(key) < 24 || len(key) > 64 {
		p.add("secret", "the key must be 24 to 64 bytes (got %d)", len(key))
	}
	if len(w.Events) == 0 {
		p.addCode("events", "hook_no_events")
	}
	for _, e := range w.Events {
		if !slices.Contains(WebhookEvents, e) {
			p.addCode("events", "hook_event", e, strings.Join(WebhookEvents, ", "))
		}
	}
	return p.err()
}

func webhookKey(secret string) ([]byte, error) {
	b64, ok := strings.CutPrefix(secret, "whsec_")
	if !ok {
		return nil, fmt.Errorf("must start with whsec_ (the Standard Webhooks form)")
	}
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fmt.Errorf("the part after whsec_ must be base64")
	}
	return key, nil
}

// SignWebhook is the webhook-signature header for a message: "v1," and the
// base64 HMAC-SHA256 of "id.timestamp.body" under the secret's key.
func SignWebhook(secret, msgID string, ts time.Time, body []byte) (string, error) {
	key, err := webhookKey(secret)
	if err != nil {
		return "", err
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(msgID + "." + strconv.FormatInt(ts.Unix(), 10) + "."))
	mac.Write(body)
	return "v1," + base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

// WebhookBackoff is the wait before retry n (1-based) after a failure:
// 5 s, 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, then every 6 h. Delivery
// gives up after WebhookMaxAttempts (about three days); a researcher can
// replay the message from the delivery log.
func WebhookBackoff(n int) time.Duration {
	steps := []time.Duration{5 * time.Second, 30 * time.Second, 2 * time.Minute, 10 * time.Minute, 30 * time.Minute, time.Hour, 3 * time.Hour}
	if n-1 < len(steps) {
		return steps[max(n-1, 0)]
	}
	return 6 * time.Hour
}

// WebhookMaxAttempts is how many times a message is tried before it waits
// for a replay.
const WebhookMaxAttempts = 18
