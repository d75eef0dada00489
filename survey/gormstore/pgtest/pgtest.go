// Package pgtest gives tests a throwaway schema on a real PostgreSQL server.
// It does not import the store, so the store's own internal tests can use
// it (storetest, which opens stores, builds on it).
package pgtest

import (
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
)

// Env names the environment variable with the DSN of a PostgreSQL server
// for tests (.ci/run sets it). Tests that need one skip without it.
const Env = "SAFAR_TEST_POSTGRES"

// TempSchema creates a uniquely named schema and returns a DSN whose
// search_path points at it, and a function that drops it.
func TempSchema(tb testing.TB, dsn string) (string, func()) {
	tb.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "t_" + hex.EncodeToString(b)
	admin, err := gorm.Open(postgres.Open(dsn), &gorm.Config{})
	if err != nil {
		tb.Fatalf("connect to %s: %v", Env, err)
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
