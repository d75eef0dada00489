package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"time"

	"github.com/safarhq/safar/interop/spss"
	"github.com/safarhq/safar/interop/triples"
	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "export responses", summary: "write a survey's responses to stdout (csv, json, sav or sss)", run: runExportResponses})
}

func runExportResponses(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "export responses", "--survey SLUG [--format csv|json|sav|sss] [--db ...] > FILE")
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "slug of the survey (required)")
	format := fs.String("format", "csv", "csv, json (one object per line), sav (SPSS, with labels) or sss (Triple-S 2.0: a zip of .sss and .asc)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *slug == "" {
		return fmt.Errorf("give --survey SLUG")
	}
	if *format != "csv" && *format != "json" && *format != "sav" && *format != "sss" {
		return fmt.Errorf("--format must be csv, json, sav or sss, not %q", *format)
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
	out := bufio.NewWriterSize(env.stdout, 64<<10)
	defer out.Flush()
	d := sv.Definition
	filter := survey.ResponseFilter{SurveyID: sv.ID}
	each := func(fn func(*survey.Response) error) error { return store.EachResponse(ctx, filter, fn) }
	switch *format {
	case "sav":
		return spss.Write(out, d, each, time.Now())
	case "sss":
		return triples.Write(out, d, each, time.Now())
	}
	if *format == "json" {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		return store.EachResponse(ctx, filter, func(r *survey.Response) error {
			return enc.Encode(map[string]any{
				"response_id": r.ID, "client_id": r.ClientID, "status": r.Status, "touchpoint": r.Touchpoint,
				"survey_version": r.SurveyVersion, "started_at": r.StartedAt, "completed_at": r.CompletedAt,
				"answers": r.Answers,
			})
		})
	}
	w := csv.NewWriter(out)
	if err := w.Write(d.TableHeader()); err != nil {
		return err
	}
	err = store.EachResponse(ctx, filter, func(r *survey.Response) error {
		row := d.TableRow(r)
		for i := range row {
			row[i] = survey.EscapeCell(row[i])
		}
		return w.Write(row)
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}
