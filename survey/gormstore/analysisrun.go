package gormstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

var _ survey.AnalysisStore = (*Store)(nil)

type analysisRunRow struct {
	ID          int64   `gorm:"primaryKey"`
	Scope       string  `gorm:"size:200;not null;index:ix_analysis_runs_scope,priority:1"`
	Status      string  `gorm:"size:16;not null;index:ix_analysis_runs_status"`
	Progress    float64 `gorm:"not null;default:0"`
	Message     string  `gorm:"size:1000;not null;default:''"`
	K           int     `gorm:"not null;default:0"`
	Seed        int64   `gorm:"not null;default:0"`
	Options     string  `gorm:"type:text;not null;default:''"`
	Result      string  `gorm:"type:text;not null;default:''"`
	DataVersion string  `gorm:"size:500;not null;default:''"`
	RequestedBy int64   `gorm:"not null;default:0"`
	CreatedAt   time.Time
	StartedAt   *time.Time
	FinishedAt  *time.Time
	HeartbeatAt *time.Time
}

func (analysisRunRow) TableName() string { return "analysis_runs" }

type analysisSettingsRow struct {
	Scope     string `gorm:"primaryKey;size:200"`
	Settings  string `gorm:"type:text;not null"` // JSON of survey.AnalysisSettings
	UpdatedAt time.Time
}

func (analysisSettingsRow) TableName() string { return "analysis_settings" }

// migrationAnalysis adds stored analysis runs and per-scope settings;
// models.go lists it after the qualitative migration.
var migrationAnalysis = &gormigrate.Migration{
	ID: "0004_analysis_runs",
	Migrate: func(tx *gorm.DB) error {
		return tx.Migrator().CreateTable(&analysisRunRow{}, &analysisSettingsRow{})
	},
}

// runColumns are every column but the (large) result.
const runColumns = "id, scope, status, progress, message, k, seed, options, data_version, requested_by, created_at, started_at, finished_at, heartbeat_at"

func runFromRow(r analysisRunRow) *survey.AnalysisRun {
	return &survey.AnalysisRun{
		ID: r.ID, Scope: r.Scope, Status: survey.RunStatus(r.Status), Progress: r.Progress, Message: r.Message,
		K: r.K, Seed: uint64(r.Seed), Options: r.Options, Result: r.Result, DataVersion: r.DataVersion,
		RequestedBy: r.RequestedBy, CreatedAt: r.CreatedAt, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, HeartbeatAt: r.HeartbeatAt,
	}
}

// EnqueueAnalysisRun implements survey.AnalysisStore.
func (s *Store) EnqueueAnalysisRun(ctx context.Context, r *survey.AnalysisRun) error {
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var queued analysisRunRow
		err := tx.Select(runColumns).Where("scope = ? AND status = ?", r.Scope, string(survey.RunQueued)).Order("id").Take(&queued).Error
		if err == nil {
			// Conditional: the run may have been claimed meanwhile.
			up := tx.Model(&analysisRunRow{}).Where("id = ? AND status = ?", queued.ID, string(survey.RunQueued)).
				Updates(map[string]any{"k": r.K, "seed": int64(r.Seed), "requested_by": r.RequestedBy})
			if up.Error != nil {
				return up.Error
			}
			if up.RowsAffected == 1 {
				queued.K, queued.Seed, queued.RequestedBy = r.K, int64(r.Seed), r.RequestedBy
				*r = *runFromRow(queued)
				return nil
			}
		} else if !errors.Is(err, gorm.ErrRecordNotFound) {
			return err
		}
		row := analysisRunRow{Scope: r.Scope, Status: string(survey.RunQueued), K: r.K, Seed: int64(r.Seed),
			RequestedBy: r.RequestedBy, Message: r.Message}
		if !r.CreatedAt.IsZero() {
			row.CreatedAt = r.CreatedAt
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		*r = *runFromRow(row)
		return nil
	})
}

// ClaimAnalysisRun implements survey.AnalysisStore. The claim is a
// conditional UPDATE that only succeeds while the row is still claimable,
// so of several processes racing for one run exactly one wins (on
// PostgreSQL the losing UPDATE re-checks the condition on the committed
// row and matches nothing); the loser moves on to the next candidate.
func (s *Store) ClaimAnalysisRun(ctx context.Context, now, staleBefore time.Time) (*survey.AnalysisRun, error) {
	db := s.db.WithContext(ctx)
	claimable := "(status = ? OR (status = ? AND heartbeat_at < ?))"
	args := []any{string(survey.RunQueued), string(survey.RunRunning), staleBefore}
	for attempt := 0; attempt < 8; attempt++ {
		var ids []int64
		if err := db.Model(&analysisRunRow{}).Where(claimable, args...).Order("id").Limit(4).Pluck("id", &ids).Error; err != nil {
			return nil, fmt.Errorf("find queued analysis runs: %w", err)
		}
		if len(ids) == 0 {
			return nil, fmt.Errorf("queued analysis run: %w", survey.ErrNotFound)
		}
		for _, id := range ids {
			up := db.Model(&analysisRunRow{}).Where("id = ? AND "+claimable, append([]any{id}, args...)...).
				Updates(map[string]any{"status": string(survey.RunRunning), "started_at": now, "heartbeat_at": now,
					"progress": 0.0, "message": ""})
			if up.Error != nil {
				return nil, fmt.Errorf("claim analysis run %d: %w", id, up.Error)
			}
			if up.RowsAffected == 1 {
				return s.AnalysisRun(ctx, id)
			}
		}
	}
	return nil, fmt.Errorf("queued analysis run: %w", survey.ErrNotFound)
}

