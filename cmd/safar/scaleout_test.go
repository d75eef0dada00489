package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
	"github.com/safarhq/safar/survey/gormstore/storetest"
)

// TestScaleOutTwoServersOnePostgres runs two `safar serve` processes (the
// real binary, on two ports) against one fresh PostgreSQL schema, as two
// instances behind a load balancer would run, and checks that nothing a
// researcher or respondent relies on lives only in one process's memory:
//
//   - responses posted to either server are stored once; the same client_id
//     posted to both at the same moment is stored once and both servers
//     answer with that one response; everything reads the same from either
//     server and from `safar export responses`;
//   - a session started on A (cookie + CSRF token) works on B for
//     state-changing requests, B still refuses a wrong CSRF token, a survey
//     closed through B stops taking responses on A within the respondent
//     cache's TTL, and a logout on B ends the session on A;
//   - analyses queued on A and on B, and a backlog inserted behind both
//     servers' backs, are each run exactly once (one "analysis started" log
//     line across both processes, status done) although both processes'
//     runners poll the same table.
//
// Needs SAFAR_TEST_POSTGRES; skipped with -short.
func TestScaleOutTwoServersOnePostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and starts two server processes; skipped with -short")
	}
	dsn := os.Getenv(storetest.PostgresEnv)
	if dsn == "" {
		t.Skipf("skipping scale-out test: set %s (e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable) to run two servers against one PostgreSQL", storetest.PostgresEnv)
	}
	start := time.Now()
	bin := buildSafar(t)
	schemaDSN, drop := pgtest.TempSchema(t, dsn)
	t.Cleanup(drop) // registered first, so it runs after the servers stop

	runSafarBin(t, bin, nil, "demo", "--db", schemaDSN, "--responses", "80")
	const email, password = "admin@example.com", "scale-out-test-pw-1"
	runSafarBin(t, bin, []string{"SAFAR_PASSWORD=" + password}, "user", "add", email, "--role", "admin", "--db", schemaDSN)

	// The schema is migrated by now (demo), so the two may start together;
	// docs/deployment.md says why a fresh database wants one first.
	a := startServe(t, bin, "A", schemaDSN)
	b := startServe(t, bin, "B", schemaDSN)
	if a.base == b.base {
		t.Fatalf("both servers at %s", a.base)
	}
	a.waitHealthy(t)
	b.waitHealthy(t)
	t.Logf("A at %s, B at %s (%.1fs after start, build included)", a.base, b.base, time.Since(start).Seconds())

	store, err := gormstore.Open(context.Background(), schemaDSN, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()

	r := loginResearcher(t, a.base, email, password) // a session made on A

	t.Run("responses to both, read from either", func(t *testing.T) {
		testSubmitToBoth(t, bin, schemaDSN, a, b, r)
	})
	t.Run("session and CSRF from A work on B", func(t *testing.T) {
		testSharedSession(t, a, b, r)
	})
	t.Run("each analysis runs once", func(t *testing.T) {
		testAnalysisRunsOnce(t, store, a, b, r)
	})

	// Last: a logout on B ends the session on A too.
	if resp, _ := r.post(t, b.base+"/app/logout", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("logout on B: %d, want 303", resp.StatusCode)
	}
	if resp, _ := r.get(t, a.base+"/app/projects"); resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
		t.Errorf("A after logout on B: %d %s, want 303 to /login", resp.StatusCode, resp.Header.Get("Location"))
	}

	a.stop(t)
	b.stop(t)
	t.Logf("total %.1fs", time.Since(start).Seconds())
}

// postResponse posts one complete response to the JSON API.
func postResponse(t *testing.T, c *http.Client, base, slug, body string) submitResult {
	t.Helper()
	resp, err := c.Post(base+"/api/v1/surveys/"+slug+"/responses", "application/json", strings.NewReader(body))
	if err != nil {
		t.Errorf("POST to %s: %v", base, err)
		return submitResult{}
	}
	defer resp.Body.Close()
	out := submitResult{status: resp.StatusCode}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err := json.Unmarshal(b, &out.body); err == nil {
		out.id, _ = out.body["id"].(string)
	}
	return out
}

