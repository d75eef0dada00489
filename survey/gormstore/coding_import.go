package gormstore

import (
	"context"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// migrationCoders lets two researchers code the same passage
// independently (the coder joins the codings' unique key) and records
// where a coding came from (typed, an accepted suggestion with its
// confidence, or a REFI-QDA import). A fresh database already has all of
// it from 0005's CreateTable, hence the checks.
var migrationCoders = &gormigrate.Migration{
	ID: "0010_coding_coders",
	Migrate: func(tx *gorm.DB) error {
		m := tx.Migrator()
		for _, col := range []string{"Origin", "Confidence"} {
			if !m.HasColumn(&codingRow{}, col) {
				if err := m.AddColumn(&codingRow{}, col); err != nil {
					return err
				}
			}
		}
		if m.HasIndex(&codingRow{}, "ux_codings_passage") {
			if err := m.DropIndex(&codingRow{}, "ux_codings_passage"); err != nil {
				return err
			}
		}
		if !m.HasIndex(&codingRow{}, "ux_codings_coder") {
			return m.CreateIndex(&codingRow{}, "ux_codings_coder")
		}
		return nil
	},
}

// ImportCoding stores a REFI-QDA import in one transaction.
func (s *Store) ImportCoding(ctx context.Context, imp *survey.CodingImport) error {
	if err := imp.Validate(); err != nil {
		return err
	}
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		codeIDs := map[string]int64{}
		for _, c := range imp.Codes {
			var r codeRow
			err := tx.Where("project_id = ? AND name = ?", imp.ProjectID, c.Name).Limit(1).Find(&r).Error
			if err != nil {
				return err
			}
			if r.ID == 0 {
				r = codeRow{ProjectID: imp.ProjectID, Name: c.Name, Description: c.Description, Grp: string(c.Group)}
				if err := tx.Create(&r).Error; err != nil {
					return err
				}
			}
			codeIDs[c.Name] = r.ID
		}
		for _, t := range imp.Transcripts {
			t.ProjectID = imp.ProjectID
			row, err := createTranscript(tx, t)
			if err != nil {
				return fmt.Errorf("source %q: %w", t.Title, err)
			}
			t.ID, t.CreatedAt = row.ID, row.CreatedAt
		}
		for _, ic := range imp.Codings {
			coder := ic.Coder
			if coder == 0 {
				coder = imp.UserID
			}
			k := &survey.Coding{ProjectID: imp.ProjectID, CodeID: codeIDs[ic.Code], Source: survey.SourceUtterance,
				UtteranceID: imp.Transcripts[ic.Transcript].Utterances[ic.Utterance].ID, SpanStart: ic.SpanStart, SpanEnd: ic.SpanEnd,
				CreatedBy: coder, Origin: survey.OriginImported}
			if err := applyCode(tx, k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import codes: %w", err)
	}
	return nil
}