// UpdateAnalysisProgress implements survey.AnalysisStore.
func (s *Store) UpdateAnalysisProgress(ctx context.Context, id int64, progress float64, message string, now time.Time) error {
	return s.db.WithContext(ctx).Model(&analysisRunRow{}).Where("id = ? AND status = ?", id, string(survey.RunRunning)).
		Updates(map[string]any{"progress": progress, "message": message, "heartbeat_at": now}).Error
}

// StartAnalysisRun implements survey.AnalysisStore.
func (s *Store) StartAnalysisRun(ctx context.Context, id int64, dataVersion, options string) error {
	return s.db.WithContext(ctx).Model(&analysisRunRow{}).Where("id = ?", id).
		Updates(map[string]any{"data_version": dataVersion, "options": options}).Error
}

// FinishAnalysisRun implements survey.AnalysisStore.
func (s *Store) FinishAnalysisRun(ctx context.Context, id int64, status survey.RunStatus, result, message string, now time.Time) error {
	if !status.Finished() {
		return fmt.Errorf("finish analysis run with status %q: %w", status, survey.ErrInvalid)
	}
	progress := 1.0
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		up := tx.Model(&analysisRunRow{}).Where("id = ?", id).
			Updates(map[string]any{"status": string(status), "result": result, "message": message, "finished_at": now,
				"heartbeat_at": now, "progress": progress})
		if up.Error != nil {
			return up.Error
		}
		if up.RowsAffected == 0 {
			return fmt.Errorf("analysis run %d: %w", id, survey.ErrNotFound)
		}
		var scopes []string
		if err := tx.Model(&analysisRunRow{}).Where("id = ?", id).Pluck("scope", &scopes).Error; err != nil || len(scopes) != 1 {
			return err
		}
		return analysisEvent(tx, id, scopes[0], status, message, now)
	})
	if err != nil {
		return fmt.Errorf("finish analysis run %d: %w", id, err)
	}
	if status == survey.RunDone {
		// Only the newest result is shown; older runs keep their record
		// but not their (large) result.
		var scopes []string
		if err := s.db.WithContext(ctx).Model(&analysisRunRow{}).Where("id = ?", id).Pluck("scope", &scopes).Error; err != nil || len(scopes) != 1 {
			return err
		}
		if err := s.db.WithContext(ctx).Model(&analysisRunRow{}).Where("scope = ? AND id < ? AND result <> ''", scopes[0], id).
			Update("result", "").Error; err != nil {
			return fmt.Errorf("prune old analysis results: %w", err)
		}
	}
	return nil
}

// AnalysisRun implements survey.AnalysisStore (without the result).
func (s *Store) AnalysisRun(ctx context.Context, id int64) (*survey.AnalysisRun, error) {
	var row analysisRunRow
	if err := s.db.WithContext(ctx).Select(runColumns).Take(&row, id).Error; err != nil {
		return nil, notFound(err, "analysis run %d", id)
	}
	return runFromRow(row), nil
}

// LatestAnalysisRun implements survey.AnalysisStore.
func (s *Store) LatestAnalysisRun(ctx context.Context, scope string) (*survey.AnalysisRun, error) {
	var row analysisRunRow
	err := s.db.WithContext(ctx).Select(runColumns).Where("scope = ?", scope).Order("id DESC").Take(&row).Error
	if err != nil {
		return nil, notFound(err, "analysis of %s", scope)
	}
	return runFromRow(row), nil
}

// LatestAnalysisResult implements survey.AnalysisStore.
func (s *Store) LatestAnalysisResult(ctx context.Context, scope string, withResult bool) (*survey.AnalysisRun, error) {
	var row analysisRunRow
	q := s.db.WithContext(ctx)
	if !withResult {
		q = q.Select(runColumns)
	}
	err := q.Where("scope = ? AND status = ?", scope, string(survey.RunDone)).Order("id DESC").Take(&row).Error
	if err != nil {
		return nil, notFound(err, "analysis result of %s", scope)
	}
	return runFromRow(row), nil
}

