package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/internal/meetingtest"
)

const painCSV = `id,channel,answer
r1,web,"Delivery was late, very late!"
r2,app,late delivery again
r3,web,It arrived a week late.
r4,app,Great service, love it
r5,web,ارسال خیلی دیر بود
r6,app,دیر رسید
r7,web,"The price is too expensive \x1b[31m"
r8,app,Way too expensive for what it is
r9,web,
`

func runCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

func writeCSV(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "answers.csv")
	if err := os.WriteFile(p, []byte(strings.ReplaceAll(body, `\x1b`, "\x1b")), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPainpointsJSON(t *testing.T) {
	p := writeCSV(t, painCSV)
	out, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--id", "id", "--segment", "channel", "--format", "json", "--pack", "retail")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		Language   string `json:"language"`
		Documents  int    `json:"documents"`
		PainPoints []struct {
			Rank      int            `json:"rank"`
			Key       string         `json:"key"`
			Label     string         `json:"label"`
			Terms     []string       `json:"terms"`
			Documents int            `json:"documents"`
			Share     float64        `json:"share"`
			Severity  float64        `json:"severity"`
			Priority  float64        `json:"priority"`
			Segments  map[string]int `json:"segments"`
			Examples  []string       `json:"examples"`
			Members   []string       `json:"members"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if res.Documents != 8 {
		t.Errorf("documents = %d, want 8 (the empty row is skipped)", res.Documents)
	}
	if len(res.PainPoints) != 2 {
		t.Fatalf("got %d pain points, want delivery and price:\n%s", len(res.PainPoints), out)
	}
	d := res.PainPoints[0]
	if d.Key != "delivery" || d.Rank != 1 || d.Documents != 5 {
		t.Errorf("first = %+v, want delivery voiced by 5", d)
	}
	if got, want := strings.Join(d.Members, ","), "r1,r2,r3,r5,r6"; got != want {
		t.Errorf("members = %s, want %s", got, want)
	}
	if d.Segments["web"] != 3 || d.Segments["app"] != 2 {
		t.Errorf("segments = %v, want web 3, app 2", d.Segments)
	}
	for _, k := range []string{`"rank"`, `"label"`, `"terms"`, `"share"`, `"severity"`, `"priority"`, `"examples"`, `"members"`} {
		if !strings.Contains(out, k) {
			t.Errorf("JSON lacks %s", k)
		}
	}
}

func TestPainpointsTable(t *testing.T) {
	p := writeCSV(t, painCSV)
	out, errs, code := runCLI(t, "painpoints", "--text", "answer", p, "--pack", "retail")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "Delivery / shipping") || !strings.Contains(out, "PAIN POINT") || !strings.Contains(out, "1 texts voice none of them") {
		t.Errorf("table lacks the delivery row:\n%s", out)
	}
	if strings.Contains(out, "\x1b") {
		t.Errorf("table passes a terminal escape through:\n%q", out)
	}
}

// TestPainpointsDiscovered: without a pack the groups are the texts' own
// words, the brand passed in --ignore is never one, and the JSON says how
// many texts voice no recurring problem.
func TestPainpointsDiscovered(t *testing.T) {
	p := writeCSV(t, painCSV+"r10,web,Acme delivery was late\nr11,app,Acme late delivery\n")
	out, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--id", "id", "--format", "json", "--ignore", "Acme")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		Other      int `json:"other"`
		PainPoints []struct {
			Label string   `json:"label"`
			Terms []string `json:"terms"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(res.PainPoints) == 0 || !strings.Contains(res.PainPoints[0].Label, "late") || res.Other == 0 {
		t.Errorf("want a 'late' pain point first and some texts in none:\n%s", out)
	}
	for _, pp := range res.PainPoints {
		if strings.Contains(strings.ToLower(pp.Label+strings.Join(pp.Terms, " ")), "acme") {
			t.Errorf("ignored name in %q %q", pp.Label, pp.Terms)
		}
	}
}

// TestPainpointsLabelTexts: the JSON and the table say how many of a pain
// point's texts say its label's own phrase ("late delivery", "the
// delivery was late"; not "It arrived a week late"), and its first quote
// is one of them.
func TestPainpointsLabelTexts(t *testing.T) {
	p := writeCSV(t, painCSV+"r10,web,Acme delivery was late\nr11,app,Acme late delivery\n")
	out, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--id", "id", "--format", "json", "--ignore", "Acme")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var res struct {
		PainPoints []struct {
			Label      string   `json:"label"`
			Texts      int      `json:"texts"`
			LabelTexts int      `json:"label_texts"`
			Examples   []string `json:"examples"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if len(res.PainPoints) == 0 {
		t.Fatalf("no pain points:\n%s", out)
	}
	first := res.PainPoints[0]
	if first.Label != "late delivery" || first.Texts != 5 || first.LabelTexts != 4 {
		t.Errorf("first pain point %q: %d of %d texts say it, want late delivery, 4 of 5:\n%s", first.Label, first.LabelTexts, first.Texts, out)
	}
	if q := strings.ToLower(first.Examples[0]); !strings.Contains(q, "late") || !strings.Contains(q, "delivery") {
		t.Errorf("first quote %q does not say the label", first.Examples[0])
	}
	table, errs, code := runCLI(t, "painpoints", p, "--text", "answer", "--ignore", "Acme")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(table, "SAY IT") || !regexp.MustCompile(`(?m)late delivery +4/5$`).MatchString(table) {
		t.Errorf("table does not say that 4 of 5 texts say the label:\n%s", table)
	}
}

func TestPainpointsErrors(t *testing.T) {
	p := writeCSV(t, painCSV)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no text flag", []string{"painpoints", p}, "--text"},
		{"unknown column", []string{"painpoints", p, "--text", "comment"}, `"answer"`},
		{"bad format", []string{"painpoints", p, "--text", "answer", "--format", "xml"}, "--format"},
		{"unknown pack", []string{"painpoints", p, "--text", "answer", "--pack", "airline"}, "retail"},
		{"no file", []string{"painpoints", "--text", "answer"}, "one CSV or XLSX file"},
		{"missing file", []string{"painpoints", filepath.Join(t.TempDir(), "nope.csv"), "--text", "answer"}, "nope.csv"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, tc.args...)
			if code == 0 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %s", code, errs, tc.want)
			}
		})
	}
	if _, _, code := runCLI(t, "painpoints", "-h"); code != 0 {
		t.Errorf("-h exit %d, want 0", code)
	}
}

func TestDisplayWidth(t *testing.T) {
	for s, want := range map[string]int{"abc": 3, "می‌خواهم": 7, "ارسال": 5, "日本": 4, "e\u0301": 1} {
		if got := displayWidth(s); got != want {
			t.Errorf("displayWidth(%q) = %d, want %d", s, got, want)
		}
	}
}

// meetingCSV is the design meeting of the conversation tests
// (internal/meetingtest: four speakers taking turns through three topics of
// 40 turns each), written as a CSV export.
func meetingCSV() string {
	var b strings.Builder
	b.WriteString("turn,speaker,text\n")
	for i, tn := range meetingtest.Turns([]int{40, 40, 40}, []int{4, 4, 4}) {
		fmt.Fprintf(&b, "%d,%s,%s\n", i, tn.Speaker, strconv.Quote(tn.Text))
	}
	return b.String()
}

// A CSV of a meeting's turns is read as one conversation: each topic's
// stretch is a pain point of its own. Read as separate answers (the
// engine without the order) the three topics' words fall into one group.
func TestPainpointsMeetingTurns(t *testing.T) {
	p := writeCSV(t, meetingCSV())
	pps := painpointMembers(t, p, "--text", "text", "--id", "turn", "--person", "speaker")
	holder := map[int]bool{}
	for s := range 3 {
		count := map[int]int{}
		for pi, pp := range pps {
			for _, m := range pp.Members {
				if i, err := strconv.Atoi(m); err == nil && i/40 == s {
					count[pi]++
				}
			}
		}
		best := -1
		for pi, c := range count {
			if best < 0 || c > count[best] || c == count[best] && pi < best {
				best = pi
			}
		}
		if best < 0 || count[best] < 36 {
			t.Errorf("topic %d: its pain point holds %d of its 40 turns, want at least 36", s+1, count[best])
			continue
		}
		holder[best] = true
	}
	if len(holder) != 3 {
		for _, pp := range pps {
			t.Logf("%s: %d turns", pp.Label, len(pp.Members))
		}
		t.Errorf("the three topics fall into %d pain points, want 3", len(holder))
	}
}

// labelledMembers is a pain point of `painpoints --format json`: its
// label and members.
type labelledMembers struct {
	Label   string   `json:"label"`
	Members []string `json:"members"`
}

// painpointMembers runs painpoints on file with args and --format json.
func painpointMembers(t *testing.T, file string, args ...string) []labelledMembers {
	t.Helper()
	out, errs, code := runCLI(t, append([]string{"painpoints", file, "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d, stderr %s", args, code, errs)
	}
	var res struct {
		PainPoints []labelledMembers `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v: bad JSON: %v\n%s", args, err, out)
	}
	return res.PainPoints
}

// TestPainpointsGC: safar painpoints collects at GOGC 50 under a soft
// limit of painpointsMemoryLimit while it runs (issue #14: under 300 MB;
// 1,000 texts of 50 KB peaked at 330-340 MiB under GOGC 50 alone), and
// restores both after; GOGC and GOMEMLIMIT, when set, stand.
func TestPainpointsGC(t *testing.T) {
	gc, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gc)
	t.Cleanup(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
	restore := painpointsGC(func(string) string { return "" })
	g, l := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(g)
	if g != 50 || l != painpointsMemoryLimit {
		t.Errorf("while it runs: GOGC %d, limit %d MiB; want 50, %d MiB", g, l>>20, painpointsMemoryLimit>>20)
	}
	restore()
	if g, l := debug.SetGCPercent(gc), debug.SetMemoryLimit(-1); g != gc || l != limit {
		t.Errorf("after: GOGC %d, limit %d; want %d, %d restored", g, l, gc, limit)
	}
	restore = painpointsGC(func(string) string { return "set" })
	if g, l := debug.SetGCPercent(gc), debug.SetMemoryLimit(-1); g != gc || l != limit {
		t.Errorf("with GOGC and GOMEMLIMIT set: GOGC %d, limit %d; want %d, %d untouched", g, l, gc, limit)
	}
	restore()
}
