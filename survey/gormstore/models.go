package gormstore

import (
	"fmt"
	"time"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// The row types below are the schema. A change to them needs a new
// migration appended to migrations; a shipped migration is never edited.

type projectRow struct {
	ID          int64  `gorm:"primaryKey"`
	Name        string `gorm:"size:200;not null;uniqueIndex"`
	Title       string `gorm:"size:500;not null"`
	Description string `gorm:"type:text;not null;default:''"` // 0002
	Archived    bool   `gorm:"not null;default:false"`        // 0002
	Touchpoints string `gorm:"type:text;not null;default:''"` // 0002: JSON list
	Stages      string `gorm:"type:text;not null;default:''"` // 0002: JSON list of ProjectStage
	CreatedAt   time.Time
}

func (projectRow) TableName() string { return "projects" }

type surveyRow struct {
	ID            int64  `gorm:"primaryKey"`
	ProjectID     int64  `gorm:"not null;index"`
	Slug          string `gorm:"size:64;not null;uniqueIndex"`
	Title         string `gorm:"size:500;not null"`
	Language      string `gorm:"size:8;not null"`
	Status        string `gorm:"size:16;not null"`
	Version       int    `gorm:"not null"`
	Definition    string `gorm:"type:text;not null"` // JSON, current version
	ClosesAt      *time.Time
	ResponseLimit int `gorm:"not null;default:0"`
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

func (surveyRow) TableName() string { return "surveys" }

// surveyVersionRow keeps every definition a survey ever had, so a response
// is always read against the questions its respondent saw.
type surveyVersionRow struct {
	SurveyID   int64  `gorm:"primaryKey;autoIncrement:false"`
	Version    int    `gorm:"primaryKey;autoIncrement:false"`
	Definition string `gorm:"type:text;not null"`
	CreatedAt  time.Time
}

func (surveyVersionRow) TableName() string { return "survey_versions" }

type responseRow struct {
	ID            string    `gorm:"primaryKey;size:36"`
	SurveyID      int64     `gorm:"not null;uniqueIndex:ux_responses_client,priority:1;index:ix_responses_started,priority:1"`
	SurveyVersion int       `gorm:"not null"`
	ClientID      string    `gorm:"size:64;not null;uniqueIndex:ux_responses_client,priority:2"`
	Touchpoint    string    `gorm:"size:100;not null;default:''"`
	Status        string    `gorm:"size:16;not null"`
	Page          int       `gorm:"not null;default:0"`
	IP            string    `gorm:"size:64;not null;default:''"`
	Source        string    `gorm:"size:16;not null;default:''"`
	StartedAt     time.Time `gorm:"not null;index:ix_responses_started,priority:2"`
	UpdatedAt     time.Time `gorm:"not null"`
	CompletedAt   *time.Time
	Answers       string `gorm:"type:text;not null;default:''"` // 0006: JSON, answers.go
	Search        string `gorm:"type:text;not null;default:''"` // 0006: lower-cased texts and options
	ItemOrder     string `gorm:"type:text;not null;default:''"` // 0014: JSON survey.ItemOrder, order.go
	Quota         string `gorm:"size:64;not null;default:''"`   // 0013: the full quota of an over_quota response
	Language      string `gorm:"size:8;not null;default:''"`    // 0012: the language answered in
}

func (responseRow) TableName() string { return "responses" }

// answerRow is the schema before migration 0006, which moved answers into
// the responses row (answers.go) and dropped this table; migrations 0001
// and 0006 still need it. It is one atomic answer value: a multiple-choice
// answer is one row per chosen option, a matrix one row per statement.
//
//	single, dropdown   item = option value, text = "other" text
//	multiple           one row per option (item), text = "other" text
//	likert, rating,
//	nps, number        num
//	short/long text,
//	date               text
//	matrix             item = statement id, num = point
type answerRow struct {
	ID         int64  `gorm:"primaryKey"`
	ResponseID string `gorm:"size:36;not null"` // indexed with question_id below
	QuestionID string `gorm:"size:64;not null;index:ix_answers_question"`
	Item       string `gorm:"size:200;not null;default:''"`
	Text       string `gorm:"type:text;not null;default:''"`
	Num        *float64
}

func (answerRow) TableName() string { return "answers" }

var migrations = []*gormigrate.Migration{
	{
		ID: "0001_initial",
		Migrate: func(tx *gorm.DB) error {
			// Creates the tables from the current row types. A later
			// migration that adds a column must check HasColumn first,
			// since on a fresh database this one already created it.
			if err := tx.Migrator().CreateTable(&projectRow{}, &surveyRow{}, &surveyVersionRow{}, &responseRow{}, &answerRow{}); err != nil {
				return err
			}
			return tx.Exec(`CREATE INDEX IF NOT EXISTS ix_answers_response_question ON answers (response_id, question_id)`).Error
		},
	},
}

func init() {
	migrations = append(migrations, &gormigrate.Migration{
		ID: "0002_accounts",
		Migrate: func(tx *gorm.DB) error {
			m := tx.Migrator()
			for _, col := range []string{"Description", "Archived", "Touchpoints", "Stages"} {
				if !m.HasColumn(&projectRow{}, col) {
					if err := m.AddColumn(&projectRow{}, col); err != nil {
						return err
					}
				}
			}
			for _, t := range []any{&userRow{}, &sessionRow{}, &setupTokenRow{}} {
				if !m.HasTable(t) {
					if err := m.CreateTable(t); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}, migrationQualitative)
	migrations = append(migrations, migrationAnalysis)         // 0004: survey/gormstore/analysisrun.go
	migrations = append(migrations, migrationCoding)           // 0005: codebook, codings, note drafts (survey/gormstore/coding.go)
	migrations = append(migrations, migrationAnswersInRow)     // 0006: answers as JSON in the responses row (survey/gormstore/migrate_answers.go)
	migrations = append(migrations, migrationUserDisabled)     // 0007: users.disabled (survey/gormstore/accounts.go)
	migrations = append(migrations, migrationAPIKeys)          // 0019: API keys, hashed (survey/gormstore/apikeys.go)
	migrations = append(migrations, migrationCoders)           // 0010: codings carry their coder and origin (survey/gormstore/coding_import.go)
	migrations = append(migrations, migrationRejections)       // 0011: rejected code suggestions (survey/gormstore/coding_assist.go)
	migrations = append(migrations, migrationItemOrder)        // 0014: the order each respondent saw randomised items in (survey/gormstore/order.go)
	migrations = append(migrations, migrationResponseLanguage) // 0012: responses.language (survey/gormstore/responses_language.go)
	migrations = append(migrations, migrationCodeUpdatedAt)    // 0020: codes.updated_at (survey/gormstore/coding.go)
}

// migrationLock is the PostgreSQL advisory lock key held while migrating,
// so several processes starting at once against an empty database take
// turns instead of racing to create the same tables ("safar" in ASCII).
const migrationLock = 0x7361666172

func migrate(db *gorm.DB, dialect string) error {
	opts := *gormigrate.DefaultOptions
	opts.TableName = "schema_migrations"
	opts.UseTransaction = true
	if dialect != "postgres" {
		return gormigrate.New(db, &opts, migrations).Migrate()
	}
	// An advisory lock belongs to a session: pin one connection for the
	// lock, the migrations and the unlock.
	return db.Connection(func(conn *gorm.DB) error {
		if err := conn.Exec("SELECT pg_advisory_lock(?)", migrationLock).Error; err != nil {
			return fmt.Errorf("take the migration lock: %w", err)
		}
		defer conn.Exec("SELECT pg_advisory_unlock(?)", migrationLock)
		return gormigrate.New(conn, &opts, migrations).Migrate()
	})
}
