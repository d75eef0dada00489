package gormstore

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"
)

// TestSQLitePragmas reads back the settings of SQLite connections: the
// same with either driver (CI runs this with and without cgo).
func TestSQLitePragmas(t *testing.T) {
	t.Logf("driver: %s", sqliteDriver)
	for _, tc := range []struct {
		name string
		opt  Options
		sync string
	}{
		{"default", Options{}, "1"},              // NORMAL
		{"durable", Options{Durable: true}, "2"}, // FULL
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(context.Background(), filepath.Join(t.TempDir(), "safar.db"), tc.opt)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			want := map[string]string{"journal_mode": "wal", "synchronous": tc.sync, "busy_timeout": "10000",
				"foreign_keys": "1", "temp_store": "2", "wal_autocheckpoint": "0", "journal_size_limit": "67108864"}
			// More reads than pooled connections, so several connections answer.
			for i := 0; i < 3; i++ {
				for p, v := range want {
					var got string
					if err := s.DB().Raw("PRAGMA " + p).Row().Scan(&got); err != nil {
						t.Fatalf("PRAGMA %s: %v", p, err)
					}
					if strings.ToLower(got) != v {
						t.Errorf("PRAGMA %s = %q, want %q", p, got, v)
					}
				}
			}
		})
	}
}

// TestSQLiteTimeText: times are stored as the same text by both drivers,
// so a database written by one build is read right by the other.
func TestSQLiteTimeText(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "safar.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 12, 6, 7, 8, 9, 123456000, time.UTC)
	if err := s.DB().Create(&projectRow{Name: "shop", Title: "Shop", CreatedAt: at}).Error; err != nil {
		t.Fatal(err)
	}
	var text string
	if err := s.DB().Raw("SELECT CAST(created_at AS TEXT) FROM projects").Row().Scan(&text); err != nil {
		t.Fatal(err)
	}
	if want := "2026-12-06 07:08:09.123456+00:00"; text != want {
		t.Errorf("stored time %q, want %q", text, want)
	}
}

// TestSQLiteDuplicateKey: a unique violation is gorm.ErrDuplicatedKey
// with either driver (GORM reads the errors of each differently); the
// store turns it into survey.ErrConflict.
func TestSQLiteDuplicateKey(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "safar.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.DB().Create(&projectRow{Name: "shop", Title: "Shop"}).Error; err != nil {
		t.Fatal(err)
	}
	if err := s.DB().Create(&projectRow{Name: "shop", Title: "Again"}).Error; !errors.Is(err, gorm.ErrDuplicatedKey) {
		t.Fatalf("second project of one name: %v, want gorm.ErrDuplicatedKey", err)
	}
}

// TestCodedAnswersLookedUpByID: the coded answers' responses are read by
// their primary key, not by scanning every response of the project's
// surveys (which SQLite chose for a long IN list without statistics).
func TestCodedAnswersLookedUpByID(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "safar.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ids := make([]string, 80)
	for i := range ids {
		ids[i] = strings.Repeat("r", i+1)
	}
	rows, err := s.DB().Raw("EXPLAIN QUERY PLAN "+answerPassageByIDSQL+" AND r.id IN ?", int64(1), ids).Rows()
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var plan []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, fmt.Sprint(vals[len(vals)-1]))
	}
	joined := strings.Join(plan, "\n")
	if !strings.Contains(joined, "SEARCH r USING INDEX sqlite_autoindex_responses_1 (id=?)") {
		t.Errorf("coded answers' plan does not look responses up by id:\n%s", joined)
	}
}
