package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/report/xlsxtable"
	"github.com/safarhq/safar/study"
)

func init() {
	register(command{name: "personas", summary: "segment a CSV of survey answers into personas (latent class analysis)", run: runPersonas})
}

func runPersonas(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("personas", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	kFlag := fs.String("k", "auto", "number of personas, or auto (2..8: the smallest k near the best BIC, every persona >= 5%, not unstable)")
	idCol := fs.String("id", "", "column with respondent ids (default: row numbers)")
	exclude := fs.String("exclude", "", "comma-separated columns not to segment on; they still describe every card")
	profile := fs.String("profile", "", "comma-separated columns that only describe the cards (the same as --exclude)")
	textCol := fs.String("text", "", "free-text column: its pain points per persona, with a quote each; several, comma-separated (\"Title,Review\"), are read as one text, a line each (default: none)")
	scoreCol := fs.String("score", "", "with --text: the column holding each respondent's own score (a rating, recommended yes/no as 1/0, NPS), read as painpoints --score reads it (default: none)")
	scaleFlag := fs.String("scale", "", "the --score column's scale as LO-HI, as painpoints --scale (default: the first of 0-1, 1-5, 1-7, 0-10, 0-100 that holds every value)")
	sheet := sheetFlag(fs)
	seed := fs.Uint64("seed", 1, "random seed (same seed, same personas)")
	format := fs.String("format", "table", "output format: table or json")
	lang := fs.String("lang", "auto", "language of persona names and pain points: auto, en or fa")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar personas FILE.csv [--k auto|N] [--id COL] [--exclude COL,...] [--profile COL,...] [--text COL[,COL...] [--score COL [--scale LO-HI]]] [--lang auto|en|fa] [--seed N] [--format table|json]")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("want exactly one CSV or XLSX file, got %d", len(files))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q: want table or json", *format)
	}
	if *lang != "auto" && *lang != "en" && *lang != "fa" {
		return fmt.Errorf("--lang %q: want auto, en or fa", *lang)
	}
	if *scoreCol != "" && *textCol == "" {
		return errors.New("--score needs --text COL: the scores weigh the pain points of that text")
	}
	if *scaleFlag != "" && *scoreCol == "" {
		return errors.New("--scale needs --score COL: the column whose scale it is")
	}
	scale, scaleGiven, err := parseScale(*scaleFlag)
	if err != nil {
		return err
	}
	opt := personas.Options{Seed: *seed}
	if *kFlag != "auto" {
		k, err := strconv.Atoi(*kFlag)
		if err != nil || k < 1 || k > 20 {
			return fmt.Errorf("--k %q: want auto or a number from 1 to 20", *kFlag)
		}
		opt.K = k
	}
	tab, err := xlsxtable.ReadFile(files[0], *sheet)
	if err != nil {
		return err
	}
	if *textCol != "" {
		if tab, err = joinTextColumns(tab, *textCol); err != nil {
			return fmt.Errorf("%s: %w", files[0], err)
		}
	}
	copt := personas.CSVOptions{ID: *idCol, Exclude: append(splitList(*exclude), splitList(*profile)...)}
	if *textCol != "" {
		copt.Text = []string{*textCol}
	}
	in, infos, err := personas.InferCSV(tab.Header, tab.Rows, copt)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	in.Language = *lang
	if *lang == "auto" {
		in.Language = personas.DetectLanguage(tab.Header, tab.Rows)
	}
	if *textCol != "" {
		var scores []*float64
		if *scoreCol != "" {
			c, err := tab.Col(*scoreCol)
			if err != nil {
				return fmt.Errorf("--score: %w", err)
			}
			if scores, scale, err = readScores(tab, c, *scoreCol, scale, scaleGiven); err != nil {
				return err
			}
			fmt.Fprintf(env.stderr, "--score %s: read on a %s scale, %s lowest\n", *scoreCol, scale, strconv.FormatFloat(scale.lo, 'f', -1, 64))
		}
		if err := addPainPoints(&in, tab, *textCol, scores); err != nil {
			return err
		}
	}
	opt.Exclude = personas.ProfileColumns(infos)
	res, err := personas.Build(ctx, in, opt)
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	return printPersonas(env, res, infos)
}

// addPainPoints runs the pain-point engine on the free-text column, with
// each row's score when scores is not nil, and tells each respondent which
// pain points their words voice.
func addPainPoints(in *personas.Input, tab *csvtable.Table, col string, scores []*float64) error {
	c, err := tab.Col(col)
	if err != nil {
		return fmt.Errorf("--text: %w", err)
	}
	var texts []analysis.Text
	for i, row := range tab.Rows {
		if c < len(row) && strings.TrimSpace(row[c]) != "" {
			t := analysis.Text{ID: strconv.Itoa(i), Person: strconv.Itoa(i), Text: row[c]}
			if scores != nil {
				t.Satisfaction = scores[i]
			}
			texts = append(texts, t)
		}
	}
	found := analysis.FindPainPoints(texts, analysis.PainPointOptions{LabelLang: in.Language})
	in.PainLabels = map[string]string{}
	for pi := range found.PainPoints {
		pp := &found.PainPoints[pi]
		in.PainLabels[pp.Key] = pp.Label
		for j, m := range pp.Members {
			i, _ := strconv.Atoi(m)
			r := &in.Respondents[i]
			r.PainPoints = append(r.PainPoints, pp.Key)
			if !pp.Says(j) {
				continue // a member by another of its words is no quote for it
			}
			if r.PainQuotes == nil {
				r.PainQuotes = map[string]string{}
			}
			r.PainQuotes[pp.Key] = strings.TrimSpace(tab.Rows[i][c])
		}
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			out = append(out, e)
		}
	}
	return out
}

// excludedQuestions turns --exclude names into question ids: an id as
// given, or the question whose text is the name (a CSV's column header).
func excludedQuestions(in study.Input, names []string) []string {
	var out []string
	for _, n := range names {
		id := n
		for _, s := range in.Surveys {
			for _, q := range s.Definition.Questions() {
				if q.ID != n && strings.EqualFold(q.Text.String(), n) {
					id = q.ID
				}
			}
		}
		out = append(out, id)
	}
	return out
}
