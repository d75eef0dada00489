package gormstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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
	if r.ID == "" && r.ClientID != "" && r.Quota == "" {
		var err error
		if req.bulk, err = prepareBulk(r); err != nil {
			return nil, false, fmt.Errorf("save response: %w", err)
		}
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
	return sr.stored, sr.created, nil
}

// countsQuotas reports whether saving r takes quota slots (quotas.go,
// quotas_bulk.go).
func countsQuotas(r *survey.Response) bool {
	return r.Status == survey.Complete && len(r.Quotas) > 0
}

type savedResponse struct {
	stored  *survey.Response
	created bool
}

// saveResponse is SaveResponse inside a transaction.
func saveResponse(tx *gorm.DB, r *survey.Response) (*survey.Response, bool, error) {
	if countsQuotas(r) {
		// quotaCheck may turn it into an OverQuota response: a copy, so
		// a retry of this write (writer.go) checks the quotas afresh.
		rc := *r
		r = &rc
	}
	var existing responseRow
	err := tx.Where("survey_id = ? AND client_id = ?", r.SurveyID, r.ClientID).Take(&existing).Error
	switch {
	case errors.Is(err, gorm.ErrRecordNotFound):
		if err := quotaCheck(tx, r); err != nil {
			return nil, false, err
		}
		row, err := newResponseRow(r)
		if err != nil {
			return nil, false, err
		}
		if err := tx.Create(&row).Error; err != nil {
			return nil, false, err
		}
		stored := responseFromRow(row, r.Answers)
		stored.Order = r.Order
		return stored, true, responseEvent(tx, eventFor(stored.Status), stored)
	case err != nil:
		return nil, false, err
	case existing.Status == string(survey.Complete) || existing.Status == string(survey.OverQuota):
		stored, err := responseFromStored(existing)
		return stored, false, err
	case existing.Source == survey.SourceWeb && r.Source == survey.SourceOffline:
		// The respondent's phone lost its connection half way and sends
		// the rest from its offline queue (docs/offline.md): the same
		// respondent, who holds the client id as their resume link does.
		existing.Source = r.Source
	case existing.Source != r.Source:
		// A respondent's partial response (their resume link carries its
		// client id) is only carried on by the same channel: an API
		// submit with that id must not replace their answers.
		return nil, false, fmt.Errorf("client id %s belongs to a response in progress from %q: %w", r.ClientID, existing.Source, survey.ErrConflict)
	}
	if err := quotaCheck(tx, r); err != nil {
		return nil, false, err
	}
	now := time.Now().UTC()
	existing.Status, existing.Page, existing.UpdatedAt = string(r.Status), r.Page, now
	existing.Quota = r.Quota
	existing.SurveyVersion = r.SurveyVersion
	if r.Language != "" {
		existing.Language = r.Language
	}
	if r.Status == survey.Complete {
		existing.CompletedAt = &now
	}
	if existing.Answers, existing.Search, err = encodeAnswers(r.Answers); err != nil {
		return nil, false, err
	}
	if r.Order != nil {
		// A respondent's order is fixed by their client id; a save
		// without one (an API retry) leaves the stored one alone.
		if existing.ItemOrder, err = encodeOrder(r.Order); err != nil {
			return nil, false, err
		}
	}
	if err := tx.Save(&existing).Error; err != nil {
		return nil, false, err
	}
	stored := responseFromRow(existing, r.Answers)
	stored.Order = decodeOrder(existing.ItemOrder)
	return stored, false, responseEvent(tx, eventFor(stored.Status), stored)
}

// quotaCheck takes r's quota slots when r completes; when a quota is full,
// r becomes an OverQuota response naming it (saveResponse made r a copy).
func quotaCheck(tx *gorm.DB, r *survey.Response) error {
	if !countsQuotas(r) {
		return nil
	}
	full, err := takeQuotaSlots(tx, r.SurveyID, r.Quotas)
	if err != nil {
		return fmt.Errorf("quota counts: %w", err)
	}
	if full != "" {
		r.Status, r.Quota, r.CompletedAt = survey.OverQuota, full, nil
	}
	return nil
}

// eventFor is the webhook event of a saved response: completed, or updated
// while it is still partial.
func eventFor(st survey.ResponseStatus) string {
	if st == survey.Complete {
		return survey.EventResponseCompleted
	}
	return survey.EventResponseUpdated
}

