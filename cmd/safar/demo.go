package main

import (
	"context"
	"fmt"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "demo", summary: "seed the demo project (idempotent) and exit", run: runDemo})
}

func runDemo(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "demo", "[--responses N] [--db ...]")
	dsn := dbFlag(fs, env)
	n := fs.Int("responses", demo.ResponsesPerSurvey, "synthetic responses per survey (for scale tests)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *n < 1 {
		return fmt.Errorf("--responses must be at least 1")
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := demo.SeedN(ctx, store, *n)
	if err != nil {
		return err
	}
	if res == (demo.Result{}) {
		fmt.Fprintf(env.stdout, "demo project %q already seeded; nothing to do\n", demo.Project)
		return nil
	}
	fmt.Fprintf(env.stdout, "seeded project %q (surveys %s, %s): %s, %s, %s, %s\n", demo.Project, demo.SlugFA, demo.SlugEN,
		web.Count("en", "n_surveys", res.Created), web.Count("en", "n_responses", res.Responses),
		web.Count("en", "n_transcripts", res.Transcripts), web.Count("en", "n_coded_answers", res.Codings))
	return nil
}
