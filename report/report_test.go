package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/internal/officetest"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// mustWrite builds the workbook for d and returns its bytes.
func mustWrite(tb testing.TB, d *Data) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func mustOpen(tb testing.TB, b []byte) *excelize.File {
	tb.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("OpenReader: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return f
}

// dump renders every non-empty cell of every sheet as "REF: value" (values as
// Excel would format them), plus each sheet's direction, frozen panes and
// chart count, so a golden file shows the whole workbook as text.
func dump(tb testing.TB, f *excelize.File) string {
	tb.Helper()
	var sb strings.Builder
	for _, sh := range f.GetSheetList() {
		view, err := f.GetSheetView(sh, 0)
		if err != nil {
			tb.Fatalf("GetSheetView(%q): %v", sh, err)
		}
		panes, err := f.GetPanes(sh)
		if err != nil {
			tb.Fatalf("GetPanes(%q): %v", sh, err)
		}
		rtl := view.RightToLeft != nil && *view.RightToLeft
		fmt.Fprintf(&sb, "== %s (rtl=%v frozen=%v:%d)\n", sh, rtl, panes.Freeze, panes.YSplit)
		rows, err := f.GetRows(sh)
		if err != nil {
			tb.Fatalf("GetRows(%q): %v", sh, err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				fmt.Fprintf(&sb, "%s: %q\n", cell(c+1, r+1), v)
			}
		}
	}
	return sb.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./report -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file; diff below (got vs want). Rerun with -update if the change is intended.\n%s",
			path, lineDiff(got, string(want)))
	}
}

// lineDiff lists the first lines that differ.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var sb strings.Builder
	shown := 0
	for i := 0; i < max(len(g), len(w)) && shown < 20; i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			fmt.Fprintf(&sb, "line %d:\n  got:  %s\n  want: %s\n", i+1, gl, wl)
			shown++
		}
	}
	return sb.String()
}

func TestWriteGolden(t *testing.T) {
	tests := []struct {
		name string
		data func() *Data
	}{
		{"full_en", func() *Data { return fixture("en") }},
		{"full_fa", func() *Data { return fixture("fa") }},
		{"empty_en", func() *Data { return &Data{Study: Study{Title: "Empty", Language: "en"}} }},
		{"empty_fa", func() *Data { return &Data{Study: Study{Title: "خالی", Language: "fa"}} }},
		{"header_only", func() *Data {
			return &Data{Study: Study{Language: "en"}, Responses: &Responses{Header: []string{"Q1", ""}}}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := mustOpen(t, mustWrite(t, tt.data()))
			golden(t, tt.name, dump(t, f))
		})
	}
}

// TestDirection checks Persian workbooks are right-to-left on every sheet
// and English ones left-to-right.
func TestDirection(t *testing.T) {
	for _, lang := range []string{"fa", "en"} {
		f := mustOpen(t, mustWrite(t, fixture(lang)))
		sheets := f.GetSheetList()
		if len(sheets) != 9 {
			t.Errorf("%s: %d sheets, want 9: %q", lang, len(sheets), sheets)
		}
		for _, sh := range sheets {
			v, err := f.GetSheetView(sh, 0)
			if err != nil {
				t.Fatal(err)
			}
			rtl := v.RightToLeft != nil && *v.RightToLeft
			if rtl != (lang == "fa") {
				t.Errorf("%s: sheet %q right-to-left = %v", lang, sh, rtl)
			}
		}
	}
	if got := mustOpen(t, mustWrite(t, fixture("fa"))).GetSheetList()[0]; got != "خلاصه" {
		t.Errorf("fa first sheet = %q, want خلاصه", got)
	}
}

// TestNoFormulaInjection proves respondent text that looks like a formula or
// a link is stored as plain text, on normal and streamed sheets alike.
func TestNoFormulaInjection(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		raw := mustWrite(t, fixture(lang))
		f := mustOpen(t, raw)
		found := map[string]int{}
		for _, sh := range f.GetSheetList() {
			rows, err := f.GetRows(sh)
			if err != nil {
				t.Fatal(err)
			}
			for r, row := range rows {
				for c, v := range row {
					ref := cell(c+1, r+1)
					if formula, err := f.GetCellFormula(sh, ref); err != nil || formula != "" {
						t.Errorf("%s %s!%s has formula %q (err %v)", lang, sh, ref, formula, err)
					}
					if link, target, _ := f.GetCellHyperLink(sh, ref); link {
						t.Errorf("%s %s!%s is a hyperlink to %q", lang, sh, ref, target)
					}
					for _, inj := range injections {
						if strings.Contains(v, inj) {
							found[inj]++
							typ, _ := f.GetCellType(sh, ref)
							if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
								t.Errorf("%s %s!%s holding %q has cell type %v, want a string type", lang, sh, ref, v, typ)
							}
						}
					}
				}
			}
		}
		for _, inj := range injections {
			if found[inj] == 0 {
				t.Errorf("%s: %q was not found intact in any cell", lang, inj)
			}
		}
		// Belt and braces: no <f> element and no hyperlinks anywhere in the package.
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		formulaTag := regexp.MustCompile(`<f[ >]|<hyperlink[ >]`)
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
				continue
			}
			rc, _ := zf.Open()
			body, _ := io.ReadAll(rc)
			rc.Close()
			if loc := formulaTag.FindIndex(body); loc != nil {
				t.Errorf("%s: %s contains %q", lang, zf.Name, body[loc[0]:min(len(body), loc[1]+60)])
			}
		}
	}
}

