package gormstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// SaveResponse creates or updates the response identified by (SurveyID,
// ClientID); see survey.Store. Writes go through the group-commit writer:
// concurrent submissions share one transaction and one commit.
func (s *Store) SaveResponse(ctx context.Context, r *survey.Response) (*survey.Response, bool, error) {
	req := &writeReq{ctx: ctx, resp: r, done: make(chan struct{}), fn: func(tx *gorm.DB) (any, error) {
		stored, created, err := saveResponse(tx, r)
		return savedResponse{stored, created}, err
	}}
	if r.ID == "" && r.ClientID != "" {
		req.bulk = prepareBulk(r)
	}
	res, err := s.writer.submit(req)
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		// Another process (PostgreSQL) stored this client id first.
		got, gerr := s.ResponseByClientID(ctx, r.SurveyID, r.ClientID)
		return got, false, gerr
	}
	if err != nil {
		return nil, false, fmt.Errorf("save response: %w", err)
	}
	sr := res.(savedResponse)
	if sr.stored.Answers == nil {
		if err := s.loadAnswers(ctx, sr.stored); err != nil {
			return nil, false, err
		}
	}
	return sr.stored, sr.created, nil
}

type savedResponse struct {
	stored  *survey.Response
	created bool
}

// saveResponse is SaveResponse inside a transaction.
func saveResponse(tx *gorm.DB, r *survey.Response) (*survey.Response, bool, error) {
	var existing responseRow
	err := tx.Where("survey_id = ? AND client_id = ?", r.SurveyID, r.ClientID).Take(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		row := newResponseRow(r)
		if err := tx.Create(&row).Error; err != nil {
			return nil, false, err
		}
		if err := insertAnswers(tx, row.ID, r.Answers); err != nil {
			return nil, false, err
		}
		return responseFromRow(row, r.Answers), true, nil
	case err != nil:
		return nil, false, err
	case existing.Status == string(survey.Complete):
		return responseFromRow(existing, nil), false, nil
	}
	now := time.Now().UTC()
	existing.Status, existing.Page, existing.UpdatedAt = string(r.Status), r.Page, now
	existing.SurveyVersion = r.SurveyVersion
	if r.Status == survey.Complete {
		existing.CompletedAt = &now
	}
	if err := tx.Save(&existing).Error; err != nil {
		return nil, false, err
	}
	if err := tx.Where("response_id = ?", existing.ID).Delete(&answerRow{}).Error; err != nil {
		return nil, false, err
	}
	if err := insertAnswers(tx, existing.ID, r.Answers); err != nil {
		return nil, false, err
	}
	return responseFromRow(existing, r.Answers), false, nil
}

// SaveResponses inserts many new responses in one transaction.
func (s *Store) SaveResponses(ctx context.Context, rs []*survey.Response) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		rows := make([]responseRow, len(rs))
		var answers []answerRow
		for i, r := range rs {
			rows[i] = newResponseRow(r)
			r.ID = rows[i].ID
			answers = append(answers, answerRows(rows[i].ID, r.Answers)...)
		}
		if len(rows) > 0 {
			if err := tx.CreateInBatches(rows, 500).Error; err != nil {
				return err
			}
		}
		if len(answers) > 0 {
			return tx.CreateInBatches(answers, 1000).Error
		}
		return nil
	})
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return fmt.Errorf("save responses: a client id is already stored: %w", survey.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("save responses: %w", err)
	}
	return nil
}

