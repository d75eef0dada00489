package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestWebhookCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	if code, _, errs := runSafar(t, db, "demo"); code != 0 {
		t.Fatal(errs)
	}
	code, out, errs := runSafar(t, db, "webhook", "add", "--survey", "demo-en", "--url", "https://crm.example.com/in", "--events", "response.completed")
	if code != 0 || !strings.Contains(out, "webhook 1 sends response.completed to https://crm.example.com/in") || !strings.Contains(out, "whsec_") {
		t.Fatalf("add: %d %q %q", code, out, errs)
	}
	if code, _, errs := runSafar(t, db, "webhook", "add", "--project", "demo", "--url", "ftp://x", "--secret", "nope"); code == 0 || !strings.Contains(errs, "url") || !strings.Contains(errs, "secret") {
		t.Errorf("bad webhook: %d %q", code, errs)
	}
	code, out, _ = runSafar(t, db, "webhook", "list")
	if code != 0 || !strings.Contains(out, "https://crm.example.com/in") || !strings.Contains(out, "response.completed") {
		t.Errorf("list: %q", out)
	}
	if code, out, _ := runSafar(t, db, "webhook", "remove", "1"); code != 0 || !strings.Contains(out, "removed webhook 1") {
		t.Errorf("remove: %q", out)
	}
	if code, _, errs := runSafar(t, db, "webhook", "remove", "1"); code == 0 || !strings.Contains(errs, "not found") {
		t.Errorf("remove twice: %q", errs)
	}
}
