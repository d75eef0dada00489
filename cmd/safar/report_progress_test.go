package main

import (
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	var out lockedBuffer // scaleout_procs_test.go
	p := newProgressLine(&out, true, time.Millisecond)
	p.setTotal(1000)
	p.setPhase("loading responses")
	p.setRead(400)
	waitFor(t, &out, "loading responses: 400 of 1000 responses read")
	p.setPhase("workbook")
	for range 250 {
		p.row()
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "workbook: 250 of 1000 responses written") {
		if time.Now().After(deadline) {
			t.Fatalf("no progress line; wrote %q", out.String())
		}
		time.Sleep(time.Millisecond)
	}
	p.close()
	p.close() // the deferred close after the explicit one
	if got := out.String(); !strings.HasSuffix(got, "\r\033[K") {
		t.Errorf("line not cleared at the end: %q", got[max(0, len(got)-20):])
	}

	off := newProgressLine(&out, false, time.Millisecond)
	off.setTotal(10)
	off.setPhase("x")
	off.row()
	off.close()
	if isTerminal(&out) {
		t.Error("a buffer counted as a terminal")
	}
}

// waitFor waits until out holds want.
func waitFor(t *testing.T, out *lockedBuffer, want string) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), want) {
		if time.Now().After(deadline) {
			t.Fatalf("no progress line %q; wrote %q", want, out.String())
		}
		time.Sleep(time.Millisecond)
	}
}
