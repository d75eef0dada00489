package gormstore

import (
	"database/sql"
	"fmt"
	"math"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// migrationAnswersInRow moves every response's answers from the answers
// table (one row per atomic value) into the responses row (answers.go) and
// drops the table. It converts a page of responses at a time, so a large
// database does not need its answers in memory at once.
var migrationAnswersInRow = &gormigrate.Migration{
	ID: "0006_answers_in_row",
	Migrate: func(tx *gorm.DB) error {
		m := tx.Migrator()
		for _, col := range []string{"Answers", "Search"} {
			if !m.HasColumn(&responseRow{}, col) {
				if err := m.AddColumn(&responseRow{}, col); err != nil {
					return err
				}
			}
		}
		if !m.HasTable(&answerRow{}) {
			return nil
		}
		types := map[[2]int64]map[string]survey.QuestionType{}
		typesOf := func(surveyID int64, version int) (map[string]survey.QuestionType, error) {
			k := [2]int64{surveyID, int64(version)}
			if t, ok := types[k]; ok {
				return t, nil
			}
			var row surveyVersionRow
			if err := tx.Where("survey_id = ? AND version = ?", surveyID, version).Take(&row).Error; err != nil {
				return nil, fmt.Errorf("survey %d version %d: %w", surveyID, version, err)
			}
			def, err := decodeDefinition(row.Definition)
			if err != nil {
				return nil, err
			}
			t := map[string]survey.QuestionType{}
			for _, q := range def.Questions() {
				t[q.ID] = q.Type
			}
			types[k] = t
			return t, nil
		}
		last := ""
		for {
			var page []responseRow
			if err := tx.Select("id, survey_id, survey_version").Where("id > ?", last).Order("id").Limit(1000).Find(&page).Error; err != nil {
				return err
			}
			if len(page) == 0 {
				break
			}
			ids := make([]string, len(page))
			for i, r := range page {
				ids[i] = r.ID
			}
			byResp, err := legacyAnswers(tx, ids)
			if err != nil {
				return err
			}
			for _, r := range page {
				t, err := typesOf(r.SurveyID, r.SurveyVersion)
				if err != nil {
					return err
				}
				a := answersFromRows(t, byResp[r.ID])
				for qid, v := range a {
					if v.Number != nil && (math.IsInf(*v.Number, 0) || math.IsNaN(*v.Number)) {
						delete(a, qid) // "Inf" typed into a number question, accepted before 0006
					}
				}
				stored, search, err := encodeAnswers(a)
				if err != nil {
					return fmt.Errorf("response %s: %w", r.ID, err)
				}
				if err := tx.Model(&responseRow{}).Where("id = ?", r.ID).
					UpdateColumns(map[string]any{"answers": stored, "search": search}).Error; err != nil {
					return err
				}
			}
			last = page[len(page)-1].ID
		}
		return m.DropTable(&answerRow{})
	},
}

// legacyAnswers reads the answer rows of some responses, grouped by
// response, in stored order.
func legacyAnswers(tx *gorm.DB, ids []string) (map[string][]answerRow, error) {
	rows, err := tx.Model(&answerRow{}).Select("response_id, question_id, item, text, num").
		Where("response_id IN ?", ids).Order("id").Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	by := make(map[string][]answerRow, len(ids))
	for rows.Next() {
		var a answerRow
		var num sql.NullFloat64
		if err := rows.Scan(&a.ResponseID, &a.QuestionID, &a.Item, &a.Text, &num); err != nil {
			return nil, err
		}
		if num.Valid {
			a.Num = &num.Float64
		}
		by[a.ResponseID] = append(by[a.ResponseID], a)
	}
	return by, rows.Err()
}

// answersFromRows rebuilds typed values from the old answer rows; the
// question types say which rows are one multiple-choice answer and which a
// single choice.
func answersFromRows(types map[string]survey.QuestionType, rows []answerRow) survey.Answers {
	a := survey.Answers{}
	for _, r := range rows {
		v := a[r.QuestionID]
		typ := types[r.QuestionID]
		switch {
		case typ == survey.Multiple:
			v.Choices = append(v.Choices, r.Item)
			if r.Text != "" {
				v.Other = r.Text
			}
		case typ == survey.Matrix:
			if v.Matrix == nil {
				v.Matrix = map[string]int{}
			}
			if r.Num != nil {
				v.Matrix[r.Item] = int(*r.Num)
			}
		case r.Num != nil:
			n := *r.Num
			v.Number = &n
		case r.Item != "":
			v.Choice, v.Other = r.Item, r.Text
		default:
			v.Text = r.Text
		}
		a[r.QuestionID] = v
	}
	return a
}