func TestStreamedValues(t *testing.T) {
	f := mustOpen(t, mustWrite(t, fixture("en")))
	const sh = "Responses"
	for ref, want := range map[string]string{
		"A2": "9", "D2": "TRUE", "E2": "2026-10-01 09:15", "B3": injections[0],
		"A4": "7", "B4": injections[2], "C4": injections[3], "F4": "2.5", "G1": "What went wrong? (2)",
	} {
		got, err := f.GetCellValue(sh, ref)
		if err != nil || got != want {
			t.Errorf("%s!%s = %q (err %v), want %q", sh, ref, got, err, want)
		}
	}
	tables, err := f.GetTables(sh)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:G5" {
		t.Errorf("tables on %s = %+v (err %v), want one over A1:G5", sh, tables, err)
	}
}

func TestRowsErrorAborts(t *testing.T) {
	d := fixture("en")
	d.Responses.Rows = failingRows(5)
	err := Write(io.Discard, d)
	if !errors.Is(err, errCursor) {
		t.Fatalf("Write error = %v, want it to wrap %v", err, errCursor)
	}
	if !strings.Contains(err.Error(), "row 6") {
		t.Errorf("error %q does not name the failing row 6", err)
	}
}

// Rows is pulled on a goroutine of its own; a panic there still reaches the
// caller of Write (e.g. a web server's recovery), after 600 good rows.
func TestRowsPanicReachesCaller(t *testing.T) {
	d := fixture("en")
	d.Responses.Rows = func(yield func([]any, error) bool) {
		for i := range 600 {
			if !yield([]any{i, "text"}, nil) {
				return
			}
		}
		panic("cursor broke")
	}
	defer func() {
		if v := recover(); v != "cursor broke" {
			t.Errorf("recovered %v, want the iterator's panic", v)
		}
	}()
	Write(io.Discard, d)
	t.Error("Write returned instead of panicking")
}

