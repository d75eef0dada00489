package gormstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrBackupPostgres is returned by Backup on PostgreSQL, whose own tool
// (pg_dump) makes consistent copies of a live database.
var ErrBackupPostgres = errors.New("backups of a PostgreSQL database are made with pg_dump")

// Backup writes a consistent copy of a SQLite database to path while the
// server keeps serving: VACUUM INTO reads one snapshot of the database (WAL
// readers do not block the writer, nor it them) and writes a compact,
// self-contained file with no -wal to go with it. The copy is written
// beside path and renamed into place only when complete, so path is never
// a half-written file. path must not exist.
func (s *Store) Backup(ctx context.Context, path string) error {
	if s.dialect != "sqlite" {
		return ErrBackupPostgres
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists; choose a new file name", path)
	}
	removePartials(path)
	tmp, err := os.CreateTemp(filepath.Dir(path), partialPrefix(path)+"*")
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	tmpName := tmp.Name()
	tmp.Close()
	os.Remove(tmpName) // VACUUM INTO wants to create the file itself
	defer os.Remove(tmpName)
	if err := s.db.WithContext(ctx).Exec("VACUUM INTO ?", tmpName).Error; err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := syncFile(tmpName); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := os.Link(tmpName, path); err != nil { // fails if path appeared meanwhile
		return fmt.Errorf("backup: %w", err)
	}
	return nil
}

// partialPrefix names the hidden file a backup to path is written to
// before it is linked into place.
func partialPrefix(path string) string { return "." + filepath.Base(path) + ".partial-" }

// removePartials deletes what earlier backups to path left behind when they
// were killed (SIGKILL, power loss: no deferred cleanup ran). A backup to
// the same path running at this moment then fails and can be run again;
// two at once could not both succeed anyway, since the target must not
// exist.
func removePartials(path string) {
	dir, prefix := filepath.Dir(path), partialPrefix(path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
