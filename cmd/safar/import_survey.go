package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "import survey", summary: "import a survey definition (JSON)", run: runImportSurvey})
}

func runImportSurvey(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("import survey", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	project := fs.String("project", "default", "project to put the survey in (created if missing)")
	publish := fs.Bool("publish", false, "publish the survey so respondents can answer it at once")
	update := fs.Bool("update", false, "replace the definition of an existing survey with the same slug (a new version)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar import survey [flags] FILE.json")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("give exactly one FILE.json")
	}
	data, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		return err
	}
	def, err := survey.ParseDefinition(data)
	if err != nil {
		return fmt.Errorf("%s: %w", fs.Arg(0), err)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	if *update {
		sv, err := store.SurveyBySlug(ctx, def.Slug)
		if err != nil {
			return err
		}
		v, err := store.UpdateDefinition(ctx, sv.ID, def)
		if err != nil {
			return err
		}
		fmt.Fprintf(env.stdout, "updated survey %q to version %d\n", def.Slug, v)
		return nil
	}
	p, err := store.EnsureProject(ctx, *project, "")
	if err != nil {
		return err
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: def, Status: survey.Draft}
	if *publish {
		sv.Status = survey.Published
	}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		if errors.Is(err, survey.ErrConflict) {
			return fmt.Errorf("%w (use --update to store a new version)", err)
		}
		return err
	}
	fmt.Fprintf(env.stdout, "imported survey %q (%d questions on %d pages) into project %q as %s\n",
		def.Slug, len(def.Questions()), len(def.Pages), p.Name, sv.Status)
	return nil
}
