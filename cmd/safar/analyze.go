package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

func init() {
	register(command{name: "analyze", summary: "analyse a survey or project: personas, pain points, touchpoints, journey map", run: runAnalyze})
}

func runAnalyze(ctx context.Context, env *cliEnv, args []string) error {
	fs := newFlags(env, "analyze", "(--survey SLUG | --project NAME) [--format table|json] [--k N] [--exclude Q,...] [--seed N] [--db ...]")
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "survey slug")
	project := fs.String("project", "", "project name (all its surveys and transcripts)")
	format := fs.String("format", "table", "table or json")
	k := fs.Int("k", 0, "number of personas (0: automatic, 2-8)")
	seed := fs.Uint64("seed", 1, "random seed for the persona fit")
	exclude := fs.String("exclude", "", "comma-separated question ids not to segment on; they still describe every persona (default: the stored settings)")
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if (*slug == "") == (*project == "") {
		return errors.New("give exactly one of --survey SLUG or --project NAME")
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("--format must be table or json, not %q", *format)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	_, res, err := analyseScope(ctx, store, *slug, *project, studyrun.Request{K: *k, Seed: *seed, Exclude: splitList(*exclude)})
	if err != nil {
		return err
	}
	if *format == "json" {
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	printStudy(env.stdout, res)
	return nil
}

// analyseScope analyses a survey, or a project's surveys and transcripts,
// from the store with the researcher's stored corrections: the same
// orchestration as the web download and the background runner.
func analyseScope(ctx context.Context, store *gormstore.Store, slug, project string, q studyrun.Request) (*studyrun.Study, *study.Result, error) {
	scope, set, err := scopeSettings(ctx, store, slug, project)
	if err != nil {
		return nil, nil, err
	}
	return studyrun.Analyze(ctx, store, scope, set, q)
}

// scopeSettings is the scope of a survey (slug) or a project and its
// stored analysis settings.
func scopeSettings(ctx context.Context, store *gormstore.Store, slug, project string) (survey.AnalysisScope, *survey.AnalysisSettings, error) {
	scope := survey.AnalysisScope{Survey: slug}
	if project != "" {
		p, err := store.ProjectByName(ctx, project)
		if err != nil {
			return scope, nil, err
		}
		scope = survey.AnalysisScope{ProjectID: p.ID}
	}
	set, err := store.AnalysisSettings(ctx, scope.String())
	return scope, set, err
}

// counted is n and the noun, plural unless n is 1 ("1 interview").
func counted(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func printStudy(w io.Writer, r *study.Result) {
	fmt.Fprintf(w, "%s (%s): %s, %d partial, %s, %s\n", r.Study.Title, r.Study.Name, counted(r.Study.Responses, "complete response"),
		r.Study.Partial, counted(r.Study.Transcripts, "transcript"), counted(r.Study.Interviews, "interview"))
	if m := r.Metrics.NPS; m != nil {
		fmt.Fprintf(w, "NPS %s", estimate(m.Estimate, 1, ""))
	}
	if m := r.Metrics.CSAT; m != nil {
		fmt.Fprintf(w, "   CSAT %s", estimate(*m, 100, "%"))
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "\nPersonas:")
	if r.Personas == nil {
		fmt.Fprintf(w, "  none: %s\n", r.PersonaNote)
	} else {
		fmt.Fprintf(w, "  k=%d, %s\n", r.Personas.K, r.Personas.Quality.Verdict)
		for _, p := range r.Personas.Personas {
			fmt.Fprintf(tw, "  %d\t%s\t%d\t%.0f%%\n", p.ID, p.Name, p.Size, 100*p.Share)
		}
		tw.Flush()
	}
	fmt.Fprintln(w, "\nPain points (rank, people, share, severity, stage):")
	stage := map[string]string{}
	for _, s := range r.Stages {
		stage[s.Key] = s.Stage
	}
	for _, p := range r.PainPoints.PainPoints {
		if p.Rank > 10 {
			break
		}
		fmt.Fprintf(tw, "  %d\t%s\t%d\t%.0f%%\t%.2f\t%s\n", p.Rank, p.Label, p.Documents, 100*p.Share, p.Severity, stage[p.Key])
	}
	tw.Flush()
	if c := r.Codes; c != nil {
		fmt.Fprintf(w, "\nResearcher-coded pain points (people, share, passages, stages); %d codes, %d coded passages:\n", len(c.Codebook), len(c.Passages))
		for _, p := range c.PainPoints {
			fmt.Fprintf(tw, "  %s\t%d\t%.0f%%\t%d\t%s\n", clean(p.Label), p.People, 100*p.Share, p.Passages, strings.Join(p.Stages, ", "))
		}
		tw.Flush()
	}
	fmt.Fprintln(w, "\nJourney (everyone): stage, emotion 0-100 (answers), touchpoints, top pain point")
	if len(r.Journeys) > 0 {
		for _, s := range r.Journeys[0].Stages {
			emo := "-"
			if s.Emotion != nil {
				emo = fmt.Sprintf("%.0f (%d)", *s.Emotion, s.EmotionN)
			}
			top := ""
			if len(s.PainPoints) > 0 {
				top = s.PainPoints[0].Label
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", s.Stage, emo, strings.Join(s.Touchpoints, ", "), top)
		}
		tw.Flush()
	}
}

// estimate prints a value with its interval, scaled.
// estimate prints a value with its unit, then its interval and base:
// "CSAT 36% [34%, 38%] (n=2346)".
func estimate(e study.Estimate, scale float64, unit string) string {
	s := fmt.Sprintf("%.0f%s", scale*e.Value, unit)
	if e.Low != nil && e.High != nil {
		s += fmt.Sprintf(" [%.0f%s, %.0f%s]", scale**e.Low, unit, scale**e.High, unit)
	}
	return s + fmt.Sprintf(" (n=%d)", e.N)
}
