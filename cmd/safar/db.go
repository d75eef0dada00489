package main

import (
	"context"
	"flag"

	"github.com/safarhq/safar/survey/gormstore"
)

// dbFlag adds --db to a command's flags: a file path means SQLite, a
// postgres:// URL PostgreSQL; the default comes from SAFAR_DB.
func dbFlag(fs *flag.FlagSet, env *cliEnv) *string {
	def := env.getenv("SAFAR_DB")
	if def == "" {
		def = "safar.db"
	}
	return fs.String("db", def, "database: SQLite file path or postgres:// URL (env SAFAR_DB)")
}

func openStore(ctx context.Context, dsn string, durable bool) (*gormstore.Store, error) {
	return gormstore.Open(ctx, dsn, gormstore.Options{Durable: durable})
}