// AnalysisResult implements survey.AnalysisStore.
func (s *Store) AnalysisResult(ctx context.Context, id int64) (string, error) {
	var rs []string
	if err := s.db.WithContext(ctx).Model(&analysisRunRow{}).Where("id = ?", id).Pluck("result", &rs).Error; err != nil {
		return "", err
	}
	if len(rs) != 1 {
		return "", fmt.Errorf("analysis run %d: %w", id, survey.ErrNotFound)
	}
	return rs[0], nil
}

// AnalysisSettings implements survey.AnalysisStore.
func (s *Store) AnalysisSettings(ctx context.Context, scope string) (*survey.AnalysisSettings, error) {
	var row analysisSettingsRow
	err := s.db.WithContext(ctx).Take(&row, "scope = ?", scope).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return &survey.AnalysisSettings{Scope: scope}, nil
	}
	if err != nil {
		return nil, err
	}
	out := &survey.AnalysisSettings{}
	if err := json.Unmarshal([]byte(row.Settings), out); err != nil {
		return nil, fmt.Errorf("analysis settings of %s: %w", scope, err)
	}
	out.Scope, out.UpdatedAt = scope, row.UpdatedAt
	return out, nil
}

// SaveAnalysisSettings implements survey.AnalysisStore.
func (s *Store) SaveAnalysisSettings(ctx context.Context, st *survey.AnalysisSettings) error {
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	row := analysisSettingsRow{Scope: st.Scope, Settings: string(b), UpdatedAt: time.Now().UTC()}
	if err := s.db.WithContext(ctx).Save(&row).Error; err != nil {
		return fmt.Errorf("save analysis settings of %s: %w", st.Scope, err)
	}
	st.UpdatedAt = row.UpdatedAt
	return nil
}

// AnalysisDataVersion implements survey.AnalysisStore with a few
// aggregate queries over indexed columns.
func (s *Store) AnalysisDataVersion(ctx context.Context, scope survey.AnalysisScope) (string, error) {
	db := s.db.WithContext(ctx)
	var surveyIDs []int64
	q := db.Model(&surveyRow{})
	if scope.Survey != "" {
		q = q.Where("slug = ?", scope.Survey)
	} else {
		q = q.Where("project_id = ?", scope.ProjectID)
	}
	if err := q.Order("id").Pluck("id", &surveyIDs).Error; err != nil {
		return "", err
	}
	if scope.Survey != "" && len(surveyIDs) == 0 {
		return "", fmt.Errorf("survey %q: %w", scope.Survey, survey.ErrNotFound)
	}
	type agg struct {
		N    int64
		Last sql.NullString
		Max  sql.NullInt64
	}
	var v string
	var defs, resp agg
	if len(surveyIDs) > 0 {
		if err := db.Model(&surveyRow{}).Select("COUNT(*) AS n, MAX(updated_at) AS last, SUM(version) AS max").
			Where("id IN ?", surveyIDs).Scan(&defs).Error; err != nil {
			return "", err
		}
		if err := db.Model(&responseRow{}).Select("COUNT(*) AS n, MAX(updated_at) AS last").
			Where("survey_id IN ?", surveyIDs).Scan(&resp).Error; err != nil {
			return "", err
		}
	}
	v = fmt.Sprintf("s%d.%d|r%d.%s", defs.N, defs.Max.Int64, resp.N, resp.Last.String)
	if scope.ProjectID != 0 {
		var tr, ut agg
		if err := db.Model(&transcriptRow{}).Select("COUNT(*) AS n, MAX(id) AS max").
			Where("project_id = ?", scope.ProjectID).Scan(&tr).Error; err != nil {
			return "", err
		}
		if err := db.Model(&utteranceRow{}).Select("COUNT(*) AS n, MAX(utterances.id) AS max").
			Joins("JOIN transcripts ON transcripts.id = utterances.transcript_id").
			Where("transcripts.project_id = ?", scope.ProjectID).Scan(&ut).Error; err != nil {
			return "", err
		}
		var parts int64
		if err := db.Model(&participantRow{}).Where("project_id = ?", scope.ProjectID).Count(&parts).Error; err != nil {
			return "", err
		}
		// Who is a moderator and who is which participant changes whose
		// words are analysed; speakers have no change time, so count.
		var sp struct{ Moderators, Mapped sql.NullInt64 }
		if err := db.Model(&speakerRow{}).
			Select("SUM(CASE WHEN speakers.moderator THEN 1 ELSE 0 END) AS moderators, COUNT(speakers.participant_id) AS mapped").
			Joins("JOIN transcripts ON transcripts.id = speakers.transcript_id").
			Where("transcripts.project_id = ?", scope.ProjectID).Scan(&sp).Error; err != nil {
			return "", err
		}
		v += fmt.Sprintf("|t%d.%d|u%d.%d|p%d|m%d.%d", tr.N, tr.Max.Int64, ut.N, ut.Max.Int64, parts, sp.Moderators.Int64, sp.Mapped.Int64)
	}
	coding, err := codingVersion(db, scope, surveyIDs)
	if err != nil {
		return "", err
	}
	return v + coding, nil
}
