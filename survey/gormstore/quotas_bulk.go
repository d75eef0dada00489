package gormstore

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
)

// Quotas on the bulk path of the group-commit writer (writer_bulk.go). New
// complete responses that count toward quotas stay in the group's
// multi-row INSERT: the group takes its slots with one conditional UPDATE
// per quota (n + k <= limit, k the group's responses in it) instead of a
// savepoint, a SELECT, an INSERT and an UPDATE per response. When a quota
// has fewer free slots than the group wants, the group's responses in it go
// the per-request way (saveResponse), which takes the slots one by one in
// arrival order and turns away the rest: the limit holds exactly.

type quotaKey struct {
	survey int64
	quota  string
}

const (
	takeSlotsSQL    = "UPDATE quota_counts SET n = n + $1 WHERE survey_id = $2 AND quota_id = $3 AND n + $1 <= $4"
	releaseSlotsSQL = "UPDATE quota_counts SET n = CASE WHEN n < $1 THEN 0 ELSE n - $1 END WHERE survey_id = $2 AND quota_id = $3"
	ensureSlotsSQL  = "INSERT INTO quota_counts (survey_id, quota_id, n) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING"
)

// takeGroupSlots takes the quota slots of reqs (new complete responses with
// quotas) for the whole group. It returns the requests that got all their
// slots and those that must go the per-request way; the latter hold none.
func (w *writer) takeGroupSlots(ctx context.Context, tx *sql.Tx, reqs []*writeReq) (granted, refused []*writeReq, err error) {
	demand := map[quotaKey]int{}
	limit := map[quotaKey]int{}
	var order []quotaKey
	for _, r := range reqs {
		for _, q := range r.resp.Quotas {
			k := quotaKey{r.resp.SurveyID, q.ID}
			if _, ok := demand[k]; !ok {
				order = append(order, k)
				limit[k] = q.Limit
			}
			demand[k]++
			limit[k] = min(limit[k], q.Limit)
		}
	}
	// Always in the same order (survey, quota id), here and in
	// takeQuotaSlots: two PostgreSQL servers taking the same two quotas in
	// opposite orders would deadlock.
	slices.SortFunc(order, func(a, b quotaKey) int {
		return cmp.Or(cmp.Compare(a.survey, b.survey), strings.Compare(a.quota, b.quota))
	})
	taken := map[quotaKey]bool{}
	for _, k := range order {
		ok, err := w.takeSlots(ctx, tx, k, demand[k], limit[k])
		if err != nil {
			return nil, nil, err
		}
		taken[k] = ok
	}
	giveBack := map[quotaKey]int{}
	for _, r := range reqs {
		all := true
		for _, q := range r.resp.Quotas {
			all = all && taken[quotaKey{r.resp.SurveyID, q.ID}]
		}
		if all {
			granted = append(granted, r)
			continue
		}
		refused = append(refused, r)
		for _, q := range r.resp.Quotas {
			if k := (quotaKey{r.resp.SurveyID, q.ID}); taken[k] {
				giveBack[k]++
			}
		}
	}
	return granted, refused, w.releaseSlots(ctx, tx, giveBack)
}

// takeSlots takes n slots of quota k at once, or none.
func (w *writer) takeSlots(ctx context.Context, tx *sql.Tx, k quotaKey, n, limit int) (bool, error) {
	for try := 0; ; try++ {
		res, err := w.stmts.exec(ctx, tx, takeSlotsSQL, n, k.survey, k.quota, limit)
		if err != nil {
			return false, err
		}
		if changed, err := res.RowsAffected(); err != nil || changed == 1 || try == 1 {
			return changed == 1, err
		}
		// Full, or no row yet: make sure it exists and try once more.
		if _, err := w.stmts.exec(ctx, tx, ensureSlotsSQL, k.survey, k.quota); err != nil {
			return false, err
		}
	}
}

// releaseSlots gives back slots taken for responses that were not stored.
func (w *writer) releaseSlots(ctx context.Context, tx *sql.Tx, n map[quotaKey]int) error {
	for k, c := range n {
		if _, err := w.stmts.exec(ctx, tx, releaseSlotsSQL, c, k.survey, k.quota); err != nil {
			return err
		}
	}
	return nil
}
