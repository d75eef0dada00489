package gormstore

import (
	"context"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/safarhq/safar/survey"
)

// Account management: passwords, roles, disabling and deleting accounts.
// A change that could leave nobody able to manage accounts (no enabled
// admin) is refused with ErrConflict; on PostgreSQL the admin rows are
// locked while checking, so two admins demoting each other at once cannot
// both succeed (SQLite runs one write transaction at a time anyway).

var migrationUserDisabled = &gormigrate.Migration{
	ID: "0007_user_disabled",
	Migrate: func(tx *gorm.DB) error {
		if tx.Migrator().HasColumn(&userRow{}, "Disabled") {
			return nil // created by 0002 on a fresh database
		}
		return tx.Migrator().AddColumn(&userRow{}, "Disabled")
	},
}

// SetUserPassword stores a new hash and ends the other sessions.
func (s *Store) SetUserPassword(ctx context.Context, id int64, hash string, keepSession int64) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := updateUser(tx, id, map[string]any{"password_hash": hash}); err != nil {
			return err
		}
		return tx.Where("user_id = ? AND id <> ?", id, keepSession).Delete(&sessionRow{}).Error
	})
	if err != nil {
		return fmt.Errorf("set password: %w", err)
	}
	return nil
}

// SetUserRole changes a user's role, keeping an enabled admin.
func (s *Store) SetUserRole(ctx context.Context, id int64, role survey.UserRole) error {
	if !role.Valid() {
		return fmt.Errorf("role %q: %w", role, survey.ErrInvalid)
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if role != survey.RoleAdmin {
			if err := s.keepAnAdmin(tx, id); err != nil {
				return err
			}
		}
		return updateUser(tx, id, map[string]any{"role": string(role)})
	})
	if err != nil {
		return fmt.Errorf("set role: %w", err)
	}
	return nil
}

// SetUserDisabled disables an account and ends its sessions, or enables it.
func (s *Store) SetUserDisabled(ctx context.Context, id int64, disabled bool) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if !disabled {
			return updateUser(tx, id, map[string]any{"disabled": false})
		}
		if err := s.keepAnAdmin(tx, id); err != nil {
			return err
		}
		if err := updateUser(tx, id, map[string]any{"disabled": true}); err != nil {
			return err
		}
		return tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error
	})
	if err != nil {
		return fmt.Errorf("disable user: %w", err)
	}
	return nil
}

// DeleteUser removes an account, its sessions and its note drafts.
func (s *Store) DeleteUser(ctx context.Context, id int64) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := s.keepAnAdmin(tx, id); err != nil {
			return err
		}
		res := tx.Delete(&userRow{}, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("user %d: %w", id, survey.ErrNotFound)
		}
		if err := tx.Where("user_id = ?", id).Delete(&sessionRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", id).Delete(&apiKeyRow{}).Error; err != nil {
			return err
		}
		return tx.Where("user_id = ?", id).Delete(&noteDraftRow{}).Error
	})
	if err != nil {
		return fmt.Errorf("delete user: %w", err)
	}
	return nil
}

// keepAnAdmin refuses when no enabled admin but id would be left.
func (s *Store) keepAnAdmin(tx *gorm.DB, id int64) error {
	q := tx.Model(&userRow{}).Where("role = ? AND NOT disabled", string(survey.RoleAdmin))
	if s.dialect == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var ids []int64
	if err := q.Pluck("id", &ids).Error; err != nil {
		return err
	}
	for _, a := range ids {
		if a != id {
			return nil
		}
	}
	if len(ids) == 0 { // no enabled admin at all: nothing to protect
		return nil
	}
	return fmt.Errorf("the last enabled admin must stay an enabled admin: %w", survey.ErrConflict)
}

func updateUser(tx *gorm.DB, id int64, cols map[string]any) error {
	res := tx.Model(&userRow{}).Where("id = ?", id).Updates(cols)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("user %d: %w", id, survey.ErrNotFound)
	}
	return nil
}
