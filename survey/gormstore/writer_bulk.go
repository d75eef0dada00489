package gormstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// The bulk path of the group-commit writer. Under load nearly every write
// in a group is a brand-new response (a phone submitting once), so instead
// of a savepoint, a SELECT and an INSERT per response, a group costs one
// multi-row INSERT ... ON CONFLICT DO NOTHING (in a few fixed chunk sizes,
// so the statements stay prepared); insertResponses finds which rows it
// stored. A client id already stored (a retry, a partial
// response being completed, a second process on PostgreSQL that stored it
// first) inserts nothing and goes, with everything else that is not a new
// response, through the per-request savepoint path in the same
// transaction, which reports each request's own outcome. If the bulk
// statement fails, the transaction is rolled back and the whole group is
// retried the slow way.
//
// The statements go straight to database/sql with statements prepared once
// on the pool: GORM's prepared-statement mode re-prepares inside every
// transaction, which cost more than the inserts themselves.

// chunkSizes are the row counts of the multi-row statements; any count is
// a sum of these (greedy), so at most len(chunkSizes) statements are ever
// prepared. 256 rows are 3,840 parameters: under SQLite's 32,766
// and PostgreSQL's 65,535.
var chunkSizes = []int{256, 64, 16, 4, 1}

const (
	responseCols  = "id, survey_id, survey_version, client_id, touchpoint, status, page, ip, source, started_at, updated_at, completed_at, answers, search, item_order, language"
	responseNCols = 16
)

// bulkStmts caches prepared statements by SQL text. Only the writer
// goroutine uses it.
type bulkStmts struct {
	db *sql.DB
	m  map[string]*sql.Stmt
}

func (b *bulkStmts) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, ok := b.m[query]
	if !ok {
		var err error
		if st, err = b.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		b.m[query] = st
	}
	return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
}

func (b *bulkStmts) close() {
	for _, st := range b.m {
		st.Close()
	}
	b.m = nil
}

// placeholders writes rows groups of cols PostgreSQL-style parameters
// ($1, $2, ...), which both SQLite and PostgreSQL accept.
func placeholders(sb *strings.Builder, rows, cols int) {
	n := 1
	for r := 0; r < rows; r++ {
		if r > 0 {
			sb.WriteByte(',')
		}
		sb.WriteByte('(')
		for c := 0; c < cols; c++ {
			if c > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(sb, "$%d", n)
			n++
		}
		sb.WriteByte(')')
	}
}

// insertSQL caches the bulk INSERT of n responses.
var insertSQLCache = map[int]string{} // writer goroutine only

func insertSQL(rows int) string {
	if s, ok := insertSQLCache[rows]; ok {
		return s
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "INSERT INTO responses (%s) VALUES ", responseCols)
	placeholders(&sb, rows, responseNCols)
	sb.WriteString(" ON CONFLICT (survey_id, client_id) DO NOTHING")
	s := sb.String()
	insertSQLCache[rows] = s
	return s
}

// insertResponses inserts rows of responseNCols values each (args is
// rows*responseNCols long, the response id first) with the fixed chunk
// sizes, and returns the ids of the rows it stored: a client id already
// stored inserts nothing. When a chunk stores all its rows (nearly always),
// the count of changed rows says so; only otherwise are the stored ones
// looked up. (RETURNING would say it directly, but costs a result row, a
// step and a scan per response: more than the lookup it saves.)
func (b *bulkStmts) insertResponses(ctx context.Context, tx *sql.Tx, args []any) (map[string]bool, error) {
	stored := make(map[string]bool, len(args)/responseNCols)
	rows := len(args) / responseNCols
	for rows > 0 {
		n := 1
		for _, c := range chunkSizes {
			if c <= rows {
				n = c
				break
			}
		}
		chunk := args[:n*responseNCols]
		res, err := b.exec(ctx, tx, insertSQL(n), chunk...)
		if err != nil {
			return nil, fmt.Errorf("insert responses: %w", err)
		}
		changed, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("insert responses: %w", err)
		}
		ids := make([]string, n)
		for i := range ids {
			ids[i] = chunk[i*responseNCols].(string)
		}
		if int(changed) == n {
			for _, id := range ids {
				stored[id] = true
			}
		} else if err := b.storedIDs(ctx, tx, ids, stored); err != nil {
			return nil, fmt.Errorf("insert responses: %w", err)
		}
		args, rows = args[n*responseNCols:], rows-n
	}
	return stored, nil
}

