package gormstore

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/safarhq/safar/survey"
)

// codingRejectionRow is a code the assisted coding suggested for a
// passage and a researcher rejected.
type codingRejectionRow struct {
	CodeID      int64  `gorm:"primaryKey;autoIncrement:false"`
	Source      string `gorm:"primaryKey;size:16"`
	UtteranceID int64  `gorm:"primaryKey;autoIncrement:false"`
	ResponseID  string `gorm:"primaryKey;size:36"`
	QuestionID  string `gorm:"primaryKey;size:64"`
	ProjectID   int64  `gorm:"not null;index"`
	RejectedBy  int64  `gorm:"not null;default:0"`
	RejectedAt  time.Time
}

func (codingRejectionRow) TableName() string { return "coding_rejections" }

var migrationRejections = &gormigrate.Migration{
	ID: "0011_coding_rejections",
	Migrate: func(tx *gorm.DB) error {
		if tx.Migrator().HasTable(&codingRejectionRow{}) {
			return nil
		}
		return tx.Migrator().CreateTable(&codingRejectionRow{})
	},
}

// ApplyCodes stores every coding of ks or none.
func (s *Store) ApplyCodes(ctx context.Context, ks []*survey.Coding) error {
	for _, k := range ks {
		if err := k.Validate(); err != nil {
			return err
		}
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for _, k := range ks {
			if err := applyCode(tx, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("apply codes: %w", err)
	}
	return nil
}

// RejectSuggestion stores a rejection once; the code must be the
// project's.
func (s *Store) RejectSuggestion(ctx context.Context, k *survey.Coding) error {
	if err := k.Validate(); err != nil {
		return err
	}
	row := codingRejectionRow{CodeID: k.CodeID, Source: k.Source, UtteranceID: k.UtteranceID, ResponseID: k.ResponseID,
		QuestionID: k.QuestionID, ProjectID: k.ProjectID, RejectedBy: k.CreatedBy, RejectedAt: time.Now().UTC()}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&codeRow{}).Where("id = ? AND project_id = ?", k.CodeID, k.ProjectID).Count(&n).Error; err != nil {
			return err
		}
		if n == 0 {
			return fmt.Errorf("code %d: %w", k.CodeID, survey.ErrNotFound)
		}
		return tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row).Error
	})
	if err != nil {
		return fmt.Errorf("reject suggestion: %w", err)
	}
	return nil
}

// RejectedSuggestions lists a project's rejections.
func (s *Store) RejectedSuggestions(ctx context.Context, projectID int64) ([]survey.Coding, error) {
	var rows []codingRejectionRow
	if err := s.db.WithContext(ctx).Where("project_id = ?", projectID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list rejected suggestions: %w", err)
	}
	out := make([]survey.Coding, len(rows))
	for i, r := range rows {
		out[i] = survey.Coding{ProjectID: r.ProjectID, CodeID: r.CodeID, Source: r.Source, UtteranceID: r.UtteranceID,
			ResponseID: r.ResponseID, QuestionID: r.QuestionID, CreatedBy: r.RejectedBy, CreatedAt: r.RejectedAt}
	}
	return out, nil
}

// codingVersion summarises the researchers' codes of the scope's project
// and the codings its analysis reads for AnalysisDataVersion: the analysis
// reports them, so coding a passage or merging codes makes a stored
// analysis stale. A survey's analysis reads the codings of its own
// answers only: coding a transcript leaves it as it was.
func codingVersion(db *gorm.DB, scope survey.AnalysisScope, surveyIDs []int64) (string, error) {
	projectID := scope.ProjectID
	if projectID == 0 && len(surveyIDs) > 0 {
		if err := db.Model(&surveyRow{}).Where("id = ?", surveyIDs[0]).Pluck("project_id", &projectID).Error; err != nil {
			return "", err
		}
	}
	var codes, codings struct {
		N      int64
		Max    sql.NullInt64
		Edited sql.NullString
	}
	// A code's edits count from the first: a codebook never edited keeps
	// the version it had before codes had a change time.
	if err := db.Model(&codeRow{}).Select("COUNT(*) AS n, MAX(id) AS max, MAX(CASE WHEN updated_at > created_at THEN updated_at END) AS edited").
		Where("project_id = ?", projectID).Scan(&codes).Error; err != nil {
		return "", err
	}
	q := db.Model(&codingRow{}).Select("COUNT(*) AS n, MAX(id) AS max").Where("project_id = ?", projectID)
	if scope.Survey != "" {
		q = q.Where("source = ? AND response_id IN (?)", survey.SourceAnswer,
			db.Model(&responseRow{}).Select("id").Where("survey_id IN ?", surveyIDs))
	}
	if err := q.Scan(&codings).Error; err != nil {
		return "", err
	}
	v := fmt.Sprintf("%s%d.%d|k%d.%d", survey.CodesVersion, codes.N, codes.Max.Int64, codings.N, codings.Max.Int64)
	if codes.Edited.Valid {
		v += "|e" + codes.Edited.String
	}
	return v, nil
}
