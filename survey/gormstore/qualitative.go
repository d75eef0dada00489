package gormstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

var _ survey.QualitativeStore = (*Store)(nil)

type participantRow struct {
	ID         int64  `gorm:"primaryKey"`
	ProjectID  int64  `gorm:"not null;index"`
	Pseudonym  string `gorm:"size:200;not null"`
	Attributes string `gorm:"type:text;not null;default:'{}'"` // JSON object
	CreatedAt  time.Time
}

func (participantRow) TableName() string { return "participants" }

type transcriptRow struct {
	ID          int64  `gorm:"primaryKey"`
	ProjectID   int64  `gorm:"not null;index"`
	Kind        string `gorm:"size:16;not null"`
	Title       string `gorm:"size:500;not null"`
	Format      string `gorm:"size:16;not null;default:''"`
	Encoding    string `gorm:"size:32;not null;default:''"`
	Date        *time.Time
	Interviewer string `gorm:"size:200;not null;default:''"`
	Stage       string `gorm:"size:32;not null;default:''"`
	Touchpoints string `gorm:"size:2000;not null;default:''"` // comma separated
	Redactions  int    `gorm:"not null;default:0"`
	CreatedAt   time.Time
}

func (transcriptRow) TableName() string { return "transcripts" }

type speakerRow struct {
	TranscriptID  int64  `gorm:"primaryKey;autoIncrement:false"`
	Name          string `gorm:"primaryKey;size:200"`
	ParticipantID *int64
	Moderator     bool `gorm:"not null;default:false"`
}

func (speakerRow) TableName() string { return "speakers" }

type utteranceRow struct {
	ID           int64  `gorm:"primaryKey"`
	TranscriptID int64  `gorm:"not null;index:ix_utterances_order,priority:1"`
	Ord          int    `gorm:"not null;index:ix_utterances_order,priority:2"`
	Speaker      string `gorm:"size:200;not null;default:''"`
	StartMS      *int64
	Text         string `gorm:"type:text;not null"`
	Emotion      string `gorm:"size:16;not null;default:''"`
}

func (utteranceRow) TableName() string { return "utterances" }

// migrationQualitative adds participants, transcripts, speakers and
// utterances; models.go lists it after the accounts migration.
var migrationQualitative = &gormigrate.Migration{
	ID: "0003_qualitative",
	Migrate: func(tx *gorm.DB) error {
		return tx.Migrator().CreateTable(&participantRow{}, &transcriptRow{}, &speakerRow{}, &utteranceRow{})
	},
}

// CreateTranscript stores t, its speakers and utterances atomically.
func (s *Store) CreateTranscript(ctx context.Context, t *survey.Transcript) error {
	var row *transcriptRow
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) (err error) {
		row, err = createTranscript(tx, t)
		return err
	})
	if err != nil {
		return fmt.Errorf("store transcript %q: %w", t.Title, err)
	}
	t.ID, t.CreatedAt = row.ID, row.CreatedAt
	return nil
}

// Transcript loads one transcript with speakers and utterances in order.
func (s *Store) Transcript(ctx context.Context, id int64) (*survey.Transcript, error) {
	t, _, err := s.TranscriptPage(ctx, id, 0, -1)
	return t, err
}

// TranscriptPage reads a transcript with limit of its utterances from
// offset on (in order; limit < 0: all), and how many it has in all, so a
// long transcript is shown a page at a time.
func (s *Store) TranscriptPage(ctx context.Context, id int64, offset, limit int) (*survey.Transcript, int, error) {
	var row transcriptRow
	if err := s.db.WithContext(ctx).Take(&row, id).Error; err != nil {
		return nil, 0, notFound(err, "transcript %d", id)
	}
	t := transcriptFromRow(row)
	var speakers []speakerRow
	if err := s.db.WithContext(ctx).Where("transcript_id = ?", id).Order("name").Find(&speakers).Error; err != nil {
		return nil, 0, err
	}
	moderator := map[string]bool{}
	for _, sp := range speakers {
		t.Speakers = append(t.Speakers, survey.Speaker{Name: sp.Name, ParticipantID: sp.ParticipantID, Moderator: sp.Moderator})
		moderator[sp.Name] = sp.Moderator
	}
	var total int64
	if err := s.db.WithContext(ctx).Model(&utteranceRow{}).Where("transcript_id = ?", id).Count(&total).Error; err != nil {
		return nil, 0, err
	}
	var us []utteranceRow
	if err := s.db.WithContext(ctx).Where("transcript_id = ?", id).Order("ord, id").Offset(offset).Limit(limit).Find(&us).Error; err != nil {
		return nil, 0, err
	}
	for _, u := range us {
		out := survey.Utterance{ID: u.ID, Order: u.Ord, Speaker: u.Speaker, Text: u.Text, Emotion: u.Emotion, Customer: !moderator[u.Speaker]}
		if u.StartMS != nil {
			d := time.Duration(*u.StartMS) * time.Millisecond
			out.Start = &d
		}
		t.Utterances = append(t.Utterances, out)
	}
	return t, int(total), nil
}

