package gormstore

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

func messageFromRow(r webhookMessageRow) *survey.WebhookMessage {
	return &survey.WebhookMessage{ID: r.ID, WebhookID: r.WebhookID, MsgID: r.MsgID, Type: r.Type, Payload: []byte(r.Payload),
		Attempts: r.Attempts, NextAt: r.NextAt, DeliveredAt: r.DeliveredAt, LastStatus: r.LastStatus, LastError: r.LastError, CreatedAt: r.CreatedAt}
}

// ClaimWebhookMessages implements survey.WebhookStore. A message is leased
// by a conditional update, so of several processes exactly one gets it;
// a process that dies mid-delivery leaves a lease that runs out, and the
// message is tried again (at least once, never lost).
func (s *Store) ClaimWebhookMessages(ctx context.Context, n int, lease time.Duration) ([]*survey.WebhookMessage, error) {
	now := time.Now().UTC()
	var out []*survey.WebhookMessage
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var rows []webhookMessageRow
		err := tx.Where("delivered_at IS NULL AND attempts < ? AND next_at <= ? AND (lease_until IS NULL OR lease_until < ?)",
			survey.WebhookMaxAttempts, now, now).Order("next_at, id").Limit(n).Find(&rows).Error
		if err != nil {
			return err
		}
		until := now.Add(lease)
		for _, r := range rows {
			res := tx.Model(&webhookMessageRow{}).
				Where("id = ? AND delivered_at IS NULL AND (lease_until IS NULL OR lease_until < ?)", r.ID, now).
				Update("lease_until", until)
			if res.Error != nil {
				return res.Error
			}
			if res.RowsAffected == 1 {
				out = append(out, messageFromRow(r))
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("claim webhook messages: %w", err)
	}
	return out, nil
}

// RecordWebhookAttempt implements survey.WebhookStore.
func (s *Store) RecordWebhookAttempt(ctx context.Context, a survey.WebhookAttempt, delivered bool, next time.Time) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		errText := a.Error
		if len(errText) > 1000 {
			errText = errText[:1000]
		}
		at := a.At.UTC()
		if err := tx.Create(&webhookAttemptRow{MessageID: a.MessageID, At: at, Status: a.Status, Error: errText,
			DurationMS: a.Duration.Milliseconds()}).Error; err != nil {
			return err
		}
		up := map[string]any{"attempts": gorm.Expr("attempts + 1"), "last_status": a.Status, "last_error": errText, "lease_until": nil}
		if delivered {
			up["delivered_at"] = at
		} else {
			up["next_at"] = next.UTC()
		}
		return tx.Model(&webhookMessageRow{}).Where("id = ?", a.MessageID).Updates(up).Error
	})
	if err != nil {
		return fmt.Errorf("record webhook attempt: %w", err)
	}
	return nil
}

// WebhookMessages implements survey.WebhookStore: the newest first.
func (s *Store) WebhookMessages(ctx context.Context, webhookID int64, limit int) ([]*survey.WebhookMessage, error) {
	var rows []webhookMessageRow
	if err := s.db.WithContext(ctx).Where("webhook_id = ?", webhookID).Order("id DESC").Limit(limit).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("webhook messages: %w", err)
	}
	out := make([]*survey.WebhookMessage, len(rows))
	for i, r := range rows {
		out[i] = messageFromRow(r)
	}
	return out, nil
}

// WebhookAttempts implements survey.WebhookStore, oldest first.
func (s *Store) WebhookAttempts(ctx context.Context, messageID int64) ([]survey.WebhookAttempt, error) {
	var rows []webhookAttemptRow
	if err := s.db.WithContext(ctx).Where("message_id = ?", messageID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("webhook attempts: %w", err)
	}
	out := make([]survey.WebhookAttempt, len(rows))
	for i, r := range rows {
		out[i] = survey.WebhookAttempt{MessageID: r.MessageID, At: r.At, Status: r.Status, Error: r.Error, Duration: time.Duration(r.DurationMS) * time.Millisecond}
	}
	return out, nil
}

// ReplayWebhookMessage implements survey.WebhookStore.
func (s *Store) ReplayWebhookMessage(ctx context.Context, webhookID, messageID int64) error {
	res := s.db.WithContext(ctx).Model(&webhookMessageRow{}).Where("id = ? AND webhook_id = ?", messageID, webhookID).
		Updates(map[string]any{"delivered_at": nil, "attempts": 0, "next_at": time.Now().UTC(), "lease_until": nil})
	if res.Error != nil {
		return fmt.Errorf("replay webhook message: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("webhook message %d: %w", messageID, survey.ErrNotFound)
	}
	return nil
}
