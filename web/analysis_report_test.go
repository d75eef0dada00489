package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/internal/officetest"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/web"
)

// prepareReport asks for the workbook of the analysis at base in lang,
// follows its progress until it is ready and returns the downloaded file
// and the job page's URL.
func prepareReport(t *testing.T, b *browser, base, lang string) (*excelize.File, string) {
	t.Helper()
	b.get(base+"/report").want(http.StatusOK, `name="lang"`)
	b.post(base+"/report", url.Values{"lang": {lang}}).wantRedirect(base + "/report?job=")
	page := b.header.Get("Location")
	job := strings.TrimPrefix(page, base+"/report?job=")
	deadline := time.Now().Add(2 * time.Minute)
	for {
		b.do("GET", base+"/report/"+job+"/status.json", nil, "Accept", "application/json").want(http.StatusOK, `"progress"`)
		if strings.Contains(b.body, `"active":false`) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("workbook not ready after 2 minutes: %s", b.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(b.body, `"progress":1`) || !strings.Contains(b.body, `"failed":false`) {
		t.Fatalf("finished job status %s", b.body)
	}
	b.get(page).want(http.StatusOK, "/report/"+job+"/file.xlsx")
	b.get(base + "/report/" + job + "/file.xlsx").want(http.StatusOK)
	if ct := b.header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Errorf("report Content-Type %q", ct)
	}
	if cd := b.header.Get("Content-Disposition"); !strings.Contains(cd, "-"+lang+"-") {
		t.Errorf("report Content-Disposition %q names no language %s", cd, lang)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(b.body)))
	if err != nil {
		t.Fatalf("report does not open: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f, page
}

// TestReportInEitherLanguage: the web workbook is prepared in the
// background in the language chosen on the page (the user's by default),
// sheet names and headings alike; its progress page reports rows written.
func TestReportInEitherLanguage(t *testing.T) {
	w, runner := demoWorkspace(t)
	const base = "/app/surveys/demo-en/analysis"
	res := w.login("res@example.com")
	res.post(base+"/run", nil).wantRedirect(base)
	runNext(t, runner, true)

	// Before a job: the form offers both languages, the user's (English) checked.
	res.get(base+"/report").want(http.StatusOK, `value="en" checked`, `value="fa">`, "Prepare the workbook")
	for _, tc := range []struct{ lang, summary, heading, scope string }{
		{"en", "Summary", "Headline metrics", "Survey"},
		{"fa", "خلاصه", "شاخص‌های اصلی", "پرسشنامه"},
	} {
		f, _ := prepareReport(t, res, base, tc.lang)
		// A survey's workbook names the survey, not a project.
		if label, _ := f.GetCellValue(tc.summary, "A3"); officetest.Plain(label) != tc.scope {
			t.Errorf("%s workbook: A3 %q, want %q", tc.lang, label, tc.scope)
		}
		if slug, _ := f.GetCellValue(tc.summary, "B3"); slug != "demo-en" {
			t.Errorf("%s workbook: B3 %q, want the survey's slug", tc.lang, slug)
		}
		sheets := f.GetSheetList()
		if sheets[0] != tc.summary {
			t.Errorf("%s workbook: sheets %q, want %q first", tc.lang, sheets, tc.summary)
		}
		rows, err := f.GetRows(tc.summary)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rows {
			found = found || (len(r) > 0 && officetest.Plain(r[0]) == tc.heading)
		}
		if !found {
			t.Errorf("%s workbook: no %q on the summary", tc.lang, tc.heading)
		}
	}
	// A job belongs to its scope: another survey's pages do not serve it.
	res.post(base+"/report", url.Values{"lang": {"en"}}).wantRedirect(base + "/report?job=")
	job := strings.TrimPrefix(res.header.Get("Location"), base+"/report?job=")
	res.get("/app/surveys/demo-fa/analysis/report/" + job + "/file.xlsx").want(http.StatusNotFound)
	res.do("GET", base+"/report/nope/status.json", nil, "Accept", "application/json").want(http.StatusNotFound)
}

// countingStore counts the reads of each survey's responses.
type countingStore struct {
	*gormstore.Store
	mu    sync.Mutex
	reads map[int64]int
}

func (s *countingStore) EachResponse(ctx context.Context, f survey.ResponseFilter, fn func(*survey.Response) error) error {
	s.mu.Lock()
	s.reads[f.SurveyID]++
	s.mu.Unlock()
	return s.Store.EachResponse(ctx, f, fn)
}

func (s *countingStore) take() map[int64]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.reads
	s.reads = map[int64]int{}
	return r
}

// TestReportReadsResponsesOnce: a web download reads the responses once,
// whether it writes the stored analysis or analyses afresh (a correction
// saved since the run): the analysis records the Responses sheet's rows as
// it reads them, as `safar report` does. Every response is in the sheet
// with its persona, and the job's memory limit is lifted when it is done.
func TestReportReadsResponsesOnce(t *testing.T) {
	w, runner := demoWorkspace(t)
	store := &countingStore{Store: w.store, reads: map[int64]int{}}
	var err error
	if w.srv, err = web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		ReportMemoryBudget: 900 << 20}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.srv.Close)
	ctx := context.Background()
	sv, err := w.store.SurveyBySlug(ctx, "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	n, err := w.store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID})
	if err != nil {
		t.Fatal(err)
	}
	const base = "/app/surveys/demo-en/analysis"
	res := w.login("res@example.com")
	res.post(base+"/run", nil).wantRedirect(base)
	runNext(t, runner, true)
	limit := debug.SetMemoryLimit(-1)

	check := func(name string) {
		t.Helper()
		store.take()
		f, _ := prepareReport(t, res, base, "en")
		if reads := store.take(); reads[sv.ID] != 1 || len(reads) != 1 {
			t.Errorf("%s: responses read %v times by survey; want once, of survey %d", name, reads, sv.ID)
		}
		rows, err := f.GetRows("Responses")
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != n+1 {
			t.Errorf("%s: %d rows in the Responses sheet, want %d and the header", name, len(rows)-1, n)
		}
		col := slices.Index(rows[0], "Persona")
		named := 0
		for _, r := range rows[1:] {
			if col >= 0 && col < len(r) && r[col] != "" {
				named++
			}
		}
		if named == 0 {
			t.Errorf("%s: no response has a persona (column %d of %q)", name, col, rows[0])
		}
		if got := debug.SetMemoryLimit(-1); got != limit {
			t.Errorf("%s: memory limit %d after the job, want %d as before", name, got, limit)
		}
	}
	check("stored analysis")
	// A correction saved since the run: the download analyses afresh.
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: "survey:demo-en", K: 2}); err != nil {
		t.Fatal(err)
	}
	check("fresh analysis")
}
