package gormstore

import (
	"context"
	"fmt"
)

// StoredCopies is how a client id is stored: how many responses carry it
// (1 when all is well) and how many atomic answer values they hold
// (AnswerValueCount).
type StoredCopies struct {
	Responses    int
	AnswerValues int
}

// CountClientIDs reports, for each of the client ids of a survey that is
// stored at all, how many responses and answer values it has. Load runs and
// crash tests use it to prove every acknowledged response is stored
// exactly once and whole.
func (s *Store) CountClientIDs(ctx context.Context, surveyID int64, clientIDs []string) (map[string]StoredCopies, error) {
	out := make(map[string]StoredCopies, len(clientIDs))
	for len(clientIDs) > 0 {
		n := min(len(clientIDs), 500)
		var rows []responseRow
		err := s.db.WithContext(ctx).Select("id, client_id, answers").
			Where("survey_id = ? AND client_id IN ?", surveyID, clientIDs[:n]).Find(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("count client ids: %w", err)
		}
		for _, r := range rows {
			a, err := decodeAnswers(r.Answers)
			if err != nil {
				return nil, fmt.Errorf("count client ids: response %s: %w", r.ID, err)
			}
			c := out[r.ClientID]
			c.Responses++
			c.AnswerValues += AnswerValueCount(a)
			out[r.ClientID] = c
		}
		clientIDs = clientIDs[n:]
	}
	return out, nil
}

// IntegrityCheck runs SQLite's PRAGMA integrity_check and returns an error
// naming the first problems unless it reports "ok". On PostgreSQL it only
// pings.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	if s.dialect != "sqlite" {
		return s.Ping(ctx)
	}
	var res []string
	if err := s.db.WithContext(ctx).Raw("PRAGMA integrity_check").Scan(&res).Error; err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(res) == 1 && res[0] == "ok" {
		return nil
	}
	return fmt.Errorf("integrity check failed: %v", res[:min(len(res), 5)])
}
