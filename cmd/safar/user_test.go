package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
)

func TestUserAdd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	runWith := func(stdin, password string, args ...string) (int, string, string) {
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
