//go:build cgo

package gormstore

import (
	"database/sql"

	sqlite3 "github.com/mattn/go-sqlite3"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

// sqliteDriver names the SQLite driver in use (docs, test logs).
const sqliteDriver = "mattn/go-sqlite3 (cgo)"

// sqliteDriverName is go-sqlite3 with a connect hook that runs
// sqliteConnectPragmas.
const sqliteDriverName = "sqlite3_safar"

func init() {
	sql.Register(sqliteDriverName, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		for _, p := range sqliteConnectPragmas {
			if _, err := c.Exec(p, nil); err != nil {
				return err
			}
		}
		return nil
	}})
}

func sqliteDialector(dsn string) gorm.Dialector {
	return sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: dsn})
}
