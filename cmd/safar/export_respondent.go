package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "export respondent", summary: "print everything stored about one respondent as JSON (a data access request)", run: runExportRespondent})
}

// respondentExport is one respondent's data, self-explanatory for the
// person who asked for it: their answers beside the questions they saw.
type respondentExport struct {
	Survey        string           `json:"survey"`
	SurveyTitle   string           `json:"survey_title"`
	SurveyVersion int              `json:"survey_version"`
	ResponseID    string           `json:"response_id"`
	ClientID      string           `json:"client_id"`
	Status        string           `json:"status"`
	Source        string           `json:"source,omitempty"`
	Touchpoint    string           `json:"touchpoint,omitempty"`
	IP            string           `json:"ip,omitempty"`
	StartedAt     time.Time        `json:"started_at"`
	UpdatedAt     time.Time        `json:"updated_at"`
	CompletedAt   *time.Time       `json:"completed_at,omitempty"`
	Answers       []exportedAnswer `json:"answers"`
}

type exportedAnswer struct {
	Question string       `json:"question_id"`
	Text     string       `json:"question"`
	Answer   survey.Value `json:"answer"`
}

// runExportRespondent is `safar export respondent --survey SLUG --id ID`:
// the id is the response id or the respondent's client id (from their
// resume link). The researcher pages offer the same per response.
func runExportRespondent(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "export respondent", "--survey SLUG --id RESPONSE_OR_CLIENT_ID [--db ...]")
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "slug of the survey (required)")
	id := fs.String("id", "", "response id or client id (required)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *slug == "" || *id == "" {
		return errors.New("give --survey SLUG and --id RESPONSE_OR_CLIENT_ID")
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	sv, err := store.SurveyBySlug(ctx, *slug)
	if err != nil {
		return err
	}
	r, err := store.ResponseByID(ctx, *id)
	if errors.Is(err, survey.ErrNotFound) || (err == nil && r.SurveyID != sv.ID) {
		r, err = store.ResponseByClientID(ctx, sv.ID, *id)
	}
	if errors.Is(err, survey.ErrNotFound) {
		return fmt.Errorf("no response %q in survey %q (by response id or client id)", *id, *slug)
	}
	if err != nil {
		return err
	}
	d, err := store.DefinitionVersion(ctx, sv.ID, r.SurveyVersion)
	if err != nil {
		return err
	}
	out := respondentExport{Survey: sv.Slug, SurveyTitle: d.Title.String(), SurveyVersion: r.SurveyVersion, ResponseID: r.ID,
		ClientID: r.ClientID, Status: string(r.Status), Source: r.Source, Touchpoint: r.Touchpoint, IP: r.IP,
		StartedAt: r.StartedAt, UpdatedAt: r.UpdatedAt, CompletedAt: r.CompletedAt, Answers: []exportedAnswer{}}
	for _, q := range d.Questions() {
		if v, ok := r.Answers[q.ID]; ok {
			out.Answers = append(out.Answers, exportedAnswer{Question: q.ID, Text: q.Text.String(), Answer: v})
		}
	}
	enc := json.NewEncoder(env.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
