// Package gormstore implements survey.Store with GORM: SQLite (a file
// path, the default) or PostgreSQL (a postgres:// URL).
package gormstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/safarhq/safar/survey"
)

// Options tune how the database is opened.
type Options struct {
	// Durable makes SQLite fsync on every commit (synchronous=FULL):
	// power-loss safe at a measured cost in throughput. The default
	// (synchronous=NORMAL in WAL mode) is crash safe for the process but
	// may lose the last commits on power loss.
	Durable bool
	// WALLimit is the SQLite WAL size in bytes past which the background
	// checkpoint truncates it (checkpoint.go); 0 means DefaultWALLimit.
	WALLimit int64
}

// Store is the GORM-backed survey.Store.
type Store struct {
	db      *gorm.DB
	dialect string // "sqlite" or "postgres"
	writer  *writer
	ckpt    *checkpointer // SQLite only (checkpoint.go)
}

var _ survey.Store = (*Store)(nil)

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens (creating if needed) the database and runs migrations.
func Open(ctx context.Context, dsn string, opt Options) (*Store, error) {
	cfg := &gorm.Config{
		// Every write that needs a transaction opens one explicitly; GORM's
		// implicit transaction per Create halves single-row throughput.
		SkipDefaultTransaction: true,
		PrepareStmt:            true,
		TranslateError:         true,
		Logger:                 logger.Discard,
		NowFunc:                func() time.Time { return time.Now().UTC() },
	}
	var (
		db      *gorm.DB
		err     error
		dialect string
	)
	if IsPostgres(dsn) {
		dialect = "postgres"
		db, err = gorm.Open(postgres.Open(dsn), cfg)
	} else {
		dialect = "sqlite"
		db, err = gorm.Open(sqliteDialector(sqliteDSN(dsn, opt)), cfg)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", dialect, err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	if dialect == "sqlite" {
		// WAL allows many readers beside the one writer; busy_timeout and
		// immediate transactions make writers queue instead of failing.
		sqlDB.SetMaxOpenConns(8)
		sqlDB.SetMaxIdleConns(8)
	} else {
		sqlDB.SetMaxOpenConns(20)
		sqlDB.SetMaxIdleConns(20)
	}
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, dialect: dialect}
	s.writer = newWriter(db, 256, groupLinger)
	if dialect == "sqlite" {
		limit := opt.WALLimit
		if limit <= 0 {
			limit = DefaultWALLimit
		}
		s.ckpt = startCheckpointer(s, 200*time.Millisecond, limit)
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("connect %s database: %w", dialect, err)
	}
	if err := migrate(db.WithContext(ctx), dialect); err != nil {
		s.Close()
		return nil, fmt.Errorf("migrate: %w", err)
	}
	return s, nil
}

// Dialect is "sqlite" or "postgres".
func (s *Store) Dialect() string { return s.dialect }

// DB exposes the GORM handle to other adapters in this module.
func (s *Store) DB() *gorm.DB { return s.db }

// Ping checks that the database answers.
func (s *Store) Ping(ctx context.Context) error {
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.PingContext(ctx)
}

// Close finishes queued writes and releases the database.
func (s *Store) Close() error {
	s.writer.close()
	s.ckpt.close()
	sqlDB, err := s.db.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

// groupLinger is how long the group-commit writer waits for more writes
// once they arrive concurrently. At 50 concurrent submitters a group then
// holds about ten responses instead of two or three, and the per-commit
// cost (lock, WAL header, page writes) is shared by all of them: server CPU
// per response fell by about 10 % for half a millisecond of latency
// (docs/performance.md#submit). A lone write never waits.
const groupLinger = 500 * time.Microsecond
