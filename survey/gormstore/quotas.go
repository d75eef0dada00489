package gormstore

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/go-gormigrate/gormigrate/v2"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// Quotas are counted, not scanned: quota_counts holds one row per quota of
// a survey with the number of complete responses that fall into it. A
// completion that counts toward quotas takes a slot in each with a
// conditional UPDATE (n < limit) in the same transaction that stores the
// response, so the limit holds however many respondents finish at once: in
// one process the single writer runs them one after another, and across
// processes (PostgreSQL) the row lock makes the second UPDATE wait for the
// first transaction and re-check n. The counts are rebuilt from the
// responses whenever a survey's quotas change, and a deleted complete
// response gives its slots back.

type quotaCountRow struct {
	SurveyID int64  `gorm:"primaryKey;autoIncrement:false"`
	QuotaID  string `gorm:"primaryKey;size:64"`
	N        int    `gorm:"not null;default:0"`
}

func (quotaCountRow) TableName() string { return "quota_counts" }

// migrationQuotas (0013) adds the quota counts and the responses' quota
// column (the quota that turned an over_quota response away).
var migrationQuotas = &gormigrate.Migration{
	ID: "0013_quotas",
	Migrate: func(tx *gorm.DB) error {
		m := tx.Migrator()
		if !m.HasColumn(&responseRow{}, "Quota") {
			if err := m.AddColumn(&responseRow{}, "Quota"); err != nil {
				return err
			}
		}
		if !m.HasTable(&quotaCountRow{}) {
			return m.CreateTable(&quotaCountRow{})
		}
		return nil
	},
}

func init() {
	migrations = append(migrations, migrationQuotas)
}

// QuotaCounts returns the complete responses per quota of a survey.
func (s *Store) QuotaCounts(ctx context.Context, surveyID int64) (map[string]int, error) {
	var rows []quotaCountRow
	if err := s.db.WithContext(ctx).Where("survey_id = ?", surveyID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("quota counts: %w", err)
	}
	out := make(map[string]int, len(rows))
	for _, r := range rows {
		if r.N > 0 {
			out[r.QuotaID] = r.N
		}
	}
	return out, nil
}

// takeQuotaSlots counts a completion toward each quota, refusing it when
// one is full: it returns that quota's id and leaves every count as it was.
func takeQuotaSlots(tx *gorm.DB, surveyID int64, quotas []survey.QuotaLimit) (full string, err error) {
	// In quota id order, like takeGroupSlots: see there.
	quotas = slices.SortedFunc(slices.Values(quotas), func(a, b survey.QuotaLimit) int { return strings.Compare(a.ID, b.ID) })
	for i, q := range quotas {
		ok, err := takeQuotaSlot(tx, surveyID, q)
		if err != nil {
			return "", err
		}
		if !ok {
			for _, prev := range quotas[:i] {
				if err := addQuotaCount(tx, surveyID, prev.ID, -1); err != nil {
					return "", err
				}
			}
			return q.ID, nil
		}
	}
	return "", nil
}

func takeQuotaSlot(tx *gorm.DB, surveyID int64, q survey.QuotaLimit) (bool, error) {
	take := func() (int64, error) {
		res := tx.Exec("UPDATE quota_counts SET n = n + 1 WHERE survey_id = ? AND quota_id = ? AND n < ?", surveyID, q.ID, q.Limit)
		return res.RowsAffected, res.Error
	}
	n, err := take()
	if err != nil || n == 1 {
		return n == 1, err
	}
	// Full, or no row yet (a quota added since the counts were built):
	// make sure the row exists and try once more.
	if err := ensureQuotaRow(tx, surveyID, q.ID); err != nil {
		return false, err
	}
	n, err = take()
	return n == 1, err
}

func ensureQuotaRow(tx *gorm.DB, surveyID int64, id string) error {
	return tx.Exec("INSERT INTO quota_counts (survey_id, quota_id, n) VALUES (?, ?, 0) ON CONFLICT DO NOTHING", surveyID, id).Error
}

// addQuotaCount moves a quota's count by delta, never below zero.
func addQuotaCount(tx *gorm.DB, surveyID int64, id string, delta int) error {
	if err := ensureQuotaRow(tx, surveyID, id); err != nil {
		return err
	}
	return tx.Exec("UPDATE quota_counts SET n = CASE WHEN n + ? < 0 THEN 0 ELSE n + ? END WHERE survey_id = ? AND quota_id = ?",
		delta, delta, surveyID, id).Error
}

// recountQuotas rebuilds a survey's quota counts from its complete
// responses, matched against d's quotas. It runs when the quotas change,
// not on submit: one pass over the survey's complete responses.
func recountQuotas(tx *gorm.DB, surveyID int64, d *survey.Definition) error {
	if err := tx.Where("survey_id = ?", surveyID).Delete(&quotaCountRow{}).Error; err != nil {
		return err
	}
	if len(d.Quotas) == 0 {
		return nil
	}
	counts := make(map[string]int, len(d.Quotas))
	var batch []responseRow
	err := tx.Model(&responseRow{}).Select("id, touchpoint, answers").
		Where("survey_id = ? AND status = ?", surveyID, string(survey.Complete)).
		FindInBatches(&batch, responsePage, func(*gorm.DB, int) error {
			for _, row := range batch {
				a, err := decodeAnswers(row.Answers)
				if err != nil {
					return fmt.Errorf("response %s: %w", row.ID, err)
				}
				for _, q := range d.QuotasOf(a, row.Touchpoint) {
					counts[q.ID]++
				}
			}
			return nil
		}).Error
	if err != nil {
		return fmt.Errorf("recount quotas: %w", err)
	}
	rows := make([]quotaCountRow, len(d.Quotas))
	for i, q := range d.Quotas {
		rows[i] = quotaCountRow{SurveyID: surveyID, QuotaID: q.ID, N: counts[q.ID]}
	}
	return tx.Create(&rows).Error
}

// quotasChanged reports whether a definition change needs a recount: the
// counts depend on the quotas' ids and conditions, not their limits or
// messages.
func quotasChanged(old, new []survey.Quota) bool {
	key := func(qs []survey.Quota) []survey.Quota {
		out := make([]survey.Quota, len(qs))
		for i, q := range qs {
			q.Limit, q.Message = 0, survey.Localized{}
			out[i] = q
		}
		return out
	}
	return !reflect.DeepEqual(key(old), key(new))
}

// releaseQuotaSlots gives back the slots of a complete response that is
// being deleted, as its survey's current quotas count it.
func releaseQuotaSlots(tx *gorm.DB, row responseRow) error {
	if row.Status != string(survey.Complete) {
		return nil
	}
	var defs []string
	if err := tx.Model(&surveyRow{}).Where("id = ?", row.SurveyID).Pluck("definition", &defs).Error; err != nil || len(defs) == 0 {
		return err
	}
	var d survey.Definition
	if err := json.Unmarshal([]byte(defs[0]), &d); err != nil || len(d.Quotas) == 0 {
		return err
	}
	a, err := decodeAnswers(row.Answers)
	if err != nil {
		return err
	}
	for _, q := range d.QuotasOf(a, row.Touchpoint) {
		if err := addQuotaCount(tx, row.SurveyID, q.ID, -1); err != nil {
			return err
		}
	}
	return nil
}
