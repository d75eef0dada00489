package gormstore_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestUsersAndSessions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		if n, err := s.CountUsers(ctx); err != nil || n != 0 {
			t.Fatalf("CountUsers = %d, %v; want 0", n, err)
		}
		u := &survey.User{Email: " Sara@Example.com ", Name: "Sara", Role: survey.RoleResearcher, Lang: "fa", PasswordHash: "x"}
		if err := s.CreateUser(ctx, u); err != nil {
			t.Fatal(err)
		}
		if u.Email != "sara@example.com" || u.ID == 0 {
			t.Errorf("created user = %+v", u)
		}
		dup := &survey.User{Email: "SARA@example.com", Role: survey.RoleViewer, Lang: "en", PasswordHash: "x"}
		if err := s.CreateUser(ctx, dup); !errors.Is(err, survey.ErrConflict) {
			t.Errorf("duplicate email: err = %v, want ErrConflict", err)
		}
		if all, err := s.Users(ctx); err != nil || len(all) != 1 || all[0].Email != "sara@example.com" {
			t.Errorf("Users = %v, %v", all, err)
		}
		got, err := s.UserByEmail(ctx, "sara@EXAMPLE.com")
		if err != nil || got.ID != u.ID || got.Role != survey.RoleResearcher || got.Lang != "fa" {
			t.Fatalf("UserByEmail = %+v, %v", got, err)
		}
		got.PersianDigits, got.Lang = true, "en"
		if err := s.UpdateUserPrefs(ctx, got); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.UserByID(ctx, u.ID); !got.PersianDigits || got.Lang != "en" {
			t.Errorf("after UpdateUserPrefs: %+v", got)
		}
		if _, err := s.UserByEmail(ctx, "nobody@example.com"); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("missing user: err = %v", err)
		}

		now := time.Now().UTC().Truncate(time.Second)
		ss := &survey.Session{UserID: u.ID, CSRFToken: "csrf", CreatedAt: now, LastSeenAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := s.CreateSession(ctx, "secret-token", ss); err != nil {
			t.Fatal(err)
		}
		back, err := s.SessionByToken(ctx, "secret-token")
		if err != nil || back.UserID != u.ID || back.CSRFToken != "csrf" || !back.ExpiresAt.Equal(ss.ExpiresAt) {
			t.Fatalf("SessionByToken = %+v, %v", back, err)
		}
		var stored int64
		s.DB().Table("sessions").Where("token_hash = ?", "secret-token").Count(&stored)
		if stored != 0 {
			t.Error("the raw token is stored; want only its hash")
		}
		if err := s.TouchSession(ctx, back.ID, now.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		old := &survey.Session{UserID: u.ID, CSRFToken: "c2", CreatedAt: now, LastSeenAt: now.Add(-2 * time.Hour), ExpiresAt: now.Add(time.Hour)}
		if err := s.CreateSession(ctx, "idle-token", old); err != nil {
			t.Fatal(err)
		}
		n, err := s.DeleteExpiredSessions(ctx, now, now.Add(-time.Hour))
		if err != nil || n != 1 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 1", n, err)
		}
		if _, err := s.SessionByToken(ctx, "idle-token"); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("idle session still there: %v", err)
		}
		if err := s.DeleteSession(ctx, "secret-token"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SessionByToken(ctx, "secret-token"); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("deleted session still there: %v", err)
		}
	})
}

