package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

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
	fmt.Fprintln(w, "\nPersonas:")
	if r.Personas == nil {
		fmt.Fprintf(w, "  none: %s\n", r.PersonaNote)
	} else {
		fmt.Fprintf(w, "  k=%d, %s\n", r.Personas.K, r.Personas.Quality.Verdict)
		rows := make([][]string, 0, len(r.Personas.Personas))
		for _, p := range r.Personas.Personas {
			rows = append(rows, []string{strconv.Itoa(p.ID), clean(p.Name), strconv.Itoa(p.Size), fmt.Sprintf("%.0f%%", 100*p.Share)})
		}
		printColumns(w, rows, 1)
	}
	fmt.Fprintln(w, "\nPain points (rank, people, share, severity, stage):")
	stage := map[string]string{}
	for _, s := range r.Stages {
		stage[s.Key] = s.Stage
	}
	var rows [][]string
	for _, p := range r.PainPoints.PainPoints {
		if p.Rank > 10 {
			break
		}
		rows = append(rows, []string{strconv.Itoa(p.Rank), clean(p.Label), strconv.Itoa(p.Documents), fmt.Sprintf("%.0f%%", 100*p.Share),
			fmt.Sprintf("%.2f", p.Severity), stage[p.Key]})
	}
	printColumns(w, rows, 1)
	if c := r.Codes; c != nil {
		fmt.Fprintf(w, "\nResearcher-coded pain points (people, share, passages, stages),\n%d codes, %d coded passages:\n", len(c.Codebook), len(c.Passages))
		rows = rows[:0]
		for _, p := range c.PainPoints {
			rows = append(rows, []string{clean(p.Label), strconv.Itoa(p.People), fmt.Sprintf("%.0f%%", 100*p.Share), strconv.Itoa(p.Passages), strings.Join(p.Stages, ", ")})
		}
		printColumns(w, rows, 0)
	}
	fmt.Fprintln(w, "\nJourney (everyone): stage, emotion 0-100 (answers), top pain point;\nthen each stage's touchpoints:")
	if len(r.Journeys) > 0 {
		rows = rows[:0]
		for _, s := range r.Journeys[0].Stages {
			emo := "-"
			if s.Emotion != nil {
				emo = fmt.Sprintf("%.0f (%d)", *s.Emotion, s.EmotionN)
			}
			top := ""
			if len(s.PainPoints) > 0 {
				top = clean(s.PainPoints[0].Label)
			}
			rows = append(rows, []string{s.Stage, emo, top})
		}
		printColumns(w, rows, 2)
		for _, s := range r.Journeys[0].Stages {
			if len(s.Touchpoints) > 0 {
				wrapText(w, "  "+s.Stage+": ", clean(strings.Join(s.Touchpoints, ", ")))
			}
		}
	}
}

// tableWidth is the terminal width the CLI's tables fit.
const tableWidth = 80

// wrapText prints text after prefix on as many lines of tableWidth as it
// needs, broken at spaces, each next line indented as far as the prefix.
func wrapText(w io.Writer, prefix, text string) {
	indent := strings.Repeat(" ", displayWidth(prefix))
	line, n, first := prefix, displayWidth(prefix), true
	for _, word := range strings.Fields(text) {
		ww := displayWidth(word)
		switch {
		case first:
		case n+1+ww > tableWidth:
			fmt.Fprintln(w, line)
			line, n = indent, len(indent)
		default:
			line, n = line+" ", n+1
		}
		line, n, first = line+word, n+ww, false
	}
	fmt.Fprintln(w, line)
}

// printColumns prints rows as columns two spaces apart, indented two,
// aligned by display width (Persian letters one cell, ZWNJ none). Column
// wide, a text (a label, a name), is clipped with "…" so every line fits
// tableWidth; the others are short (numbers, stages).
func printColumns(w io.Writer, rows [][]string, wide int) {
	widths := map[int]int{}
	for _, row := range rows {
		for i, c := range row {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	rest := 2
	for i, n := range widths {
		if i != wide {
			rest += n + 2
		}
	}
	widths[wide] = max(10, min(widths[wide], tableWidth-rest))
	for _, row := range rows {
		cells := make([]string, len(row))
		for i, c := range row {
			cells[i] = padRight(clip(c, widths[i]), widths[i])
		}
		fmt.Fprintln(w, strings.TrimRight("  "+strings.Join(cells, "  "), " "))
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
