package gormstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

var _ survey.WebhookStore = (*Store)(nil)

type webhookRow struct {
	ID        int64  `gorm:"primaryKey"`
	ProjectID int64  `gorm:"not null;index:ix_webhooks_project"`
	SurveyID  int64  `gorm:"not null;default:0"`
	URL       string `gorm:"size:2000;not null"`
	Secret    string `gorm:"size:200;not null"`
	Events    string `gorm:"size:500;not null"`
	Active    bool   `gorm:"not null;default:true"`
	CreatedAt time.Time
}

func (webhookRow) TableName() string { return "webhooks" }

// webhookMessageRow is the outbox: one row per event per webhook.
type webhookMessageRow struct {
	ID          int64     `gorm:"primaryKey"`
	WebhookID   int64     `gorm:"not null;index:ix_webhook_messages_hook"`
	MsgID       string    `gorm:"size:40;not null;uniqueIndex"`
	Type        string    `gorm:"size:40;not null"`
	Payload     string    `gorm:"type:text;not null"`
	Attempts    int       `gorm:"not null;default:0"`
	NextAt      time.Time `gorm:"not null;index:ix_webhook_messages_due"`
	LeaseUntil  *time.Time
	DeliveredAt *time.Time
	LastStatus  int    `gorm:"not null;default:0"`
	LastError   string `gorm:"size:1000;not null;default:''"`
	CreatedAt   time.Time
}

func (webhookMessageRow) TableName() string { return "webhook_messages" }

type webhookAttemptRow struct {
	ID         int64 `gorm:"primaryKey"`
	MessageID  int64 `gorm:"not null;index:ix_webhook_attempts_message"`
	At         time.Time
	Status     int    `gorm:"not null;default:0"`
	Error      string `gorm:"size:1000;not null;default:''"`
	DurationMS int64  `gorm:"not null;default:0"`
}

func (webhookAttemptRow) TableName() string { return "webhook_attempts" }

var migrationWebhooks = &gormigrate.Migration{
	ID: "0018_webhooks",
	Migrate: func(tx *gorm.DB) error {
		return tx.Migrator().CreateTable(&webhookRow{}, &webhookMessageRow{}, &webhookAttemptRow{})
	},
}

func init() { migrations = append(migrations, migrationWebhooks) }

func webhookFromRow(r webhookRow) *survey.Webhook {
	var events []string
	if r.Events != "" {
		events = strings.Split(r.Events, ",")
	}
	return &survey.Webhook{ID: r.ID, ProjectID: r.ProjectID, SurveyID: r.SurveyID, URL: r.URL, Secret: r.Secret,
		Events: events, Active: r.Active, CreatedAt: r.CreatedAt}
}

// CreateWebhook implements survey.WebhookStore.
func (s *Store) CreateWebhook(ctx context.Context, w *survey.Webhook) error {
	if err := survey.ValidateWebhook(w); err != nil {
		return err
	}
	row := webhookRow{ProjectID: w.ProjectID, SurveyID: w.SurveyID, URL: w.URL, Secret: w.Secret,
		Events: strings.Join(w.Events, ","), Active: true, CreatedAt: time.Now().UTC()}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create webhook: %w", err)
	}
	w.ID, w.Active, w.CreatedAt = row.ID, true, row.CreatedAt
	return nil
}

// Webhooks implements survey.WebhookStore: a project's webhooks, newest first.
func (s *Store) Webhooks(ctx context.Context, projectID int64) ([]*survey.Webhook, error) {
	var rows []webhookRow
	q := s.db.WithContext(ctx).Order("id DESC")
	if projectID != 0 {
		q = q.Where("project_id = ?", projectID)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("webhooks: %w", err)
	}
	out := make([]*survey.Webhook, len(rows))
	for i, r := range rows {
		out[i] = webhookFromRow(r)
	}
	return out, nil
}

// Webhook implements survey.WebhookStore.
func (s *Store) Webhook(ctx context.Context, id int64) (*survey.Webhook, error) {
	var row webhookRow
	err := s.db.WithContext(ctx).Take(&row, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("webhook %d: %w", id, survey.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("webhook %d: %w", id, err)
	}
	return webhookFromRow(row), nil
}

// DeleteWebhook implements survey.WebhookStore; its undelivered messages
// and log go with it.
func (s *Store) DeleteWebhook(ctx context.Context, id int64) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Delete(&webhookRow{}, id)
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("webhook %d: %w", id, survey.ErrNotFound)
		}
		sub := tx.Model(&webhookMessageRow{}).Select("id").Where("webhook_id = ?", id)
		if err := tx.Where("message_id IN (?)", sub).Delete(&webhookAttemptRow{}).Error; err != nil {
			return err
		}
		return tx.Where("webhook_id = ?", id).Delete(&webhookMessageRow{}).Error
	})
}

