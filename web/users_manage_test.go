package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/web"
)

// TestAdminChangesRoleDisablesDeletes: role change, disable (the account's open
// session ends at once), enable, delete, and the last admin kept.
func TestAdminChangesRoleDisablesDeletes(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	admin := w.login("admin@example.com")
	res := w.login("res@example.com")
	u, _ := w.store.UserByEmail(ctx, "res@example.com")
	me, _ := w.store.UserByEmail(ctx, "admin@example.com")
	users := func(id int64, action string) string { return fmt.Sprintf("/app/users/%d/%s", id, action) }

	admin.get("/app/users").want(http.StatusOK, `action="/app/users/`+fmt.Sprint(u.ID)+`/disable"`)
	admin.post(users(u.ID, "role"), url.Values{"role": {"viewer"}}).wantRedirect("/app/users?saved=1")
	if got, _ := w.store.UserByID(ctx, u.ID); got.Role != "viewer" {
		t.Errorf("role %s, want viewer", got.Role)
	}
	res.get("/app/projects").want(http.StatusOK)
	admin.get("/app/users")
	admin.post(users(u.ID, "disable"), url.Values{"disabled": {"1"}}).wantRedirect("/app/users?saved=1")
	res.get("/app/projects").wantRedirect("/login")
	admin.get("/app/users").want(http.StatusOK, "disabled")
	// A disabled account cannot sign in, even with the right password.
	b := w.browser()
	b.get("/login")
	b.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}}).want(http.StatusUnauthorized)

	admin.post(users(u.ID, "disable"), url.Values{"disabled": {"0"}}).wantRedirect("/app/users?saved=1")
	w.login("res@example.com")

	// The only admin cannot demote or delete themselves.
	admin.get("/app/users")
	admin.post(users(me.ID, "role"), url.Values{"role": {"researcher"}}).want(http.StatusConflict, "no enabled administrator")
	admin.post(users(me.ID, "delete"), url.Values{"confirm": {"1"}}).want(http.StatusConflict, "no enabled administrator")

	// Deleting needs the confirmation box, then ends the account.
	admin.post(users(u.ID, "delete"), nil).want(http.StatusUnprocessableEntity, "tick “Yes, delete this account” beside Delete")
	admin.post(users(u.ID, "delete"), url.Values{"confirm": {"1"}}).wantRedirect("/app/users?saved=1")
	if _, err := w.store.UserByID(ctx, u.ID); err == nil {
		t.Error("deleted account still there")
	}
	admin.post(users(u.ID, "delete"), url.Values{"confirm": {"1"}}).want(http.StatusNotFound)
}

// TestChangeOwnPassword needs the current password, applies the password
// rules (characters, not bytes) and signs out the user's other sessions.
func TestChangeOwnPassword(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	other := w.login("res@example.com")
	change := func(current, pw, pw2 string) *browser {
		b.get("/app/account")
		return b.post("/app/account/password", url.Values{"current_password": {current}, "password": {pw}, "password2": {pw2}})
	}
	change("wrong password", "a brand new secret", "a brand new secret").want(http.StatusUnprocessableEntity, "current password is wrong")
	for _, bad := range []string{"aaaaaaaaaaaa", "          ", "res@example.com", "گذرواژه"} {
		change(testPassword, bad, bad).want(http.StatusUnprocessableEntity, "not one character repeated")
	}
	change(testPassword, "a brand new secret", "a brand new typo").want(http.StatusUnprocessableEntity, "passwords differ")
	change(testPassword, "گذرواژهٔ تازهٔ من", "گذرواژهٔ تازهٔ من").wantRedirect("/app/account?saved=password")
	b.get("/app/account?saved=password").want(http.StatusOK, "Password changed")
	other.get("/app/projects").wantRedirect("/login")
	n := w.browser()
	n.get("/login")
	n.post("/login", url.Values{"email": {"res@example.com"}, "password": {testPassword}}).want(http.StatusUnauthorized)
	n.post("/login", url.Values{"email": {"res@example.com"}, "password": {"گذرواژهٔ تازهٔ من"}}).wantRedirect("/app/projects")
}

// TestLoginLimitPerAddress: a new e-mail per try from one address is
// throttled too (the per address+e-mail limit never saw one twice).
func TestLoginLimitPerAddress(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	now := time.Now() // frozen: bcrypt on a busy machine must not refill the bucket
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	w := &workspace{t: t, store: store, srv: srv}
	b := w.browser()
	b.get("/login")
	throttled := 0
	for i := range 40 {
		b.post("/login", url.Values{"email": {fmt.Sprintf("guess%d@example.com", i)}, "password": {"guess guess"}})
		if b.status == http.StatusTooManyRequests {
			throttled++
		}
	}
	if throttled != 10 {
		t.Errorf("%d of 40 tries with new e-mails from one address throttled, want 10 (30 allowed)", throttled)
	}
}

// The accounts page labels everything in the reader's language: the
// "Created" column, the delete box, and each account's language by name.
func TestAccountsPageWording(t *testing.T) {
	w := newWorkspace(t)
	tests := []struct {
		as      string
		want    []string
		notWant []string
	}{
		{"admin@example.com",
			[]string{"<th>Created</th>", "<td>Persian</td>", "<td>English</td>", `required> Yes, delete this account</label>`},
			[]string{"<th>created</th>", "<td>fa</td>", "<td>en</td>", "> sure</label>"}},
		{"fa-admin@example.com",
			[]string{"<th>تاریخ ساخت</th>", "<td>فارسی</td>", "<td>انگلیسی</td>", `required> بله، این حساب حذف شود</label>`},
			[]string{"<td>fa</td>", "<td>en</td>", "مطمئنم"}},
	}
	if err := w.store.CreateUser(context.Background(), &survey.User{Email: "fa-admin@example.com", Role: survey.RoleAdmin, Lang: "fa",
		PasswordHash: testHash()}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.as, func(t *testing.T) {
			b := w.login(tt.as)
			b.get("/app/users").want(http.StatusOK, tt.want...)
			for _, s := range tt.notWant {
				if strings.Contains(b.body, s) {
					t.Errorf("the page still has %q", s)
				}
			}
		})
	}
}
