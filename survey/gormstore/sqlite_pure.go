//go:build !cgo

package gormstore

import (
	"context"
	"database/sql"
	"errors"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
	msqlite "modernc.org/sqlite"
)

// sqliteDriver names the SQLite driver in use (docs, test logs).
const sqliteDriver = "modernc.org/sqlite (pure Go)"

// sqliteDriverName is modernc.org/sqlite with a connect hook that runs
// sqliteConnectPragmas.
const sqliteDriverName = "sqlite_safar"

func init() {
	d := &msqlite.Driver{}
	d.RegisterConnectionHook(func(c msqlite.ExecQuerierContext, _ string) error {
		for _, p := range sqliteConnectPragmas {
			if _, err := c.ExecContext(context.Background(), p, nil); err != nil {
				return err
			}
		}
		return nil
	})
	sql.Register(sqliteDriverName, d)
}

// pureDialector is GORM's SQLite dialect over modernc.org/sqlite. GORM's
// own error translation reads go-sqlite3's error fields, so it is
// replaced: a unique or primary key violation is gorm.ErrDuplicatedKey
// (the store's ErrConflict), a foreign key one gorm.ErrForeignKeyViolated.
type pureDialector struct{ *sqlite.Dialector }

func (pureDialector) Translate(err error) error {
	var se *msqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case 1555, 2067: // SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_UNIQUE
			return gorm.ErrDuplicatedKey
		case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
			return gorm.ErrForeignKeyViolated
		}
	}
	return err
}

// sqliteDialector opens dsn (from sqliteDSN). _time_format=sqlite writes
// times as go-sqlite3 does ("2006-01-02 15:04:05.999999999-07:00"), so a
// database written by one build reads right in the other: time columns
// compare as text (the keyset pages of EachResponse).
func sqliteDialector(dsn string) gorm.Dialector {
	return pureDialector{sqlite.New(sqlite.Config{DriverName: sqliteDriverName, DSN: dsn + "&_time_format=sqlite"}).(*sqlite.Dialector)}
}
