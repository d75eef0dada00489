package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/personas/synth"
)

// personasCSV writes a synthetic survey with 4 hidden personas.
func personasCSV(t *testing.T, n int) string {
	t.Helper()
	d, err := synth.Example().Sample(n)
	if err != nil {
		t.Fatal(err)
	}
	recs := d.Strings()
	recs[0] = append([]string{"respondent"}, recs[0]...)
	for i := 1; i < len(recs); i++ {
		recs[i] = append([]string{"R" + strconv.Itoa(i)}, recs[i]...)
	}
	path := filepath.Join(t.TempDir(), "survey.csv")
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(recs)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func runPersonasCLI(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cliEnv{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

func TestPersonasJSON(t *testing.T) {
	path := personasCSV(t, 800)
	out, errs, code := runPersonasCLI(t, "personas", path, "--k", "4", "--id", "respondent", "--exclude", "gender", "--seed", "3", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		K        int    `json:"k"`
		Method   string `json:"method"`
		Quality  map[string]any
		Personas []struct {
			ID     int     `json:"id"`
			Name   string  `json:"name"`
			Size   int     `json:"size"`
			Share  float64 `json:"share"`
			Traits []struct {
				Column, Value string
				Share, Lift   float64
			} `json:"traits"`
		} `json:"personas"`
		Assignments []struct {
			ID      string `json:"id"`
			Persona int    `json:"persona"`
		} `json:"assignments"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("bad JSON: %v\n%s", err, out)
	}
	if got.K != 4 || len(got.Personas) != 4 || len(got.Assignments) != 800 {
		t.Fatalf("k=%d personas=%d assignments=%d", got.K, len(got.Personas), len(got.Assignments))
	}
	if !strings.HasPrefix(got.Assignments[0].ID, "R") {
		t.Errorf("assignment id %q, want the --id column", got.Assignments[0].ID)
	}
	total := 0
	for _, p := range got.Personas {
		total += p.Size
		if p.Name == "" || len(p.Traits) == 0 {
			t.Errorf("persona %d: name %q, %d traits", p.ID, p.Name, len(p.Traits))
		}
		for _, tr := range p.Traits {
			if tr.Column == "gender" || tr.Column == "respondent" {
				t.Errorf("excluded column %q in traits", tr.Column)
			}
		}
	}
	if total != 800 {
		t.Errorf("sizes sum to %d", total)
	}
	if items, _ := got.Quality["items"].([]any); len(items) != 9 {
		t.Errorf("items used: %v", got.Quality["items"])
	}
}

func TestPersonasTableAndErrors(t *testing.T) {
	path := personasCSV(t, 300)
	out, errs, code := runPersonasCLI(t, "personas", "--k", "3", path)
	if code != 0 || !strings.Contains(out, "3 personas from 300 respondents") || !strings.Contains(out, "1. ") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	for _, tc := range []struct {
		name, want string
		args       []string
	}{
		{"no file", "exactly one CSV", []string{"personas"}},
		{"bad k", "--k", []string{"personas", path, "--k", "x"}},
		{"bad id", "respondent_id", []string{"personas", path, "--id", "respondent_id"}},
		{"bad format", "--format", []string{"personas", path, "--format", "xml"}},
	} {
		_, errs, code := runPersonasCLI(t, tc.args...)
		if code == 0 || !strings.Contains(errs, tc.want) {
			t.Errorf("%s: exit %d, stderr %q, want it to mention %q", tc.name, code, errs, tc.want)
		}
	}
	if _, _, code := runPersonasCLI(t, "personas", "-h"); code != 0 {
		t.Errorf("-h exit %d", code)
	}
}
