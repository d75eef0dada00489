package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/safarhq/safar/analysis/evaluate"
)

func init() {
	register(command{
		name:    "eval painpoints",
		summary: "measure the pain-point engine and NMF/LDA peers on the labelled evaluation sets",
		run:     runEvalPainpoints,
	})
}

func runEvalPainpoints(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("eval painpoints", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dataDir := fs.String("data", "", "the shared evaluation data folder (default: $SAFAR_SHARED_DATA or a shared/data folder beside the working directory or a parent)")
	set := fs.String("set", "", "evaluate only this set: "+strings.Join(evaluate.SetNames(), ", ")+" (with --mixed: "+strings.Join(evaluate.MixedNames(), ", ")+") (default: all)")
	format := fs.String("format", "table", "output format: table or json")
	sample := fs.Int("sample", 0, "also run each set on random subsamples of this many texts (one per peer seed) and print the engine's numbers whole and subsampled (default sets: "+strings.Join(evaluate.SizeSets, ", ")+")")
	mixed := fs.Bool("mixed", false, "score the engine on the mixed sets instead ("+strings.Join(evaluate.MixedNames(), ", ")+": every rating, happy customers and unhappy ones, the texts only): how many of the texts its top 10 pain points hold are unhappy, against the set's share")
	jackknife := fs.Int("jackknife", 0, "score the engine on each set whole and on this many resamples that each leave out 1% of its texts, and print the resamples' mean and range: how far a number moves by the engine's variance alone")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar eval painpoints [--data DIR] [--set NAME] [--sample N | --jackknife N | --mixed] [--format table|json]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format %q: want table or json", *format)
	}
	if *sample < 0 {
		return fmt.Errorf("--sample %d: want a number of texts", *sample)
	}
	if *jackknife < 0 {
		return fmt.Errorf("--jackknife %d: want a number of resamples", *jackknife)
	}
	if (*sample > 0) && (*jackknife > 0) || *mixed && (*sample > 0 || *jackknife > 0) {
		return errors.New("--sample, --jackknife and --mixed: give one")
	}
	dir := *dataDir
	if dir == "" {
		if dir = env.getenv("SAFAR_SHARED_DATA"); dir == "" {
			dir = evaluate.DataDir()
		}
	}
	if dir == "" {
		return evaluate.ErrNoData
	}
	names := evaluate.SetNames()
	if *sample > 0 {
		names = evaluate.SizeSets
	}
	if *mixed {
		names = evaluate.MixedNames()
	}
	if *set != "" {
		names = []string{*set}
	}
	var reps any
	var table func() error
	switch {
	case *mixed:
		r, err := evaluate.RunMixedSets(ctx, dir, names)
		if err != nil {
			return err
		}
		reps, table = r, func() error { return evaluate.WriteMixedTable(env.stdout, r) }
	case *jackknife > 0:
		r, err := evaluate.RunJackknife(ctx, dir, names, *jackknife)
		if err != nil {
			return err
		}
		reps, table = r, func() error { return evaluate.WriteJackknifeTable(env.stdout, r) }
	case *sample > 0:
		r, err := evaluate.RunSizes(ctx, dir, names, *sample, evaluate.PeerSeeds)
		if err != nil {
			return err
		}
		reps, table = r, func() error { return evaluate.WriteSizeTable(env.stdout, r) }
	default:
		r, err := evaluate.RunSets(ctx, dir, names)
		if err != nil {
			return err
		}
		reps, table = r, func() error { return evaluate.WriteTable(env.stdout, r) }
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(reps)
	}
	if err := table(); err != nil {
		return errors.Join(errors.New("writing the table"), err)
	}
	return nil
}
