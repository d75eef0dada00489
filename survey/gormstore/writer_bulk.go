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
// of a savepoint, a SELECT and two INSERTs per response, a group costs:
//
//   - one SELECT that finds which client ids are already stored,
//   - one multi-row INSERT of the new responses, answers included (in a few
//     fixed chunk sizes, so the statements stay prepared).
//
// Everything else (an update, a retry of a stored client id, the same
// client id twice in one group) goes through the per-request savepoint path
// in the same transaction. If a bulk statement fails (a client id stored by
// another process between the SELECT and the INSERT, on PostgreSQL), the
// transaction is rolled back and the whole group is retried the slow way,
// which reports each request's own outcome.
//
// The statements go straight to database/sql with statements prepared once
// on the pool: GORM's prepared-statement mode re-prepares inside every
// transaction, which cost more than the inserts themselves.

// chunkSizes are the row counts of the multi-row statements; any count is
// a sum of these (greedy), so at most len(chunkSizes) statements per table
// are ever prepared. 256 rows are 3,584 parameters: under SQLite's 32,766
// and PostgreSQL's 65,535.
var chunkSizes = []int{256, 64, 16, 4, 1}

const responseCols = "id, survey_id, survey_version, client_id, touchpoint, status, page, ip, source, started_at, updated_at, completed_at, answers, search"

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

func (b *bulkStmts) query(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	st, ok := b.m[query]
	if !ok {
		var err error
		if st, err = b.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		b.m[query] = st
	}
	return tx.StmtContext(ctx, st).QueryContext(ctx, args...)
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

// insertSQL caches "INSERT INTO table (cols) VALUES ..." per (table, rows).
type insertKey struct {
	table string
	rows  int
}

var insertSQLCache = map[insertKey]string{} // writer goroutine only

func insertSQL(table, cols string, ncols, rows int) string {
	k := insertKey{table, rows}
	if s, ok := insertSQLCache[k]; ok {
		return s
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "INSERT INTO %s (%s) VALUES ", table, cols)
	placeholders(&sb, rows, ncols)
	s := sb.String()
	insertSQLCache[k] = s
	return s
}

// insertChunked inserts rows of ncols values each (args is rows*ncols
// long) with the fixed chunk sizes.
func (b *bulkStmts) insertChunked(ctx context.Context, tx *sql.Tx, table, cols string, ncols int, args []any) error {
	rows := len(args) / ncols
	for rows > 0 {
		n := 1
		for _, c := range chunkSizes {
			if c <= rows {
				n = c
				break
			}
		}
		if _, err := b.exec(ctx, tx, insertSQL(table, cols, ncols, n), args[:n*ncols]...); err != nil {
			return fmt.Errorf("insert %s: %w", table, err)
		}
		args, rows = args[n*ncols:], rows-n
	}
	return nil
}

// storedClientIDs returns which of the client ids of survey surveyID exist.
// The IN list is padded (repeating the last id) to a chunk size, so only a
// few statements are ever prepared.
func (b *bulkStmts) storedClientIDs(ctx context.Context, tx *sql.Tx, surveyID int64, ids []string) (map[string]bool, error) {
	found := map[string]bool{}
	for len(ids) > 0 {
		size := chunkSizes[0]
		for _, c := range chunkSizes {
			if c >= len(ids) {
				size = c
			}
		}
		n := min(size, len(ids))
		var sb strings.Builder
		sb.WriteString("SELECT client_id FROM responses WHERE survey_id = $1 AND client_id IN (")
		args := make([]any, 0, size+1)
		args = append(args, surveyID)
		for i := 0; i < size; i++ {
			if i > 0 {
				sb.WriteByte(',')
			}
			fmt.Fprintf(&sb, "$%d", i+2)
			args = append(args, ids[min(i, n-1)])
		}
		sb.WriteByte(')')
		rows, err := b.query(ctx, tx, sb.String(), args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			found[id] = true
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		ids = ids[n:]
	}
	return found, nil
}

// insertNew stores, with multi-row inserts, the requests of reqs that
// create a new response, and returns the others for the slow path. On an
// error nothing useful is left in tx: the caller rolls it back.
func (w *writer) insertNew(ctx context.Context, tx *sql.Tx, reqs []*writeReq) (fresh, rest []*writeReq, err error) {
	bySurvey := map[int64][]string{}
	for _, r := range reqs {
		if r.bulk != nil { // a new response (SaveResponse prepared its row)
			bySurvey[r.resp.SurveyID] = append(bySurvey[r.resp.SurveyID], r.resp.ClientID)
		}
	}
	stored := map[int64]map[string]bool{}
	for sid, ids := range bySurvey {
		if stored[sid], err = w.stmts.storedClientIDs(ctx, tx, sid, ids); err != nil {
			return nil, nil, fmt.Errorf("look up client ids: %w", err)
		}
	}
	type key struct {
		survey int64
		client string
	}
	seen := map[key]bool{}
	var rargs []any
	for _, r := range reqs {
		if r.bulk == nil {
			rest = append(rest, r)
			continue
		}
		k := key{r.resp.SurveyID, r.resp.ClientID}
		if stored[k.survey][k.client] || seen[k] {
			rest = append(rest, r)
			continue
		}
		seen[k] = true
		rargs = append(rargs, r.bulk.rargs...)
		r.res = savedResponse{responseFromRow(r.bulk.row, r.resp.Answers), true}
		fresh = append(fresh, r)
	}
	if len(fresh) == 0 {
		return nil, rest, nil
	}
	if err := w.stmts.insertChunked(ctx, tx, "responses", responseCols, 14, rargs); err != nil {
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
		row.Page, row.IP, row.Source, row.StartedAt, row.UpdatedAt, row.CompletedAt, row.Answers, row.Search}}, nil
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
