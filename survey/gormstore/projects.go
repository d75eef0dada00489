package gormstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

func projectFromRow(r projectRow) *survey.Project {
	p := &survey.Project{ID: r.ID, Name: r.Name, Title: r.Title, Description: r.Description,
		Archived: r.Archived, CreatedAt: r.CreatedAt}
	if r.Touchpoints != "" {
		_ = json.Unmarshal([]byte(r.Touchpoints), &p.Touchpoints) // written by us; bad JSON reads as none
	}
	if r.Stages != "" {
		_ = json.Unmarshal([]byte(r.Stages), &p.Stages)
	}
	if len(p.Stages) == 0 {
		p.Stages = survey.DefaultStages()
	}
	return p
}

func projectJSON(p *survey.Project) (tps, stages string) {
	t, _ := json.Marshal(p.Touchpoints)
	st, _ := json.Marshal(p.Stages)
	if len(p.Touchpoints) == 0 {
		t = []byte("[]")
	}
	return string(t), string(st)
}

// Projects lists projects by title.
func (s *Store) Projects(ctx context.Context, withArchived bool) ([]*survey.Project, error) {
	var rows []projectRow
	q := s.db.WithContext(ctx).Order("title, id")
	if !withArchived {
		q = q.Where("archived = ?", false)
	}
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list projects: %w", err)
	}
	out := make([]*survey.Project, len(rows))
	for i, r := range rows {
		out[i] = projectFromRow(r)
	}
	return out, nil
}

// ProjectByID finds a project.
func (s *Store) ProjectByID(ctx context.Context, id int64) (*survey.Project, error) {
	var row projectRow
	if err := s.db.WithContext(ctx).Take(&row, id).Error; err != nil {
		return nil, notFound(err, "project %d", id)
	}
	return projectFromRow(row), nil
}

// CreateProject stores a new project.
func (s *Store) CreateProject(ctx context.Context, p *survey.Project) error {
	if err := p.Validate(); err != nil {
		return err
	}
	tps, stages := projectJSON(p)
	row := projectRow{Name: p.Name, Title: p.Title, Description: p.Description, Archived: p.Archived, Touchpoints: tps, Stages: stages}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&projectRow{}).Where("name = ?", p.Name).Count(&n).Error; err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("project %q already exists: %w", p.Name, survey.ErrConflict)
		}
		return tx.Create(&row).Error
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		err = fmt.Errorf("project %q already exists: %w", p.Name, survey.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create project: %w", err)
	}
	p.ID, p.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// UpdateProject saves a project's title, description, touchpoints and stages.
