package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const evalMAMS = `id,text,label
m1,The waiter was rude to us.,staff
m2,"Rude waiter, rude manager.",staff
m3,We waited an hour for the food.,service
m4,Slow service and we waited forever.,service|food
m5,The food was cold and bland.,food
m6,Bland food and too expensive.,food|price
`

// writeEvalData writes a data folder holding evalMAMS and returns it.
func writeEvalData(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "feedback", "mams_restaurants_negative.csv")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(evalMAMS), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestEvalPainpointsJSON(t *testing.T) {
	dir := writeEvalData(t)
	out, errs, code := runCLI(t, "eval", "painpoints", "--data", dir, "--set", "mams", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var reps []struct {
		Set     string `json:"set"`
		Texts   int    `json:"texts"`
		Labels  []struct{ Label string }
		Methods []struct {
			Method string
			Runs   []struct{ NMI float64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(reps) != 1 || reps[0].Set != "mams" || reps[0].Texts != 6 || len(reps[0].Labels) != 4 || len(reps[0].Methods) != 3 ||
		len(reps[0].Methods[2].Runs) != 3 {
		t.Errorf("want one mams report, 6 texts, 4 labels, safar+nmf+lda with 3 lda seeds; got %s", out)
	}
}

func TestEvalPainpointsSample(t *testing.T) {
	out, errs, code := runCLI(t, "eval", "painpoints", "--data", writeEvalData(t), "--set", "mams", "--sample", "4")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	texts := map[string]string{}
	for _, l := range strings.Split(strings.Replace(out, "samples' mean", "mean", 1), "\n") {
		if f := strings.Fields(l); len(f) > 1 {
			texts[f[0]] = f[1]
		}
	}
	if texts["mams"] != "6" || texts["mams@4/1"] != "4" || texts["mams@4/3"] != "4" || texts["mean"] != "4" {
		t.Errorf("want the whole set (6 texts), three samples of 4 and their mean:\n%s", out)
	}
}

func TestEvalPainpointsErrors(t *testing.T) {
	t.Setenv("SAFAR_SHARED_DATA", filepath.Join(t.TempDir(), "absent"))
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"no data", []string{"eval", "painpoints"}, "--data DIR"},
		{"unknown set", []string{"eval", "painpoints", "--data", t.TempDir(), "--set", "nope"}, "sets: mams, steam"},
		{"bad format", []string{"eval", "painpoints", "--format", "xml"}, "want table or json"},
		{"stray argument", []string{"eval", "painpoints", "extra"}, `unexpected argument "extra"`},
		{"negative sample", []string{"eval", "painpoints", "--sample", "-3"}, "want a number of texts"},
		{"negative jackknife", []string{"eval", "painpoints", "--jackknife", "-1"}, "want a number of resamples"},
		{"sample and jackknife", []string{"eval", "painpoints", "--sample", "300", "--jackknife", "3"}, "give one"},
		{"mixed and jackknife", []string{"eval", "painpoints", "--mixed", "--jackknife", "3"}, "give one"},
		{"unknown mixed set", []string{"eval", "painpoints", "--data", t.TempDir(), "--mixed", "--set", "mams"}, "mixed sets: clothing-all, parsinlu-all"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs, code := runCLI(t, c.args...)
			if code == 0 || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, stderr %q; want an error with %q", code, errs, c.want)
			}
		})
	}
}

func TestEvalPainpointsJackknife(t *testing.T) {
	out, errs, code := runCLI(t, "eval", "painpoints", "--data", writeEvalData(t), "--set", "mams", "--jackknife", "2")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(out, "mams") || !strings.Contains(out, "whole") || !strings.Contains(out, "2 resamples, -1%") {
		t.Errorf("want the whole set's row and the resamples' row:\n%s", out)
	}
}

// TestEvalPainpointsMixed: --mixed scores the engine's top 10 on a set of
// happy and unhappy customers' reviews by how many of the texts it holds
// are unhappy.
func TestEvalPainpointsMixed(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString("review_id,domain,category,sentiment,aspects,review\n")
	for i := range 20 {
		if i%2 == 0 {
			fmt.Fprintf(&b, "f-%d,food,چای,-2,,چای کهنه بود و بوی بدی داشت %d\n", i, i)
		} else {
			fmt.Fprintf(&b, "f-%d,food,چای,2,,خیلی خوشمزه و عالی بود %d\n", i, i)
		}
	}
	p := filepath.Join(dir, "persian_reviews", "parsinlu", "reviews_flat.csv")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errs, code := runCLI(t, "eval", "painpoints", "--data", dir, "--mixed", "--set", "parsinlu-all", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	var reps []struct {
		Set                     string
		Texts, Unhappy          int
		Base, Precision, Recall float64
	}
	if err := json.Unmarshal([]byte(out), &reps); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if len(reps) != 1 || reps[0].Texts != 20 || reps[0].Unhappy != 10 || reps[0].Base != 0.5 || reps[0].Precision != 1 || reps[0].Recall != 1 {
		t.Errorf("want the stale tea's 10 texts, all unhappy, in the top 10; got %s", out)
	}
}
