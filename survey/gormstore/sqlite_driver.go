package gormstore

import (
	"database/sql"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteDriverName is go-sqlite3 with a connect hook that sets the pragmas
// the DSN cannot carry, measured on the submit path (docs/performance.md,
// "Submit"): temp_store=MEMORY keeps the statement journals of multi-row
// inserts and savepoints in memory instead of temp files (store benchmark:
// about 2,000 -> 5,000 responses/s on the busy 2-core machine);
// wal_autocheckpoint=0 hands checkpoints to checkpoint.go, so the commit of
// the group-commit writer never waits for one.
const sqliteDriverName = "sqlite3_safar"

var sqlitePragmas = []string{
	"PRAGMA temp_store = MEMORY",
	"PRAGMA wal_autocheckpoint = 0", // checkpoint.go checkpoints off the write path
}

func init() {
	sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range sqlitePragmas {
			if _, err := c.Exec(p, nil); err != nil {
				return err
			}
		}
		return nil
	}})
}