func TestCompleteSetup(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		now := time.Now().UTC()
		if err := s.CreateSetupToken(ctx, "expired", now.Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateSetupToken(ctx, "good", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		admin := func() *survey.User {
			return &survey.User{Email: "admin@example.com", Role: survey.RoleAdmin, Lang: "en", PasswordHash: "h"}
		}
		for _, tok := range []string{"wrong", "expired"} {
			if err := s.CompleteSetup(ctx, tok, now, admin()); !errors.Is(err, survey.ErrUnauthorized) {
				t.Errorf("token %q: err = %v, want ErrUnauthorized", tok, err)
			}
		}
		if err := s.CompleteSetup(ctx, "good", now, admin()); err != nil {
			t.Fatal(err)
		}
		if err := s.CompleteSetup(ctx, "good", now, admin()); !errors.Is(err, survey.ErrUnauthorized) {
			t.Errorf("second use: err = %v, want ErrUnauthorized (token burnt)", err)
		}
		if err := s.CreateSetupToken(ctx, "again", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		u := admin()
		u.Email = "other@example.com"
		if err := s.CompleteSetup(ctx, "again", now, u); !errors.Is(err, survey.ErrConflict) {
			t.Errorf("setup with a user present: err = %v, want ErrConflict", err)
		}
	})
}

func TestProjects(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		p := &survey.Project{Name: "shop-autumn", Title: "Online store, autumn", Touchpoints: []string{"website", " Instagram ", "website", "<b>store</b>"}}
		if err := s.CreateProject(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateProject(ctx, &survey.Project{Name: "shop-autumn"}); !errors.Is(err, survey.ErrConflict) {
			t.Errorf("duplicate name: err = %v", err)
		}
		if err := s.CreateProject(ctx, &survey.Project{Name: "has space"}); !errors.Is(err, survey.ErrInvalid) {
			t.Errorf("bad name: err = %v", err)
		}
		got, err := s.ProjectByID(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got.Touchpoints) != "[website Instagram bstoreb]" || len(got.Stages) != 6 {
			t.Errorf("touchpoints %q, stages %v", got.Touchpoints, got.Stages)
		}
		got.Stages[0].Name = "Discovery"
		got.Description = "Why customers leave"
		if err := s.UpdateProject(ctx, got); err != nil {
			t.Fatal(err)
		}
		if got, _ = s.ProjectByID(ctx, p.ID); got.Stages[0].Name != "Discovery" || got.Description != "Why customers leave" {
			t.Errorf("after update: %+v", got)
		}
		old, err := s.EnsureProject(ctx, "legacy", "") // made the old way
		if err != nil {
			t.Fatal(err)
		}
		if len(old.Stages) != 6 || old.Archived {
			t.Errorf("EnsureProject project: %+v", old)
		}
		if err := s.SetProjectArchived(ctx, old.ID, true); err != nil {
			t.Fatal(err)
		}
		list, _ := s.Projects(ctx, false)
		all, _ := s.Projects(ctx, true)
		if len(list) != 1 || len(all) != 2 {
			t.Errorf("Projects: %d active, %d all; want 1, 2", len(list), len(all))
		}
	})
}

