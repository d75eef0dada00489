package gormstore

import (
	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"
)

// migrationResponseLanguage adds the language each response was answered
// in (multilingual surveys). Responses stored before it were all answered
// in their survey's only language, so they get that language.
var migrationResponseLanguage = &gormigrate.Migration{
	ID: "0012_response_language",
	Migrate: func(tx *gorm.DB) error {
		m := tx.Migrator()
		if !m.HasColumn(&responseRow{}, "Language") {
			if err := m.AddColumn(&responseRow{}, "Language"); err != nil {
				return err
			}
		}
		return tx.Exec(`UPDATE responses SET language = (SELECT s.language FROM surveys s WHERE s.id = responses.survey_id) WHERE language = ''`).Error
	},
}