func (s *Store) UpdateProject(ctx context.Context, p *survey.Project) error {
	if err := p.Validate(); err != nil {
		return err
	}
	tps, stages := projectJSON(p)
	res := s.db.WithContext(ctx).Model(&projectRow{}).Where("id = ?", p.ID).Updates(map[string]any{
		"title": p.Title, "description": p.Description, "touchpoints": tps, "stages": stages,
	})
	if res.Error != nil {
		return fmt.Errorf("update project: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("project %d: %w", p.ID, survey.ErrNotFound)
	}
	return nil
}

// SetProjectArchived archives or restores a project.
func (s *Store) SetProjectArchived(ctx context.Context, id int64, archived bool) error {
	res := s.db.WithContext(ctx).Model(&projectRow{}).Where("id = ?", id).Update("archived", archived)
	if res.Error != nil {
		return fmt.Errorf("archive project: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("project %d: %w", id, survey.ErrNotFound)
	}
	return nil
}

// SetSurveySchedule sets the closing time and response limit.
func (s *Store) SetSurveySchedule(ctx context.Context, surveyID int64, closesAt *time.Time, limit int) error {
	if limit < 0 {
		return &survey.ValidationError{Problems: []survey.FieldError{{Field: "response_limit", Message: "must be 0 or more"}}}
	}
	if closesAt != nil {
		t := closesAt.UTC()
		closesAt = &t
	}
	res := s.db.WithContext(ctx).Model(&surveyRow{}).Where("id = ?", surveyID).Updates(map[string]any{
		"closes_at": closesAt, "response_limit": limit, "updated_at": time.Now().UTC(),
	})
	if res.Error != nil {
		return fmt.Errorf("set survey schedule: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("survey %d: %w", surveyID, survey.ErrNotFound)
	}
	return nil
}

// TouchpointCounts counts a survey's responses per touchpoint.
func (s *Store) TouchpointCounts(ctx context.Context, surveyID int64) ([]survey.TouchpointCount, error) {
	var rows []struct {
		Touchpoint string
		Responses  int
		Complete   int
	}
	err := s.db.WithContext(ctx).Model(&responseRow{}).
		Select("touchpoint, COUNT(*) AS responses, SUM(CASE WHEN status = ? THEN 1 ELSE 0 END) AS complete", string(survey.Complete)).
		Where("survey_id = ? AND status <> ?", surveyID, string(survey.OverQuota)).Group("touchpoint").Order("touchpoint").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count responses by touchpoint: %w", err)
	}
	out := make([]survey.TouchpointCount, len(rows))
	for i, r := range rows {
		out[i] = survey.TouchpointCount{Touchpoint: r.Touchpoint, Responses: r.Responses, Complete: r.Complete}
	}
	return out, nil
}

// filterResponses applies a ResponseFilter to a query on responses.
func filterResponses(q *gorm.DB, f survey.ResponseFilter) *gorm.DB {
	if err := f.Validate(); err != nil {
		q.AddError(err) // the same refusal on SQLite and PostgreSQL
		return q
	}
	q = q.Where("survey_id = ?", f.SurveyID)
	if f.Status != "" {
		q = q.Where("status = ?", string(f.Status))
	} else {
		q = q.Where("status <> ?", string(survey.OverQuota)) // see survey.ResponseFilter
	}
	if f.Direct {
		q = q.Where("touchpoint = ?", "")
	} else if f.Touchpoint != "" {
		q = q.Where("touchpoint = ?", f.Touchpoint)
	}
	if !f.From.IsZero() {
		q = q.Where("started_at >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		q = q.Where("started_at < ?", f.To.UTC())
	}
	if f.Search != "" {
		// Both sides lower-cased by Go (searchText): the same on SQLite,
		// whose LOWER knows only ASCII, and on PostgreSQL, whose LIKE is
		// case-sensitive.
		q = q.Where(`search LIKE ? ESCAPE '\'`, "%"+likeEscape(strings.ToLower(strings.TrimSpace(f.Search)))+"%")
	}
	return q
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func likeEscape(s string) string {
	return likeEscaper.Replace(s)
}

// ListResponses returns matching responses, newest first, with answers.
func (s *Store) ListResponses(ctx context.Context, f survey.ResponseFilter, offset, limit int) ([]*survey.Response, error) {
	var rows []responseRow
	q := filterResponses(s.db.WithContext(ctx).Model(&responseRow{}), f).Order("started_at DESC, id DESC").Offset(offset).Limit(limit)
	if err := q.Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list responses: %w", err)
	}
	out := make([]*survey.Response, 0, len(rows))
	for _, row := range rows {
		r, err := responseFromStored(row)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// DeleteResponse removes a response, its answers, codes applied to them
// and any stored analysis that mentions the respondent (privacy requests).
func (s *Store) DeleteResponse(ctx context.Context, id string) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var row responseRow
		if err := tx.Select("id, survey_id, client_id, touchpoint, status, started_at, completed_at, answers").Where("id = ?", id).Take(&row).Error; err == nil {
			if err := responseEvent(tx, survey.EventResponseDeleted, responseFromRow(row, nil)); err != nil {
				return err
			}
			if err := releaseQuotaSlots(tx, row); err != nil {
				return err
			}
		}
		res := tx.Where("id = ?", id).Delete(&responseRow{})
		if res.Error != nil {
			return res.Error
		}
		if res.RowsAffected == 0 {
			return fmt.Errorf("response %s: %w", id, survey.ErrNotFound)
		}
		// Everywhere else the respondent's words live: codes applied to
		// their answers, and stored analyses that quote them or list them
		// (those are dropped whole; the pages offer a fresh run).
		if err := tx.Where("response_id = ?", id).Delete(&codingRow{}).Error; err != nil {
			return err
		}
		if err := tx.Where("response_id = ?", id).Delete(&codingRejectionRow{}).Error; err != nil {
			return err
		}
		return tx.Where("result LIKE ?", "%"+id+"%").Delete(&analysisRunRow{}).Error
	})
	if err != nil {
		return fmt.Errorf("delete response: %w", err)
	}
	return nil
}
