package studyreport

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/internal/officetest"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// sources streams the responses held in in, as the CLI does.
func sources(in study.Input) []ResponseSource {
	var srcs []ResponseSource
	for _, sd := range in.Surveys {
		srcs = append(srcs, ResponseSource{Definition: sd.Definition, Each: func(fn func(*survey.Response) error) error {
			for _, r := range sd.Responses {
				if err := fn(r); err != nil {
					return err
				}
			}
			return nil
		}})
	}
	return srcs
}

// floatArtefact is a number printed with binary floating-point noise
// ("4.90000000000001", "0.7999999"), in Latin or Persian digits.
var floatArtefact = regexp.MustCompile(`[0-9۰-۹][.٫][0-9۰-۹]*(?:[0۰]{5,}|[9۹]{5,})[0-9۰-۹]`)

// latinPercent and persianPercent are a number and the percent sign after
// it: "%", or the Persian "٪".
var (
	latinPercent   = regexp.MustCompile(`[0-9۰-۹]%|%[0-9۰-۹]`)
	persianPercent = regexp.MustCompile(`[۰-۹]٪`)
)

// stopFirst is a right-to-left run of a PDF's text (as pdftotext marks it)
// that starts with a full stop and goes on with a letter: a Persian
// sentence laid out left to right, its full stop printed first.
var stopFirst = regexp.MustCompile("\u202b\u202a?\\.\u202c?\\pL")

// pdfForm is s as pdftotext extracts it: the lam-alef ligature comes out
// as its two letters in visual order (خلاصه reads خالصه).
func pdfForm(s string) string { return strings.ReplaceAll(s, "لا", "ال") }

// TestDemoWorkbookRenders prints the demo project's workbook, in English
// and in Persian, through LibreOffice to PDF and reads it as a client
// would: every sheet printed (each page's header names its sheet), no cell
// too narrow for its number or date (LibreOffice prints ###), no float
// noise, no broken characters (an English persona name once began with half
// a Persian letter), the labels in the language asked for and none in the other. With
// SAFAR_ARTIFACTS set, the first pages are kept as PNG images under
// workbook/ for a person to look at.
func TestDemoWorkbookRenders(t *testing.T) {
	bin := officetest.Soffice(t)
	for _, tc := range []struct {
		lang         string
		sheets, want []string
		notWant      []string
	}{
		{"en",
			[]string{"Summary", "Personas", "Pain points", "Touchpoints", "Journey map", "Charts", "Responses", "Coded passages", "Codebook"},
			[]string{"Headline metrics", "Net Promoter Score (NPS)", "Personas at a glance", "Used by (share of respondents)", "Emotion (0–100)", "2026-11-10"},
			[]string{"خلاصه", "شاخص", "نقشه سفر"}},
		{"fa",
			[]string{"خلاصه", "پرسوناها", "نقاط درد", "نقاط تماس", "نقشه سفر", "نمودارها", "پاسخ‌ها", "بخش‌های کدگذاری‌شده", "کدنامه"},
			[]string{"خالص مروجان", "۱۴۰۵", "۲۰۲۶-۱۱-۱۰"},
			[]string{"Summary", "Headline metrics", "Journey map", "Touchpoint", "2026-11-10"}},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			in := demoInput(t, demo.ResponsesPerSurvey)
			in.Language = tc.lang
			// As the CLI and the web write it: the personas' names, the
			// answers that describe them and the touchpoints as the
			// project's survey in that language words them.
			res := analyze(t, in).In(tc.lang)
			dir := t.TempDir()
			xlsx := filepath.Join(dir, "demo-"+tc.lang+".xlsx")
			f, err := os.Create(xlsx)
			if err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(f)
			if err := Write(w, res, in, sources(in), time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			officetest.Convert(t, bin, dir, xlsx, "pdf")
			pdf := strings.TrimSuffix(xlsx, ".xlsx") + ".pdf"
			text := officetest.PDFText(t, pdf)
			officetest.KeepPages(t, pdf, "workbook", "demo-"+tc.lang, 30)

			if n := strings.Count(text, "###"); n > 0 {
				t.Errorf("%d cells print as ### (column too narrow for a number or date)", n)
			}
			if n := strings.Count(text, "\uFFFD"); n > 0 {
				t.Errorf("%d broken characters (U+FFFD) printed", n)
			}
			if m := floatArtefact.FindAllString(text, 5); len(m) > 0 {
				t.Errorf("float noise printed: %q", m)
			}
			for _, s := range tc.sheets {
				if !strings.Contains(text, pdfForm(s)) {
					t.Errorf("no page headed %q: sheet missing", s)
				}
			}
			for _, s := range tc.want {
				if !strings.Contains(text, pdfForm(s)) {
					t.Errorf("PDF lacks %q", s)
				}
			}
			for _, s := range tc.notWant {
				if strings.Contains(text, pdfForm(s)) {
					t.Errorf("a %s workbook prints %q", tc.lang, s)
				}
			}
			// Persian lines read right to left, in both workbooks: a
			// sentence's full stop ends it (LibreOffice had laid the cells
			// out left to right: ".پیام‌هایم در دایرکت ..."), the
			// respondents' answers on the Responses sheet included.
			for i, page := range strings.Split(text, "\f") {
				if m := stopFirst.FindAllString(page, 3); len(m) > 0 {
					t.Errorf("page %d: Persian sentences printed with their full stop first: %q", i+1, m)
				}
			}
			if tc.lang == "fa" {
				// Shares print with the Persian percent sign: "۱۹٫۵٪", not
				// "۱۹٫۵%" (a number format's % prints "%" in any locale).
				if m := latinPercent.FindAllString(text, 3); len(m) > 0 {
					t.Errorf("percentages printed with %%: %q", m)
				}
				if !persianPercent.MatchString(text) {
					t.Error("no percentage printed with ٪")
				}
				if !strings.Contains(strings.Join(strings.Fields(officetest.Plain(text)), ""), "۱۰آذر۱۴۰۵") {
					t.Error("the Jalali date made does not read ۱۰ آذر ۱۴۰۵")
				}
			}
		})
	}
}