// SaveResponses inserts many new responses in one transaction.
func (s *Store) SaveResponses(ctx context.Context, rs []*survey.Response) error {
	err := s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		rows := make([]responseRow, len(rs))
		for i, r := range rs {
			var err error
			if rows[i], err = newResponseRow(r); err != nil {
				return err
			}
			r.ID = rows[i].ID
		}
		if len(rows) == 0 {
			return nil
		}
		if err := tx.CreateInBatches(rows, 500).Error; err != nil {
			return err
		}
		// Imported complete responses count toward their quotas, with no
		// limit: they were collected already.
		for _, r := range rs {
			if countsQuotas(r) {
				for _, q := range r.Quotas {
					if err := addQuotaCount(tx, r.SurveyID, q.ID, 1); err != nil {
						return err
					}
				}
			}
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

func newResponseRow(r *survey.Response) (responseRow, error) {
	now := time.Now().UTC()
	row := responseRow{
		ID: r.ID, SurveyID: r.SurveyID, SurveyVersion: r.SurveyVersion, ClientID: r.ClientID,
		Touchpoint: r.Touchpoint, Status: string(r.Status), Page: r.Page, IP: r.IP, Source: r.Source,
		StartedAt: r.StartedAt, UpdatedAt: now, CompletedAt: r.CompletedAt, Quota: r.Quota, Language: r.Language,
	}
	var err error
	if row.Answers, row.Search, err = encodeAnswers(r.Answers); err != nil {
		return row, err
	}
	if row.ItemOrder, err = encodeOrder(r.Order); err != nil {
		return row, err
	}
	if row.ID == "" {
		// Time-ordered (version 7) UUIDs: new rows append to the end of the
		// primary key index instead of landing on a random page, which
		// keeps inserts fast on a big table.
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
	return row, nil
}

func responseFromRow(r responseRow, a survey.Answers) *survey.Response {
	return &survey.Response{
		ID: r.ID, SurveyID: r.SurveyID, SurveyVersion: r.SurveyVersion, ClientID: r.ClientID,
		Touchpoint: r.Touchpoint, Status: survey.ResponseStatus(r.Status), Page: r.Page, IP: r.IP,
		Source: r.Source, StartedAt: r.StartedAt, UpdatedAt: r.UpdatedAt, CompletedAt: r.CompletedAt,
		Answers: a, Quota: r.Quota, Language: r.Language,
	}
}

// responseFromStored converts a stored row, answers included.
func responseFromStored(row responseRow) (*survey.Response, error) {
	a, err := decodeAnswers(row.Answers)
	if err != nil {
		return nil, fmt.Errorf("response %s: %w", row.ID, err)
	}
	r := responseFromRow(row, a)
	r.Order = decodeOrder(row.ItemOrder)
	return r, nil
}

// ResponseByClientID finds a response by its idempotency key.
func (s *Store) ResponseByClientID(ctx context.Context, surveyID int64, clientID string) (*survey.Response, error) {
	var row responseRow
	err := s.db.WithContext(ctx).Where("survey_id = ? AND client_id = ?", surveyID, clientID).Take(&row).Error
	if err != nil {
		return nil, notFound(err, "response")
	}
	return responseFromStored(row)
}

// ResponseByID finds a response by id.
func (s *Store) ResponseByID(ctx context.Context, id string) (*survey.Response, error) {
	var row responseRow
	if err := s.db.WithContext(ctx).Where("id = ?", id).Take(&row).Error; err != nil {
		return nil, notFound(err, "response %q", id)
	}
	return responseFromStored(row)
}

// responsePage is how many responses EachResponse loads at a time: big
// enough to amortise the query, small enough to keep memory flat.
const responsePage = 1000

// streamedCols are the columns EachResponse scans, in scanRow's order.
const streamedCols = "id, survey_id, survey_version, client_id, touchpoint, status, page, ip, source, started_at, updated_at, completed_at, answers, item_order, quota, language"

// EachResponse streams responses in start order, a page at a time, with
// keyset pagination so memory stays flat however many there are. Rows are
// scanned by hand: GORM's reflection-based Find costs several times more
// over the hundreds of thousands of rows of a large export.
//
// SQLite's driver (go-sqlite3) steps every row on a goroutine of its own,
// handing it over on a channel, when the query's context can be cancelled:
// 0.4-0.5 s of CPU for 100,000 responses. So SQLite pages are queried with
// a context that is never cancelled, and the loop checks ctx itself before
// every row: an interrupted read ends at the next row, once the driver's
// current step returns, rather than within it.
func (s *Store) EachResponse(ctx context.Context, f survey.ResponseFilter, fn func(*survey.Response) error) error {
	var (
		lastStart time.Time
		lastID    string
		first     = true
	)
	qctx := ctx
	if s.dialect == "sqlite" {
		qctx = context.WithoutCancel(ctx)
	}
	page := make([]responseRow, 0, responsePage)
	for {
		q := filterResponses(s.db.WithContext(qctx).Model(&responseRow{}), f)
		if !first {
			// A row-value comparison, so the (survey_id, started_at, id)
			// index serves every page; an OR of two conditions made each
			// page a scan, and a large export quadratic.
			q = q.Where("(started_at, id) > (?, ?)", lastStart, lastID)
		}
		rows, err := q.Select(streamedCols).Order("started_at, id").Limit(responsePage).Rows()
		if err != nil {
			return fmt.Errorf("list responses: %w", err)
		}
		page = page[:0]
		for rows.Next() {
			if err := ctx.Err(); err != nil {
				rows.Close()
				return err
			}
			var r responseRow
			var completed sql.NullTime
			if err := rows.Scan(&r.ID, &r.SurveyID, &r.SurveyVersion, &r.ClientID, &r.Touchpoint, &r.Status, &r.Page, &r.IP,
				&r.Source, &r.StartedAt, &r.UpdatedAt, &completed, &r.Answers, &r.ItemOrder, &r.Quota, &r.Language); err != nil {
				rows.Close()
				return fmt.Errorf("list responses: %w", err)
			}
			if completed.Valid {
				r.CompletedAt = &completed.Time
			}
			page = append(page, r)
		}
		err = rows.Err()
		if cerr := rows.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("list responses: %w", err)
		}
		// The page is read whole before fn runs, so fn may use the store
		// (SQLite has one connection for reads in some set-ups).
		for _, row := range page {
			if err := ctx.Err(); err != nil {
				return err
			}
			r, err := responseFromStored(row)
			if err != nil {
				return err
			}
			if err := fn(r); err != nil {
				return err
			}
		}
		if len(page) < responsePage {
			return nil
		}
		last := page[len(page)-1]
		lastStart, lastID, first = last.StartedAt, last.ID, false
	}
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
