package gormstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

var _ survey.CodingStore = (*Store)(nil)

// Rows of migration 0005_coding: the codebook, codings of utterances and
// open answers, interview-note drafts and decisions on suggested codes.

type codeRow struct {
	ID          int64  `gorm:"primaryKey"`
	ProjectID   int64  `gorm:"not null;uniqueIndex:ux_codes_name,priority:1"`
	Name        string `gorm:"size:100;not null;uniqueIndex:ux_codes_name,priority:2"`
	Description string `gorm:"type:text;not null;default:''"`
	Grp         string `gorm:"size:16;not null;default:'other'"`
	CreatedAt   time.Time
	// UpdatedAt is when the code was last renamed, described or
	// regrouped (CreatedAt until then): analyses that report it go stale.
	UpdatedAt time.Time
}

func (codeRow) TableName() string { return "codes" }

type codingRow struct {
	ID          int64   `gorm:"primaryKey"`
	ProjectID   int64   `gorm:"not null;index"`
	CodeID      int64   `gorm:"not null;uniqueIndex:ux_codings_coder,priority:1"`
	Source      string  `gorm:"size:16;not null;uniqueIndex:ux_codings_coder,priority:2"`
	UtteranceID int64   `gorm:"not null;default:0;uniqueIndex:ux_codings_coder,priority:3;index"`
	ResponseID  string  `gorm:"size:36;not null;default:'';uniqueIndex:ux_codings_coder,priority:4"`
	QuestionID  string  `gorm:"size:64;not null;default:'';uniqueIndex:ux_codings_coder,priority:5"`
	SpanStart   int     `gorm:"not null;default:0;uniqueIndex:ux_codings_coder,priority:6"`
	SpanEnd     int     `gorm:"not null;default:0;uniqueIndex:ux_codings_coder,priority:7"`
	CreatedBy   int64   `gorm:"not null;default:0;uniqueIndex:ux_codings_coder,priority:8"`
	Origin      string  `gorm:"size:16;not null;default:'manual'"`
	Confidence  float64 `gorm:"not null;default:0"`
	CreatedAt   time.Time
}

func (codingRow) TableName() string { return "codings" }

type noteDraftRow struct {
	UserID    int64  `gorm:"primaryKey;autoIncrement:false"`
	DraftKey  string `gorm:"primaryKey;size:64"`
	ProjectID int64  `gorm:"not null;index"`
	Data      string `gorm:"type:text;not null"`
	UpdatedAt time.Time
}

func (noteDraftRow) TableName() string { return "note_drafts" }

type suggestionRow struct {
	UtteranceID int64  `gorm:"primaryKey;autoIncrement:false"`
	Key         string `gorm:"column:pain_key;primaryKey;size:200"`
	ProjectID   int64  `gorm:"not null;index"`
	Label       string `gorm:"size:200;not null;default:''"`
	Status      string `gorm:"size:16;not null"`
	DecidedAt   time.Time
}

func (suggestionRow) TableName() string { return "code_suggestions" }

// migrationCodeUpdatedAt gives codes a change time, so renaming one makes
// the analyses that report it stale. Codes made before it count as never
// edited.
var migrationCodeUpdatedAt = &gormigrate.Migration{
	ID: "0020_code_updated_at",
	Migrate: func(tx *gorm.DB) error {
		if m := tx.Migrator(); !m.HasColumn(&codeRow{}, "UpdatedAt") {
			if err := m.AddColumn(&codeRow{}, "UpdatedAt"); err != nil {
				return err
			}
		}
		return tx.Exec("UPDATE codes SET updated_at = created_at WHERE updated_at IS NULL").Error
	},
}

// migrationCoding adds the coding tables; models.go lists it after 0004.
var migrationCoding = &gormigrate.Migration{
	ID: "0005_coding",
	Migrate: func(tx *gorm.DB) error {
		for _, t := range []any{&codeRow{}, &codingRow{}, &noteDraftRow{}, &suggestionRow{}} {
			if !tx.Migrator().HasTable(t) {
				if err := tx.Migrator().CreateTable(t); err != nil {
					return err
				}
			}
		}
		return nil
	},
}

func codeFromRow(r codeRow) *survey.Code {
	return &survey.Code{ID: r.ID, ProjectID: r.ProjectID, Name: r.Name, Description: r.Description, Group: survey.CodeGroup(r.Grp), CreatedAt: r.CreatedAt}
}

