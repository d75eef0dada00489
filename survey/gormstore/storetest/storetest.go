// Package storetest opens throwaway stores for tests: SQLite files in a
// test's temp dir and schemas on a real PostgreSQL server.
package storetest

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
)

// PostgresEnv names the environment variable with the DSN of a PostgreSQL
// server for tests (.ci/run sets it). Tests that need one skip without it.
const PostgresEnv = pgtest.Env

// MustOpenTemp opens a fresh SQLite store in a test's temp dir.
func MustOpenTemp(tb testing.TB) *gormstore.Store {
	tb.Helper()
	s, err := gormstore.Open(context.Background(), filepath.Join(tb.TempDir(), "safar.db"), gormstore.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustOpenPostgres opens a store in a fresh schema of the PostgreSQL server
// named by SAFAR_TEST_POSTGRES, dropped when the test ends; it skips the
// test, saying why, when the variable is unset.
func MustOpenPostgres(tb testing.TB) *gormstore.Store {
	tb.Helper()
	dsn := os.Getenv(PostgresEnv)
	if dsn == "" {
		tb.Skipf("skipping PostgreSQL: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run", PostgresEnv)
	}
	schemaDSN, drop := pgtest.TempSchema(tb, dsn)
	s, err := gormstore.Open(context.Background(), schemaDSN, gormstore.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close(); drop() })
	return s
}
