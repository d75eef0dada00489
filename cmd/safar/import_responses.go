package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/report/xlsxtable"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "import responses", summary: "load responses from a CSV file (header = question ids or texts)", run: runImportResponses})
}

func runImportResponses(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("import responses", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "slug of the survey the responses belong to (required)")
	strict := fs.Bool("strict", false, "load nothing if any row has an error")
	sheet := sheetFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar import responses --survey SLUG [--strict] [--sheet NAME] FILE.csv|FILE.xlsx|FILE.jsonl")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *slug == "" || fs.NArg() != 1 {
		fs.Usage()
		return errors.New("give --survey SLUG and one FILE.csv")
	}
	table, err := xlsxtable.ReadFile(fs.Arg(0), *sheet)
	if err != nil {
		return err
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
	tr, err := sv.Definition.NewTableReader(table.Header)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	for _, h := range tr.Ignored {
		fmt.Fprintf(env.stderr, "note: column %q matches no question; ignored\n", h)
	}
	var (
		ok     []*survey.Response
		failed int
		seen   = map[string]int{} // client id -> line
	)
	now := time.Now().UTC()
	for i, row := range table.Rows {
		line := table.Line(i)
		r, err := tr.Response(row)
		if err == nil {
			// Another tool's response id is kept as the idempotency key,
			// so importing the same export twice is refused, not doubled.
			if r.ClientID == "" && r.ID != "" {
				r.ClientID = "import:" + r.ID
			} else if r.ClientID == "" {
				r.ClientID = fmt.Sprintf("import:%s:%d", filepath.Base(fs.Arg(0)), line)
			}
			if r.ID != "" && !isUUID(r.ID) {
				r.ID = ""
			}
			if prev, dup := seen[r.ClientID]; dup {
				err = fmt.Errorf("client_id %q already on line %d", r.ClientID, prev)
			}
			seen[r.ClientID] = line
		}
		if err != nil {
			failed++
			fmt.Fprintf(env.stderr, "line %d: %s\n", line, indent(err.Error()))
			continue
		}
		r.SurveyID, r.SurveyVersion = sv.ID, sv.Version
		if r.Status == survey.Complete {
			// Counted toward the quotas they fall into, without a limit:
			// these responses were collected already.
			r.Quotas = sv.Definition.QuotasOf(r.Answers, r.Touchpoint)
		}
		if r.StartedAt.IsZero() {
			// No start time in the file: the import time, a microsecond
			// apart per row so exports keep the file's order.
			r.StartedAt = now.Add(time.Duration(i) * time.Microsecond)
		}
		ok = append(ok, r)
	}
	if failed > 0 && *strict {
		return fmt.Errorf("%d of %d rows have errors; nothing loaded (--strict)", failed, len(table.Rows))
	}
	if err := store.SaveResponses(ctx, ok); err != nil {
		if errors.Is(err, survey.ErrConflict) {
			return fmt.Errorf("%w: this file (or some of its rows) was imported before", err)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "loaded %s into %q", web.Count("en", "n_responses", len(ok)), *slug)
	if failed > 0 {
		fmt.Fprintf(env.stdout, "; %s (see above)", web.Count("en", "n_rows_skipped", failed))
	}
	fmt.Fprintln(env.stdout)
	if failed > 0 {
		return errPartial
	}
	return nil
}

// errPartial makes the exit status non-zero when some rows were skipped,
// so scripts notice; the message has been printed already.
var errPartial = errors.New("some rows were not loaded")

func isUUID(s string) bool {
	_, err := uuid.Parse(s)
	return err == nil && len(s) == 36
}

func indent(s string) string { return strings.ReplaceAll(s, "\n", "\n  ") }