func newResponseRow(r *survey.Response) responseRow {
	now := time.Now().UTC()
	row := responseRow{
		ID: r.ID, SurveyID: r.SurveyID, SurveyVersion: r.SurveyVersion, ClientID: r.ClientID,
		Touchpoint: r.Touchpoint, Status: string(r.Status), Page: r.Page, IP: r.IP, Source: r.Source,
		StartedAt: r.StartedAt, UpdatedAt: now, CompletedAt: r.CompletedAt,
	}
	if row.ID == "" {
		// Time-ordered (version 7) UUIDs: new rows append to the end of the
		// primary key and answers(response_id) indexes instead of landing on
		// a random page, which keeps inserts fast on a big table.
		row.ID = uuid.Must(uuid.NewV7()).String()
	}
	if row.ClientID == "" {
		row.ClientID = row.ID
	}
	if row.StartedAt.IsZero() {
		row.StartedAt = now
	}
	if row.Status == "" {
		row.Status = string(survey.Partial)
	}
	if row.Status == string(survey.Complete) && row.CompletedAt == nil {
		row.CompletedAt = &now
	}
	return row
}

// insertAnswers writes a response's answer rows with one multi-row INSERT
// (no RETURNING: nothing needs their ids back).
func insertAnswers(tx *gorm.DB, responseID string, a survey.Answers) error {
	rows := answerRows(responseID, a)
	for len(rows) > 0 {
		n := min(len(rows), 150) // 5 parameters a row, well under any bind limit
		var sql strings.Builder
		sql.WriteString("INSERT INTO answers (response_id, question_id, item, text, num) VALUES ")
		args := make([]any, 0, 5*n)
		for i, r := range rows[:n] {
			if i > 0 {
				sql.WriteString(",")
			}
			sql.WriteString("(?,?,?,?,?)")
			args = append(args, r.ResponseID, r.QuestionID, r.Item, r.Text, r.Num)
		}
		if err := tx.Exec(sql.String(), args...).Error; err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// answerRows flattens answers into one row per atomic value, in question
// id order so the stored order is deterministic.
func answerRows(responseID string, a survey.Answers) []answerRow {
	var rows []answerRow
	for _, qid := range slices.Sorted(maps.Keys(a)) {
		v := a[qid]
		add := func(item, text string, num *float64) {
			rows = append(rows, answerRow{ResponseID: responseID, QuestionID: qid, Item: item, Text: text, Num: num})
		}
		switch {
		case v.Choice != "":
			add(v.Choice, v.Other, nil)
		case v.Choices != nil:
			for _, c := range v.Choices {
				other := ""
				if c == survey.OtherValue {
					other = v.Other
				}
				add(c, other, nil)
			}
		case v.Number != nil:
			add("", "", v.Number)
		case v.Matrix != nil:
			for _, sid := range slices.Sorted(maps.Keys(v.Matrix)) {
				f := float64(v.Matrix[sid])
				add(sid, "", &f)
			}
		default:
			add("", v.Text, nil)
		}
	}
	return rows
}

// questionTypes maps a definition's question ids to their types.
func questionTypes(def *survey.Definition) map[string]survey.QuestionType {
	m := map[string]survey.QuestionType{}
	for _, q := range def.Questions() {
		m[q.ID] = q.Type
	}
	return m
}

// answersFromRows rebuilds typed values; the question types say which rows
// are one multiple-choice answer and which a single choice.
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

func responseFromRow(r responseRow, a survey.Answers) *survey.Response {
	return &survey.Response{
		ID: r.ID, SurveyID: r.SurveyID, SurveyVersion: r.SurveyVersion, ClientID: r.ClientID,
		Touchpoint: r.Touchpoint, Status: survey.ResponseStatus(r.Status), Page: r.Page, IP: r.IP,
		Source: r.Source, StartedAt: r.StartedAt, UpdatedAt: r.UpdatedAt, CompletedAt: r.CompletedAt,
		Answers: a,
	}
}

// ResponseByClientID finds a response by its idempotency key.
func (s *Store) ResponseByClientID(ctx context.Context, surveyID int64, clientID string) (*survey.Response, error) {
	var row responseRow
	err := s.db.WithContext(ctx).Where("survey_id = ? AND client_id = ?", surveyID, clientID).Take(&row).Error
	if err != nil {
		return nil, notFound(err, "response")
	}
	r := responseFromRow(row, nil)
	return r, s.loadAnswers(ctx, r)
}

// ResponseByID finds a response by id.
func (s *Store) ResponseByID(ctx context.Context, id string) (*survey.Response, error) {
	var row responseRow
	if err := s.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "response %q", id)
	}
	r := responseFromRow(row, nil)
	return r, s.loadAnswers(ctx, r)
}

