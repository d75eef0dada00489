package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/personas"
)

func init() {
	register(command{name: "personas", summary: "segment a CSV of survey answers into personas (latent class analysis)", run: runPersonas})
}

func runPersonas(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("personas", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	kFlag := fs.String("k", "auto", "number of personas, or auto (2..8 by BIC with every persona >= 5%)")
	idCol := fs.String("id", "", "column with respondent ids (default: row numbers)")
	exclude := fs.String("exclude", "", "comma-separated columns to leave out")
	seed := fs.Uint64("seed", 1, "random seed (same seed, same personas)")
	format := fs.String("format", "table", "output format: table or json")
	lang := fs.String("lang", "en", "language of persona names: en or fa")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar personas FILE.csv [--k auto|N] [--id COL] [--exclude COL,...] [--seed N] [--format table|json]")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	if len(files) != 1 {
		fs.Usage()
		return fmt.Errorf("want exactly one CSV file, got %d", len(files))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q: want table or json", *format)
	}
	opt := personas.Options{Seed: *seed}
	if *kFlag != "auto" {
		k, err := strconv.Atoi(*kFlag)
		if err != nil || k < 1 || k > 20 {
			return fmt.Errorf("--k %q: want auto or a number from 1 to 20", *kFlag)
		}
		opt.K = k
	}
	tab, err := csvtable.ReadFile(files[0])
	if err != nil {
		return err
	}
	var ex []string
	for _, e := range strings.Split(*exclude, ",") {
		if e = strings.TrimSpace(e); e != "" {
			ex = append(ex, e)
		}
	}
	in, infos, err := personas.InferCSV(tab.Header, tab.Rows, personas.CSVOptions{ID: *idCol, Exclude: ex})
	if err != nil {
		return fmt.Errorf("%s: %w", files[0], err)
	}
	in.Language = *lang
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

func printPersonas(env *cliEnv, r *personas.Result, infos []personas.ColumnInfo) error {
	w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(w, "%d personas from %d respondents (%s)\n", r.K, r.Quality.N, r.Quality.KSelected)
	fmt.Fprintf(w, "quality: %s; BIC %.1f\n", r.Quality.Verdict, r.Quality.BIC)
	var skipped []string
	for _, c := range infos {
		if c.Skipped != "" {
			skipped = append(skipped, fmt.Sprintf("%s (%s)", c.Name, c.Skipped))
		} else if c.Role == personas.Open {
			skipped = append(skipped, fmt.Sprintf("%s (free text: used for quotes)", c.Name))
		}
	}
	fmt.Fprintf(w, "columns used: %s\n", strings.Join(r.Quality.Items, ", "))
	if len(skipped) > 0 {
		fmt.Fprintf(w, "not clustered: %s\n", strings.Join(skipped, ", "))
	}
	for _, p := range r.Personas {
		fmt.Fprintf(w, "\n%d. %s: %d respondents (%.1f%%)\n", p.ID, p.Name, p.Size, 100*p.Share)
		fmt.Fprintln(w, "   trait\tvalue\tshare\trest\tlift\t")
		for _, t := range p.Traits {
			fmt.Fprintf(w, "   %s\t%s\t%.0f%%\t%.0f%%\t%.2f\t\n", t.Column, personaClip(t.Value, 40), 100*t.Share, 100*t.RestShare, t.Lift)
		}
		for _, q := range p.Quotes {
			fmt.Fprintf(w, "   \"%s\" (%s)\n", personaClip(q.Text, 160), q.ID)
		}
	}
	return w.Flush()
}

func personaClip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
