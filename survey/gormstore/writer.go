package gormstore

import (
	"context"
	"errors"
	"fmt"
	"sync"

	"gorm.io/gorm"
)

// writer serialises writes through one goroutine and commits them in
// groups: while one transaction commits, new writes queue up, and the next
// transaction takes all of them. Each write runs inside its own savepoint,
// so one failing write does not undo its neighbours. With SQLite (one
// writer at a time anyway) this turns N commits into one and removes lock
// contention; on PostgreSQL it saves round trips and commit flushes.
type writer struct {
	db      *gorm.DB
	queue   chan *writeReq
	maxSize int
	wg      sync.WaitGroup
	closed  chan struct{}
	once    sync.Once
}

type writeReq struct {
	ctx  context.Context
	fn   func(tx *gorm.DB) (any, error)
	res  any
	err  error
	done chan struct{}
}

var errStoreClosed = errors.New("store closed")

func newWriter(db *gorm.DB, maxBatch int) *writer {
	w := &writer{db: db, queue: make(chan *writeReq, 4*maxBatch), maxSize: maxBatch, closed: make(chan struct{})}
	w.wg.Add(1)
	go w.loop()
	return w
}

// do runs fn in the next group transaction and waits for its commit.
func (w *writer) do(ctx context.Context, fn func(tx *gorm.DB) (any, error)) (any, error) {
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan struct{})}
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
		w.commit(batch)
	}
}

func (w *writer) commit(batch []*writeReq) {
	defer func() {
		for _, req := range batch {
			close(req.done)
		}
	}()
	if len(batch) == 1 { // no savepoint needed for a group of one
		req := batch[0]
		if err := req.ctx.Err(); err != nil {
			req.err = err
			return
		}
		req.err = w.db.WithContext(req.ctx).Transaction(func(tx *gorm.DB) error {
			var err error
			req.res, err = req.fn(tx)
			return err
		})
		return
	}
	tx := w.db.Begin()
	if tx.Error != nil {
		for _, req := range batch {
			req.err = tx.Error
		}
		return
	}
	ok := 0
	for i, req := range batch {
		if err := req.ctx.Err(); err != nil {
			req.err = err
			continue
		}
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
				for _, r := range batch {
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
		for _, req := range batch {
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
	})
}
