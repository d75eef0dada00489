package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/web"
)

type cliPainPoint struct {
	Key        string
	Label      string
	Documents  int
	LabelTexts int `json:"label_texts"`
}

// analyzePainPoints runs `safar analyze --survey SLUG --format json`.
func analyzePainPoints(t *testing.T, db, slug string) []cliPainPoint {
	t.Helper()
	code, out, errs := runSafar(t, db, "analyze", "--survey", slug, "--format", "json")
	if code != 0 {
		t.Fatalf("analyze: %d %s", code, errs)
	}
	var res struct {
		PainPoints struct {
			PainPoints []cliPainPoint `json:"pain_points"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res.PainPoints.PainPoints
}

// painPointSheet is the English workbook's pain points sheet, row by row.
func painPointSheet(t *testing.T, xlsx []byte) [][]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatalf("the workbook does not open: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows("Pain points")
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestStoredCorrectionsAgree: a researcher's stored corrections (a rename,
// a hide and a merge) count alike in `safar analyze`, `safar report` and
// the web download, whether or not the stored run has caught up with them.
func TestStoredCorrectionsAgree(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "safar.db")
	if code, _, errs := runSafar(t, db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	before := analyzePainPoints(t, db, "demo-en")
	if len(before) < 4 {
		t.Fatalf("%d pain points, want 4 to correct", len(before))
	}
	renamed, hidden, from, into := before[0], before[1], before[2], before[3]
	const newLabel = "Renamed by the researcher"

	ctx := context.Background()
	store, err := gormstore.Open(ctx, db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	scope := survey.AnalysisScope{Survey: "demo-en"}.String()
	runner := &studyrun.Runner{Store: store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: -1}
	runAnalysis := func() {
		t.Helper()
		if err := store.EnqueueAnalysisRun(ctx, &survey.AnalysisRun{Scope: scope, Seed: 1, CreatedAt: time.Now().UTC()}); err != nil {
			t.Fatal(err)
		}
		if ran, err := runner.RunNext(ctx); !ran || err != nil {
			t.Fatalf("RunNext: %v %v", ran, err)
		}
	}
	runAnalysis() // a stored result from before the corrections
	if err := store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: scope,
		Rename: map[string]string{renamed.Key: newLabel}, Hide: []string{hidden.Key},
		Merge: map[string]string{from.Key: into.Key}}); err != nil {
		t.Fatal(err)
	}

	after := analyzePainPoints(t, db, "demo-en")
	byKey := map[string]cliPainPoint{}
	for _, p := range after {
		byKey[p.Key] = p
	}
	if byKey[renamed.Key].Label != newLabel {
		t.Errorf("analyze: %s labelled %q, want %q", renamed.Key, byKey[renamed.Key].Label, newLabel)
	}
	for _, k := range []string{hidden.Key, from.Key} {
		if _, ok := byKey[k]; ok {
			t.Errorf("analyze: %s still listed (hidden or merged away)", k)
		}
	}
	if got := byKey[into.Key].Documents; got < max(into.Documents, from.Documents) {
		t.Errorf("analyze: merged %s has %d people, fewer than its parts (%d, %d)", into.Key, got, into.Documents, from.Documents)
	}

	xlsx := filepath.Join(dir, "cli.xlsx")
	if code, _, errs := runSafar(t, db, "report", "--survey", "demo-en", "-o", xlsx); code != 0 {
		t.Fatalf("report: %s", errs)
	}
	b, err := os.ReadFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	cli := painPointSheet(t, b)
	// The analysis' pain points come first; the researcher-coded ones
	// follow (the demo codes some passages).
	if len(cli) < len(after)+1 {
		t.Fatalf("report: %d pain point rows, analyze %d", len(cli)-1, len(after))
	}
	said := 0
	for i, p := range after {
		if cli[i+1][1] != p.Label {
			t.Errorf("report row %d: %q, analyze %q", i+1, cli[i+1][1], p.Label)
		}
		// "Say the label": the engine's count, blank for the renamed one.
		want := ""
		if p.LabelTexts > 0 {
			want = strconv.Itoa(p.LabelTexts)
			said++
		}
		if p.Key == renamed.Key && p.LabelTexts != 0 {
			t.Errorf("analyze: renamed %s still counts %d texts saying the researcher's label", p.Key, p.LabelTexts)
		}
		if cli[i+1][3] != want {
			t.Errorf("report row %d (%s): says the label %q, analyze %q", i+1, p.Label, cli[i+1][3], want)
		}
	}
	if said == 0 {
		t.Error("report: no pain point counts the texts that say its label")
	}

	hash, err := web.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateUser(ctx, &survey.User{Email: "v@example.com", Role: survey.RoleViewer, Lang: "en", PasswordHash: hash}); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	viewer := loginResearcher(t, ts.URL, "v@example.com", "correct horse battery")
	download := func(when string) {
		t.Helper()
		// The workbook is prepared in the background: ask, wait, download.
		base := ts.URL + "/app/surveys/demo-en/analysis/report"
		resp, _ := viewer.post(t, base, url.Values{"lang": {"en"}})
		job := strings.TrimPrefix(resp.Header.Get("Location"), "/app/surveys/demo-en/analysis/report?job=")
		if resp.StatusCode != http.StatusSeeOther || job == "" {
			t.Fatalf("prepare %s: %d, Location %q", when, resp.StatusCode, resp.Header.Get("Location"))
		}
		for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
			if _, st := viewer.get(t, base+"/"+job+"/status.json"); strings.Contains(st, `"active":false`) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("prepare %s: not ready after a minute", when)
			}
		}
		resp, body := viewer.get(t, base+"/"+job+"/file.xlsx")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("download %s: %d", when, resp.StatusCode)
		}
		if got := painPointSheet(t, []byte(body)); !slices.EqualFunc(got, cli, slices.Equal) {
			t.Errorf("download %s: pain points differ from `safar report`:\n web %q\n cli %q", when, got, cli)
		}
	}
	download("before the re-run")
	runAnalysis()
	download("after the re-run")
}
