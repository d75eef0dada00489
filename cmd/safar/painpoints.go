package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/report/xlsxtable"
	"github.com/safarhq/safar/study"
)

func init() {
	register(command{
		name:    "painpoints",
		summary: "rank recurring pain points in a CSV's free-text column (Persian and English)",
		run:     runPainpoints,
	})
}

func runPainpoints(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("painpoints", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	textCol := fs.String("text", "", "column holding the free text (required); several, comma-separated (\"Title,Review\"), are read as one text, a line each")
	idCol := fs.String("id", "", "column identifying each row in members (default: 1-based row number)")
	personCol := fs.String("person", "", "column identifying the respondent, so a person who repeats counts once (default: one person per row)")
	segCol := fs.String("segment", "", "column to break pain points down by (touchpoint, stage, persona...)")
	lang := fs.String("lang", "auto", "language of the text: auto, en or fa")
	top := fs.Int("top", 0, "show only the first N pain points (0: all; table default 15)")
	minPeople := fs.Int("min", 2, "least number of people a pain point needs")
	format := fs.String("format", "table", "output format: table or json")
	pack := fs.String("pack", "", "optional domain vocabulary to group by: "+strings.Join(analysis.PackNames(), ", ")+" (default: none, everything is learned from the texts)")
	ignore := fs.String("ignore", "", "comma-separated names that are never a pain point (brand, survey or product names)")
	scoreCol := fs.String("score", "", "column holding each respondent's own score (a rating, recommended yes/no as 1/0, NPS): what a satisfied writer states plainly is not a pain point, and low scores weigh severity")
	scaleFlag := fs.String("scale", "", "the --score column's scale as LO-HI, lowest score first, LO may be negative (-2-2) (default: the first of 0-1, 1-5, 1-7, 0-10, 0-100 that holds every value)")
	sheet := sheetFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar painpoints FILE.csv|FILE.xlsx|FILE.jsonl [--sheet NAME] --text COL [--id COL] [--segment COL] [--lang auto|en|fa] [--top N] [--pack NAME] [--ignore NAMES] [--score COL [--scale LO-HI]] [--format table|json]")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	files := fs.Args()
	switch {
	case len(files) != 1:
		fs.Usage()
		return errors.New("want exactly one CSV or XLSX file")
	case *textCol == "":
		return errors.New("missing --text COL: the column holding the free text")
	case *lang != "auto" && *lang != "en" && *lang != "fa":
		return fmt.Errorf("--lang %q: want auto, en or fa", *lang)
	case *format != "table" && *format != "json":
		return fmt.Errorf("--format %q: want table or json", *format)
	case *top < 0:
		return fmt.Errorf("--top %d: want 0 or more", *top)
	case *pack != "" && !slices.Contains(analysis.PackNames(), *pack):
		return fmt.Errorf("--pack %q: want one of %s", *pack, strings.Join(analysis.PackNames(), ", "))
	case *scaleFlag != "" && *scoreCol == "":
		return errors.New("--scale needs --score COL: the column whose scale it is")
	}
	scale, scaleGiven, err := parseScale(*scaleFlag)
	if err != nil {
		return err
	}

	defer painpointsGC(env.getenv)()
	tb, err := xlsxtable.ReadFile(files[0], *sheet)
	if err != nil {
		return err
	}
	col := func(flagName, name string) (int, error) {
		if name == "" {
			return -1, nil
		}
		i, err := tb.Col(name)
		if err != nil {
			return -1, fmt.Errorf("--%s: %w", flagName, err)
		}
		return i, nil
	}
	tis, err := textColumns(tb, *textCol)
	if err != nil {
		return err
	}
	ii, err := col("id", *idCol)
	if err != nil {
		return err
	}
	pi, err := col("person", *personCol)
	if err != nil {
		return err
	}
	si, err := col("segment", *segCol)
	if err != nil {
		return err
	}
	var scores []*float64
	if sc, err := col("score", *scoreCol); err != nil {
		return err
	} else if sc >= 0 {
		if scores, scale, err = readScores(tb, sc, *scoreCol, scale, scaleGiven); err != nil {
			return err
		}
		fmt.Fprintf(env.stderr, "--score %s: read on a %s scale, %s lowest\n", *scoreCol, scale, strconv.FormatFloat(scale.lo, 'f', -1, 64))
	}

	texts := make([]analysis.Text, 0, len(tb.Rows))
	// Rows with the same segment value share one (read-only) map: on
	// 100,000 rows this saves tens of megabytes.
	segMaps := map[string]map[string]string{}
	for r := range tb.Rows {
		if err := ctx.Err(); err != nil {
			return err
		}
		body := textOf(tb, r, tis)
		if body == "" {
			continue
		}
		t := analysis.Text{ID: strconv.Itoa(r + 1), Text: body}
		if *lang != "auto" {
			t.Lang = *lang
		}
		if ii >= 0 {
			t.ID = tb.Value(r, ii)
		}
		if pi >= 0 {
			t.Person = tb.Value(r, pi)
		}
		if scores != nil {
			t.Satisfaction = scores[r]
		}
		if si >= 0 {
			v := tb.Value(r, si)
			m, ok := segMaps[v]
			if !ok {
				m = map[string]string{*segCol: v}
				segMaps[v] = m
			}
			t.Segments = m
		}
		texts = append(texts, t)
	}
	// A table of a meeting's or focus group's turns, in the order they were
	// said (speakers taking turns, or transcription marks), is one
	// conversation: the engine reads its order when its turns come in
	// topical stretches (docs/painpoints.md, method step 12). Its speakers'
	// names are then never pain points, as in an imported transcript, whose
	// persons carry a prefix before the name ("t3:Hefin David").
	if analysis.LooksLikeTurns(texts) {
		for i := range texts {
			texts[i].Thread = files[0]
			if texts[i].Person != "" {
				texts[i].Person = "speaker:" + texts[i].Person
			}
		}
	}
	opt := analysis.PainPointOptions{SegmentKey: *segCol, Top: *top, MinPeople: *minPeople, Pack: *pack}
	for _, n := range strings.Split(*ignore, ",") {
		if n = strings.TrimSpace(n); n != "" {
			opt.Ignore = append(opt.Ignore, n)
		}
	}
	if *format == "table" && *top == 0 {
		opt.Top = 15
	}
	res, err := analysis.FindPainPointsContext(ctx, texts, opt)
	if err != nil {
		return err
	}
	if *lang != "auto" {
		res.Language = *lang
	}
	if *format == "json" {
		for i := range res.PainPoints {
			res.PainPoints[i].Breakdown = nil // the CLI reports one segment column
		}
		enc := json.NewEncoder(env.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(res)
	}
	var scoredOn *scoreScale
	if scores != nil {
		scoredOn = &scale
	}
	return writePainpointTable(env.stdout, res, *segCol, scoredOn)
}

// painpointsGC sets the collector for one analysis and returns what
// restores it. As `safar report`: the engine keeps a few hundred bytes per
// text and makes short-lived garbage; collecting when the heap has grown
// by half rather than doubled keeps 100,000 reviews near 210-220 MB
// instead of 280-300 MB, for CPU within run-to-run noise, and a soft
// limit of painpointsMemoryLimit holds an input whose live data fit in it
// under the 300 MB where GOGC 50 alone does not: 1,000 texts of
// 50 KB (50 MB, about 180 MiB live) peaked at 330-340 MiB
// (docs/painpoints.md, "Speed (measured)"). One whose live data do not
// fit runs with more collection (the runtime gives it at most half the
// CPU) rather than failing. GOGC and GOMEMLIMIT, when set, win.
func painpointsGC(getenv func(string) string) (restore func()) {
	return collectUnder(getenv, 50, painpointsMemoryLimit)
}

// collectUnder sets the collector's GOGC percent and soft memory limit for
// a command's run, each unless the environment sets it (GOGC, GOMEMLIMIT),
// and returns what restores the process's own settings.
func collectUnder(getenv func(string) string, percent int, limit int64) (restore func()) {
	set := func(name string) bool { return getenv != nil && getenv(name) != "" }
	gc, was := -2, int64(-1)
	if !set("GOGC") {
		gc = debug.SetGCPercent(percent)
	}
	if !set("GOMEMLIMIT") {
		was = debug.SetMemoryLimit(limit)
	}
	return func() {
		if gc != -2 {
			debug.SetGCPercent(gc)
		}
		if was >= 0 {
			debug.SetMemoryLimit(was)
		}
	}
}

// painpointsMemoryLimit is safar painpoints' soft memory limit (Go's
// runtime memory): 250 MiB, so that the process, with the binary's pages
// the runtime does not count (about 30 MiB), stays under 300 MB.
const painpointsMemoryLimit = 250 << 20

// writePainpointTable prints a terminal table. Columns are aligned by display
// width (Persian letters are one cell, marks and ZWNJ none); bidi order is
// left to the terminal.
func writePainpointTable(w io.Writer, res analysis.PainPointResult, segCol string, scale *scoreScale) error {
	head := fmt.Sprintf("%d texts, %d people, language %s: %d pain points; %d texts voice none of them", res.Documents, res.People, res.Language, len(res.PainPoints), res.Other)
	if res.NothingToSay > 0 {
		head += fmt.Sprintf(" (%d say there is nothing to say)", res.NothingToSay)
	}
	wrapText(w, "", head)
	for _, n := range res.Notes {
		wrapText(w, "note: ", n)
	}
	fmt.Fprintln(w)
	if len(res.PainPoints) == 0 {
		_, err := fmt.Fprintln(w, "No recurring pain points found.")
		return err
	}
	// The row's numbers take 55 cells; the label has the rest of an
	// 80-column line, and the terms, segments, scores and quotes each a
	// line of their own under it, wrapped or clipped to the width.
	labelW := len("PAIN POINT")
	for _, p := range res.PainPoints {
		labelW = max(labelW, displayWidth(clean(p.Label)))
	}
	labelW = min(labelW, tableWidth-55)
	fmt.Fprintln(w, "SAY IT: member texts that say the pain point's own phrase / all its members")
	fmt.Fprintf(w, "%4s  %-8s  %6s  %6s  %-8s  %s  %11s\n", "RANK", "PRIORITY", "PEOPLE", "SHARE", "SEVERITY", padRight("PAIN POINT", labelW), "SAY IT")
	for _, p := range res.PainPoints {
		said := "-"
		if p.LabelTexts > 0 {
			said = fmt.Sprintf("%d/%d", p.LabelTexts, p.Texts)
		}
		fmt.Fprintf(w, "%4d  %8.4f  %6d  %5.1f%%  %8.2f  %s  %11s\n", p.Rank, p.Priority, p.Documents, 100*p.Share, p.Severity,
			padRight(clip(clean(p.Label), labelW), labelW), said)
		wrapText(w, "      terms: ", clean(strings.Join(p.Terms, ", ")))
		if segCol != "" && len(p.Segments) > 0 {
			wrapText(w, "      "+clean(segCol)+": ", clean(formatSegments(p.Segments)))
		}
		if scale != nil && p.Satisfaction != nil {
			wrapText(w, "      ", scale.compare(p))
		}
		for _, ex := range p.Examples[:min(2, len(p.Examples))] {
			fmt.Fprintf(w, "      “%s”\n", clip(clean(ex), tableWidth-8))
		}
	}
	return nil
}

// formatSegments lists segment counts, largest first.
func formatSegments(m map[string]int) string {
	keys := study.KeysByCount(m)
	parts := make([]string, 0, len(keys))
	for _, k := range keys[:min(6, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	if len(keys) > 6 {
		parts = append(parts, fmt.Sprintf("+%d more", len(keys)-6))
	}
	return strings.Join(parts, " · ")
}

// clean makes respondent text safe for a terminal: control characters
// (escape sequences) and bidi overrides are dropped, white space collapsed.
func clean(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case unicode.IsControl(r), r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// displayWidth is the number of terminal cells s occupies.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), unicode.Is(unicode.Me, r), unicode.Is(unicode.Cf, r):
		case width.LookupRune(r).Kind() == width.EastAsianWide, width.LookupRune(r).Kind() == width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

func padRight(s string, w int) string {
	if d := w - displayWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// clip shortens s to at most w display cells, marking the cut with "…".
func clip(s string, w int) string {
	if displayWidth(s) <= w {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		rw := displayWidth(string(r))
		if n+rw > w-1 {
			break
		}
		b.WriteRune(r)
		n += rw
	}
	return b.String() + "…"
}

// textColumns finds the --text column, or its comma-separated columns
// ("Title,Review Text": a review's title and body) when no column has the
// whole name.
func textColumns(tb *csvtable.Table, name string) ([]int, error) {
	if i, err := tb.Col(name); err == nil {
		return []int{i}, nil
	} else if !strings.Contains(name, ",") {
		return nil, fmt.Errorf("--text: %w", err)
	}
	var out []int
	for _, n := range strings.Split(name, ",") {
		i, err := tb.Col(strings.TrimSpace(n))
		if err != nil {
			return nil, fmt.Errorf("--text: %w", err)
		}
		out = append(out, i)
	}
	return out, nil
}

// joinTextColumns returns tb with the --text columns read as one: when name
// lists several ("Title,Review Text"), the first of them holds each row's
// texts, a line each (textOf), under the name as given, and the others are
// gone; a single column leaves tb as it is. personas and report FILE.csv
// read their --text column from it as painpoints reads several.
func joinTextColumns(tb *csvtable.Table, name string) (*csvtable.Table, error) {
	cols, err := textColumns(tb, name)
	if err != nil || len(cols) == 1 {
		return tb, err
	}
	drop := map[int]bool{}
	for _, c := range cols[1:] {
		drop[c] = true
	}
	keep := func(row []string, first string) []string {
		n := max(len(row), cols[0]+1) // a short row still gets its text cell
		out := make([]string, 0, n)
		for i := range n {
			switch {
			case i == cols[0]:
				out = append(out, first)
			case !drop[i] && i < len(row):
				out = append(out, row[i])
			case !drop[i]:
				out = append(out, "")
			}
		}
		return out
	}
	joined := *tb
	joined.Header = keep(tb.Header, name)
	joined.Rows = make([][]string, len(tb.Rows))
	for r, row := range tb.Rows {
		joined.Rows[r] = keep(row, textOf(tb, r, cols))
	}
	return &joined, nil
}

// textOf is row r's text: its columns' values, a line each (a line ends a
// sentence, so a title and its review are not read as one).
func textOf(tb *csvtable.Table, r int, cols []int) string {
	if len(cols) == 1 {
		return strings.TrimSpace(tb.Value(r, cols[0]))
	}
	var parts []string
	for _, c := range cols {
		if v := strings.TrimSpace(tb.Value(r, c)); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "\n")
}
