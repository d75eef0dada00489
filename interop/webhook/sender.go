// Package webhook delivers the webhook outbox: it claims due messages from
// the store (safely across several server processes), posts each to its
// receiver signed by the Standard Webhooks scheme, and records every
// attempt, retrying with backoff until the receiver answers 2xx.
package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/safarhq/safar/survey"
)

// Sender delivers webhook messages.
type Sender struct {
	Store survey.WebhookStore
	Log   *slog.Logger
	// AllowPrivate lets deliveries reach loopback and private addresses
	// (an operator's choice: `serve --webhooks-allow-private`). Off, a
	// receiver URL that resolves there is refused at connect time, so a
	// researcher cannot make the server call its own network (SSRF).
	AllowPrivate bool
	Batch        int           // messages claimed at a time (default 16)
	Lease        time.Duration // how long a claim holds (default 1 min)
	Poll         time.Duration // wait when nothing is due (default 1 s)
	Timeout      time.Duration // per request (default 10 s)

	once   sync.Once
	client *http.Client
}

func (s *Sender) init() {
	s.once.Do(func() {
		if s.Batch == 0 {
			s.Batch = 16
		}
		if s.Lease == 0 {
			s.Lease = time.Minute
		}
		if s.Poll == 0 {
			s.Poll = time.Second
		}
		if s.Timeout == 0 {
			s.Timeout = 10 * time.Second
		}
		if s.Log == nil {
			s.Log = slog.New(slog.DiscardHandler)
		}
		dialer := &net.Dialer{Timeout: s.Timeout}
		if !s.AllowPrivate {
			dialer.Control = refusePrivate
		}
		s.client = &http.Client{
			Timeout: s.Timeout,
			Transport: &http.Transport{Proxy: nil, DialContext: dialer.DialContext, MaxIdleConnsPerHost: 4,
				TLSHandshakeTimeout: s.Timeout, ResponseHeaderTimeout: s.Timeout},
			// A redirect is not a delivery: it could point anywhere.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	})
}

// Run delivers until ctx ends.
func (s *Sender) Run(ctx context.Context) {
	s.init()
	for ctx.Err() == nil {
		n, err := s.DeliverDue(ctx)
		if err != nil && ctx.Err() == nil {
			s.Log.Error("webhook outbox", "err", err)
		}
		if n == 0 || err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(s.Poll):
			}
		}
	}
}

// DeliverDue claims one batch of due messages and delivers them; it
// returns how many it tried.
func (s *Sender) DeliverDue(ctx context.Context) (int, error) {
	s.init()
	msgs, err := s.Store.ClaimWebhookMessages(ctx, s.Batch, s.Lease)
	if err != nil || len(msgs) == 0 {
		return 0, err
	}
	hooks := map[int64]*survey.Webhook{}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for _, m := range msgs {
		h, ok := hooks[m.WebhookID]
		if !ok {
			if h, err = s.Store.Webhook(ctx, m.WebhookID); err != nil {
				if errors.Is(err, survey.ErrNotFound) {
					continue // deleted meanwhile, with its messages
				}
				return len(msgs), err
			}
			hooks[m.WebhookID] = h
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			s.deliver(ctx, h, m)
		}()
	}
	wg.Wait()
	return len(msgs), nil
}

// deliver posts one message and records the attempt.
func (s *Sender) deliver(ctx context.Context, h *survey.Webhook, m *survey.WebhookMessage) {
	start := time.Now()
	status, err := s.post(ctx, h, m, start)
	a := survey.WebhookAttempt{MessageID: m.ID, At: start, Status: status, Duration: time.Since(start)}
	ok := err == nil && status >= 200 && status < 300
	if !ok {
		if err == nil {
			err = fmt.Errorf("receiver answered %d", status)
		}
		a.Error = err.Error()
	}
	next := start.Add(survey.WebhookBackoff(m.Attempts + 1))
	if rerr := s.Store.RecordWebhookAttempt(context.WithoutCancel(ctx), a, ok, next); rerr != nil {
		s.Log.Error("webhook attempt not recorded", "message", m.MsgID, "err", rerr)
	}
	if !ok {
		s.Log.Warn("webhook delivery failed", "webhook", h.ID, "message", m.MsgID, "attempt", m.Attempts+1, "err", a.Error)
	}
}

func (s *Sender) post(ctx context.Context, h *survey.Webhook, m *survey.WebhookMessage, at time.Time) (int, error) {
	sig, err := survey.SignWebhook(h.Secret, m.MsgID, at, m.Payload)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.URL, bytes.NewReader(m.Payload))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Safar-Webhooks/1")
	req.Header.Set("webhook-id", m.MsgID)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(at.Unix(), 10))
	req.Header.Set("webhook-signature", sig)
	resp, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}

// ErrPrivateAddress is why a delivery to a loopback or private address
// was refused.
var ErrPrivateAddress = errors.New("the receiver resolves to a loopback, private or link-local address; an operator can allow that with --webhooks-allow-private")

// refusePrivate runs as the dialer connects, after name resolution, so a
// host name that resolves to an internal address is refused too.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return err
	}
	if Private(ap.Addr()) {
		return fmt.Errorf("%s: %w", address, ErrPrivateAddress)
	}
	return nil
}

var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Private reports whether a is an address a webhook must not reach unless
// allowed: loopback, private, link-local, unspecified, multicast, CGNAT.
func Private(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsLoopback() || a.IsPrivate() || a.IsLinkLocalUnicast() || a.IsLinkLocalMulticast() ||
		a.IsUnspecified() || a.IsMulticast() || a.IsInterfaceLocalMulticast() || cgnat.Contains(a) ||
		(a.Is4() && a.As4()[0] == 0)
}
