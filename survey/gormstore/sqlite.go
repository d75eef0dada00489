package gormstore

import (
	"net/url"
	"strings"
)

// SQLite is opened by go-sqlite3 (C) when cgo is available and by
// modernc.org/sqlite (pure Go) when it is not (sqlite_cgo.go,
// sqlite_pure.go), so the binary builds anywhere. Both take the same DSN
// and run the same connect pragmas; TestSQLitePragmas reads them back.

// sqliteConnectPragmas are the settings the DSN cannot carry, run on every
// new connection. They were measured on the submit path
// (docs/performance.md, "Submit"): temp_store=MEMORY keeps the statement
// journals of multi-row inserts and savepoints in memory instead of temp
// files (store benchmark: about 2,000 -> 5,000 responses/s on the busy
// 2-core machine); wal_autocheckpoint=0 hands checkpoints to
// checkpoint.go, so the commit of the group-commit writer never waits for
// one.
var sqliteConnectPragmas = []string{
	"PRAGMA temp_store = MEMORY",
	"PRAGMA wal_autocheckpoint = 0",
	// What a WAL reset leaves of the file at most (checkpoint.go truncates
	// it to zero when it grows past its limit).
	"PRAGMA journal_size_limit = 67108864",
}

// sqliteDSN turns a file path into a DSN with the pragmas we rely on (both
// drivers read these parameters alike). A DSN that already starts with
// file: keeps its own parameters, and gets ours only where it has none.
func sqliteDSN(path string, opt Options) string {
	sync := "NORMAL"
	if opt.Durable {
		sync = "FULL"
	}
	base, query, _ := strings.Cut(strings.TrimPrefix(path, "file:"), "?")
	q, _ := url.ParseQuery(query)
	set := func(k, v string) {
		if q.Get(k) == "" {
			q.Set(k, v)
		}
	}
	set("_journal_mode", "WAL")
	set("_synchronous", sync)
	set("_busy_timeout", "10000")
	set("_foreign_keys", "on")
	set("_txlock", "immediate")
	return "file:" + base + "?" + q.Encode()
}
