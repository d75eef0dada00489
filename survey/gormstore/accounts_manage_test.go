package gormstore_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

// TestAccountManagement: roles, disabling, deleting and password changes,
// with the last enabled admin protected and sessions ended at once.
func TestAccountManagement(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		now := time.Now()
		mk := func(email string, role survey.UserRole) *survey.User {
			u := &survey.User{Email: email, Role: role, Lang: "en", PasswordHash: "h"}
			if err := s.CreateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
			return u
		}
		session := func(u *survey.User, tok string) *survey.Session {
			ss := &survey.Session{UserID: u.ID, CSRFToken: "c", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
			if err := s.CreateSession(ctx, tok, ss); err != nil {
				t.Fatal(err)
			}
			return ss
		}
		alive := func(tok string) bool {
			_, err := s.SessionByToken(ctx, tok)
			return err == nil
		}
		admin, res := mk("admin@example.com", survey.RoleAdmin), mk("res@example.com", survey.RoleResearcher)

		// The only admin cannot be demoted, disabled or deleted.
		for name, err := range map[string]error{
			"demote":  s.SetUserRole(ctx, admin.ID, survey.RoleViewer),
			"disable": s.SetUserDisabled(ctx, admin.ID, true),
			"delete":  s.DeleteUser(ctx, admin.ID),
		} {
			if !errors.Is(err, survey.ErrConflict) {
				t.Errorf("%s the last admin: %v, want ErrConflict", name, err)
			}
		}
		if err := s.SetUserRole(ctx, res.ID, "boss"); !errors.Is(err, survey.ErrInvalid) {
			t.Errorf("unknown role: %v", err)
		}
		// With a second admin, the first may go.
		if err := s.SetUserRole(ctx, res.ID, survey.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if err := s.SetUserRole(ctx, admin.ID, survey.RoleViewer); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.UserByID(ctx, admin.ID); u.Role != survey.RoleViewer {
			t.Errorf("role %s, want viewer", u.Role)
		}

		// Disabling ends every session; enabling does not bring them back.
		session(admin, "a1")
		session(admin, "a2")
		if err := s.SetUserDisabled(ctx, admin.ID, true); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.UserByID(ctx, admin.ID); !u.Disabled || alive("a1") || alive("a2") {
			t.Errorf("disabled %v, sessions alive %v %v", u.Disabled, alive("a1"), alive("a2"))
		}
		if err := s.SetUserDisabled(ctx, admin.ID, false); err != nil {
			t.Fatal(err)
		}
		// A disabled admin does not count as the admin who stays.
		if err := s.SetUserRole(ctx, admin.ID, survey.RoleAdmin); err != nil {
			t.Fatal(err)
		}
		if err := s.SetUserDisabled(ctx, admin.ID, true); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteUser(ctx, res.ID); !errors.Is(err, survey.ErrConflict) {
			t.Errorf("delete the only enabled admin: %v, want ErrConflict", err)
		}

		// A password change keeps the session it came from only.
		keep, other := session(res, "r1"), "r2"
		session(res, other)
		if err := s.SetUserPassword(ctx, res.ID, "new hash", keep.ID); err != nil {
			t.Fatal(err)
		}
		if u, _ := s.UserByID(ctx, res.ID); u.PasswordHash != "new hash" || !alive("r1") || alive(other) {
			t.Errorf("hash %q, kept alive %v, other alive %v", u.PasswordHash, alive("r1"), alive(other))
		}

		// Deleting removes the account and its sessions.
		if err := s.SetUserDisabled(ctx, admin.ID, false); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteUser(ctx, res.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UserByID(ctx, res.ID); !errors.Is(err, survey.ErrNotFound) || alive("r1") {
			t.Errorf("deleted user: %v, session alive %v", err, alive("r1"))
		}
		if err := s.DeleteUser(ctx, res.ID); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("delete again: %v, want ErrNotFound", err)
		}
	})
}