func testSubmitToBoth(t *testing.T, bin, dsn string, a, b *serveProc, r *researcher) {
	const slug = "demo-en"
	def, err := fetchDefinition(context.Background(), a.base, slug)
	if err != nil {
		t.Fatal(err)
	}
	bodies, _, err := submitBodies(def, 8)
	if err != nil {
		t.Fatal(err)
	}
	c := noRedirectClient()
	want := map[string]string{} // client id -> response id
	// Ten new respondents on each server.
	for i := range 20 {
		srv := []*serveProc{a, b}[i%2]
		cid := uuid.NewString()
		got := postResponse(t, c, srv.base, slug, fmt.Sprintf(bodies[i%len(bodies)], cid))
		if got.status != http.StatusCreated || got.id == "" {
			t.Fatalf("new response to %s: %v, want 201 with an id", srv.name, got)
		}
		want[cid] = got.id
	}
	// The same client id to both servers at the same moment (a phone
	// retrying through the load balancer): one response, one 201, and
	// both servers answer with it.
	for i := range 6 {
		cid := uuid.NewString()
		body := fmt.Sprintf(bodies[i%len(bodies)], cid)
		var (
			wg       sync.WaitGroup
			fromA    submitResult
			fromB    submitResult
			startGun = make(chan struct{})
		)
		wg.Go(func() { <-startGun; fromA = postResponse(t, c, a.base, slug, body) })
		wg.Go(func() { <-startGun; fromB = postResponse(t, c, b.base, slug, body) })
		close(startGun)
		wg.Wait()
		if fromA.status/100 != 2 || fromB.status/100 != 2 {
			t.Fatalf("client id %s to both: A %v, B %v; want both 2xx", cid, fromA, fromB)
		}
		if created := (fromA.status == http.StatusCreated) != (fromB.status == http.StatusCreated); !created {
			t.Errorf("client id %s to both: A %v, B %v; want exactly one 201 and one 200", cid, fromA, fromB)
		}
		if fromA.id != fromB.id || fromA.id == "" {
			t.Errorf("client id %s to both: response ids %q (A) and %q (B), want one", cid, fromA.id, fromB.id)
		}
		if !reflect.DeepEqual(fromA.body["answers"], fromB.body["answers"]) {
			t.Errorf("client id %s to both: answers differ:\nA %v\nB %v", cid, fromA.body["answers"], fromB.body["answers"])
		}
		want[cid] = fromA.id
	}

	// Read everything back from the database (the CLI export): each client
	// id exactly once, under the id the servers gave.
	export := runSafarBin(t, bin, nil, "export", "responses", "--survey", slug, "--format", "json", "--db", dsn)
	seen := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(export))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var row struct {
			ResponseID string `json:"response_id"`
			ClientID   string `json:"client_id"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("export line %q: %v", sc.Text(), err)
		}
		if id, ok := want[row.ClientID]; ok {
			seen[row.ClientID]++
			if row.ResponseID != id {
				t.Errorf("client id %s exported as response %s, servers said %s", row.ClientID, row.ResponseID, id)
			}
		}
	}
	for cid := range want {
		if seen[cid] != 1 {
			t.Errorf("client id %s stored %d times, want 1", cid, seen[cid])
		}
	}

	// And from either server: the researcher's CSV export is the same bytes
	// on A and B, and a response posted to A opens on B and vice versa.
	respA, csvA := r.get(t, a.base+"/app/surveys/"+slug+"/export.csv")
	respB, csvB := r.get(t, b.base+"/app/surveys/"+slug+"/export.csv")
	if respA.StatusCode != http.StatusOK || respB.StatusCode != http.StatusOK {
		t.Fatalf("export.csv: A %d, B %d", respA.StatusCode, respB.StatusCode)
	}
	if csvA != csvB {
		t.Errorf("export.csv differs between A (%d bytes) and B (%d bytes)", len(csvA), len(csvB))
	}
	if lines := strings.Count(strings.TrimSpace(csvA), "\n"); lines < len(want) {
		t.Errorf("export.csv has %d rows, want at least %d", lines, len(want))
	}
	for cid, id := range want {
		for _, srv := range []*serveProc{a, b} {
			resp, body := r.get(t, srv.base+"/app/surveys/"+slug+"/responses/"+id+"/export.json")
			if resp.StatusCode != http.StatusOK || !strings.Contains(body, cid) {
				t.Errorf("response %s (client %s) on %s: %d", id, cid, srv.name, resp.StatusCode)
			}
		}
	}
}

var projectLocation = regexp.MustCompile(`^/app/projects/(\d+)$`)

func testSharedSession(t *testing.T, a, b *serveProc, r *researcher) {
	// Create a project on B with the cookie and CSRF token A issued.
	name := "scaleout-" + strconv.FormatInt(time.Now().UnixNano()%1e9, 10)
	form := url.Values{"name": {name}, "title": {"Made on B with A's session"}, "touchpoints": {"website\ninstagram"}}
	resp, body := r.post(t, b.base+"/app/projects", form)
	m := projectLocation.FindStringSubmatch(resp.Header.Get("Location"))
	if resp.StatusCode != http.StatusSeeOther || m == nil {
		t.Fatalf("create project on B with A's session: %d %q\n%.500s", resp.StatusCode, resp.Header.Get("Location"), body)
	}
	// A shows it.
	if resp, body := r.get(t, a.base+"/app/projects/"+m[1]); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Made on B with A&#39;s session") {
		t.Errorf("project %s made on B, read on A: %d", m[1], resp.StatusCode)
	}
	// B checks the token rather than trusting any session: a wrong or
	// missing token is refused and creates nothing.
	for _, tok := range []string{"", "wrong-" + r.csrf[:8]} {
		resp, _ := r.do(t, http.MethodPost, b.base+"/app/projects", url.Values{"name": {name + "-x"}}, tok)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("create project on B with CSRF token %q: %d, want 403", tok, resp.StatusCode)
		}
	}
	if resp, body := r.get(t, a.base+"/app/projects"); resp.StatusCode != http.StatusOK || !strings.Contains(body, name) {
		t.Errorf("projects on A: %d, want 200 listing %s", resp.StatusCode, name)
	} else if strings.Contains(body, name+"-x") {
		t.Error("a request with a bad CSRF token created a project")
	}

	// Close a survey through B; A stops taking responses within its survey
	// cache's TTL (1s by default), then publish it again through A.
	const slug = "demo-en"
	def, err := fetchDefinition(context.Background(), a.base, slug)
	if err != nil {
		t.Fatal(err)
	}
	bodies, _, err := submitBodies(def, 1)
	if err != nil {
		t.Fatal(err)
	}
	setStatus := func(srv *serveProc, status string) {
		t.Helper()
		resp, _ := r.post(t, srv.base+"/app/surveys/"+slug+"/status", url.Values{"status": {status}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("set %s %s on %s: %d, want 303", slug, status, srv.name, resp.StatusCode)
		}
	}
	// waitStatus posts new respondents to srv until the API answers want,
	// for at most 5s, and returns how long that took.
	c := noRedirectClient()
	waitStatus := func(srv *serveProc, want int) time.Duration {
		t.Helper()
		t0 := time.Now()
		for time.Since(t0) < 5*time.Second {
			if got := postResponse(t, c, srv.base, slug, fmt.Sprintf(bodies[0], uuid.NewString())); got.status == want {
				return time.Since(t0)
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("%s: API never answered %d within 5s of the status change on the other server", srv.name, want)
		return 0
	}
	setStatus(b, "closed")
	t.Logf("closed on B: A refused new responses after %v", waitStatus(a, http.StatusGone).Round(10*time.Millisecond))
	setStatus(a, "published")
	t.Logf("published on A: B took responses again after %v", waitStatus(b, http.StatusCreated).Round(10*time.Millisecond))
}

var analysisStarted = regexp.MustCompile(`msg="analysis started" run=(\d+)`)

// startedRuns counts "analysis started" log lines per run id in logs.
func startedRuns(logs string) map[int64]int {
	n := map[int64]int{}
	for _, m := range analysisStarted.FindAllStringSubmatch(logs, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		n[id]++
	}
	return n
}

func testAnalysisRunsOnce(t *testing.T, store *gormstore.Store, a, b *serveProc, r *researcher) {
	var projectID int64
	if err := store.DB().Raw("SELECT id FROM projects WHERE name = ?", "demo").Scan(&projectID).Error; err != nil || projectID == 0 {
		t.Fatalf("demo project: id %d, %v", projectID, err)
	}
	pid := strconv.FormatInt(projectID, 10)
	// Queued on A and on B; each server's runner may take any of them.
	queue := []struct {
		srv         *serveProc
		path, scope string
	}{
		{a, "/app/surveys/demo-en/analysis/run", "survey:demo-en"},
		{b, "/app/surveys/demo-fa/analysis/run", "survey:demo-fa"},
		{a, "/app/projects/" + pid + "/analysis/run", "project:" + pid},
	}
	var scopes []string
	for _, q := range queue {
		resp, body := r.post(t, q.srv.base+q.path, url.Values{})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("queue %s on %s: %d\n%.500s", q.scope, q.srv.name, resp.StatusCode, body)
		}
		scopes = append(scopes, q.scope)
	}
	// And a backlog that neither process was woken for: both runners find
	// it on their next poll and work through it side by side.
	const backlog = 6
	for i := range backlog {
		if err := store.DB().Exec("INSERT INTO analysis_runs (scope, status, seed, created_at) VALUES (?, 'queued', 1, ?)",
			scopes[i%len(scopes)], time.Now().UTC()).Error; err != nil {
			t.Fatal(err)
		}
	}
	type runRow struct {
		ID                    int64
		Scope, Status         string
		StartedAt, FinishedAt *time.Time
	}
	var runs []runRow
	t0 := time.Now()
	for {
		runs = runs[:0]
		if err := store.DB().Raw("SELECT id, scope, status, started_at, finished_at FROM analysis_runs WHERE scope IN ? ORDER BY id", scopes).
			Scan(&runs).Error; err != nil {
			t.Fatal(err)
		}
		finished, claimed := 0, 0
		for _, run := range runs {
			if run.Status == "done" || run.Status == "failed" {
				finished++
			}
			if run.Status != "queued" {
				claimed++
			}
		}
		if finished == len(runs) {
			break
		}
		if claimed == 0 && time.Since(t0) > 15*time.Second {
			t.Fatalf("no analysis run was claimed within 15s: does `safar serve` still start the analysis runner "+
				"(go runner.Run(ctx) in cmd/safar/serve.go)? %d runs left queued", len(runs))
		}
		if time.Since(t0) > 2*time.Minute {
			t.Fatalf("analyses not finished within 2 minutes: %+v", runs)
		}
		time.Sleep(250 * time.Millisecond)
	}
	if len(runs) != len(queue)+backlog {
		t.Errorf("%d runs stored, want %d (%d queued through the servers, %d backlog)", len(runs), len(queue)+backlog, len(queue), backlog)
	}
	startsA, startsB := startedRuns(a.logs.String()), startedRuns(b.logs.String())
	ranOn := map[string]int{}
	for _, run := range runs {
		if run.Status != "done" {
			t.Errorf("run %d (%s): status %s, want done", run.ID, run.Scope, run.Status)
		}
		if run.StartedAt == nil || run.FinishedAt == nil {
			t.Errorf("run %d (%s): started %v finished %v", run.ID, run.Scope, run.StartedAt, run.FinishedAt)
		}
		if n := startsA[run.ID] + startsB[run.ID]; n != 1 {
			t.Errorf("run %d (%s) started %d times (A %d, B %d), want exactly once", run.ID, run.Scope, n, startsA[run.ID], startsB[run.ID])
		}
		who := "A"
		if startsB[run.ID] > 0 {
			who = "B"
		}
		ranOn[who]++
	}
	t.Logf("%d analyses finished %.1fs after queueing: %d ran on A, %d on B", len(runs), time.Since(t0).Seconds(), ranOn["A"], ranOn["B"])
}
