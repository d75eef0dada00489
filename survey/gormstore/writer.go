package gormstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"

	"github.com/safarhq/safar/survey"
)

// writer serialises writes through one goroutine and commits them in
// groups: while one transaction commits, new writes queue up, and the next
// transaction takes all of them. Each write runs inside its own savepoint,
// so one failing write does not undo its neighbours. With SQLite (one
// writer at a time anyway) this turns N commits into one and removes lock
// contention; on PostgreSQL it saves round trips and commit flushes.
type writer struct {
	db      *gorm.DB
	stmts   *bulkStmts // nil: no bulk path
	queue   chan *writeReq
	maxSize int
	// linger is how long a group waits for more writes once writes arrive
	// concurrently (a lone write is committed at once).
	linger time.Duration
	wg     sync.WaitGroup
	closed chan struct{}
	// truncate asks the loop to run a TRUNCATE checkpoint between two
	// groups (set by checkpoint.go when the WAL is too large).
	truncate atomic.Bool
	once     sync.Once
}

type writeReq struct {
	ctx context.Context
	fn  func(tx *gorm.DB) (any, error)
	// resp, when set, is a SaveResponse request the bulk path may insert
	// directly (writer_bulk.go); fn is its slow path.
	resp *survey.Response
	bulk *bulkRow // resp's row, prepared by the caller when resp is new (no ID, a client id)
	res  any
	err  error
	done chan struct{}
}

var errStoreClosed = errors.New("store closed")

func newWriter(db *gorm.DB, maxBatch int, linger time.Duration) *writer {
	w := &writer{db: db, queue: make(chan *writeReq, 4*maxBatch), maxSize: maxBatch, linger: linger, closed: make(chan struct{})}
	if sqlDB, err := db.DB(); err == nil {
		w.stmts = &bulkStmts{db: sqlDB, m: map[string]*sql.Stmt{}}
	}
	w.wg.Add(1)
	go w.loop()
	return w
}

func (w *writer) submit(req *writeReq) (any, error) {
	ctx := req.ctx
	select {
	case w.queue <- req:
	case <-w.closed:
		return nil, errStoreClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	// Once queued, wait for the outcome even if ctx ends: the write may
	// already be committed, and the caller must not be told otherwise.
	<-req.done
	return req.res, req.err
}

func (w *writer) loop() {
	defer w.wg.Done()
	linger := time.NewTimer(time.Hour)
	linger.Stop()
	busy := false // the last group had more than one write
	for {
		var first *writeReq
		select {
		case first = <-w.queue:
		case <-w.closed:
			// Drain what was queued before Close.
			for {
				select {
				case req := <-w.queue:
					w.commit([]*writeReq{req})
				default:
					return
				}
			}
		}
		batch := []*writeReq{first}
	fill:
		for len(batch) < w.maxSize {
			select {
			case req := <-w.queue:
				batch = append(batch, req)
			default:
				break fill
			}
		}
		if (len(batch) > 1 || busy) && w.linger > 0 {
			// Writes are arriving concurrently: wait a moment for more, so
			// one commit serves many (docs/performance.md#submit).
			linger.Reset(w.linger)
		wait:
			for len(batch) < w.maxSize {
				select {
				case req := <-w.queue:
					batch = append(batch, req)
				case <-linger.C:
					break wait
				}
			}
			if !linger.Stop() {
				select {
				case <-linger.C:
				default:
				}
			}
		}
		busy = len(batch) > 1
		w.commit(batch)
		if w.truncate.Swap(false) {
			truncateWAL(w.db)
		}
	}
}

func (w *writer) commit(batch []*writeReq) {
	defer func() {
		for _, req := range batch {
			close(req.done)
		}
	}()
	live := batch[:0:0]
	for _, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.err = err
			continue
		}
		live = append(live, req)
	}
	if len(live) == 0 {
		return
	}
	if len(live) == 1 && live[0].resp == nil { // no savepoint needed for a group of one
		req := live[0]
		req.err = w.db.WithContext(req.ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			req.res, err = req.fn(tx)
			return err
		})
		return
	}
	ctx := context.Background() // each request's own ctx was checked above
	tx := w.db.Begin()
	if tx.Error != nil {
		for _, req := range live {
			req.err = tx.Error
		}
		return
	}
	var fresh []*writeReq
	rest := live
	if stx, ok := sqlTxOf(tx); ok && w.stmts != nil {
		var err error
		fresh, rest, err = w.insertNew(ctx, stx, live)
		if err == nil {
			err = freshEvents(tx, fresh) // webhook events in the same transaction
		}
		if err != nil {
			// Start over the slow way, which reports each request's own
			// outcome (PostgreSQL aborts a transaction on any error).
			tx.Rollback()
			for _, req := range live {
				req.res = nil
			}
			if tx = w.db.Begin(); tx.Error != nil {
				for _, req := range live {
					req.err = tx.Error
				}
				return
			}
			fresh, rest = nil, live
		}
	}
	ok := len(fresh)
	for i, req := range rest {
		sp := fmt.Sprintf("w%d", i)
		if err := tx.SavePoint(sp).Error; err != nil {
			req.err = err
			continue
		}
		res, err := req.fn(tx)
		if err != nil {
			req.err = err
			if rerr := tx.RollbackTo(sp).Error; rerr != nil {
				tx.Rollback()
				for _, r := range live {
					if r.err == nil {
						r.err, r.res = fmt.Errorf("group commit aborted: %w", rerr), nil
					}
				}
				return
			}
			continue
		}
		req.res = res
		ok++
	}
	if ok == 0 {
		tx.Rollback()
		return
	}
	if err := tx.Commit().Error; err != nil {
		for _, req := range live {
			if req.err == nil {
				req.err, req.res = fmt.Errorf("commit: %w", err), nil
			}
		}
	}
}

// close stops accepting writes and waits for queued ones to finish.
func (w *writer) close() {
	w.once.Do(func() {
		close(w.closed)
		w.wg.Wait()
		if w.stmts != nil {
			w.stmts.close()
		}
	})
}