// newMsgID is a webhook-id: unique per message, the same on every attempt.
func newMsgID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return "msg_" + hex.EncodeToString(b)
}

// eventBody is the Standard Webhooks payload shape.
func eventBody(event string, at time.Time, data any) (string, error) {
	b, err := json.Marshal(map[string]any{"type": event, "timestamp": at.UTC().Format(time.RFC3339Nano), "data": data})
	return string(b), err
}

// enqueue writes one message per webhook in hooks that wants event, in tx.
func enqueue(tx *gorm.DB, hooks []webhookRow, event string, at time.Time, data any) error {
	var body string
	for _, h := range hooks {
		if !strings.Contains(","+h.Events+",", ","+event+",") {
			continue
		}
		if body == "" {
			var err error
			if body, err = eventBody(event, at, data); err != nil {
				return err
			}
		}
		row := webhookMessageRow{WebhookID: h.ID, MsgID: newMsgID(), Type: event, Payload: body, NextAt: at, CreatedAt: at}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("webhook outbox: %w", err)
		}
	}
	return nil
}

// hooksFor returns the active webhooks that follow a survey, cheaply when
// there are none at all (the common case on the submit path).
func hooksFor(tx *gorm.DB, surveyID int64) ([]webhookRow, string, error) {
	var ids []int64
	if err := tx.Model(&webhookRow{}).Where("active").Limit(1).Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		return nil, "", err
	}
	var sv surveyRow
	if err := tx.Select("id, project_id, slug").Take(&sv, surveyID).Error; err != nil {
		return nil, "", err
	}
	var hooks []webhookRow
	err := tx.Where("active AND project_id = ? AND (survey_id = 0 OR survey_id = ?)", sv.ProjectID, surveyID).Find(&hooks).Error
	return hooks, sv.Slug, err
}

// responseEvent enqueues event for r in tx, for the webhooks that follow
// its survey.
func responseEvent(tx *gorm.DB, event string, r *survey.Response) error {
	hooks, slug, err := hooksFor(tx, r.SurveyID)
	if err != nil || len(hooks) == 0 {
		return err
	}
	data := map[string]any{"survey": slug, "response_id": r.ID, "client_id": r.ClientID, "touchpoint": r.Touchpoint,
		"status": r.Status, "started_at": r.StartedAt, "completed_at": r.CompletedAt}
	if r.Language != "" {
		data["language"] = r.Language
	}
	if event != survey.EventResponseDeleted {
		data["answers"] = r.Answers
		if len(r.Order) > 0 {
			data["order"] = r.Order
		}
	}
	return enqueue(tx, hooks, event, time.Now().UTC(), data)
}

// freshEvents enqueues response events for responses the bulk insert just
// stored; one look at the webhooks table when there are none.
func freshEvents(tx *gorm.DB, fresh []*writeReq) error {
	if len(fresh) == 0 {
		return nil
	}
	var ids []int64
	if err := tx.Model(&webhookRow{}).Where("active").Limit(1).Pluck("id", &ids).Error; err != nil || len(ids) == 0 {
		return err
	}
	for _, req := range fresh {
		stored := req.res.(savedResponse).stored
		if err := responseEvent(tx, eventFor(stored.Status), stored); err != nil {
			return err
		}
	}
	return nil
}

// analysisEvent enqueues analysis.finished for a finished run of scope.
func analysisEvent(tx *gorm.DB, runID int64, scope string, status survey.RunStatus, message string, at time.Time) error {
	sc, err := survey.ParseAnalysisScope(scope)
	if err != nil {
		return nil // an unknown scope has no webhooks
	}
	var hooks []webhookRow
	data := map[string]any{"run_id": runID, "status": status, "message": message, "finished_at": at}
	if sc.Survey != "" {
		var sv surveyRow
		if err := tx.Select("id").Where("slug = ?", sc.Survey).Take(&sv).Error; err != nil {
			return nil
		}
		if hooks, _, err = hooksFor(tx, sv.ID); err != nil {
			return err
		}
		data["survey"] = sc.Survey
	} else {
		if err := tx.Where("active AND project_id = ? AND survey_id = 0", sc.ProjectID).Find(&hooks).Error; err != nil {
			return err
		}
		data["project_id"] = sc.ProjectID
	}
	return enqueue(tx, hooks, survey.EventAnalysisFinished, at, data)
}