func TestResponseManagement(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustCreateSurvey(t, s, survey.Published)
		closes := time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
		if err := s.SetSurveySchedule(ctx, sv.ID, &closes, 100); err != nil {
			t.Fatal(err)
		}
		back, _ := s.SurveyBySlug(ctx, sv.Slug)
		if back.ClosesAt == nil || !back.ClosesAt.Equal(closes) || back.ResponseLimit != 100 {
			t.Errorf("schedule: closes %v limit %d", back.ClosesAt, back.ResponseLimit)
		}
		base := time.Date(2026, 11, 1, 10, 0, 0, 0, time.UTC)
		var ids []string
		for i := range 5 {
			a := surveytest.FullAnswers()
			status := survey.Complete
			tp := "website"
			if i%2 == 1 {
				tp = "instagram"
			}
			if i == 4 {
				status = survey.Partial
				a = survey.Answers{"age": {Choice: "18-24"}}
			}
			if i == 0 {
				a["nickname"] = survey.Value{Text: "Zed_100%"}
			}
			r := &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: fmt.Sprintf("c%d", i), Touchpoint: tp,
				Status: status, Source: "web", StartedAt: base.Add(time.Duration(i) * 24 * time.Hour), Answers: a}
			stored, _, err := s.SaveResponse(ctx, r)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, stored.ID)
		}
		cases := []struct {
			name string
			f    survey.ResponseFilter
			want int
		}{
			{"all", survey.ResponseFilter{}, 5},
			{"complete", survey.ResponseFilter{Status: survey.Complete}, 4},
			{"touchpoint", survey.ResponseFilter{Touchpoint: "instagram"}, 2},
			{"from", survey.ResponseFilter{From: base.Add(48 * time.Hour)}, 3},
			{"range", survey.ResponseFilter{From: base.Add(24 * time.Hour), To: base.Add(72 * time.Hour)}, 2},
			{"search text", survey.ResponseFilter{Search: "PARCEL"}, 4},
			{"search option", survey.ResponseFilter{Search: "18-24"}, 1},
			{"search percent is literal", survey.ResponseFilter{Search: "_100%"}, 1},
			{"search nothing", survey.ResponseFilter{Search: "%"}, 1},
		}
		for _, c := range cases {
			c.f.SurveyID = sv.ID
			n, err := s.CountResponses(ctx, c.f)
			if err != nil || n != c.want {
				t.Errorf("%s: CountResponses = %d, %v; want %d", c.name, n, err, c.want)
			}
			list, err := s.ListResponses(ctx, c.f, 0, 100)
			if err != nil || len(list) != c.want {
				t.Errorf("%s: ListResponses = %d, %v; want %d", c.name, len(list), err, c.want)
			}
			streamed := 0
			err = s.EachResponse(ctx, c.f, func(*survey.Response) error { streamed++; return nil })
			if err != nil || streamed != c.want {
				t.Errorf("%s: EachResponse streamed %d, %v; want %d", c.name, streamed, err, c.want)
			}
		}
		list, _ := s.ListResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}, 1, 2)
		if len(list) != 2 || list[0].ID != ids[3] || list[0].Answers["age"].Choice == "" {
			t.Errorf("page 2 of newest first: %v", list)
		}
		tc, err := s.TouchpointCounts(ctx, sv.ID)
		if err != nil || fmt.Sprint(tc) != "[{instagram 2 2} {website 3 2}]" {
			t.Errorf("TouchpointCounts = %v, %v", tc, err)
		}
		if err := s.DeleteResponse(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ResponseByID(ctx, ids[0]); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("deleted response: %v", err)
		}
		var left int64
		s.DB().Table("answers").Where("response_id = ?", ids[0]).Count(&left)
		if left != 0 {
			t.Errorf("%d answers left after delete", left)
		}
		if err := s.DeleteResponse(ctx, ids[0]); !errors.Is(err, survey.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
	})
}

// TestMigration0002OnAnOldDatabase rebuilds the schema as it was before
// 0002_accounts (no account tables, projects without the new columns),
// with a project in it, and checks that opening the store upgrades it.
func TestMigration0002OnAnOldDatabase(t *testing.T) {
	dir := t.TempDir()
	path := dir + "/old.db"
	ctx := context.Background()
	s, err := gormstore.Open(ctx, path, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	db := s.DB()
	for _, stmt := range []string{
		"DROP TABLE users", "DROP TABLE sessions", "DROP TABLE setup_tokens",
		"ALTER TABLE projects DROP COLUMN description", "ALTER TABLE projects DROP COLUMN archived",
		"ALTER TABLE projects DROP COLUMN touchpoints", "ALTER TABLE projects DROP COLUMN stages",
		"DELETE FROM schema_migrations WHERE id = '0002_accounts'",
		"INSERT INTO projects (name, title, created_at) VALUES ('old', 'Old study', CURRENT_TIMESTAMP)",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	s, err = gormstore.Open(ctx, path, gormstore.Options{})
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer s.Close()
	p, err := s.ProjectByName(ctx, "old")
	if err != nil || p.Title != "Old study" || p.Archived || len(p.Stages) != 6 || len(p.Touchpoints) != 0 {
		t.Fatalf("old project after 0002: %+v, %v", p, err)
	}
	if n, err := s.CountUsers(ctx); err != nil || n != 0 {
		t.Fatalf("users table: %d, %v", n, err)
	}
}
