package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"

	"github.com/safarhq/safar/survey/gormstore"
)

func init() {
	register(command{name: "backup", summary: "write a consistent copy of the database while it serves (docs/operations.md)", run: runBackup})
}

// runBackup is `safar backup -o FILE [--db ...]`. SQLite: VACUUM INTO a new
// file, safe while `safar serve` runs. PostgreSQL: pg_dump when it is on
// PATH (custom format, for pg_restore), else a clear error saying how.
func runBackup(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "backup", "-o FILE [--db ...]")
	out := fs.String("o", "", "file to write the backup to (must not exist)")
	dsn := dbFlag(fs, env)
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *out == "" {
		return errors.New("-o FILE is required")
	}
	if _, err := os.Stat(*out); err == nil {
		return fmt.Errorf("%s already exists; choose a new file name", *out)
	}
	if gormstore.IsPostgres(*dsn) {
		return pgDump(ctx, env, *dsn, *out)
	}
	if _, err := os.Stat(*dsn); err != nil {
		return fmt.Errorf("database %s: %w", *dsn, err)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.Backup(ctx, *out); err != nil {
		return err
	}
	st, err := os.Stat(*out)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "Backed up %s to %s (%.1f MB). Restore: stop the server, then copy it over the database file and delete any %s-wal and %s-shm beside it.\n",
		*dsn, *out, float64(st.Size())/1e6, *dsn, *dsn)
	return nil
}

// pgDump runs pg_dump for a postgres:// DSN. The password travels in
// PGPASSWORD, not on the command line where ps would show it.
func pgDump(ctx context.Context, env *cliEnv, dsn, out string) error {
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		return fmt.Errorf("PostgreSQL databases are backed up with pg_dump, which is not on PATH: install the PostgreSQL client tools and run\n  pg_dump --format=custom --file=%s '%s'\n(restore with pg_restore --clean --dbname=...; see docs/operations.md)", out, redactDSN(dsn))
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return fmt.Errorf("--db: %w", err)
	}
	cmdEnv := os.Environ()
	if u.User != nil {
		if pw, ok := u.User.Password(); ok {
			cmdEnv = append(cmdEnv, "PGPASSWORD="+pw)
			u.User = url.User(u.User.Username())
		}
	}
	// A search_path in the DSN (libpq does not know it) names the schema
	// Safar uses: dump just that schema.
	args := []string{"--format=custom", "--file=" + out}
	q := u.Query()
	if sp := q.Get("search_path"); sp != "" {
		args = append(args, "--schema="+sp)
		q.Del("search_path")
		u.RawQuery = q.Encode()
	}
	cmd := exec.CommandContext(ctx, bin, append(args, "--dbname="+u.String())...)
	cmd.Env, cmd.Stdout, cmd.Stderr = cmdEnv, env.stdout, env.stderr
	if err := cmd.Run(); err != nil {
		os.Remove(out)
		return fmt.Errorf("pg_dump: %w", err)
	}
	fmt.Fprintf(env.stdout, "Backed up %s to %s with pg_dump (restore with pg_restore --clean --dbname=...).\n", redactDSN(dsn), out)
	return nil
}
