package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/report/studyreport"
	"github.com/safarhq/safar/report/xlsxtable"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
)

func init() {
	register(command{name: "report", summary: "write the Excel report of a survey, a project or CSV files", run: runReport})
}

func runReport(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	slug := fs.String("survey", "", "survey slug")
	project := fs.String("project", "", "project name")
	out := fs.String("o", "", "output file (.xlsx; required)")
	text := fs.String("text", "", "CSV: the column with free text (required with CSV files); several, comma-separated (\"Title,Review\"), are read as one text, a line each")
	idCol := fs.String("id", "", "CSV: the respondent id column (default: row numbers)")
	lang := fs.String("lang", "auto", "language of the workbook: sheet names, labels, numbers, dates (auto: the project's or the CSV text's; en, fa)")
	k := fs.Int("k", 0, "number of personas (0: automatic)")
	seed := fs.Uint64("seed", 1, "random seed for the persona fit")
	exclude := fs.String("exclude", "", "comma-separated question ids (CSV: column names) not to segment personas on; they still describe every persona")
	sheet := sheetFlag(fs)
	timings := fs.Bool("timings", false, "print how long each phase took (wall and CPU seconds) to stderr")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar report (--survey SLUG | --project NAME | FILE.csv... --text COL) -o report.xlsx")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	given := 0
	for _, set := range []bool{*slug != "", *project != "", fs.NArg() > 0} {
		if set {
			given++
		}
	}
	if given != 1 || *out == "" {
		fs.Usage()
		return errors.New("give one of --survey, --project or CSV files, and -o FILE.xlsx")
	}
	if !strings.HasSuffix(strings.ToLower(*out), ".xlsx") {
		return fmt.Errorf("-o %s: the report is an Excel workbook; name it .xlsx", *out)
	}
	switch *lang {
	case "auto", "en", "fa":
	default:
		return fmt.Errorf("--lang %s: want auto, en or fa", *lang)
	}
	defer reportGC(env.getenv)()
	start := time.Now()
	clock := newPhaseClock(env.stderr, *timings)
	clock.begin("load")
	prog := newProgressLine(env.stderr, isTerminal(env.stderr) && !*timings, 250*time.Millisecond)
	defer prog.close()
	prog.setPhase("loading responses")
	var (
		res   *study.Result
		write func(io.Writer) error // the workbook
	)
	q := studyrun.Request{K: *k, Seed: *seed, Exclude: splitList(*exclude), Read: prog.setRead}
	q.Progress = func(_ float64, step string) {
		clock.begin("analysis: " + step)
		prog.setPhase(fmt.Sprintf("analysis: %s (%d responses)", step, prog.readCount()))
	}
	if *lang != "auto" {
		q.Language = *lang // labels, names and the workbook; texts keep their surveys' languages
	}
	if fs.NArg() > 0 {
		in, err := csvStudy(fs.Args(), *sheet, *text, *idCol, *lang)
		if err != nil {
			return err
		}
		total := 0
		for _, sd := range in.Surveys {
			total += len(sd.Responses)
		}
		prog.setTotal(total)
		q.Exclude = excludedQuestions(in, q.Exclude)
		if res, err = study.Analyze(ctx, in, q.Options(&survey.AnalysisSettings{})); err != nil {
			return err
		}
		var srcs []studyreport.ResponseSource
		for _, sd := range in.Surveys {
			srcs = append(srcs, studyreport.ResponseSource{Definition: sd.Definition, Each: func(fn func(*survey.Response) error) error {
				for _, r := range sd.Responses {
					prog.row()
					if err := fn(r); err != nil {
						return err
					}
				}
				return nil
			}})
		}
		write = func(w io.Writer) error { return studyreport.Write(w, res, in, srcs, time.Now()) }
	} else {
		store, err := openStore(ctx, *dsn, false)
		if err != nil {
			return err
		}
		defer store.Close()
		if prog != nil {
			total, err := countScope(ctx, store, *slug, *project)
			if err != nil {
				return err
			}
			prog.setTotal(total)
		}
		scope, set, err := scopeSettings(ctx, store, *slug, *project)
		if err != nil {
			return err
		}
		// The analysis reads the responses once from the store's cursor
		// and keeps compact data only; the Responses sheet's rows are
		// recorded on the way (to a temporary file, so nothing holds them
		// all) and written with the personas once the analysis is done.
		book, err := studyreport.Analyze(ctx, store, scope, set, q, prog.row)
		if err != nil {
			return err
		}
		defer book.Close()
		if *lang != "auto" {
			// As the web's download: the personas' names, the answers
			// that describe them and the touchpoints as the project's
			// survey in that language words them.
			book.Result = book.Result.In(*lang)
			book.Result.Study.Language = *lang
		}
		res = book.Result
		write = func(w io.Writer) error { return book.Write(w, time.Now()) }
	}
	// The analysis' working data (texts, coded answers) is garbage now.
	// Collecting it before the workbook's many short-lived cell values
	// sets the next heap goal from the result alone.
	runtime.GC()
	clock.begin("workbook")
	prog.setPhase("workbook")
	// Write to a temporary file and rename, so a failed run never leaves a
	// half-written workbook under the requested name.
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".safar-report-*.xlsx")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	buf := bufio.NewWriterSize(tmp, 1<<20) // excelize writes the zip in small pieces
	if err := write(buf); err != nil {
		tmp.Close()
		return err
	}
	if err := buf.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	// CreateTemp makes the file private (0600); a report is a document to
	// share, so it gets the usual 0644 of a file the user saves.
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return err
	}
	clock.end()
	prog.close() // before the summary line; the deferred close is then a no-op
	fmt.Fprintf(env.stdout, "wrote %s: %d responses, %d pain points, %d personas (%.1fs)\n", *out, res.Study.Responses,
		len(res.PainPoints.PainPoints), personaCount(res), time.Since(start).Seconds())
	return nil
}

