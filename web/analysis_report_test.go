package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
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
	for _, tc := range []struct{ lang, summary, heading string }{
		{"en", "Summary", "Headline metrics"},
		{"fa", "خلاصه", "شاخص‌های اصلی"},
	} {
		f, _ := prepareReport(t, res, base, tc.lang)
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
			found = found || (len(r) > 0 && r[0] == tc.heading)
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