func (s *Store) loadAnswers(ctx context.Context, r *survey.Response) error {
	def, err := s.DefinitionVersion(ctx, r.SurveyID, r.SurveyVersion)
	if err != nil {
		return err
	}
	var rows []answerRow
	if err := s.db.WithContext(ctx).Where("response_id = ?", r.ID).Order("id").Find(&rows).Error; err != nil {
		return fmt.Errorf("load answers: %w", err)
	}
	r.Answers = answersFromRows(questionTypes(def), rows)
	return nil
}

// responsePage is how many responses EachResponse loads at a time: big
// enough to amortise the answers query, small enough to keep memory flat.
const responsePage = 1000

// EachResponse streams responses in start order, a page at a time, with
// keyset pagination so memory stays flat however many there are.
func (s *Store) EachResponse(ctx context.Context, f survey.ResponseFilter, fn func(*survey.Response) error) error {
	defs := map[int]map[string]survey.QuestionType{}
	var (
		lastStart time.Time
		lastID    string
		first     = true
	)
	for {
		q := filterResponses(s.db.WithContext(ctx), f)
		if !first {
			// A row-value comparison, so the (survey_id, started_at, id)
			// index serves every page; an OR of two conditions made each
			// page a scan, and a large export quadratic.
			q = q.Where("(started_at, id) > (?, ?)", lastStart, lastID)
		}
		var rows []responseRow
		if err := q.Order("started_at, id").Limit(responsePage).Find(&rows).Error; err != nil {
			return fmt.Errorf("list responses: %w", err)
		}
		if len(rows) == 0 {
			return nil
		}
		ids := make([]string, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		byResp, err := s.answersOf(ctx, ids)
		if err != nil {
			return err
		}
		for _, row := range rows {
			types, ok := defs[row.SurveyVersion]
			if !ok {
				def, err := s.DefinitionVersion(ctx, row.SurveyID, row.SurveyVersion)
				if err != nil {
					return err
				}
				types = questionTypes(def)
				defs[row.SurveyVersion] = types
			}
			if err := fn(responseFromRow(row, answersFromRows(types, byResp[row.ID]))); err != nil {
				return err
			}
		}
		last := rows[len(rows)-1]
		lastStart, lastID, first = last.StartedAt, last.ID, false
		if len(rows) < responsePage {
			return nil
		}
	}
}

// answersOf reads the answer rows of some responses, grouped by response,
// with a plain scan: GORM's reflection-based Find costs several times more
// over the millions of rows of a large export.
func (s *Store) answersOf(ctx context.Context, ids []string) (map[string][]answerRow, error) {
	rows, err := s.db.WithContext(ctx).Model(&answerRow{}).Select("response_id, question_id, item, text, num").
		Where("response_id IN ?", ids).Order("id").Rows()
	if err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	defer rows.Close()
	by := make(map[string][]answerRow, len(ids))
	for rows.Next() {
		var a answerRow
		var num sql.NullFloat64
		if err := rows.Scan(&a.ResponseID, &a.QuestionID, &a.Item, &a.Text, &num); err != nil {
			return nil, fmt.Errorf("list answers: %w", err)
		}
		if num.Valid {
			f := num.Float64
			a.Num = &f
		}
		by[a.ResponseID] = append(by[a.ResponseID], a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list answers: %w", err)
	}
	return by, nil
}

// CountResponses counts responses matching f.
func (s *Store) CountResponses(ctx context.Context, f survey.ResponseFilter) (int, error) {
	var n int64
	q := filterResponses(s.db.WithContext(ctx).Model(&responseRow{}), f)
	if err := q.Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count responses: %w", err)
	}
	return int(n), nil
}
