// Package storetest opens throwaway stores for tests: SQLite files in a
// test's temp dir and schemas on a real PostgreSQL server.
package storetest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"github.com/safarhq/safar/survey/gormstore"
)

// PostgresEnv names the environment variable with the DSN of a PostgreSQL
// server for tests (.ci/run sets it). Tests that need one skip without it.
const PostgresEnv = "SAFAR_TEST_POSTGRES"

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
	schemaDSN, drop := TempPostgresSchema(tb, dsn)
	s, err := gormstore.Open(context.Background(), schemaDSN, gormstore.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close(); drop() })
	return s
}

// TempPostgresSchema creates a uniquely named schema and returns a DSN whose
// search_path points at it, and a function that drops it.
func TempPostgresSchema(tb testing.TB, dsn string) (string, func()) {
	tb.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		tb.Fatalf("connect to %s: %v", PostgresEnv, err)
	}
	if err := admin.Exec("CREATE SCHEMA " + schema).Error; err != nil {
		tb.Fatal(err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		tb.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String(), func() {
		admin.Exec("DROP SCHEMA " + schema + " CASCADE")
		if db, err := admin.DB(); err == nil {
			db.Close()
		}
	}
}
