package gormstore

import (
	"encoding/json"
	"fmt"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// migrationItemOrder adds responses.item_order: the order a respondent was
// shown randomised options and questions in (survey.ItemOrder as JSON, ""
// when nothing was randomised), so a researcher can check order effects
// even after the survey is edited.
var migrationItemOrder = &gormigrate.Migration{
	ID: "0014_response_item_order",
	Migrate: func(tx *gorm.DB) error {
		if tx.Migrator().HasColumn(&responseRow{}, "ItemOrder") {
			return nil // created by 0001 on a fresh database
		}
		return tx.Migrator().AddColumn(&responseRow{}, "ItemOrder")
	},
}

func encodeOrder(o survey.ItemOrder) (string, error) {
	if len(o) == 0 {
		return "", nil
	}
	b, err := json.Marshal(o)
	if err != nil {
		return "", fmt.Errorf("encode item order: %w", err)
	}
	return string(b), nil
}

// decodeOrder reads a stored order; one that does not parse (it cannot
// come from encodeOrder) is dropped rather than failing the response.
func decodeOrder(s string) survey.ItemOrder {
	if s == "" {
		return nil
	}
	var o survey.ItemOrder
	if json.Unmarshal([]byte(s), &o) != nil {
		return nil
	}
	return o
}
