package gormstore

import (
	"sync"
	"time"
)

// checkpointer moves SQLite's WAL checkpoints off the write path. By
// default SQLite checkpoints inside the commit that pushes the WAL past
// 1,000 pages, and a checkpoint fsyncs the database file: the group-commit
// writer, which every submission waits for, would stall on it. Instead the
// connections run with wal_autocheckpoint=0 (sqlite_driver.go) and this
// goroutine runs a PASSIVE checkpoint on another connection a few times a
// second; PASSIVE never blocks the writer or readers. When the last
// connection closes, SQLite checkpoints what is left.
type checkpointer struct {
	stop chan struct{}
	wg   sync.WaitGroup
}

func startCheckpointer(s *Store, every time.Duration) *checkpointer {
	c := &checkpointer{stop: make(chan struct{})}
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
				// Raw+Scan, not Exec: the pragma returns a row, and a
				// prepared statement left unfinished would hold a read
				// snapshot on its connection (and make a later commit on
				// it fail with "SQL statements in progress").
				var res []int
				s.db.Raw("PRAGMA wal_checkpoint(PASSIVE)").Scan(&res)
			}
		}
	}()
	return c
}

func (c *checkpointer) close() {
	if c != nil {
		close(c.stop)
		c.wg.Wait()
	}
}
