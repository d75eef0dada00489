package gormstore

import (
	"context"
	"fmt"

	"github.com/safarhq/safar/survey"
)

// StoredCopies is how a client id is stored: how many responses carry it
// (1 when all is well) and how many answer rows they have.
type StoredCopies struct {
	Responses  int
	AnswerRows int
}

// CountClientIDs reports, for each of the client ids of a survey that is
// stored at all, how many responses and answer rows it has. Load runs and
// crash tests use it to prove every acknowledged response is stored
// exactly once and whole.
func (s *Store) CountClientIDs(ctx context.Context, surveyID int64, clientIDs []string) (map[string]StoredCopies, error) {
	out := make(map[string]StoredCopies, len(clientIDs))
	for len(clientIDs) > 0 {
		n := min(len(clientIDs), 500)
		var rows []struct {
			ClientID   string
			Responses  int
			AnswerRows int
		}
		err := s.db.WithContext(ctx).Raw(`SELECT r.client_id AS client_id, COUNT(DISTINCT r.id) AS responses, COUNT(a.id) AS answer_rows
			FROM responses r LEFT JOIN answers a ON a.response_id = r.id
			WHERE r.survey_id = ? AND r.client_id IN ? GROUP BY r.client_id`, surveyID, clientIDs[:n]).Scan(&rows).Error
		if err != nil {
			return nil, fmt.Errorf("count client ids: %w", err)
		}
		for _, r := range rows {
			out[r.ClientID] = StoredCopies{Responses: r.Responses, AnswerRows: r.AnswerRows}
		}
		clientIDs = clientIDs[n:]
	}
	return out, nil
}

// AnswerRowCount is how many answer rows SaveResponse stores for a.
func AnswerRowCount(a survey.Answers) int { return len(answerRows("", a)) }

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
