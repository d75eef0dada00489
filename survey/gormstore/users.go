package gormstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// Rows of migration 0002_accounts.

type userRow struct {
	ID            int64  `gorm:"primaryKey"`
	Email         string `gorm:"size:254;not null;uniqueIndex"`
	Name          string `gorm:"size:200;not null;default:''"`
	Role          string `gorm:"size:16;not null"`
	Lang          string `gorm:"size:8;not null;default:'en'"`
	PersianDigits bool   `gorm:"not null;default:false"`
	PasswordHash  string `gorm:"size:100;not null"`
	Disabled      bool   `gorm:"not null;default:false"` // 0007
	CreatedAt     time.Time
}

func (userRow) TableName() string { return "users" }

type sessionRow struct {
	ID         int64  `gorm:"primaryKey"`
	TokenHash  string `gorm:"size:64;not null;uniqueIndex"`
	UserID     int64  `gorm:"not null;index"`
	CSRFToken  string `gorm:"size:64;not null"`
	CreatedAt  time.Time
	LastSeenAt time.Time `gorm:"not null"`
	ExpiresAt  time.Time `gorm:"not null;index"`
}

func (sessionRow) TableName() string { return "sessions" }

type setupTokenRow struct {
	TokenHash string    `gorm:"primaryKey;size:64"`
	ExpiresAt time.Time `gorm:"not null"`
	CreatedAt time.Time
}

func (setupTokenRow) TableName() string { return "setup_tokens" }

var (
	_ survey.UserStore      = (*Store)(nil)
	_ survey.WorkspaceStore = (*Store)(nil)
	_ survey.Workspace      = (*Store)(nil)
)

func newUserRow(u *survey.User) userRow {
	return userRow{Email: survey.NormalizeEmail(u.Email), Name: u.Name, Role: string(u.Role), Lang: u.Lang,
		PersianDigits: u.PersianDigits, PasswordHash: u.PasswordHash}
}

func userFromRow(r userRow) *survey.User {
	return &survey.User{ID: r.ID, Email: r.Email, Name: r.Name, Role: survey.UserRole(r.Role), Lang: r.Lang,
		PersianDigits: r.PersianDigits, PasswordHash: r.PasswordHash, Disabled: r.Disabled, CreatedAt: r.CreatedAt}
}

func createUser(tx *gorm.DB, u *survey.User) error {
	row := newUserRow(u)
	var n int64
	if err := tx.Model(&userRow{}).Where("email = ?", row.Email).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("user %q already exists: %w", row.Email, survey.ErrConflict)
	}
	if err := tx.Create(&row).Error; err != nil {
		if errors.Is(err, gorm.ErrDuplicatedKey) {
			return fmt.Errorf("user %q already exists: %w", row.Email, survey.ErrConflict)
		}
		return err
	}
	u.ID, u.Email, u.CreatedAt = row.ID, row.Email, row.CreatedAt
	return nil
}

// CreateUser stores a new user.
func (s *Store) CreateUser(ctx context.Context, u *survey.User) error {
	if err := createUser(s.db.WithContext(ctx), u); err != nil {
		return fmt.Errorf("create user: %w", err)
	}
	return nil
}

// UserByEmail finds a user by (normalised) email.
func (s *Store) UserByEmail(ctx context.Context, email string) (*survey.User, error) {
	var row userRow
	if err := s.db.WithContext(ctx).Where("email = ?", survey.NormalizeEmail(email)).Take(&row).Error; err != nil {
		return nil, notFound(err, "user")
	}
	return userFromRow(row), nil
}

// UserByID finds a user.
func (s *Store) UserByID(ctx context.Context, id int64) (*survey.User, error) {
	var row userRow
	if err := s.db.WithContext(ctx).Take(&row, id).Error; err != nil {
		return nil, notFound(err, "user %d", id)
	}
	return userFromRow(row), nil
}

// CountUsers counts accounts.
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int64
	if err := s.db.WithContext(ctx).Model(&userRow{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count users: %w", err)
	}
	return int(n), nil
}