// reportGC sets how safar report collects while it runs and returns what
// restores the process's settings. The live heap is the analysis' data (a
// few hundred bytes per respondent, more when the answers differ) plus
// short-lived garbage. The collector runs when the heap has doubled (GOGC
// 100), with a soft limit of reportMemoryLimit: near it the collector runs
// sooner and returns freed memory, so a study whose live data fit stays
// under it (1,000,000 responses under 1 GB, issue 17). Until session 17 it
// ran at GOGC 200, measured on the demo, whose 78,191 answers are 9,707
// distinct texts: on the same 100,000 responses with every answer its own
// text the report peaked at 320-339 MiB at GOGC 200 and 235-254 MiB at 100
// (issue 17 asks under 300 MB), for 0.15-0.35 s more wall time on both
// (docs/report.md, "Session 17, the lead"). One whose live data do not fit
// runs with more collection (the runtime gives it at most half the CPU)
// rather than failing. GOGC and GOMEMLIMIT, when set, win.
func reportGC(getenv func(string) string) (restore func()) {
	return collectUnder(getenv, 100, reportMemoryLimit)
}

// reportMemoryLimit is safar report's soft memory limit (Go's runtime
// memory, which the process's resident memory follows): 800 MiB, so the
// process stays under 1 GB with what the runtime does not count, and the
// heap's growth up to the limit (GOGC 100 rather than 50) with it: 0.85 GB
// at 1,000,000 responses, where 900 MiB gave 0.96 GB.
const reportMemoryLimit = 800 << 20

// phaseClock prints, with --timings, the wall and CPU time (user+sys of the
// whole process, so parallel work counts once per core) of each phase.
type phaseClock struct {
	w    io.Writer
	on   bool
	name string
	wall time.Time     // when the phase began
	cpu  time.Duration // CPU used before it began
}

func newPhaseClock(w io.Writer, on bool) *phaseClock { return &phaseClock{w: w, on: on} }

// begin ends the current phase, if any, and starts the named one.
func (c *phaseClock) begin(name string) {
	if !c.on {
		return
	}
	c.end()
	c.name, c.wall, c.cpu = name, time.Now(), cpuTime()
}

// end prints the current phase.
func (c *phaseClock) end() {
	if !c.on || c.name == "" {
		return
	}
	fmt.Fprintf(c.w, "%-22s %6.2fs wall %6.2fs CPU\n", c.name, time.Since(c.wall).Seconds(), (cpuTime() - c.cpu).Seconds())
	c.name = ""
}

func personaCount(r *study.Result) int {
	if r.Personas == nil {
		return 0
	}
	return len(r.Personas.Personas)
}

// csvStudy turns CSV files from any tool into a study: one survey per file
// whose questions are the columns (types inferred), with the --text column
// as the open question analysed for pain points.
func csvStudy(files []string, sheet, textCol, idCol, lang string) (study.Input, error) {
	var in study.Input
	if textCol == "" {
		return in, errors.New("CSV input needs --text COL (the free-text column)")
	}
	for fi, path := range files {
		t, err := xlsxtable.ReadFile(path, sheet)
		if err != nil {
			return in, err
		}
		if t, err = joinTextColumns(t, textCol); err != nil {
			return in, fmt.Errorf("%s: %w", path, err)
		}
		l := lang
		if l == "" || l == "auto" {
			l = "en" // or the missing column's error below
			if col, err := t.Col(textCol); err == nil {
				l = tableLanguage(t, col)
			}
		}
		def, rs, err := survey.DefinitionFromTable(filepath.Base(path), t.Header, t.Rows, textCol, idCol, l)
		if err != nil {
			return in, fmt.Errorf("%s: %w", path, err)
		}
		if fi == 0 {
			in.Name, in.Title, in.Language = filepath.Base(path), filepath.Base(path), def.Language
		}
		in.Surveys = append(in.Surveys, study.SurveyData{Slug: def.Slug, Definition: def, Responses: rs})
	}
	return in, nil
}

// tableLanguage is "fa" when more texts of column col are Persian than
// English (analysis.DetectLanguage), else "en".
func tableLanguage(t *csvtable.Table, col int) string {
	var fa, en int
	for i := range t.Rows {
		switch analysis.DetectLanguage(t.Value(i, col)) {
		case analysis.LangPersian:
			fa++
		case analysis.LangEnglish:
			en++
		}
	}
	if fa > en {
		return "fa"
	}
	return "en"
}

// countScope counts the responses of a survey (slug) or a project, for
// the progress line.
func countScope(ctx context.Context, store *gormstore.Store, slug, project string) (int, error) {
	var svs []*survey.Survey
	if project != "" {
		p, err := store.ProjectByName(ctx, project)
		if err != nil {
			return 0, err
		}
		if svs, err = store.Surveys(ctx, p.ID); err != nil {
			return 0, err
		}
	} else {
		sv, err := store.SurveyBySlug(ctx, slug)
		if err != nil {
			return 0, err
		}
		svs = []*survey.Survey{sv}
	}
	total := 0
	for _, sv := range svs {
		n, err := store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
