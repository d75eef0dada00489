package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey/surveytest"
)

// runSafar runs `safar ARGS...` in-process and returns its exit code and
// output; SAFAR_DB points at db.
func runSafar(t *testing.T, db string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string {
		if k == "SAFAR_DB" {
			return db
		}
		return ""
	}}
	code = run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDemoIsIdempotent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	code, out, errs := runSafar(t, db, "demo")
	if code != 0 || !strings.Contains(out, "720 responses") {
		t.Fatalf("first demo: %d %q %q", code, out, errs)
	}
	code, out, _ = runSafar(t, db, "demo")
	if code != 0 || !strings.Contains(out, "already seeded") {
		t.Fatalf("second demo: %d %q", code, out)
	}
	_, out, _ = runSafar(t, db, "export", "responses", "--survey", "demo-fa")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 361 {
		t.Fatalf("export after two demo runs: %d rows (want header + 360), err %v", len(rows), err)
	}
}

func TestImportSurveyReportsEveryProblem(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	bad := writeFile(t, "bad.json", `{"slug":"x","title":"","language":"en","pages":[{"questions":[{"id":"a","type":"single","text":"A","options":[]}]}]}`)
	code, _, errs := runSafar(t, db, "import", "survey", bad)
	if code == 0 || !strings.Contains(errs, "title: empty") || !strings.Contains(errs, "pages[0].questions[0].options: empty") {
		t.Fatalf("bad definition: code %d, stderr %q", code, errs)
	}
	good := writeFile(t, "all.json", string(surveytest.AllTypesJSON))
	if code, out, errs := runSafar(t, db, "import", "survey", "--publish", good); code != 0 || !strings.Contains(out, "12 questions on 2 pages") {
		t.Fatalf("good definition: %d %q %q", code, out, errs)
	}
	if code, _, errs := runSafar(t, db, "import", "survey", good); code == 0 || !strings.Contains(errs, "already exists") {
		t.Fatalf("second import: %d %q", code, errs)
	}
}

// TestImportResponsesReportsLinesAndLoadsTheRest: a bad row names its
// line, its column and what the column may hold (the options), and the
// rest load.
func TestImportResponsesReportsLinesAndLoadsTheRest(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	runSafar(t, db, "import", "survey", "--publish", writeFile(t, "all.json", string(surveytest.AllTypesJSON)))
	csvText := "response_id,Your age group,channels,channels.other,rating,nps,site.find,problem,touchpoint\n" +
		"r1,25-34,Instagram; other,A billboard,2,6,4,Late again,instagram\n" +
		"r2,99,friend,,5,10,,,\n" + // not an option
		"r3,18-24,friend,,five,10,,,\n" + // not a number
		"r4,50+,search,,4,۹,5,\"=HYPERLINK(\"\"http://x\"\")\",sms\n"
	file := writeFile(t, "responses.csv", csvText)

	code, _, errs := runSafar(t, db, "import", "responses", "--survey", "all-types", "--strict", file)
	if code == 0 || !strings.Contains(errs, "nothing loaded") {
		t.Fatalf("strict: %d %q", code, errs)
	}
	code, out, errs := runSafar(t, db, "import", "responses", "--survey", "all-types", file)
	if code == 0 || !strings.Contains(out, "loaded 2 responses") ||
		!strings.Contains(errs, `line 3: age: "99" is not one of the options (18-24, 25-34, 35-49, 50+)`) ||
		!strings.Contains(errs, `line 4: rating: "five" is not a number`) {
		t.Fatalf("import: code %d\nstdout %q\nstderr %q", code, out, errs)
	}
	if code, _, errs := runSafar(t, db, "import", "responses", "--survey", "all-types", file); code == 0 || !strings.Contains(errs, "imported before") {
		t.Fatalf("second import: %d %q", code, errs)
	}

	_, out, _ = runSafar(t, db, "export", "responses", "--survey", "all-types")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) != 3 {
		t.Fatalf("export: %v rows %d\n%s", err, len(rows), out)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	first, second := rows[1], rows[2]
	if first[col["channels"]] != "instagram; other" || first[col["channels.other"]] != "A billboard" || first[col["touchpoint"]] != "instagram" {
		t.Fatalf("first row: %v", first)
	}
	if second[col["nps"]] != "9" || second[col["problem"]] != `'=HYPERLINK("http://x")` {
		t.Fatalf("second row: nps %q problem %q", second[col["nps"]], second[col["problem"]])
	}
	if _, _, errs := runSafar(t, db, "export", "responses", "--survey", "all-types", "--format", "json"); errs != "" {
		t.Fatalf("json export: %s", errs)
	}
}

// TestServeEndToEnd starts the real server on a free port with the demo and
// answers the English demo survey through the JSON API and the form.
func TestServeEndToEnd(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	var out bytes.Buffer
	env := &cliEnv{stdout: &out, stderr: io.Discard, getenv: func(string) string { return "" }}
	done := make(chan error, 1)
	go func() {
		done <- serve(ctx, env, serveConfig{addr: "127.0.0.1:0", db: db, demo: true, logLevel: "info", ready: func(a string) { ready <- a }})
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	if !strings.Contains(out.String(), "/s/demo-fa") || !strings.Contains(out.String(), "/s/demo-en") {
		t.Fatalf("start-up output lacks the demo URLs:\n%s", out.String())
	}
	for path, want := range map[string]int{"/healthz": 200, "/s/demo-fa": 200, "/s/demo-en": 200, "/s/missing": 404} {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", path, resp.StatusCode, want)
		}
		if path == "/s/demo-fa" && !bytes.Contains(b, []byte(`dir="rtl"`)) {
			t.Errorf("Persian demo is not right-to-left")
		}
	}
	body := `{"client_id":"0b6a3c1e-2f4d-4e5a-8b7c-9d0e1f2a3b4c","touchpoint":"instagram","answers":{"age_group":"25-34",
		"heard_from":["instagram"],"main_channel":"app","motive":"speed","frequency":"monthly","sat_find":4,"sat_checkout":4,
		"sat_delivery":1,"nps":3,"problem":"The delivery was late again"}}`
	resp, err := http.Post("http://"+addr+"/api/v1/surveys/demo-en/responses", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("API submit: %d", resp.StatusCode)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	_, out2, _ := runSafar(t, db, "export", "responses", "--survey", "demo-en")
	if n := strings.Count(out2, "\n"); n != 362 {
		t.Fatalf("demo-en rows after one submit: %d lines, want 362", n)
	}
}

// demoProjectJSON seeds the demo into the SQLite file db (what `serve
// --demo` shows) and returns `safar analyze --project demo --format json`.
func demoProjectJSON(t *testing.T, db string) string {
	t.Helper()
	if code, _, errs := runSafar(t, db, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	code, out, errs := runSafar(t, db, "analyze", "--project", "demo", "--format", "json")
	if code != 0 {
		t.Fatalf("analyze: %d %s", code, errs)
	}
	return out
}