func TestNilData(t *testing.T) {
	if err := Write(io.Discard, nil); err == nil {
		t.Fatal("Write(nil) succeeded")
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"=1+1", "=1+1"},
		{"a\x00b\x1fc\td\ne", "abc\td\ne"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
	}
	for _, tt := range tests {
		if got := cleanText(tt.in); got != tt.want {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUniqueHeaders(t *testing.T) {
	got := uniqueHeaders([]string{"Q", "q", "", "two\nlines", strings.Repeat("x", 300)})
	want := []string{"Q", "q (2)", "#3", "two lines", strings.Repeat("x", 248) + "…"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("uniqueHeaders = %q, want %q", got, want)
	}
}

// TestLayout checks print set-up, filters and that the charts are native
// chart parts (not pictures).
func TestLayout(t *testing.T) {
	raw := mustWrite(t, fixture("en"))
	f := mustOpen(t, raw)
	for _, sh := range []string{"Summary", "Journey map"} {
		pl, err := f.GetPageLayout(sh)
		if err != nil {
			t.Fatal(err)
		}
		if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s page layout = orientation %v fit-to-width %v, want landscape, 1", sh, pl.Orientation, pl.FitToWidth)
		}
	}
	filters := map[string]bool{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			filters[dn.Scope] = true
		}
	}
	for _, sh := range []string{"Pain points", "Coded passages", "Codebook"} {
		if !filters[sh] {
			t.Errorf("%s has no autofilter (defined names: %+v)", sh, f.GetDefinedName())
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	charts, pictures := 0, 0
	for _, zf := range zr.File {
		switch {
		case strings.HasPrefix(zf.Name, "xl/charts/chart"):
			charts++
		case strings.HasPrefix(zf.Name, "xl/media/"):
			pictures++
		}
	}
	// 2 journey curves + priority bar + persona doughnut + combined emotion curve.
	if charts != 5 || pictures != 0 {
		t.Errorf("got %d chart parts and %d pictures, want 5 and 0", charts, pictures)
	}
}

// TestNonFiniteNumbers checks NaN and infinities become blanks instead of
// producing a file Excel must repair.
func TestNonFiniteNumbers(t *testing.T) {
	d := fixture("en")
	nan, inf := math.NaN(), math.Inf(1)
	d.Metrics.NPS.Value = nan
	d.PainPoints[0].Severity = inf
	d.Journeys[0].Stages[0].Emotion = &nan
	d.Responses.Rows = rowsOf([][]any{{nan, inf, float32(math.Inf(-1)), 1.5}})
	raw := mustWrite(t, d)
	nonFinite := regexp.MustCompile(`>[+-]?(NaN|Inf)<`)
	for name, body := range unzip(t, raw) {
		if nonFinite.Match(body) {
			t.Errorf("%s contains NaN or Inf", name)
		}
	}
	f := mustOpen(t, raw)
	for _, c := range []struct{ sheet, ref, want string }{
		{"Summary", "B13", ""}, {"Pain points", "F2", ""}, {"Journey map", "B5", ""},
		{"Responses", "A2", ""}, {"Responses", "C2", ""}, {"Responses", "D2", "1.5"},
	} {
		if got, _ := plainCell(f, c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
	}
}

// unzip returns the worksheet parts of an .xlsx package by name.
func unzip(t *testing.T, raw []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = body
	}
	return parts
}

// TestPersonaTrust checks the block that heads the Personas sheet and its
// line on the Summary: fitted with and without a subsample, k chosen by BIC,
// set by the user or the fallback, stability measured or not, English and
// Persian, and no block without a PersonaModel. A blank want means an empty
// cell.
func TestPersonaTrust(t *testing.T) {
	stable := &Stability{Verdict: Stable, Resamples: 10, MeanARI: 0.94, MinARI: 0.9, MaxARI: 0.97}
	for _, tc := range []struct {
		name, lang string
		model      *PersonaModel
		personas   map[string]string
		summary    map[string]string
	}{
		{"subsample", "en",
			&PersonaModel{K: 4, KMin: 2, KMax: 8, Stability: stable, Entropy: 0.89, Respondents: 91979, Subsample: 5000},
			map[string]string{
				"A1": "How far to trust these personas",
				"A2": "Verdict", "B2": "Stable: fits on resampled data agree, so these personas are well supported.",
				"A3": "Personas (k)", "B3": "4", "C3": "chosen automatically: lowest BIC among k = 2–8",
				"A4": "Stability (mean ARI)", "B4": "0.94", "C4": "lowest", "D4": "0.90", "E4": "highest", "F4": "0.97",
				"A5": "Bootstrap resamples", "B5": "10",
				"A6": "Entropy R² (1 = clear)", "B6": "0.89",
				"A7": "Respondents in the model", "B7": "91,979",
				"A8": "k chosen on a subsample of", "B8": "5,000",
				"C8": "respondents (seeded random draw); the chosen model was then fitted on all respondents",
				"A9": "", "A10": "Busy commuter",
			},
			map[string]string{"A26": "Stability (mean ARI)", "C26": "0.94",
				"B26": "Stable: fits on resampled data agree, so these personas are well supported."}},
		{"all respondents, k set, not measured", "en",
			&PersonaModel{K: 3, Entropy: 0.7, Respondents: 240},
			map[string]string{
				"B2": "Stability was not measured for this run.",
				"B3": "3", "C3": "set by the user",
				"A4": "Entropy R² (1 = clear)", "B4": "0.70",
				"A5": "Respondents in the model", "B5": "240",
				"A6": "", "A7": "Busy commuter",
			},
			map[string]string{"A26": "Stability (mean ARI)", "C26": "", "B26": "Stability was not measured for this run."}},
		{"Persian, fallback, unstable", "fa",
			&PersonaModel{K: 2, KMin: 2, KMax: 8, KFallback: true, Entropy: 0.5, Respondents: 6000, Subsample: 5000,
				Stability: &Stability{Verdict: Unstable, Resamples: 5, MeanARI: 0.41, MinARI: 0.2, MaxARI: 0.6}},
			map[string]string{
				"A1": "تا چه اندازه می‌توان به این پرسوناها اعتماد کرد",
				"B2": "ناپایدار: داده‌ها از ۲ پرسونای متمایز پشتیبانی نمی‌کنند.",
				"C3": "انتخاب خودکار: هیچ k از ۲ تا ۸ به همه پرسوناها حداقل سهم را نداد، پس کوچک‌ترین نگه داشته شد",
				"B4": "0.41", "D4": "0.20", "F4": "0.60", "B5": "5",
				"A7": "پاسخ‌دهندگان در مدل", "B7": "6,000",
				"A8": "انتخاب k روی زیرنمونه‌ای از", "B8": "5,000",
				"A10": "مسافر پرمشغله",
			},
			map[string]string{"A28": "پایداری (میانگین ARI)", "C28": "0.41",
				"B28": "ناپایدار: داده‌ها از ۲ پرسونای متمایز پشتیبانی نمی‌کنند."}},
		{"no model", "en", nil,
			map[string]string{"A1": "Busy commuter"},
			map[string]string{"A26": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := fixture(tc.lang)
			d.PersonaModel = tc.model
			f := mustOpen(t, mustWrite(t, d))
			lb := labelsFor(tc.lang)
			for sh, want := range map[string]map[string]string{lb.SheetPersonas: tc.personas, lb.SheetSummary: tc.summary} {
				for ref, w := range want {
					if got, err := plainCell(f, sh, ref); err != nil || got != w {
						t.Errorf("%s!%s = %q (err %v), want %q", sh, ref, got, err, w)
					}
				}
			}
		})
	}
}

// TestWrappedRowsFit checks that rows holding text that wraps are tall
// enough for it on every sheet but Responses (Excel and LibreOffice do not
// grow them, and draw the wrapped lines over the next row), in English and
// Persian, and that rows whose text fits keep the default height.
func TestWrappedRowsFit(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		t.Run(lang, func(t *testing.T) {
			question := "Roughly how much do you spend with us per month (in dollars)?"
			tps := []string{"Google search", "Online ads", "A friend or family member", "Instagram", "Our physical store"}
			sentence := "The courier never called and the parcel came days after the promised date."
			if lang == "fa" {
				question = "تقریباً ماهی چقدر از ما خرید می‌کنید (هزار تومان)؟"
				tps = []string{"جست‌وجو در گوگل", "تبلیغات اینترنتی", "دوستان یا خانواده", "اینستاگرام", "فروشگاه حضوری ما", "دایرکت اینستاگرام"}
				sentence = "پیک هیچ‌وقت تماس نگرفت و بسته چند روز بعد از تاریخ وعده‌داده‌شده رسید و کسی هم پاسخگو نبود."
			}
			persona := strings.Join(tps[:3], ", ")
			d := fixture(lang)
			d.Personas[0].Name = persona
			d.Personas[0].Traits[0].Column = question
			d.Personas[0].Touchpoints[0].Touchpoints = tps
			d.PainPoints[0].Examples = []string{sentence, sentence}
			d.Journeys[0].Stages[1].Opportunities = []string{sentence, sentence}
			d.Passages[0].Text = strings.Repeat(sentence+" ", 3)
			d.Codebook[0].Description = sentence
			d.Study.Title = sentence + " " + sentence // 14-point, wraps inside A1:E1
			f := mustOpen(t, mustWrite(t, d))
			lb := labelsFor(lang)
			joined := strings.Join(tps, ", ")
			if lang == "fa" {
				joined = strings.Join(tps, "، ")
			}
			for _, c := range []struct {
				sheet, text string
				lines       int // at least; 1 = exactly the default height
			}{
				{lb.SheetSummary, d.Personas[0].Name, 2},
				{lb.SheetSummary, d.Study.Title, 2},
				{lb.SheetPersonas, question, 2},
				{lb.SheetPersonas, d.Personas[0].Traits[1].Column, 1},
				{lb.SheetPersonas, joined, 2},
				{lb.SheetPainPoints, sentence + "\n" + sentence, 4},
				{lb.SheetJourney, "• " + sentence + "\n• " + sentence, 4},
				{lb.SheetCharts, persona, 2},
				{lb.SheetPassages, d.Passages[0].Text, 3},
				{lb.SheetCodebook, sentence, 2},
			} {
				row := rowOf(t, f, c.sheet, c.text)
				h, err := f.GetRowHeight(c.sheet, row)
				if err != nil {
					t.Fatal(err)
				}
				if c.lines == 1 && h != 15 || h < float64(15*c.lines) {
					t.Errorf("%s row %d (%.30q...) is %.0f points high, want room for %d lines", c.sheet, row, c.text, h, c.lines)
				}
			}
		})
	}
}

// rowOf returns the first row of sheet with a cell holding text.
func rowOf(t *testing.T, f *excelize.File, sheet, text string) int {
	t.Helper()
	rows, err := plainRows(f, sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for _, v := range row {
			if v == text {
				return r + 1
			}
		}
	}
	t.Fatalf("%s has no cell %q", sheet, text)
	return 0
}

func TestWrappedLines(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width int
		want  int
	}{
		{"", 10, 1},
		{"short", 10, 1},
		{"exactly 10", 10, 1},
		{"one two three", 10, 2},             // "one two" | "three"
		{"a\nb\n\nc", 10, 4},                 // every line counts, empty ones too
		{"abcdefghijklmnopqrstuvwxy", 10, 3}, // a long word breaks
		{"ab abcdefghijkl", 10, 3},           // "ab" | "abcdefghij" | "kl"
		{"جست‌وجو در گوگل، تبلیغات", 10, 3},
	} {
		if got := wrappedLines(tc.s, tc.width); got != tc.want {
			t.Errorf("wrappedLines(%q, %d) = %d, want %d", tc.s, tc.width, got, tc.want)
		}
	}
}

// TestSummaryPartialResponses: the summary says its response count is the
// complete responses analysed, and tells how many partial ones the
// Responses sheet holds besides (a reader counted 361 rows against
// "Responses 326"); with none partial it has no such row.
func TestSummaryPartialResponses(t *testing.T) {
	for _, tc := range []struct {
		lang, sheet   string
		partial       int
		labels, count []string
	}{
		{"en", "Summary", 35, []string{"Complete responses (analysed)", "Partial (Responses sheet only)"}, []string{"3", "35"}},
		{"fa", "خلاصه", 35, []string{"پاسخ‌های کامل (تحلیل‌شده)", "ناتمام (فقط در برگه پاسخ‌ها)"}, []string{"3", "35"}},
		{"en", "Summary", 0, []string{"Complete responses (analysed)", "Interviews"}, []string{"3", "2"}},
	} {
		d := fixture(tc.lang)
		d.Study.Partial = tc.partial
		f := mustOpen(t, mustWrite(t, d))
		rows, err := plainRows(f, tc.sheet)
		if err != nil {
			t.Fatal(err)
		}
		at := -1
		for i, r := range rows {
			if len(r) > 0 && r[0] == tc.labels[0] {
				at = i
			}
		}
		if at < 0 || at+1 >= len(rows) {
			t.Fatalf("%s, %d partial: no %q row in %q", tc.lang, tc.partial, tc.labels[0], rows)
		}
		for i := range tc.labels {
			r := rows[at+i]
			if len(r) < 2 || r[0] != tc.labels[i] || r[1] != tc.count[i] {
				t.Errorf("%s, %d partial: row %q, want %q %q", tc.lang, tc.partial, r, tc.labels[i], tc.count[i])
			}
		}
	}
}

// A survey's workbook heads the survey's slug "Survey", a project's heads
// its name "Project", in the workbook's language.
func TestSummaryNamesTheScope(t *testing.T) {
	for _, tc := range []struct {
		lang, sheet string
		survey      bool
		want        string
	}{
		{"en", "Summary", false, "Project"},
		{"en", "Summary", true, "Survey"},
		{"fa", "خلاصه", false, "پروژه"},
		{"fa", "خلاصه", true, "پرسشنامه"},
	} {
		d := fixture(tc.lang)
		d.Study.Survey = tc.survey
		f := mustOpen(t, mustWrite(t, d))
		label, err := plainCell(f, tc.sheet, "A3")
		if err != nil {
			t.Fatal(err)
		}
		name, _ := plainCell(f, tc.sheet, "B3")
		if label != tc.want || name != d.Study.Project {
			t.Errorf("%s, survey %v: A3:B3 = %q %q, want %q %q", tc.lang, tc.survey, label, name, tc.want, d.Study.Project)
		}
	}
}

// TestJourneyUnplacedRow: the pain points no stage stands out for have a
// row of their own under the journey map, in the workbook's language; a
// journey without any has none.
func TestJourneyUnplacedRow(t *testing.T) {
	for _, tc := range []struct{ lang, label string }{
		{"en", "Pain points at no one stage"},
		{"fa", "نقاط درد بی‌مرحله"},
	} {
		d := fixture(tc.lang)
		d.Journeys[0].Unplaced = []string{"late replies in DMs (52)", "rude phone support (21)"}
		f := mustOpen(t, mustWrite(t, d))
		rows, err := plainRows(f, f.GetSheetList()[4])
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, r := range rows {
			if len(r) > 1 && r[0] == tc.label {
				found++
				if r[1] != "• late replies in DMs (52)\n• rude phone support (21)" {
					t.Errorf("%s: unplaced row %q", tc.lang, r[1])
				}
			}
		}
		if found != 1 {
			t.Errorf("%s: %d rows %q in %q, want 1", tc.lang, found, tc.label, f.GetSheetList()[4])
		}
	}
	f := mustOpen(t, mustWrite(t, fixture("en")))
	rows, _ := plainRows(f, "Journey map")
	for _, r := range rows {
		if len(r) > 0 && r[0] == "Pain points at no one stage" {
			t.Error("a journey without unplaced pain points has their row")
		}
	}
}

// TestPainPointShareNamesItsBase: the Pain points sheet's share column, and the Summary's,
// says whom its shares are of (those whose texts were read: 580 of the
// demo's 658, whose journey map and personas give shares of all), in the
// workbook's language and digits.
func TestPainPointShareNamesItsBase(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"en", "Share of the 580 who wrote"},
		{"fa", "سهم از ۵۸۰ نفر نویسنده"},
	} {
		d := fixture(tc.lang)
		d.PainPointPeople = 580
		f := mustOpen(t, mustWrite(t, d))
		if got, _ := plainCell(f, f.GetSheetList()[2], "E1"); got != tc.want {
			t.Errorf("%s: share header %q, want %q", tc.lang, got, tc.want)
		}
		// The Summary's top pain points say the same base (their share
		// column read "Share", as if of every respondent).
		lb := labelsFor(tc.lang)
		row := rowOf(t, f, lb.SheetSummary, lb.Quote)
		if got, _ := plainCell(f, lb.SheetSummary, "D"+strconv.Itoa(row)); got != tc.want {
			t.Errorf("%s: Summary's share header %q, want %q", tc.lang, got, tc.want)
		}
	}
}