// Users lists every account by email.
func (s *Store) Users(ctx context.Context) ([]*survey.User, error) {
	var rows []userRow
	if err := s.db.WithContext(ctx).Order("email").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	out := make([]*survey.User, len(rows))
	for i, r := range rows {
		out[i] = userFromRow(r)
	}
	return out, nil
}

// UpdateUserPrefs saves a user's name, language and digit preference.
func (s *Store) UpdateUserPrefs(ctx context.Context, u *survey.User) error {
	res := s.db.WithContext(ctx).Model(&userRow{}).Where("id = ?", u.ID).
		Updates(map[string]any{"name": u.Name, "lang": u.Lang, "persian_digits": u.PersianDigits})
	if res.Error != nil {
		return fmt.Errorf("update user: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("user %d: %w", u.ID, survey.ErrNotFound)
	}
	return nil
}

// CreateSession stores a session under the hash of its token.
func (s *Store) CreateSession(ctx context.Context, token string, ss *survey.Session) error {
	row := sessionRow{TokenHash: survey.HashToken(token), UserID: ss.UserID, CSRFToken: ss.CSRFToken,
		CreatedAt: ss.CreatedAt.UTC(), LastSeenAt: ss.LastSeenAt.UTC(), ExpiresAt: ss.ExpiresAt.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create session: %w", err)
	}
	ss.ID = row.ID
	return nil
}

// SessionByToken finds a session by its raw token.
func (s *Store) SessionByToken(ctx context.Context, token string) (*survey.Session, error) {
	var row sessionRow
	if err := s.db.WithContext(ctx).Where("token_hash = ?", survey.HashToken(token)).Take(&row).Error; err != nil {
		return nil, notFound(err, "session")
	}
	return &survey.Session{ID: row.ID, UserID: row.UserID, CSRFToken: row.CSRFToken, CreatedAt: row.CreatedAt,
		LastSeenAt: row.LastSeenAt, ExpiresAt: row.ExpiresAt}, nil
}

// TouchSession records activity on a session.
func (s *Store) TouchSession(ctx context.Context, id int64, at time.Time) error {
	if err := s.db.WithContext(ctx).Model(&sessionRow{}).Where("id = ?", id).Update("last_seen_at", at.UTC()).Error; err != nil {
		return fmt.Errorf("touch session: %w", err)
	}
	return nil
}

// DeleteSession ends a session (logout).
func (s *Store) DeleteSession(ctx context.Context, token string) error {
	if err := s.db.WithContext(ctx).Where("token_hash = ?", survey.HashToken(token)).Delete(&sessionRow{}).Error; err != nil {
		return fmt.Errorf("delete session: %w", err)
	}
	return nil
}

// DeleteExpiredSessions removes dead sessions.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now, idleBefore time.Time) (int, error) {
	res := s.db.WithContext(ctx).Where("expires_at <= ? OR last_seen_at < ?", now.UTC(), idleBefore.UTC()).Delete(&sessionRow{})
	if res.Error != nil {
		return 0, fmt.Errorf("delete expired sessions: %w", res.Error)
	}
	return int(res.RowsAffected), nil
}

// CreateSetupToken stores the hash of a first-run setup token.
func (s *Store) CreateSetupToken(ctx context.Context, token string, expires time.Time) error {
	row := setupTokenRow{TokenHash: survey.HashToken(token), ExpiresAt: expires.UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create setup token: %w", err)
	}
	return nil
}

// CompleteSetup creates the first admin if token is live and no user exists.
func (s *Store) CompleteSetup(ctx context.Context, token string, now time.Time, u *survey.User) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row setupTokenRow
		if err := tx.Where("token_hash = ?", survey.HashToken(token)).Take(&row).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return fmt.Errorf("setup token: %w", survey.ErrUnauthorized)
			}
			return err
		}
		if !now.Before(row.ExpiresAt) {
			return fmt.Errorf("setup token expired: %w", survey.ErrUnauthorized)
		}
		var n int64
		if err := tx.Model(&userRow{}).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("setup is already done: %w", survey.ErrConflict)
		}
		if err := createUser(tx, u); err != nil {
			return err
		}
		return tx.Where("1 = 1").Delete(&setupTokenRow{}).Error
	})
	if err != nil {
		return fmt.Errorf("complete setup: %w", err)
	}
	return nil
}
