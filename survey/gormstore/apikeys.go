package gormstore

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

var _ survey.APIKeyStore = (*Store)(nil)

// apiKeyRow holds the SHA-256 of a key, never the key.
type apiKeyRow struct {
	ID         int64  `gorm:"primaryKey"`
	UserID     int64  `gorm:"not null;index:ix_api_keys_user"`
	Name       string `gorm:"size:200;not null"`
	Prefix     string `gorm:"size:20;not null"`
	TokenHash  string `gorm:"size:64;not null;uniqueIndex"`
	Scopes     string `gorm:"size:200;not null"` // comma-separated
	CreatedAt  time.Time
	LastUsedAt *time.Time
	RevokedAt  *time.Time
}

func (apiKeyRow) TableName() string { return "api_keys" }

var migrationAPIKeys = &gormigrate.Migration{
	ID: "0019_api_keys",
	Migrate: func(tx *gorm.DB) error {
		return tx.Migrator().CreateTable(&apiKeyRow{})
	},
}

func apiKeyFromRow(r apiKeyRow) *survey.APIKey {
	return &survey.APIKey{ID: r.ID, UserID: r.UserID, Name: r.Name, Prefix: r.Prefix, Scopes: strings.Split(r.Scopes, ","),
		CreatedAt: r.CreatedAt, LastUsedAt: r.LastUsedAt, RevokedAt: r.RevokedAt}
}

// CreateAPIKey implements survey.APIKeyStore.
func (s *Store) CreateAPIKey(ctx context.Context, key string, k *survey.APIKey) error {
	row := apiKeyRow{UserID: k.UserID, Name: k.Name, Prefix: k.Prefix, TokenHash: survey.HashToken(key),
		Scopes: strings.Join(k.Scopes, ","), CreatedAt: time.Now().UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create API key: %w", err)
	}
	k.ID, k.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// APIKeys implements survey.APIKeyStore.
func (s *Store) APIKeys(ctx context.Context, userID int64) ([]*survey.APIKey, error) {
	var rows []apiKeyRow
	q := s.db.WithContext(ctx).Order("id DESC")
	if userID != 0 {
		q = q.Where("user_id = ?", userID)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("API keys: %w", err)
	}
	out := make([]*survey.APIKey, len(rows))
	for i, r := range rows {
		out[i] = apiKeyFromRow(r)
	}
	return out, nil
}

// APIKeyByToken implements survey.APIKeyStore: one indexed lookup by hash.
func (s *Store) APIKeyByToken(ctx context.Context, key string) (*survey.APIKey, error) {
	var row apiKeyRow
	err := s.db.WithContext(ctx).Where("token_hash = ? AND revoked_at IS NULL", survey.HashToken(key)).Take(&row).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("API key: %w", survey.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("API key: %w", err)
	}
	return apiKeyFromRow(row), nil
}

// RevokeAPIKey implements survey.APIKeyStore. Revoking twice keeps the
// first time.
func (s *Store) RevokeAPIKey(ctx context.Context, id, userID int64, at time.Time) error {
	mine := func(q *gorm.DB) *gorm.DB {
		q = q.Model(&apiKeyRow{}).Where("id = ?", id)
		if userID != 0 {
			q = q.Where("user_id = ?", userID)
		}
		return q
	}
	db := s.db.WithContext(ctx)
	var n int64
	if err := db.Scopes(mine).Count(&n).Error; err != nil {
		return fmt.Errorf("revoke API key %d: %w", id, err)
	}
	if n == 0 {
		return fmt.Errorf("API key %d: %w", id, survey.ErrNotFound)
	}
	if err := db.Scopes(mine).Where("revoked_at IS NULL").Update("revoked_at", at.UTC()).Error; err != nil {
		return fmt.Errorf("revoke API key %d: %w", id, err)
	}
	return nil
}

// TouchAPIKey implements survey.APIKeyStore.
func (s *Store) TouchAPIKey(ctx context.Context, id int64, at time.Time) error {
	return s.db.WithContext(ctx).Model(&apiKeyRow{}).Where("id = ?", id).Update("last_used_at", at.UTC()).Error
}
