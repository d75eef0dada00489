package gormstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// EnsureProject returns the project with this name, creating it.
func (s *Store) EnsureProject(ctx context.Context, name, title string) (*survey.Project, error) {
	if title == "" {
		title = name
	}
	row := projectRow{Name: name, Title: title}
	err := s.db.WithContext(ctx).Where(projectRow{Name: name}).Attrs(projectRow{Title: title}).FirstOrCreate(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) { // lost a race with another creator
		err = s.db.WithContext(ctx).Where("name = ?", name).Take(&row).Error
	}
	if err != nil {
		return nil, fmt.Errorf("ensure project %q: %w", name, err)
	}
	return projectFromRow(row), nil
}

// ProjectByName finds a project.
func (s *Store) ProjectByName(ctx context.Context, name string) (*survey.Project, error) {
	var row projectRow
	if err := s.db.WithContext(ctx).Where("name = ?", name).Take(&row).Error; err != nil {
		return nil, notFound(err, "project %q", name)
	}
	return projectFromRow(row), nil
}

// CreateSurvey stores a new survey at version 1.
func (s *Store) CreateSurvey(ctx context.Context, sv *survey.Survey) error {
	if err := checkTitle(sv.Definition); err != nil {
		return err
	}
	def, err := json.Marshal(sv.Definition)
	if err != nil {
		return err
	}
	if sv.Status == "" {
		sv.Status = survey.Draft
	}
	row := surveyRow{
		ProjectID: sv.ProjectID, Slug: sv.Definition.Slug, Title: sv.Definition.Title.String(),
		Language: sv.Definition.Language, Status: string(sv.Status), Version: 1,
		Definition: string(def), ClosesAt: sv.ClosesAt, ResponseLimit: sv.ResponseLimit,
	}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&surveyRow{}).Where("slug = ?", row.Slug).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("survey %q already exists: %w", row.Slug, survey.ErrConflict)
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		if err := recountQuotas(tx, row.ID, sv.Definition); err != nil {
			return err
		}
		return tx.Create(&surveyVersionRow{SurveyID: row.ID, Version: 1, Definition: row.Definition}).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		err = fmt.Errorf("survey %q already exists: %w", row.Slug, survey.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create survey: %w", err)
	}
	sv.ID, sv.Slug, sv.Version, sv.CreatedAt, sv.UpdatedAt = row.ID, row.Slug, 1, row.CreatedAt, row.UpdatedAt
	return nil
}

// UpdateDefinition stores a new version of a survey's definition. The slug
// cannot change: links to the survey are already out in the world.
func (s *Store) UpdateDefinition(ctx context.Context, surveyID int64, d *survey.Definition) (int, error) {
	if err := checkTitle(d); err != nil {
		return 0, err
	}
	def, err := json.Marshal(d)
	if err != nil {
		return 0, err
	}
	var version int
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row surveyRow
		if err := tx.Take(&row, surveyID).Error; err != nil {
			return notFound(err, "survey %d", surveyID)
		}
		if row.Slug != d.Slug {
			return fmt.Errorf("slug cannot change from %q to %q: %w", row.Slug, d.Slug, survey.ErrInvalid)
		}
		version = row.Version + 1
		var old survey.Definition
		if err := json.Unmarshal([]byte(row.Definition), &old); err != nil {
			return fmt.Errorf("survey %d: stored definition: %w", surveyID, err)
		}
		if err := tx.Create(&surveyVersionRow{SurveyID: surveyID, Version: version, Definition: string(def)}).Error; err != nil {
			return err
		}
		err := tx.Model(&row).Updates(map[string]any{
			"version": version, "definition": string(def), "title": d.Title.String(),
			"language": d.Language, "updated_at": time.Now().UTC(),
		}).Error
		if err != nil || !quotasChanged(old.Quotas, d.Quotas) {
			return err
		}
		// After the writes, so the transaction holds SQLite's write lock
		// while it counts: no completion lands between count and store.
		return recountQuotas(tx, surveyID, d)
	})
	if err != nil {
		return 0, fmt.Errorf("update survey definition: %w", err)
	}
	return version, nil
}

// SetSurveyStatus publishes, closes or reopens a survey.
func (s *Store) SetSurveyStatus(ctx context.Context, surveyID int64, st survey.Status) error {
	res := s.db.WithContext(ctx).Model(&surveyRow{}).Where("id = ?", surveyID).
		Updates(map[string]any{"status": string(st), "updated_at": time.Now().UTC()})
	if res.Error != nil {
		return fmt.Errorf("set survey status: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("survey %d: %w", surveyID, survey.ErrNotFound)
	}
	return nil
}

// SurveyBySlug finds a survey with its current definition.
func (s *Store) SurveyBySlug(ctx context.Context, slug string) (*survey.Survey, error) {
	var row surveyRow
	if err := s.db.WithContext(ctx).Where("slug = ?", slug).Take(&row).Error; err != nil {
		return nil, notFound(err, "survey %q", slug)
	}
	return surveyFromRow(row)
}

// Surveys lists a project's surveys, or all surveys for projectID 0.
func (s *Store) Surveys(ctx context.Context, projectID int64) ([]*survey.Survey, error) {
	var rows []surveyRow
	q := s.db.WithContext(ctx).Order("id")
	if projectID != 0 {
		q = q.Where("project_id = ?", projectID)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list surveys: %w", err)
	}
	out := make([]*survey.Survey, 0, len(rows))
	for _, r := range rows {
		sv, err := surveyFromRow(r)
		if err != nil {
			return nil, err
		}
		out = append(out, sv)
	}
	return out, nil
}

// DefinitionVersion returns the definition a survey had at a version.
func (s *Store) DefinitionVersion(ctx context.Context, surveyID int64, version int) (*survey.Definition, error) {
	var row surveyVersionRow
	err := s.db.WithContext(ctx).Where("survey_id = ? AND version = ?", surveyID, version).Take(&row).Error
	if err != nil {
		return nil, notFound(err, "survey %d version %d", surveyID, version)
	}
	return decodeDefinition(row.Definition)
}

func surveyFromRow(r surveyRow) (*survey.Survey, error) {
	def, err := decodeDefinition(r.Definition)
	if err != nil {
		return nil, fmt.Errorf("survey %q: %w", r.Slug, err)
	}
	return &survey.Survey{
		ID: r.ID, ProjectID: r.ProjectID, Slug: r.Slug, Status: survey.Status(r.Status),
		Version: r.Version, Definition: def, ClosesAt: r.ClosesAt, ResponseLimit: r.ResponseLimit,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
	}, nil
}

func decodeDefinition(s string) (*survey.Definition, error) {
	var d survey.Definition
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return nil, fmt.Errorf("stored definition is corrupt: %w", err)
	}
	return &d, nil
}

// notFound maps GORM's record-not-found to the domain error.
func notFound(err error, format string, args ...any) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return fmt.Errorf(format+": %w", append(args, survey.ErrNotFound)...)
	}
	return fmt.Errorf(format+": %w", append(args, err)...)
}

// checkTitle refuses a title PostgreSQL could not store in its column
// (the whole definition is JSON, where a NUL is escaped), on both stores.
func checkTitle(d *survey.Definition) error {
	if !survey.ValidText(d.Title.String()) {
		return &survey.ValidationError{Problems: []survey.FieldError{{Field: "title", Message: survey.BadTextMessage}}}
	}
	return nil
}