// TestCodedPainPointsLeaveUnmeasuredBlank: a researcher's code counted as
// a pain point has a reach and a share but no measured severity, priority
// or sources; its cells are blank, not 0.00, which a client reads as "not
// severe".
func TestCodedPainPointsLeaveUnmeasuredBlank(t *testing.T) {
	d := fixture("en")
	d.PainPoints = append(d.PainPoints, PainPoint{Rank: len(d.PainPoints) + 1, Label: "late delivery (researcher-coded)",
		Documents: 9, Share: 0.014, Examples: []string{"It came a week late."}, Coded: true})
	f := mustOpen(t, mustWrite(t, d))
	sh, r := labelsFor("en").SheetPainPoints, len(d.PainPoints)+1
	for col, want := range map[string]string{"B": "late delivery (researcher-coded)", "C": "9", "F": "", "G": "", "H": "", "M": ""} {
		if got, err := plainCell(f, sh, col+strconv.Itoa(r)); err != nil || got != want {
			t.Errorf("%s%d = %q (err %v), want %q", col, r, got, err, want)
		}
	}
	if got, _ := plainCell(f, sh, "F2"); got == "" {
		t.Error("the found pain points lost their severity")
	}
}

// TestNoMetricsSaysWhatIsMissing: responses without a rating question (a
// CSV of feedback) are data; the Summary says the question is missing,
// not that there is no data yet, which it says of a study with none.
func TestNoMetricsSaysWhatIsMissing(t *testing.T) {
	for _, tc := range []struct {
		lang      string
		responses int
		want      string
	}{
		{"en", 277, "No NPS, satisfaction or effort question in this data."},
		{"fa", 277, "در این داده‌ها پرسش NPS، رضایت یا میزان تلاش نیست."},
		{"en", 0, "No data yet."},
	} {
		d := fixture(tc.lang)
		d.Metrics = Metrics{}
		d.Study.Responses = tc.responses
		f := mustOpen(t, mustWrite(t, d))
		lb := labelsFor(tc.lang)
		rows, err := plainRows(f, lb.SheetSummary)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for r, row := range rows {
			if len(row) > 0 && row[0] == lb.HeadlineMetrics && r+1 < len(rows) && len(rows[r+1]) > 0 {
				found = rows[r+1][0] == tc.want
				if !found {
					t.Errorf("%s, %d responses: under %q: %q, want %q", tc.lang, tc.responses, lb.HeadlineMetrics, rows[r+1][0], tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%s, %d responses: no %q under the headline metrics", tc.lang, tc.responses, tc.want)
		}
	}
}

// TestSummaryTraitLiftDecimal: a Persian workbook writes a trait's lift
// with the Persian decimal separator (×۲٫۱), as its number formats show
// numbers, not a full stop between Persian digits (×۲.۱).
func TestSummaryTraitLiftDecimal(t *testing.T) {
	for lang, want := range map[string]string{"en": "(×2.1)", "fa": "(×۲٫۱)"} {
		f := mustOpen(t, mustWrite(t, fixture(lang)))
		found := false
		for _, sh := range f.GetSheetList() {
			rows, _ := plainRows(f, sh)
			for _, row := range rows {
				for _, cell := range row {
					found = found || strings.Contains(cell, want)
				}
			}
		}
		if !found {
			t.Errorf("%s workbook: no trait reads %q", lang, want)
		}
	}
}

// TestOneAnswerHasNoInterval: a headline metric of one answer shows its
// value and n, not an interval whose ends equal the value ("CES 2.0,
// 2.0–2.0, n = 1"), which a client reads as certainty.
func TestOneAnswerHasNoInterval(t *testing.T) {
	d := fixture("en")
	d.Metrics = Metrics{Effort: &Metric{Value: 2, Low: 2, High: 2, N: 1}}
	f := mustOpen(t, mustWrite(t, d))
	sh := labelsFor("en").SheetSummary
	row := rowOf(t, f, sh, labelsFor("en").Effort)
	for col, want := range map[string]string{"B": "2.0", "C": "", "D": "", "E": "1"} {
		if got, _ := plainCell(f, sh, col+strconv.Itoa(row)); got != want {
			t.Errorf("%s%d = %q, want %q", col, row, got, want)
		}
	}
}

// TestSummarySaysSatisfactionGap: a top pain point on the Summary says, under
// its label, how much less (or more) satisfied the people voicing it are than
// the others, as the Pain points sheet's column does; a pain point whose gap
// is blank there (no ratings, or an interval that holds 0) says nothing.
func TestSummarySaysSatisfactionGap(t *testing.T) {
	for _, tc := range []struct {
		lang, first, second string
	}{
		{"en", "1. slow delivery\nSatisfaction 14 points below the others",
			"2. app crashes at checkout\nSatisfaction 6 points above the others"},
		{"fa", "۱. ارسال کند\nرضایت ۱۴ امتیاز کمتر از دیگران",
			"۲. خطای برنامه هنگام پرداخت\nرضایت ۶ امتیاز بیشتر از دیگران"},
	} {
		d := fixture(tc.lang)
		sh := labelsFor(tc.lang).SheetSummary
		f := mustOpen(t, mustWrite(t, d))
		rowOf(t, f, sh, tc.first)
		rowOf(t, f, sh, tc.second)

		d.PainPoints[1].SatisfactionGap = nil
		f = mustOpen(t, mustWrite(t, d))
		rowOf(t, f, sh, strings.SplitN(tc.second, "\n", 2)[0])
	}
}

// plainRows is f.GetRows(sheet) as a reader sees the cells: without the
// invisible marks around right-to-left lines (officetest.Plain).
func plainRows(f *excelize.File, sheet string) ([][]string, error) {
	rows, err := f.GetRows(sheet)
	for _, r := range rows {
		for i := range r {
			r[i] = officetest.Plain(r[i])
		}
	}
	return rows, err
}

// plainCell is f.GetCellValue(sheet, ref) as a reader sees it.
func plainCell(f *excelize.File, sheet, ref string) (string, error) {
	v, err := f.GetCellValue(sheet, ref)
	return officetest.Plain(v), err
}

// TestCountsInTextGrouped: a count written into a sentence or header reads
// as the count cells beside it do, grouped by thousands ("Share of the
// 22641 who wrote" stood over cells reading 4,561), in Persian with Persian
// digits and separator.
func TestCountsInTextGrouped(t *testing.T) {
	for _, tc := range []struct{ lang, share, note string }{
		{"en", "Share of the 22,641 who wrote", "these 23,486 respondents"},
		{"fa", "سهم از ۲۲٬۶۴۱ نفر نویسنده", "این ۲۳٬۴۸۶ پاسخ‌دهنده"},
	} {
		d := fixture(tc.lang)
		d.PainPointPeople = 22641
		d.Touchpoints.Views[0].Respondents = 23486
		f := mustOpen(t, mustWrite(t, d))
		if got, _ := plainCell(f, f.GetSheetList()[2], "E1"); got != tc.share {
			t.Errorf("%s: share header %q, want %q", tc.lang, got, tc.share)
		}
		if note, _ := plainCell(f, f.GetSheetList()[3], "A2"); !strings.Contains(note, tc.note) {
			t.Errorf("%s: touchpoint note %q, want it to say %q", tc.lang, note, tc.note)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4561: "-4,561"} {
		if got := Count("en", n); got != want {
			t.Errorf("Count(en, %d) = %q, want %q", n, got, want)
		}
	}
}

// TestSummaryLeavesOutAnUnknownPeriod: data without dates (a CSV of
// reviews) has no "Data collected" row, where the label stood over nothing;
// data with dates keeps it.
func TestSummaryLeavesOutAnUnknownPeriod(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		lb := labelsFor(lang)
		d := fixture(lang)
		f := mustOpen(t, mustWrite(t, d))
		rowOf(t, f, lb.SheetSummary, lb.Period)
		d.Study.From, d.Study.To = time.Time{}, time.Time{}
		f = mustOpen(t, mustWrite(t, d))
		rows, _ := plainRows(f, lb.SheetSummary)
		for _, r := range rows {
			if len(r) > 0 && (r[0] == lb.Period || r[0] == lb.PeriodJalali) {
				t.Errorf("%s: %q row without dates: %q", lang, r[0], r)
			}
		}
	}
}

// TestSummaryLeavesOutWhatWasNotDone: a Summary of data without
// interviews or transcripts (a CSV of reviews) says nothing of them; it
// read "Interviews 0" and "Transcripts 0".
func TestSummaryLeavesOutWhatWasNotDone(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		lb := labelsFor(lang)
		d := fixture(lang)
		f := mustOpen(t, mustWrite(t, d))
		rowOf(t, f, lb.SheetSummary, lb.Interviews)
		d.Study.Interviews, d.Study.Transcripts = 0, 0
		f = mustOpen(t, mustWrite(t, d))
		rows, _ := plainRows(f, lb.SheetSummary)
		for _, r := range rows {
			if len(r) > 0 && (r[0] == lb.Interviews || r[0] == lb.Transcripts) {
				t.Errorf("%s: %q row with none: %q", lang, r[0], r)
			}
		}
		rowOf(t, f, lb.SheetSummary, lb.Responses)
	}
}

// TestJourneyLanesListTenPainPoints: a journey map's pain-point lanes list
// the ten most voiced and count the rest (every one is on the Pain points
// sheet), so the row shows all it holds: a CSV of reviews put 68 under
// "Pain points at no one stage" and the row, at its greatest height, showed
// 27.
func TestJourneyLanesListTenPainPoints(t *testing.T) {
	for _, tc := range []struct{ lang, more string }{
		{"en", "• 58 more on the Pain points sheet"},
		{"fa", "• ۵۸ نقطه درد دیگر در برگه نقاط درد"},
	} {
		lb := labelsFor(tc.lang)
		d := fixture(tc.lang)
		d.Journeys[0].Unplaced = nil
		for i := range 68 {
			d.Journeys[0].Unplaced = append(d.Journeys[0].Unplaced, fmt.Sprintf("pain point %d (%d)", i+1, 100-i))
		}
		d.Journeys[0].Stages[1].PainPoints = d.Journeys[0].Unplaced
		f := mustOpen(t, mustWrite(t, d))
		for _, lane := range []string{lb.Unplaced, lb.PainPoints} {
			row := rowOf(t, f, lb.SheetJourney, lane)
			rows, _ := plainRows(f, lb.SheetJourney)
			var text string
			for _, c := range rows[row-1][1:] {
				if strings.Contains(c, "pain point 1 (100)") {
					text = c
				}
			}
			lines := strings.Split(text, "\n")
			if len(lines) != 11 || lines[9] != "• pain point 10 (91)" || lines[10] != tc.more {
				t.Errorf("%s, %s: lane lists %d lines, ending %q", tc.lang, lane, len(lines), lines[len(lines)-1])
			}
			if h, _ := f.GetRowHeight(lb.SheetJourney, row); h >= maxRowHeight {
				t.Errorf("%s, %s: row %.0f points high, the most a row can be: its text is cut", tc.lang, lane, h)
			}
		}
	}
}

// TestNoStagesNoBlankMaps: data with nothing tied to a journey stage (a CSV
// of reviews) get a line saying so on the Journey map sheet and under the
// emotion curve's title, not a blank map and an empty chart per persona.
func TestNoStagesNoBlankMaps(t *testing.T) {
	for _, lang := range []string{"en", "fa"} {
		lb := labelsFor(lang)
		d := fixture(lang)
		for i := range d.Journeys {
			for k, s := range d.Journeys[i].Stages {
				d.Journeys[i].Stages[k] = JourneyStage{Stage: s.Stage}
			}
		}
		raw := mustWrite(t, d)
		f := mustOpen(t, raw)
		if got, _ := plainCell(f, lb.SheetJourney, "A1"); got != lb.NoStages {
			t.Errorf("%s: Journey map A1 %q, want %q", lang, got, lb.NoStages)
		}
		rowOf(t, f, lb.SheetCharts, lb.NoEmotion)
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for _, zf := range zr.File {
			if strings.HasPrefix(zf.Name, "xl/charts/chart") {
				charts++
			}
		}
		if charts != 2 { // pain-point priority and persona shares
			t.Errorf("%s: %d charts, want 2", lang, charts)
		}
	}
}

// TestChartNumbersInTheWorkbooksDigits: the numbers a chart prints (value
// axes, the doughnut's percentages) are in Persian digits in a Persian
// workbook, as its cells are ("0.0 0.1 0.2" and "38%" had printed in Latin
// digits under Persian titles), and as they were in an English one.
func TestChartNumbersInTheWorkbooksDigits(t *testing.T) {
	formats := regexp.MustCompile(`formatCode="([^"]*)"`)
	for _, lang := range []string{"en", "fa"} {
		raw := mustWrite(t, fixture(lang))
		zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
		if err != nil {
			t.Fatal(err)
		}
		charts := 0
		for _, zf := range zr.File {
			if !strings.HasPrefix(zf.Name, "xl/charts/chart") {
				continue
			}
			charts++
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(rc)
			rc.Close()
			numbers := 0
			for _, m := range formats.FindAllStringSubmatch(string(body), -1) {
				if m[1] == "General" { // the category axis: stage and pain-point names
					continue
				}
				numbers++
				if persian := strings.HasPrefix(m[1], "[$-3000429]"); persian != (lang == "fa") {
					t.Errorf("%s %s: number format %q", lang, zf.Name, m[1])
				}
			}
			if numbers == 0 {
				t.Errorf("%s %s: no number format", lang, zf.Name)
			}
		}
		if charts == 0 {
			t.Errorf("%s: no charts", lang)
		}
	}
}
