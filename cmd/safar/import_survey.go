package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/report"
	"github.com/safarhq/safar/survey"
)

func init() {
	register(command{name: "import survey", summary: "import a survey definition: Safar JSON, Qualtrics .qsf, SurveyJS JSON, LimeSurvey .lss or XLSForm .xlsx", run: runImportSurvey})
}

func runImportSurvey(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("import survey", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	project := fs.String("project", "default", "project to put the survey in (created if missing)")
	publish := fs.Bool("publish", false, "publish the survey so respondents can answer it at once")
	update := fs.Bool("update", false, "replace the definition of an existing survey with the same slug (a new version)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar import survey [flags] FILE (.json, .qsf, .lss, .xlsx; the format is detected)")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errors.New("give exactly one FILE")
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, surveyimport.MaxFileSize+1)) // Import refuses what is over the limit
	f.Close()
	if err != nil {
		return err
	}
	def, rep, err := surveyimport.Import(fs.Arg(0), data, report.Sheets)
	if err != nil {
		return err
	}
	printImportReport(env, rep)
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
	p, err := ensureProject(ctx, env, store, *project)
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

// printImportReport says how a survey from another tool was mapped, on
// stderr so stdout keeps the one-line result.
func printImportReport(env *cliEnv, rep *surveyimport.Report) {
	if rep.Format == surveyimport.Safar {
		return
	}
	fmt.Fprintf(env.stderr, "read a %s survey: %d questions mapped, %d approximated, %d items dropped\n",
		rep.Format, len(rep.Mapped), len(rep.Approximated), len(rep.Dropped))
	for _, group := range []struct {
		title string
		lines []surveyimport.Note
	}{{"mapped", rep.Mapped}, {"approximated", rep.Approximated}, {"dropped", rep.Dropped}} {
		for _, l := range group.lines {
			fmt.Fprintf(env.stderr, "  %s: %s\n", group.title, l)
		}
	}
}
