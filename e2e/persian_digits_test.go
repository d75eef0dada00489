package e2e

import (
	"context"
	"strconv"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/web"
)

// TestNumberedListsInTheReadersDigits: a project's journey stages are
// numbered in Persian digits for a researcher who reads Persian digits
// ("۱. آگاهی"; they were numbered 1. 2. 3. among Persian digits), in
// Latin ones for everyone else.
func TestNumberedListsInTheReadersDigits(t *testing.T) {
	ctx := context.Background()
	newPhone(t) // skips without Chromium, before seeding
	a := &app{t: t, surveys: map[string]*survey.Survey{}}
	startDemo(t, a)
	p, err := a.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	hash, err := web.HashPassword(a.adminPassword)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []*survey.User{
		{Email: "pd@example.com", Role: survey.RoleResearcher, Lang: "fa", PersianDigits: true, PasswordHash: hash},
		{Email: "fa@example.com", Role: survey.RoleResearcher, Lang: "fa", PasswordHash: hash},
	} {
		if err := a.store.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	path := "/app/projects/" + strconv.FormatInt(p.ID, 10)
	for _, tc := range []struct{ email, want string }{
		{"pd@example.com", "persian"}, {"fa@example.com", "decimal"}, {a.adminEmail, "decimal"},
	} {
		reader := *a
		reader.adminEmail = tc.email
		tab, _ := newPhone(t).tab(tabOptions{width: 390, height: 844})
		signedIn(path, "main")(t, &reader, tab)
		if got := eval[string](t, tab, `getComputedStyle(document.querySelector("ol.tags li")).listStyleType`); got != tc.want {
			t.Errorf("%s: the stages are numbered %q, want %q", tc.email, got, tc.want)
		}
	}
}