// CreateCode stores a new code.
func (s *Store) CreateCode(ctx context.Context, c *survey.Code) error {
	if err := c.Validate(); err != nil {
		return err
	}
	row := codeRow{ProjectID: c.ProjectID, Name: c.Name, Description: c.Description, Grp: string(c.Group)}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := codeNameFree(tx, c.ProjectID, c.Name, 0); err != nil {
			return err
		}
		return tx.Create(&row).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		err = fmt.Errorf("code %q already exists: %w", c.Name, survey.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create code: %w", err)
	}
	c.ID, c.CreatedAt = row.ID, row.CreatedAt
	return nil
}

func codeNameFree(tx *gorm.DB, projectID int64, name string, except int64) error {
	var n int64
	if err := tx.Model(&codeRow{}).Where("project_id = ? AND name = ? AND id <> ?", projectID, name, except).Count(&n).Error; err != nil {
		return err
	}
	if n > 0 {
		return fmt.Errorf("code %q already exists: %w", name, survey.ErrConflict)
	}
	return nil
}

// UpdateCode saves a code's name, description and group.
func (s *Store) UpdateCode(ctx context.Context, c *survey.Code) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := codeNameFree(tx, c.ProjectID, c.Name, c.ID); err != nil {
			return err
		}
		res := tx.Model(&codeRow{}).Where("id = ? AND project_id = ?", c.ID, c.ProjectID).
			Updates(map[string]any{"name": c.Name, "description": c.Description, "grp": string(c.Group), "updated_at": time.Now().UTC()})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("code %d: %w", c.ID, survey.ErrNotFound)
		}
		return nil
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		err = fmt.Errorf("code %q already exists: %w", c.Name, survey.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("update code: %w", err)
	}
	return nil
}

// CodeByID loads one code of a project.
func (s *Store) CodeByID(ctx context.Context, projectID, id int64) (*survey.Code, error) {
	var r codeRow
	if err := s.db.WithContext(ctx).Where("id = ? AND project_id = ?", id, projectID).Take(&r).Error; err != nil {
		return nil, notFound(err, "code %d", id)
	}
	return codeFromRow(r), nil
}

// Codes lists a project's codebook with use counts.
func (s *Store) Codes(ctx context.Context, projectID int64) ([]*survey.Code, error) {
	var rows []codeRow
	if err := s.db.WithContext(ctx).Where("project_id = ?", projectID).Order("grp, name").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list codes: %w", err)
	}
	var counts []struct {
		CodeID int64
		N      int
	}
	// A passage two coders gave the same code is one use.
	if err := s.db.WithContext(ctx).Raw(`SELECT code_id, COUNT(*) AS n FROM (SELECT DISTINCT code_id, source, utterance_id,
		response_id, question_id, span_start, span_end FROM codings WHERE project_id = ?) d GROUP BY code_id`, projectID).Scan(&counts).Error; err != nil {
		return nil, fmt.Errorf("count codings: %w", err)
	}
	uses := map[int64]int{}
	for _, c := range counts {
		uses[c.CodeID] = c.N
	}
	out := make([]*survey.Code, len(rows))
	for i, r := range rows {
		out[i] = codeFromRow(r)
		out[i].Uses = uses[r.ID]
	}
	return out, nil
}

// MergeCodes moves from's codings onto into and deletes from.
func (s *Store) MergeCodes(ctx context.Context, projectID, from, into int64) error {
	if from == into {
		return fmt.Errorf("merge a code into itself: %w", survey.ErrInvalid)
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&codeRow{}).Where("project_id = ? AND id IN ?", projectID, []int64{from, into}).Count(&n).Error; err != nil {
			return err
		}
		if n != 2 {
			return fmt.Errorf("codes %d, %d: %w", from, into, survey.ErrNotFound)
		}
		if err := tx.Exec(`UPDATE codings SET code_id = ? WHERE code_id = ? AND NOT EXISTS (
			SELECT 1 FROM codings c2 WHERE c2.code_id = ? AND c2.source = codings.source
			AND c2.utterance_id = codings.utterance_id AND c2.response_id = codings.response_id
			AND c2.question_id = codings.question_id AND c2.span_start = codings.span_start AND c2.span_end = codings.span_end
			AND c2.created_by = codings.created_by)`,
			into, from, into).Error; err != nil {
			return err
		}
		if err := tx.Where("code_id = ?", from).Delete(&codingRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("code_id = ?", from).Delete(&codingRejectionRow{}).Error; err != nil {
			return err
		}
		return tx.Delete(&codeRow{}, from).Error
	})
	if err != nil {
		return fmt.Errorf("merge codes: %w", err)
	}
	return nil
}