// UtteranceIndex is the 0-based position of an utterance in its
// transcript's order (ErrNotFound when it is not in that transcript).
func (s *Store) UtteranceIndex(ctx context.Context, transcriptID, utteranceID int64) (int, error) {
	var u utteranceRow
	if err := s.db.WithContext(ctx).Where("transcript_id = ?", transcriptID).Take(&u, utteranceID).Error; err != nil {
		return 0, notFound(err, "utterance %d", utteranceID)
	}
	var n int64
	err := s.db.WithContext(ctx).Model(&utteranceRow{}).
		Where("transcript_id = ? AND (ord < ? OR (ord = ? AND id < ?))", transcriptID, u.Ord, u.Ord, u.ID).Count(&n).Error
	return int(n), err
}

// Transcripts lists a project's transcripts without their utterances.
func (s *Store) Transcripts(ctx context.Context, projectID int64) ([]*survey.Transcript, error) {
	var rows []transcriptRow
	if err := s.db.WithContext(ctx).Where("project_id = ?", projectID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list transcripts: %w", err)
	}
	out := make([]*survey.Transcript, len(rows))
	for i, r := range rows {
		out[i] = transcriptFromRow(r)
	}
	return out, nil
}

// UpdateSpeaker maps a speaker to a participant and/or marks the moderator.
func (s *Store) UpdateSpeaker(ctx context.Context, transcriptID int64, sp survey.Speaker) error {
	res := s.db.WithContext(ctx).Model(&speakerRow{}).Where("transcript_id = ? AND name = ?", transcriptID, sp.Name).
		Updates(map[string]any{"participant_id": sp.ParticipantID, "moderator": sp.Moderator})
	if res.Error != nil {
		return fmt.Errorf("update speaker: %w", res.Error)
	}
	if res.RowsAffected == 0 {
		return fmt.Errorf("speaker %q in transcript %d: %w", sp.Name, transcriptID, survey.ErrNotFound)
	}
	return nil
}

// CreateParticipant stores a participant.
func (s *Store) CreateParticipant(ctx context.Context, p *survey.Participant) error {
	attrs, err := json.Marshal(p.Attributes)
	if err != nil {
		return err
	}
	if p.Attributes == nil {
		attrs = []byte("{}")
	}
	row := participantRow{ProjectID: p.ProjectID, Pseudonym: p.Pseudonym, Attributes: string(attrs)}
	if err := s.db.WithContext(ctx).Create(&row).Error; err != nil {
		return fmt.Errorf("create participant: %w", err)
	}
	p.ID = row.ID
	return nil
}

// Participants lists a project's participants.
func (s *Store) Participants(ctx context.Context, projectID int64) ([]*survey.Participant, error) {
	var rows []participantRow
	if err := s.db.WithContext(ctx).Where("project_id = ?", projectID).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list participants: %w", err)
	}
	out := make([]*survey.Participant, len(rows))
	for i, r := range rows {
		p := &survey.Participant{ID: r.ID, ProjectID: r.ProjectID, Pseudonym: r.Pseudonym}
		if err := json.Unmarshal([]byte(r.Attributes), &p.Attributes); err != nil {
			return nil, fmt.Errorf("participant %d: corrupt attributes: %w", r.ID, err)
		}
		out[i] = p
	}
	return out, nil
}

func transcriptFromRow(r transcriptRow) *survey.Transcript {
	t := &survey.Transcript{
		ID: r.ID, ProjectID: r.ProjectID, Kind: survey.SourceKind(r.Kind), Title: r.Title, Format: r.Format,
		Encoding: r.Encoding, Date: r.Date, Interviewer: r.Interviewer, Stage: survey.Stage(r.Stage),
		Redactions: r.Redactions, CreatedAt: r.CreatedAt,
	}
	if r.Touchpoints != "" {
		t.Touchpoints = strings.Split(r.Touchpoints, ",")
	}
	return t
}

// createTranscript stores t with its speakers and utterances inside tx,
// setting the utterances' ids.
func createTranscript(tx *gorm.DB, t *survey.Transcript) (*transcriptRow, error) {
	row := &transcriptRow{
		ProjectID: t.ProjectID, Kind: string(t.Kind), Title: t.Title, Format: t.Format, Encoding: t.Encoding,
		Date: t.Date, Interviewer: t.Interviewer, Stage: string(t.Stage), Touchpoints: strings.Join(t.Touchpoints, ","),
		Redactions: t.Redactions,
	}
	if err := tx.Create(row).Error; err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var speakers []speakerRow
	for _, sp := range t.Speakers {
		if !seen[sp.Name] {
			seen[sp.Name] = true
			speakers = append(speakers, speakerRow{TranscriptID: row.ID, Name: sp.Name, ParticipantID: sp.ParticipantID, Moderator: sp.Moderator})
		}
	}
	for _, u := range t.Utterances {
		if !seen[u.Speaker] {
			seen[u.Speaker] = true
			speakers = append(speakers, speakerRow{TranscriptID: row.ID, Name: u.Speaker})
		}
	}
	if len(speakers) > 0 {
		if err := tx.CreateInBatches(speakers, 200).Error; err != nil {
			return nil, err
		}
	}
	us := make([]utteranceRow, len(t.Utterances))
	for i, u := range t.Utterances {
		us[i] = utteranceRow{TranscriptID: row.ID, Ord: u.Order, Speaker: u.Speaker, Text: u.Text, Emotion: u.Emotion}
		if u.Start != nil {
			ms := u.Start.Milliseconds()
			us[i].StartMS = &ms
		}
	}
	if len(us) > 0 {
		if err := tx.CreateInBatches(us, 200).Error; err != nil {
			return nil, err
		}
	}
	for i := range us {
		t.Utterances[i].ID = us[i].ID
	}
	return row, nil
}
