package gormstore

import (
	"database/sql"
	"os"
	"strings"

	sqlite3 "github.com/mattn/go-sqlite3"
)

// sqliteDriverName is go-sqlite3 with a connect hook that sets the pragmas
// the DSN cannot carry. Each was measured on the submit path
// (docs/performance.md, "Submit"):
//
//   - temp_store=MEMORY: statement journals of multi-row inserts and
//     savepoints stay in memory instead of temp files.
//   - mmap_size: reads of the database file come from the page cache by
//     memory mapping instead of a pread system call per page.
const sqliteDriverName = "sqlite3_safar"

var sqlitePragmas = []string{
	"PRAGMA temp_store = MEMORY",
	"PRAGMA mmap_size = 268435456",
}

func init() {
	sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		pragmas := sqlitePragmas
		if x := os.Getenv("SAFAR_X_PRAGMAS"); x != "" { // TEMP experiment knob
			pragmas = strings.Split(x, ";")
		}
		for _, p := range pragmas {
			if p == "" {
				continue
			}
			if _, err := c.Exec(p, nil); err != nil {
				return err
			}
		}
		return nil
	}})
}