// ApplyCode stores a coding unless the same one exists.
func (s *Store) ApplyCode(ctx context.Context, k *survey.Coding) error {
	if err := k.Validate(); err != nil {
		return err
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return applyCode(tx, k) })
	if err != nil {
		return fmt.Errorf("apply code: %w", err)
	}
	return nil
}

// applyCode checks the code and passage belong to the project and stores
// k once.
func applyCode(tx *gorm.DB, k *survey.Coding) error {
	var n int64
	if err := tx.Model(&codeRow{}).Where("id = ? AND project_id = ?", k.CodeID, k.ProjectID).Count(&n).Error; err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("code %d: %w", k.CodeID, survey.ErrNotFound)
	}
	if k.Source == survey.SourceUtterance {
		err := tx.Table("utterances u").Joins("JOIN transcripts t ON t.id = u.transcript_id").
			Where("u.id = ? AND t.project_id = ?", k.UtteranceID, k.ProjectID).Count(&n).Error
		if err != nil {
			return err
		}
	} else {
		// The passage is the text typed for the question.
		var stored []string
		err := tx.Table("responses r").Joins("JOIN surveys s ON s.id = r.survey_id").
			Where("r.id = ? AND s.project_id = ?", k.ResponseID, k.ProjectID).Pluck("r.answers", &stored).Error
		if err != nil {
			return err
		}
		n = 0
		if len(stored) == 1 {
			a, err := decodeAnswers(stored[0])
			if err != nil {
				return err
			}
			if typedText(a[k.QuestionID]) != "" {
				n = 1
			}
		}
	}
	if n == 0 {
		return fmt.Errorf("passage: %w", survey.ErrNotFound)
	}
	if k.Origin == "" {
		k.Origin = survey.OriginManual
	}
	row := codingRow{ProjectID: k.ProjectID, CodeID: k.CodeID, Source: k.Source, UtteranceID: k.UtteranceID,
		ResponseID: k.ResponseID, QuestionID: k.QuestionID, SpanStart: k.SpanStart, SpanEnd: k.SpanEnd, CreatedBy: k.CreatedBy,
		Origin: k.Origin, Confidence: k.Confidence}
	var existing codingRow
	err := tx.Where("code_id = ? AND source = ? AND utterance_id = ? AND response_id = ? AND question_id = ? AND span_start = ? AND span_end = ? AND created_by = ?",
		row.CodeID, row.Source, row.UtteranceID, row.ResponseID, row.QuestionID, row.SpanStart, row.SpanEnd, row.CreatedBy).Take(&existing).Error
	if err == nil {
		k.ID, k.CreatedAt = existing.ID, existing.CreatedAt
		return nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return err
	}
	if err := tx.Create(&row).Error; err != nil {
		return err
	}
	k.ID, k.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// RemoveCoding deletes one coding of a project.
func (s *Store) RemoveCoding(ctx context.Context, projectID, id int64) error {
	res := s.db.WithContext(ctx).Where("id = ? AND project_id = ?", id, projectID).Delete(&codingRow{})
	if res.Error != nil {
		return fmt.Errorf("remove coding: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("coding %d: %w", id, survey.ErrNotFound)
	}
	return nil
}

func codingFromRow(r codingRow) survey.Coding {
	return survey.Coding{ID: r.ID, ProjectID: r.ProjectID, CodeID: r.CodeID, Source: r.Source, UtteranceID: r.UtteranceID,
		ResponseID: r.ResponseID, QuestionID: r.QuestionID, SpanStart: r.SpanStart, SpanEnd: r.SpanEnd, CreatedBy: r.CreatedBy,
		Origin: r.Origin, Confidence: r.Confidence, CreatedAt: r.CreatedAt}
}

// TranscriptCodings returns the codings of one transcript's utterances.
func (s *Store) TranscriptCodings(ctx context.Context, transcriptID int64) ([]survey.Coding, error) {
	var rows []codingRow
	err := s.db.WithContext(ctx).Where("source = ? AND utterance_id IN (SELECT id FROM utterances WHERE transcript_id = ?)", survey.SourceUtterance, transcriptID).
		Order("id").Find(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("transcript codings: %w", err)
	}
	out := make([]survey.Coding, len(rows))
	for i, r := range rows {
		out[i] = codingFromRow(r)
	}
	return out, nil
}
