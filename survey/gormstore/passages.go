package gormstore

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"github.com/safarhq/safar/survey"
)

const utterancePassageSQL = `SELECT u.id, u.transcript_id, t.title, t.kind, u.speaker, u.start_ms, u.text,
	COALESCE(sp.moderator, ?), COALESCE(p.pseudonym, '')
FROM utterances u
JOIN transcripts t ON t.id = u.transcript_id
LEFT JOIN speakers sp ON sp.transcript_id = u.transcript_id AND sp.name = u.speaker
LEFT JOIN participants p ON p.id = sp.participant_id
WHERE t.project_id = ?`

// answerPassageSQL selects the responses that may hold typed text (the
// search column is empty when nothing was typed or chosen).
const answerPassageSQL = `SELECT r.id, r.answers, s.slug
FROM responses r
JOIN surveys s ON s.id = r.survey_id
WHERE s.project_id = ? AND r.search <> ''`

// answerPassageByIDSQL is answerPassageSQL for given responses ("AND r.id
// IN ?" follows). The unary plus keeps SQLite from the survey_id indexes:
// without table statistics it takes an equality on one for ten rows, so
// with a long IN list it scanned every response of the project's surveys
// by survey (0.1-0.15 s of CPU for the demo's 80 coded answers among
// 100,000 responses) instead of looking each id up by its primary key.
// PostgreSQL reads the plus as the identity.
const answerPassageByIDSQL = `SELECT r.id, r.answers, s.slug
FROM responses r
JOIN surveys s ON s.id = +r.survey_id
WHERE s.project_id = ? AND r.search <> ''`

