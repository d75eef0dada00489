package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/safarhq/safar/survey"
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

// ensureProject is the project named name, created when there is none; a
// new project is said on stderr, so a mistyped --project does not pass
// unnoticed into a project of its own.
func ensureProject(ctx context.Context, env *cliEnv, store *gormstore.Store, name string) (*survey.Project, error) {
	_, err := store.ProjectByName(ctx, name)
	if err != nil && !errors.Is(err, survey.ErrNotFound) {
		return nil, err
	}
	p, err2 := store.EnsureProject(ctx, name, "")
	if err2 == nil && err != nil {
		fmt.Fprintf(env.stderr, "safar: created project %q: no project had that name\n", name)
	}
	return p, err2
}