// storedIDs adds to found which of ids are responses.
func (b *bulkStmts) storedIDs(ctx context.Context, tx *sql.Tx, ids []string, found map[string]bool) error {
	var sb strings.Builder
	sb.WriteString("SELECT id FROM responses WHERE id IN (")
	args := make([]any, len(ids))
	for i, id := range ids {
		if i > 0 {
			sb.WriteByte(',')
		}
		fmt.Fprintf(&sb, "$%d", i+1)
		args[i] = id
	}
	sb.WriteByte(')')
	rows, err := tx.QueryContext(ctx, sb.String(), args...) // rare: not worth a prepared statement
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return err
		}
		found[id] = true
	}
	return rows.Err()
}

// clientKey identifies a response by its idempotency key.
type clientKey struct {
	survey int64
	client string
}

// insertNew stores, with multi-row inserts, the requests of reqs that
// create a new response, and returns the others for the slow path. On an
// error nothing useful is left in tx: the caller rolls it back.
func (w *writer) insertNew(ctx context.Context, tx *sql.Tx, reqs []*writeReq) (fresh, rest []*writeReq, err error) {
	seen := map[clientKey]bool{}
	var rargs []any
	var tried, quota []*writeReq
	for _, r := range reqs {
		if r.bulk == nil {
			rest = append(rest, r)
			continue
		}
		k := clientKey{r.resp.SurveyID, r.resp.ClientID}
		if seen[k] { // the same client id twice in a group: the second one is a retry
			rest = append(rest, r)
			continue
		}
		seen[k] = true
		if countsQuotas(r.resp) {
			quota = append(quota, r)
			continue
		}
		rargs = append(rargs, r.bulk.rargs...)
		tried = append(tried, r)
	}
	if len(quota) > 0 {
		granted, refused, err := w.takeGroupSlots(ctx, tx, quota)
		if err != nil {
			return nil, nil, err
		}
		rest = append(rest, refused...)
		for _, r := range granted {
			rargs = append(rargs, r.bulk.rargs...)
			tried = append(tried, r)
		}
	}
	if len(tried) == 0 {
		return nil, rest, nil
	}
	stored, err := w.stmts.insertResponses(ctx, tx, rargs)
	if err != nil {
		return nil, nil, err
	}
	giveBack := map[quotaKey]int{}
	for _, r := range tried {
		if stored[r.bulk.row.ID] {
			stored := responseFromRow(r.bulk.row, r.resp.Answers)
			stored.Order = r.resp.Order
			r.res = savedResponse{stored, true}
			fresh = append(fresh, r)
			continue
		}
		// Not stored (its client id was): the per-request way decides,
		// and takes its own slots if it needs any.
		rest = append(rest, r)
		if countsQuotas(r.resp) {
			for _, q := range r.resp.Quotas {
				giveBack[quotaKey{r.resp.SurveyID, q.ID}]++
			}
		}
	}
	if err := w.releaseSlots(ctx, tx, giveBack); err != nil {
		return nil, nil, err
	}
	return fresh, rest, nil
}

// bulkRow is a new response's row and statement arguments, built by the
// submitting goroutine (in parallel) so the writer goroutine, which all
// writes queue for, only runs SQL.
type bulkRow struct {
	row   responseRow
	rargs []any
}

func prepareBulk(r *survey.Response) (*bulkRow, error) {
	row, err := newResponseRow(r)
	if err != nil {
		return nil, err
	}
	return &bulkRow{row: row, rargs: []any{row.ID, row.SurveyID, row.SurveyVersion, row.ClientID, row.Touchpoint, row.Status,
		row.Page, row.IP, row.Source, row.StartedAt, row.UpdatedAt, row.CompletedAt, row.Answers, row.Search, row.ItemOrder, row.Language}}, nil
}

// sqlTxOf digs the database/sql transaction out of a GORM transaction.
func sqlTxOf(tx *gorm.DB) (*sql.Tx, bool) {
	switch p := tx.Statement.ConnPool.(type) {
	case *sql.Tx:
		return p, true
	case *gorm.PreparedStmtTX:
		t, ok := p.Tx.(*sql.Tx)
		return t, ok
	}
	return nil, false
}
