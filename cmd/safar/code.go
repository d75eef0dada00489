package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/safarhq/safar/analysis/coding"
	"github.com/safarhq/safar/internal/csvtable"
)

func init() {
	register(command{
		name:    "code suggest",
		summary: "learn the codes of a CSV's coded rows and suggest codes for the uncoded ones",
		run:     runCodeSuggest,
	})
}

// codeSuggestResult is the JSON of `safar code suggest`.
type codeSuggestResult struct {
	Agreement   coding.Agreement    `json:"agreement"`
	Suggestions []coding.Suggestion `json:"suggestions"`
}

func runCodeSuggest(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("code suggest", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	textCol := fs.String("text", "", "column holding the passage text (required)")
	codeCol := fs.String("code", "", "column holding the code; several codes separated by | (required; empty: suggest one)")
	idCol := fs.String("id", "", "column identifying each row (default: 1-based row number)")
	folds := fs.Int("folds", 5, "folds of the agreement estimate")
	format := fs.String("format", "table", "output format: table or json")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar code suggest FILE.csv --text COL --code COL [--id COL] [--format table|json]")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	switch {
	case len(files) != 1:
		fs.Usage()
		return errors.New("want exactly one CSV file")
	case *textCol == "":
		return errors.New("missing --text COL: the column holding the passages")
	case *codeCol == "":
		return errors.New("missing --code COL: the column holding the researcher's codes")
	case *format != "table" && *format != "json":
		return fmt.Errorf("--format %q: want table or json", *format)
	case *folds < 2:
		return fmt.Errorf("--folds %d: want 2 or more", *folds)
	}
	tb, err := csvtable.ReadFile(files[0])
	if err != nil {
		return err
	}
	cols := map[string]int{}
	for flagName, name := range map[string]string{"text": *textCol, "code": *codeCol, "id": *idCol} {
		cols[flagName] = -1
		if name != "" {
			if cols[flagName], err = tb.Col(name); err != nil {
				return fmt.Errorf("--%s: %w", flagName, err)
			}
		}
	}
	examples := make([]coding.Example, 0, len(tb.Rows))
	for r := range tb.Rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		text := strings.TrimSpace(tb.Value(r, cols["text"]))
		if text == "" {
			continue
		}
		e := coding.Example{ID: strconv.Itoa(r + 1), Text: text}
		if cols["id"] >= 0 {
			e.ID = tb.Value(r, cols["id"])
		}
		for _, c := range strings.Split(tb.Value(r, cols["code"]), "|") {
			if c = strings.TrimSpace(c); c != "" {
				e.Codes = append(e.Codes, c)
			}
		}
		examples = append(examples, e)
	}
	agreement, err := coding.CrossValidate(examples, *folds, coding.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	model, err := coding.Train(examples, coding.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	res := codeSuggestResult{Agreement: agreement, Suggestions: model.Suggest(examples)}
	if res.Suggestions == nil {
		res.Suggestions = []coding.Suggestion{}
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	return writeCodeTable(env.stdout, res)
}

// writeCodeTable prints the agreement, per code, then the suggestions.
func writeCodeTable(w io.Writer, res codeSuggestResult) error {
	a := res.Agreement
	fmt.Fprintf(w, "Agreement with your codes (%d-fold, %d coded passages): accuracy %.1f%%, kappa %s, macro-F1 %.2f\n\n",
		a.Folds, a.Passages, 100*a.Accuracy, kappaText(a.Kappa), a.MacroF1)
	codeW := len("CODE")
	for _, c := range a.PerCode {
		codeW = max(codeW, min(displayWidth(c.Code), 40))
	}
	fmt.Fprintf(w, "%s  %8s  %9s  %6s  %5s  %s\n", padRight("CODE", codeW), "EXAMPLES", "PRECISION", "RECALL", "F1", "KAPPA")
	for _, c := range a.PerCode {
		note := ""
		if c.TooFew {
			note = "  (too few examples)"
		}
		fmt.Fprintf(w, "%s  %8d  %9.2f  %6.2f  %5.2f  %s%s\n", padRight(clip(clean(c.Code), codeW), codeW), c.Examples, c.Precision, c.Recall, c.F1, kappaText(c.Kappa), note)
	}
	fmt.Fprintf(w, "\n%d suggestions\n", len(res.Suggestions))
	if len(res.Suggestions) == 0 {
		return nil
	}
	fmt.Fprintf(w, "%-20s  %s  %s\n", "ID", padRight("CODE", codeW), "CONFIDENCE")
	for _, s := range res.Suggestions {
		if _, err := fmt.Fprintf(w, "%-20s  %s  %9.1f%%\n", clip(clean(s.ID), 20), padRight(clip(clean(s.Code), codeW), codeW), 100*s.Confidence); err != nil {
			return err
		}
	}
	return nil
}

func kappaText(r coding.Rate) string {
	if !r.Defined {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", r.Value)
}
