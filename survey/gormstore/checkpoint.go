package gormstore

import (
	"sync"
	"time"

	"gorm.io/gorm"
)

// checkpointer moves SQLite's WAL checkpoints off the write path. By
// default SQLite checkpoints inside the commit that pushes the WAL past
// 1,000 pages, and a checkpoint fsyncs the database file: the group-commit
// writer, which every submission waits for, would stall on it. Instead the
// connections run with wal_autocheckpoint=0 (sqlite_driver.go) and this
// goroutine runs a PASSIVE checkpoint on another connection a few times a
// second; PASSIVE never blocks the writer or readers.
//
// PASSIVE alone does not bound the WAL: SQLite writes the WAL from its
// beginning again only after a checkpoint copied every frame back, and
// under sustained writes new frames always arrive first (the attack run of
// issue 21 grew it to 1 GB in 20 s). So when a PASSIVE checkpoint finds the
// WAL past the limit, the group-commit writer runs a TRUNCATE checkpoint
// between two groups: it holds no write lock then, so the checkpoint does
// not wait for it (run from this goroutine it starved behind the writer's
// back-to-back transactions for up to 1.5 s), copies the few frames PASSIVE
// left, waits for readers of the old frames and cuts the file to zero.
// journal_size_limit (sqlite_driver.go) also caps what a WAL reset leaves.
// When the last connection closes, SQLite checkpoints what is left.
type checkpointer struct {
	stop chan struct{}
	wg   sync.WaitGroup
}

// DefaultWALLimit is the WAL size past which the WAL is truncated.
const DefaultWALLimit = 64 << 20

func startCheckpointer(s *Store, every time.Duration, walLimit int64) *checkpointer {
	c := &checkpointer{stop: make(chan struct{})}
	var pageSize int64 = 4096
	s.db.Raw("PRAGMA page_size").Scan(&pageSize)
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-c.stop:
				return
			case <-t.C:
				// Row().Scan, not Exec: the pragma returns a row, and a
				// prepared statement left unfinished would hold a read
				// snapshot on its connection (and make a later commit on
				// it fail with "SQL statements in progress").
				var busy, frames, done int64
				s.db.Raw("PRAGMA wal_checkpoint(PASSIVE)").Row().Scan(&busy, &frames, &done)
				if frames*pageSize > walLimit {
					if s.writer.truncate.Store(true); len(s.writer.queue) == 0 {
						// No writes queued, so none will run the request soon.
						s.writer.truncate.Store(false)
						truncateWAL(s.db)
					}
				}
			}
		}
	}()
	return c
}

// truncateWAL checkpoints the whole WAL and truncates it to zero bytes.
func truncateWAL(db *gorm.DB) {
	var busy, frames, done int64
	db.Raw("PRAGMA wal_checkpoint(TRUNCATE)").Row().Scan(&busy, &frames, &done)
}

func (c *checkpointer) close() {
	if c != nil {
		close(c.stop)
		c.wg.Wait()
	}
}
