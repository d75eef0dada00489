package gormstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

func TestAPIKeysHashedRevokedAndTouched(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		var users []*survey.User
		for _, email := range []string{"a@example.com", "b@example.com"} {
			u := &survey.User{Email: email, Role: survey.RoleResearcher, Lang: "en", PasswordHash: "x"}
			if err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			users = append(users, u)
		}
		raw, prefix := survey.NewAPIKey()
		k := &survey.APIKey{Name: "CRM", Scopes: []string{survey.ScopeResponsesRead}}
		if err := survey.ValidateAPIKey(k, users[0]); err != nil {
			t.Fatal(err)
		}
		k.Prefix = prefix
		if err := s.CreateAPIKey(ctx, raw, k); err != nil {
			t.Fatal(err)
		}

		// Nothing in the table holds the key; its hash is there.
		var rows []map[string]any
		if err := s.DB().Table("api_keys").Find(&rows).Error; err != nil {
			t.Fatal(err)
		}
		dump := fmt.Sprint(rows)
		if len(rows) != 1 || strings.Contains(dump, raw) || strings.Contains(dump, raw[len(prefix):]) || !strings.Contains(dump, survey.HashToken(raw)) {
			t.Fatalf("api_keys rows hold the key or lack its hash: %s", dump)
		}

		got, err := s.APIKeyByToken(ctx, raw)
		if err != nil || got.ID != k.ID || got.UserID != users[0].ID || !got.Has(survey.ScopeResponsesRead) || got.Has(survey.ScopeSurveysWrite) || got.LastUsedAt != nil {
			t.Fatalf("APIKeyByToken = %+v, %v", got, err)
		}
		if _, err := s.APIKeyByToken(ctx, raw+"x"); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("a wrong key: %v, want ErrNotFound", err)
		}

		used := time.Date(2026, 12, 6, 7, 0, 0, 0, time.UTC)
		if err := s.TouchAPIKey(ctx, k.ID, used); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.APIKeyByToken(ctx, raw); got.LastUsedAt == nil || !got.LastUsedAt.Equal(used) {
			t.Errorf("last used = %v, want %v", got.LastUsedAt, used)
		}

		// Another user cannot revoke it; its owner can, and then it is gone.
		if err := s.RevokeAPIKey(ctx, k.ID, users[1].ID, used); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("revoke by another user: %v, want ErrNotFound", err)
		}
		if err := s.RevokeAPIKey(ctx, k.ID, users[0].ID, used); err != nil {
			t.Fatal(err)
		}
		if _, err := s.APIKeyByToken(ctx, raw); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("revoked key still found: %v", err)
		}
		if err := s.RevokeAPIKey(ctx, k.ID, 0, used.Add(time.Hour)); err != nil {
			t.Errorf("revoking again: %v", err)
		}
		keys, err := s.APIKeys(ctx, users[0].ID)
		if err != nil || len(keys) != 1 || keys[0].RevokedAt == nil || !keys[0].RevokedAt.Equal(used) || keys[0].Prefix != prefix {
			t.Fatalf("APIKeys = %+v, %v; want one key revoked at %v", keys, err, used)
		}
		if keys, _ := s.APIKeys(ctx, users[1].ID); len(keys) != 0 {
			t.Errorf("user b has %d keys", len(keys))
		}
		if err := s.RevokeAPIKey(ctx, 999, 0, used); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("revoke unknown: %v", err)
		}
	})
}
