package web

import (
	"context"
	"sync"
	"testing"
	"time"
)

func TestLoginLimiterPerAddressAndPair(t *testing.T) {
	l := newLoginLimiter()
	now := time.Now()
	// One account from one address: 5 tries.
	for i := range loginPairBurst {
		if ok, _ := l.allow("192.0.2.1", "a@example.com", now); !ok {
			t.Fatalf("try %d refused", i+1)
		}
	}
	if ok, wait := l.allow("192.0.2.1", "a@example.com", now); ok || wait <= 0 {
		t.Fatalf("6th try on one account: ok=%v wait=%v", ok, wait)
	}
	// New e-mails from that address: the address's bucket runs out.
	allowed := loginPairBurst
	for i := range 100 {
		if ok, _ := l.allow("192.0.2.1", string(rune('b'+i%20))+"@example.com", now); ok {
			allowed++
		}
	}
	if allowed != loginAddrBurst {
		t.Errorf("%d tries allowed from one address, want %d", allowed, loginAddrBurst)
	}
	// Another address is not affected, and the bucket refills.
	if ok, _ := l.allow("192.0.2.2", "a@example.com", now); !ok {
		t.Error("another address refused")
	}
	if ok, _ := l.allow("192.0.2.1", "new@example.com", now.Add(loginAddrEvery)); !ok {
		t.Error("no try after the address's interval")
	}
}

// TestBcryptGate: at most n hashes at once, queue more, refuse past that.
func TestBcryptGate(t *testing.T) {
	g := newBcryptGate(1, 2)
	release := make(chan struct{})
	var started, finished sync.WaitGroup
	started.Add(1)
	finished.Add(3)
	go func() { defer finished.Done(); g.do(context.Background(), func() { started.Done(); <-release }) }()
	started.Wait()
	ran := make(chan int, 2)
	for i := range 2 { // these two queue
		go func() { defer finished.Done(); g.do(context.Background(), func() { ran <- i }) }()
	}
	for len(g.admitted) < 3 {
		time.Sleep(time.Millisecond)
	}
	if g.do(context.Background(), func() { t.Error("ran past a full queue") }) {
		t.Error("a fourth try was admitted with one running and two queued")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	close(release)
	finished.Wait()
	if len(ran) != 2 {
		t.Errorf("%d queued tries ran, want 2", len(ran))
	}
	if g.do(ctx, func() {}) && len(g.slots) != 0 {
		t.Error("slot not released")
	}
}
