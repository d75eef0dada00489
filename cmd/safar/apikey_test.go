package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/web"
)

func TestAPIKeyCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	ctx := context.Background()
	store, err := gormstore.Open(ctx, db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []*survey.User{{Email: "res@example.com", Role: survey.RoleResearcher}, {Email: "view@example.com", Role: survey.RoleViewer}} {
		u.PasswordHash, u.Lang = "x", "en"
		if err := store.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()

	code, key, errs := runSafar(t, db, "apikey", "create", "--user", "Res@Example.com", "--name", "CRM sync", "--scopes", "responses:read,surveys:write")
	key = strings.TrimSpace(key)
	if code != 0 || !strings.HasPrefix(key, survey.APIKeyPrefix) || !strings.Contains(errs, "shown once") {
		t.Fatalf("create: %d %q %q", code, key, errs)
	}
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"viewer with write", []string{"--user", "view@example.com", "--name", "x", "--scopes", "surveys:write"}, "cannot change surveys"},
		{"unknown scope", []string{"--user", "res@example.com", "--name", "x", "--scopes", "everything"}, "unknown scope"},
		{"no name", []string{"--user", "res@example.com"}, "name"},
		{"unknown user", []string{"--user", "nobody@example.com", "--name", "x"}, "not found"},
	} {
		if code, out, errs := runSafar(t, db, append([]string{"apikey", "create"}, tt.args...)...); code == 0 || out != "" || !strings.Contains(errs, tt.want) {
			t.Errorf("%s: %d %q %q, want an error mentioning %q", tt.name, code, out, errs, tt.want)
		}
	}

	code, out, _ := runSafar(t, db, "apikey", "list")
	if code != 0 || !strings.Contains(out, "res@example.com") || !strings.Contains(out, "CRM sync") || !strings.Contains(out, key[:12]+"…") || strings.Contains(out, key) {
		t.Errorf("list: %q", out)
	}
	if code, out, _ := runSafar(t, db, "apikey", "list", "--user", "view@example.com"); code != 0 || strings.Contains(out, "CRM") {
		t.Errorf("list --user: %q", out)
	}

	// The key works against the server until it is revoked.
	call := func() int {
		store, err := gormstore.Open(ctx, db, gormstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		srv, err := web.New(web.Config{Store: store})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("POST", "/api/v1/projects/none/surveys", strings.NewReader("{}"))
		req.Header.Set("Authorization", "Bearer "+key)
		rec := httptest.NewRecorder()
		srv.Handler().ServeHTTP(rec, req)
		return rec.Code
	}
	if got := call(); got != http.StatusNotFound { // past the key check: no such project
		t.Errorf("with the key: %d, want 404", got)
	}
	if code, out, errs := runSafar(t, db, "apikey", "revoke", "1"); code != 0 || !strings.Contains(out, "revoked API key 1") {
		t.Fatalf("revoke: %d %q %q", code, out, errs)
	}
	if got := call(); got != http.StatusUnauthorized {
		t.Errorf("revoked key: %d, want 401", got)
	}
	if code, _, errs := runSafar(t, db, "apikey", "revoke", "7"); code == 0 || !strings.Contains(errs, "not found") {
		t.Errorf("revoke unknown: %d %q", code, errs)
	}
}
