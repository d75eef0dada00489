package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
)

// userCLI runs safar commands on db with stdin and SAFAR_PASSWORD, and
// returns the exit code, stdout and stderr.
func userCLI(db string) func(stdin, password string, args ...string) (int, string, string) {
	return func(stdin, password string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		env := &cliEnv{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(k string) string {
			switch k {
			case "SAFAR_DB":
				return db
			case "SAFAR_PASSWORD":
				return password
			}
			return ""
		}}
		return run(context.Background(), env, args), out.String(), errb.String()
	}
}

func TestUserAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	runWith := userCLI(db)
	if code, out, errs := runWith("", "a long password", "user", "add", "Sara@Example.com", "--role", "admin"); code != 0 || !strings.Contains(out, "created admin sara@example.com") {
		t.Fatalf("env password: %d %q %q", code, out, errs)
	}
	if code, _, errs := runWith("typed password 1\n", "", "user", "add", "view@example.com", "--role", "viewer", "--lang", "fa"); code != 0 {
		t.Fatalf("stdin password: %d %q", code, errs)
	}
	if code, _, errs := runWith("", "short", "user", "add", "x@example.com"); code == 0 || !strings.Contains(errs, "password") {
		t.Errorf("short password accepted: %d %q", code, errs)
	}
	if code, _, errs := runWith("", "a long password", "user", "add", "x@example.com", "--role", "boss"); code == 0 || !strings.Contains(errs, "role") {
		t.Errorf("bad role accepted: %d %q", code, errs)
	}
	if code, _, errs := runWith("", "a long password", "user", "add", "sara@example.com", "--role", "admin"); code == 0 || !strings.Contains(errs, "already exists") {
		t.Errorf("duplicate accepted: %d %q", code, errs)
	}
	store, err := gormstore.Open(context.Background(), db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	u, err := store.UserByEmail(context.Background(), "view@example.com")
	if err != nil || u.Lang != "fa" || u.PasswordHash == "" || strings.Contains(u.PasswordHash, "typed") {
		t.Fatalf("viewer: %+v %v", u, err)
	}
}

func TestUserManagementCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	cli := userCLI(db)
	runWith := func(password string, args ...string) (int, string, string) { return cli("", password, args...) }
	mustRun := func(password string, args ...string) string {
		t.Helper()
		code, out, errs := runWith(password, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		return out
	}
	mustRun("a long password", "user", "add", "admin@example.com", "--role", "admin")
	mustRun("a long password", "user", "add", "res@example.com")

	tests := []struct {
		name     string
		password string
		args     []string
		wantErr  string // "" = success
	}{
		{"passwd refuses identical characters", "zzzzzzzzzzzz", []string{"user", "passwd", "res@example.com"}, "repeat"},
		{"passwd refuses spaces", "           ", []string{"user", "passwd", "res@example.com"}, "spaces"},
		{"passwd", "another long one", []string{"user", "passwd", "res@example.com"}, ""},
		{"passwd unknown account", "another long one", []string{"user", "passwd", "nobody@example.com"}, "not found"},
		{"role", "", []string{"user", "role", "res@example.com", "viewer"}, ""},
		{"bad role", "", []string{"user", "role", "res@example.com", "boss"}, "role"},
		{"demote the last admin", "", []string{"user", "role", "admin@example.com", "viewer"}, "last enabled admin"},
		{"disable the last admin", "", []string{"user", "disable", "admin@example.com"}, "last enabled admin"},
		{"delete the last admin", "", []string{"user", "delete", "admin@example.com"}, "last enabled admin"},
		{"disable", "", []string{"user", "disable", "res@example.com"}, ""},
		{"enable", "", []string{"user", "disable", "--enable", "res@example.com"}, ""},
		{"delete", "", []string{"user", "delete", "res@example.com"}, ""},
		{"delete again", "", []string{"user", "delete", "res@example.com"}, "not found"},
	}
	for _, tt := range tests {
		code, out, errs := runWith(tt.password, tt.args...)
		if tt.wantErr == "" && code != 0 {
			t.Errorf("%s: exit %d: %s", tt.name, code, errs)
		}
		if tt.wantErr != "" && (code == 0 || !strings.Contains(errs, tt.wantErr)) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want an error with %q", tt.name, code, out, errs, tt.wantErr)
		}
	}
	store, err := gormstore.Open(context.Background(), db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if u, err := store.UserByEmail(context.Background(), "admin@example.com"); err != nil || u.Role != "admin" || u.Disabled {
		t.Errorf("admin after the refused changes: %+v %v", u, err)
	}
	if n, _ := store.CountUsers(context.Background()); n != 1 {
		t.Errorf("%d accounts left, want 1", n)
	}
}