func scanUtterancePassages(rows interface {
	Next() bool
	Scan(...any) error
}, fn func(survey.Passage) error) error {
	for rows.Next() {
		p := survey.Passage{Source: survey.SourceUtterance}
		var startMS *int64
		var kind string
		if err := rows.Scan(&p.UtteranceID, &p.TranscriptID, &p.TranscriptTitle, &kind, &p.Speaker, &startMS, &p.Text, &p.Moderator, &p.Participant); err != nil {
			return err
		}
		p.Kind = survey.SourceKind(kind)
		if startMS != nil {
			d := time.Duration(*startMS) * time.Millisecond
			p.Start = &d
		}
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// scanAnswerPassages calls fn for every typed text (a text answer or an
// "other" text) of the responses rows holds, in question id order.
func scanAnswerPassages(rows interface {
	Next() bool
	Scan(...any) error
}, fn func(survey.Passage) error) error {
	for rows.Next() {
		var id, stored, slug string
		if err := rows.Scan(&id, &stored, &slug); err != nil {
			return err
		}
		a, err := decodeAnswers(stored)
		if err != nil {
			return fmt.Errorf("response %s: %w", id, err)
		}
		for _, qid := range slices.Sorted(maps.Keys(a)) {
			if text := typedText(a[qid]); text != "" {
				p := survey.Passage{Source: survey.SourceAnswer, ResponseID: id, QuestionID: qid, Text: text, SurveySlug: slug}
				if err := fn(p); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// EachPassage streams a project's utterances, then its text answers.
func (s *Store) EachPassage(ctx context.Context, projectID int64, fn func(survey.Passage) error) error {
	db := s.db.WithContext(ctx)
	rows, err := db.Raw(utterancePassageSQL+" ORDER BY t.id, u.ord, u.id", false, projectID).Rows()
	if err != nil {
		return fmt.Errorf("read utterances: %w", err)
	}
	err = scanUtterancePassages(rows, fn)
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("read utterances: %w", err)
	}
	rows, err = db.Raw(answerPassageSQL+" ORDER BY s.id, r.started_at, r.id", projectID).Rows()
	if err != nil {
		return fmt.Errorf("read answers: %w", err)
	}
	err = scanAnswerPassages(rows, fn)
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("read answers: %w", err)
	}
	return nil
}

// CodedPassages lists codings with their codes and passages.
func (s *Store) CodedPassages(ctx context.Context, projectID, codeID int64) ([]survey.CodedPassage, error) {
	db := s.db.WithContext(ctx)
	q := db.Where("project_id = ?", projectID)
	if codeID != 0 {
		q = q.Where("code_id = ?", codeID)
	}
	var rows []codingRow
	if err := q.Order("code_id, source DESC, utterance_id, response_id, question_id, span_start").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list codings: %w", err)
	}
	if len(rows) == 0 {
		return nil, nil
	}
	codes, err := s.Codes(ctx, projectID)
	if err != nil {
		return nil, err
	}
	byID := map[int64]*survey.Code{}
	for _, c := range codes {
		byID[c.ID] = c
	}
	var uttIDs []int64
	var respIDs []string
	for _, r := range rows {
		if r.Source == survey.SourceUtterance {
			uttIDs = append(uttIDs, r.UtteranceID)
		} else {
			respIDs = append(respIDs, r.ResponseID)
		}
	}
	utts := map[int64]survey.Passage{}
	for start := 0; start < len(uttIDs); start += 500 {
		ids := uttIDs[start:min(start+500, len(uttIDs))]
		r, err := db.Raw(utterancePassageSQL+" AND u.id IN ?", false, projectID, ids).Rows()
		if err != nil {
			return nil, err
		}
		err = scanUtterancePassages(r, func(p survey.Passage) error { utts[p.UtteranceID] = p; return nil })
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	answers := map[string]survey.Passage{}
	for start := 0; start < len(respIDs); start += 500 {
		ids := respIDs[start:min(start+500, len(respIDs))]
		r, err := db.Raw(answerPassageByIDSQL+" AND r.id IN ?", projectID, ids).Rows()
		if err != nil {
			return nil, err
		}
		err = scanAnswerPassages(r, func(p survey.Passage) error {
			answers[p.ResponseID+"\x00"+p.QuestionID] = p
			return nil
		})
		r.Close()
		if err != nil {
			return nil, err
		}
	}
	out := make([]survey.CodedPassage, 0, len(rows))
	for _, r := range rows {
		cp := survey.CodedPassage{Coding: codingFromRow(r), Code: byID[r.CodeID]}
		var ok bool
		if r.Source == survey.SourceUtterance {
			cp.Passage, ok = utts[r.UtteranceID]
		} else {
			cp.Passage, ok = answers[r.ResponseID+"\x00"+r.QuestionID]
		}
		if !ok || cp.Code == nil {
			continue // the passage was deleted (e.g. a response removed)
		}
		cp.Quote = cp.Coding.Quote(cp.Passage.Text)
		out = append(out, cp)
	}
	return out, nil
}

// CreateInterview stores interview notes with their codes atomically.
func (s *Store) CreateInterview(ctx context.Context, t *survey.Transcript, participantID, userID int64) error {
	t.Kind = survey.KindInterview
	if t.Format == "" {
		t.Format = "notes"
	}
	row := transcriptRow{
		ProjectID: t.ProjectID, Kind: string(t.Kind), Title: t.Title, Format: t.Format,
		Date: t.Date, Interviewer: t.Interviewer, Stage: string(t.Stage), Touchpoints: strings.Join(t.Touchpoints, ","),
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var pid *int64
		if participantID != 0 {
			var n int64
			if err := tx.Model(&participantRow{}).Where("id = ? AND project_id = ?", participantID, t.ProjectID).Count(&n).Error; err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("participant %d: %w", participantID, survey.ErrNotFound)
			}
			pid = &participantID
		}
		if err := tx.Create(&row).Error; err != nil {
			return err
		}
		speakers := map[string]bool{}
		for _, u := range t.Utterances {
			if !speakers[u.Speaker] {
				speakers[u.Speaker] = true
				if err := tx.Create(&speakerRow{TranscriptID: row.ID, Name: u.Speaker, ParticipantID: pid}).Error; err != nil {
					return err
				}
			}
		}
		codeIDs := map[string]int64{}
		for i := range t.Utterances {
			u := &t.Utterances[i]
			ur := utteranceRow{TranscriptID: row.ID, Ord: u.Order, Speaker: u.Speaker, Text: u.Text, Emotion: u.Emotion}
			if err := tx.Create(&ur).Error; err != nil {
				return err
			}
			u.ID = ur.ID
			for _, name := range u.Codes {
				name = strings.Join(strings.Fields(name), " ")
				if name == "" {
					continue
				}
				id, ok := codeIDs[name]
				if !ok {
					var err error
					if id, err = ensureCode(tx, t.ProjectID, name, survey.GroupOther); err != nil {
						return err
					}
					codeIDs[name] = id
				}
				k := &survey.Coding{ProjectID: t.ProjectID, CodeID: id, Source: survey.SourceUtterance, UtteranceID: ur.ID, CreatedBy: userID}
				if err := applyCode(tx, k); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store interview %q: %w", t.Title, err)
	}
	t.ID, t.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// ensureCode returns the id of the project's code called name, creating
// it in group g when missing.
func ensureCode(tx *gorm.DB, projectID int64, name string, g survey.CodeGroup) (int64, error) {
	c := &survey.Code{ProjectID: projectID, Name: name, Group: g}
	if err := c.Validate(); err != nil {
		return 0, err
	}
	var r codeRow
	err := tx.Where("project_id = ? AND name = ?", projectID, c.Name).Take(&r).Error
	if err == nil {
		return r.ID, nil
	}
	if !errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, err
	}
	r = codeRow{ProjectID: projectID, Name: c.Name, Grp: string(c.Group)}
	if err := tx.Create(&r).Error; err != nil {
		return 0, err
	}
	return r.ID, nil
}

// SaveDraft creates or replaces a user's draft.
func (s *Store) SaveDraft(ctx context.Context, d *survey.NoteDraft) error {
	if d.Key == "" || len(d.Key) > 64 || d.UserID == 0 {
		return fmt.Errorf("draft key: %w", survey.ErrInvalid)
	}
	row := noteDraftRow{UserID: d.UserID, DraftKey: d.Key, ProjectID: d.ProjectID, Data: d.Data, UpdatedAt: time.Now().UTC()}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var existing noteDraftRow
		err := tx.Where("user_id = ? AND draft_key = ?", d.UserID, d.Key).Take(&existing).Error
		if err == nil && existing.ProjectID != d.ProjectID {
			return fmt.Errorf("draft of another project: %w", survey.ErrConflict)
		}
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "user_id"}, {Name: "draft_key"}},
			DoUpdates: clause.AssignmentColumns([]string{"data", "updated_at"}),
		}).Create(&row).Error
	})
	if err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	d.UpdatedAt = row.UpdatedAt
	return nil
}

