package gormstore_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/gormstore/storetest"
)

// TestConcurrentStartsOnAnEmptyPostgres: several processes starting at
// once against an empty database all come up; the migrations run once.
func TestConcurrentStartsOnAnEmptyPostgres(t *testing.T) {
	dsn := os.Getenv(storetest.PostgresEnv)
	if dsn == "" {
		t.Skipf("skipping PostgreSQL: set %s to run", storetest.PostgresEnv)
	}
	schemaDSN, drop := pgtest.TempSchema(t, dsn)
	defer drop()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Go(func() {
			s, err := gormstore.Open(context.Background(), schemaDSN, gormstore.Options{})
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("start %d: %v", i, err)
		}
	}
}
