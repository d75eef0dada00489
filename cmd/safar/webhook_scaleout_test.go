package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/gormstore/storetest"
)

// TestWebhooksTwoServersOnePostgres: two `safar serve` processes share one
// PostgreSQL; responses go to both; a receiver that fails every message's
// first attempt still gets every message, signed, each under one webhook-id,
// from whichever process claimed it. Needs SAFAR_TEST_POSTGRES; skipped
// with -short.
func TestWebhooksTwoServersOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts two server processes; skipped with -short")
	}
	dsn := os.Getenv(storetest.PostgresEnv)
	if dsn == "" {
		t.Skipf("skipping: set %s to run two servers against one PostgreSQL", storetest.PostgresEnv)
	}
	var mu sync.Mutex
	attempts := map[string]int{} // webhook-id -> attempts seen
	bodies := map[string]string{}
	recv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		id := r.Header.Get("webhook-id")
		mu.Lock()
		defer mu.Unlock()
		attempts[id]++
		if attempts[id] == 1 {
			w.WriteHeader(http.StatusBadGateway) // the receiver is "down" the first time
			return
		}
		bodies[id] = string(b)
	}))
	defer recv.Close()

	bin := buildSafar(t)
	schemaDSN, drop := pgtest.TempSchema(t, dsn)
	t.Cleanup(drop)
	runSafarBin(t, bin, nil, "demo", "--db", schemaDSN, "--responses", "1")
	out := runSafarBin(t, bin, nil, "webhook", "add", "--survey", "demo-en", "--url", recv.URL+"/in", "--events", survey.EventResponseCompleted, "--db", schemaDSN)
	if !strings.Contains(out, "whsec_") {
		t.Fatalf("webhook add: %s", out)
	}
	a := startServe(t, bin, "A", schemaDSN, "--webhooks-allow-private")
	b := startServe(t, bin, "B", schemaDSN, "--webhooks-allow-private")
	a.waitHealthy(t)
	b.waitHealthy(t)

	def, err := fetchDefinition(context.Background(), a.base, "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	templates, _, err := submitBodies(def, 8)
	if err != nil {
		t.Fatal(err)
	}
	const n = 40
	cids := map[string]bool{}
	c := &http.Client{Timeout: 10 * time.Second}
	for i := range n {
		base := a.base
		if i%2 == 1 {
			base = b.base
		}
		cid := uuid.NewString()
		cids[cid] = true
		body := fmt.Sprintf(templates[i%len(templates)], cid)
		if res := postResponse(t, c, base, "demo-en", body); res.status != http.StatusCreated {
			t.Fatalf("response %d: status %d %v", i, res.status, res.body)
		}
	}
	deadline := time.Now().Add(90 * time.Second) // first attempts, then 5 s backoff
	for {
		mu.Lock()
		got := len(bodies)
		mu.Unlock()
		if got == n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d messages delivered within 90 s\nA:\n%s\nB:\n%s", got, n, a.logs.String(), b.logs.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	clients := map[string]bool{}
	for id, body := range bodies {
		if attempts[id] != 2 {
			t.Errorf("message %s tried %d times, want 2 (one failure, one delivery)", id, attempts[id])
		}
		for cid := range cids {
			if strings.Contains(body, `"client_id":"`+cid+`"`) {
				clients[cid] = true
			}
		}
	}
	if len(clients) != n {
		t.Errorf("deliveries cover %d of %d responses", len(clients), n)
	}
	a.stop(t)
	b.stop(t)
}