func draftFromRow(r noteDraftRow) *survey.NoteDraft {
	return &survey.NoteDraft{ProjectID: r.ProjectID, UserID: r.UserID, Key: r.DraftKey, Data: r.Data, UpdatedAt: r.UpdatedAt}
}

// Draft loads one draft of a user in a project.
func (s *Store) Draft(ctx context.Context, projectID, userID int64, key string) (*survey.NoteDraft, error) {
	var r noteDraftRow
	err := s.db.WithContext(ctx).Where("user_id = ? AND draft_key = ? AND project_id = ?", userID, key, projectID).Take(&r).Error
	if err != nil {
		return nil, notFound(err, "draft %q", key)
	}
	return draftFromRow(r), nil
}

// Drafts lists a user's drafts in a project, newest first.
func (s *Store) Drafts(ctx context.Context, projectID, userID int64) ([]*survey.NoteDraft, error) {
	var rows []noteDraftRow
	if err := s.db.WithContext(ctx).Where("user_id = ? AND project_id = ?", userID, projectID).Order("updated_at DESC").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	out := make([]*survey.NoteDraft, len(rows))
	for i, r := range rows {
		out[i] = draftFromRow(r)
	}
	return out, nil
}

// DeleteDraft removes a draft (no error if it is gone).
func (s *Store) DeleteDraft(ctx context.Context, projectID, userID int64, key string) error {
	err := s.db.WithContext(ctx).Where("user_id = ? AND draft_key = ? AND project_id = ?", userID, key, projectID).Delete(&noteDraftRow{}).Error
	if err != nil {
		return fmt.Errorf("delete draft: %w", err)
	}
	return nil
}

// DecideSuggestion records a decision; accepting applies the code.
func (s *Store) DecideSuggestion(ctx context.Context, d *survey.SuggestionDecision, userID int64) error {
	if d.Status != survey.SuggestionAccepted && d.Status != survey.SuggestionRejected || d.Key == "" || d.UtteranceID == 0 {
		return fmt.Errorf("suggestion decision: %w", survey.ErrInvalid)
	}
	row := suggestionRow{UtteranceID: d.UtteranceID, Key: d.Key, ProjectID: d.ProjectID, Label: d.Label, Status: d.Status, DecidedAt: time.Now().UTC()}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if d.Status == survey.SuggestionAccepted {
			id, err := ensureCode(tx, d.ProjectID, d.Label, survey.GroupPainPoint)
			if err != nil {
				return err
			}
			k := &survey.Coding{ProjectID: d.ProjectID, CodeID: id, Source: survey.SourceUtterance, UtteranceID: d.UtteranceID, CreatedBy: userID, Origin: survey.OriginSuggested}
			if err := applyCode(tx, k); err != nil {
				return err
			}
		} else {
			var n int64
			err := tx.Table("utterances u").Joins("JOIN transcripts t ON t.id = u.transcript_id").
				Where("u.id = ? AND t.project_id = ?", d.UtteranceID, d.ProjectID).Count(&n).Error
			if err != nil {
				return err
			}
			if n == 0 {
				return fmt.Errorf("utterance %d: %w", d.UtteranceID, survey.ErrNotFound)
			}
		}
		return tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "utterance_id"}, {Name: "pain_key"}},
			DoUpdates: clause.AssignmentColumns([]string{"label", "status", "decided_at"}),
		}).Create(&row).Error
	})
	if err != nil {
		return fmt.Errorf("decide suggestion: %w", err)
	}
	d.DecidedAt = row.DecidedAt
	return nil
}

// SuggestionDecisions lists a project's decisions on suggested codes.
func (s *Store) SuggestionDecisions(ctx context.Context, projectID int64) ([]survey.SuggestionDecision, error) {
	var rows []suggestionRow
	if err := s.db.WithContext(ctx).Where("project_id = ?", projectID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list suggestion decisions: %w", err)
	}
	out := make([]survey.SuggestionDecision, len(rows))
	for i, r := range rows {
		out[i] = survey.SuggestionDecision{ProjectID: r.ProjectID, UtteranceID: r.UtteranceID, Key: r.Key, Label: r.Label, Status: r.Status, DecidedAt: r.DecidedAt}
	}
	return out, nil
}
