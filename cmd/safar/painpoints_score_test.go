package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
)

// TestPainpointsScore: --score reads each respondent's own score, and
// what satisfied writers state plainly ("wore it to work, compliments",
// rated ۵ of 5) is then no pain point, while their complaints and the
// unhappy writers' stay.
func TestPainpointsScore(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,review,rating\n")
	plain := []string{"I wore it to work and colleagues gave me compliments.",
		"Wore it to the office and received compliments all day.",
		"I wore it to work, many compliments from colleagues."}
	for i := range 8 {
		fmt.Fprintf(&b, "p%d,\"%s Size %d.\",۵\n", i, plain[i%3], i)
		fmt.Fprintf(&b, "z%d,The zipper broke after one wash. Order %d.,1\n", i, i)
		fmt.Fprintf(&b, "s%d,The seams split the first time I wore it. Order %d.,2\n", i, i)
	}
	p := writeCSV(t, b.String())
	members := func(args ...string) map[string]bool {
		t.Helper()
		in := map[string]bool{}
		for _, pp := range painpointMembers(t, p, append([]string{"--text", "review", "--id", "id"}, args...)...) {
			for _, m := range pp.Members {
				in[m[:1]] = true
			}
		}
		return in
	}
	if in := members(); !in["p"] {
		t.Fatalf("without --score the satisfied writers' plain texts are in no pain point: the test shows nothing")
	}
	if in := members("--score", "rating"); in["p"] || !in["z"] || !in["s"] {
		t.Errorf("--score rating: writers in a pain point %v, want the zipper (z) and the seams (s), not the compliments (p)", in)
	}
	if _, errs, _ := runCLI(t, "painpoints", p, "--text", "review", "--score", "rating"); !strings.Contains(errs, "1-5 scale") {
		t.Errorf("--score rating: stderr %q, want the scale it read", errs)
	}

	// The table says how each pain point's voices score against the
	// others, on the scale given: the zipper's and the seams' writers
	// rate 1 and 2 where the others rate 5 and 1 or 2.
	table, errs, code := runCLI(t, "painpoints", p, "--text", "review", "--score", "rating")
	if code != 0 {
		t.Fatalf("table: exit %d, stderr %s", code, errs)
	}
	if !strings.Contains(table, "score 1.0 of 1-5 against") || !strings.Contains(table, "lower (") {
		t.Errorf("table: want each pain point's score against the others'; got\n%s", table)
	}
}

func TestPainpointsScoreErrors(t *testing.T) {
	bad := writeCSV(t, "id,review,rating\n1,late delivery,5\n2,late again,five\n")
	big := writeCSV(t, "id,review,rating\n1,late delivery,5\n2,late again,150\n")
	ok := writeCSV(t, "id,review,rating\n1,late delivery,5\n2,late again,4\n")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"not a number", []string{"painpoints", bad, "--text", "review", "--score", "rating"}, `line 3: "five" is not a number`},
		{"off every scale", []string{"painpoints", big, "--text", "review", "--score", "rating"}, "--scale LO-HI"},
		{"off the given scale", []string{"painpoints", ok, "--text", "review", "--score", "rating", "--scale", "0-4"}, `"5" is not a number from 0-4`},
		{"scale backwards", []string{"painpoints", ok, "--text", "review", "--score", "rating", "--scale", "5-1"}, "lowest score first"},
		{"scale without score", []string{"painpoints", ok, "--text", "review", "--scale", "1-5"}, "--scale needs --score"},
		{"unknown column", []string{"painpoints", ok, "--text", "review", "--score", "stars"}, "--score"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs, code := runCLI(t, tc.args...)
			if code == 0 || !strings.Contains(errs, tc.want) {
				t.Errorf("exit %d, stderr %q; want failure mentioning %s", code, errs, tc.want)
			}
		})
	}
}

// TestPainpointsScoreNegativeScale: a sentiment from -2 to 2 (ParsiNLU's
// labels) is read with --scale -2-2, which the error for a column off
// every scale asks for (--scale refused a negative low end).
func TestPainpointsScoreNegativeScale(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,review,sentiment\n")
	for i := range 8 {
		fmt.Fprintf(&b, "z%d,The zipper broke after one wash. Order %d.,-2\n", i, i)
		fmt.Fprintf(&b, "p%d,Lovely colour and it fits well. Size %d.,2\n", i, i)
	}
	p := writeCSV(t, b.String())
	if _, errs, code := runCLI(t, "painpoints", p, "--text", "review", "--score", "sentiment"); code == 0 || !strings.Contains(errs, "--scale LO-HI") {
		t.Fatalf("off every scale: exit %d, stderr %q; want the hint to give --scale", code, errs)
	}
	out, errs, code := runCLI(t, "painpoints", p, "--text", "review", "--score", "sentiment", "--scale", "-2-2")
	if code != 0 || !strings.Contains(errs, "read on a -2-2 scale, -2 lowest") || !strings.Contains(out, "zipper") {
		t.Errorf("--scale -2-2: exit %d, stderr %q, out %q; want the zipper read on the -2-2 scale", code, errs, out)
	}
}

// TestPainpointTableFits80Columns: the painpoints table fits an 80-column
// terminal with its terms, segments, scores and quotes (its rows ran 150
// wide): every term is still printed, on a wrapped line under its row.
func TestPainpointTableFits80Columns(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,review,rating,department\n")
	depts := []string{"Tops", "Dresses", "Bottoms", "Intimate", "Jackets", "Trend", "Accessories", "Outerwear"}
	for i := range 40 {
		fmt.Fprintf(&b, "z%d,\"The zipper broke after one wash and the seams split, the fabric pilled, the lining tore and the buttons fell off, order %d.\",%d,%s\n",
			i, i, 1+i%2, depts[i%len(depts)])
		fmt.Fprintf(&b, "p%d,Lovely colour and it fits well. Size %d.,5,%s\n", i, i, depts[i%len(depts)])
	}
	p := writeCSV(t, b.String())
	out, errs, code := runCLI(t, "painpoints", p, "--text", "review", "--score", "rating", "--segment", "department")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, l := range strings.Split(out, "\n") {
		if displayWidth(l) > 80 {
			t.Errorf("%d cells wide: %q", displayWidth(l), l)
		}
	}
	js, _, _ := runCLI(t, "painpoints", p, "--text", "review", "--score", "rating", "--segment", "department", "--format", "json")
	var res analysis.PainPointResult
	if err := json.Unmarshal([]byte(js), &res); err != nil || len(res.PainPoints) == 0 {
		t.Fatalf("no pain points (%v): the test shows nothing", err)
	}
	words := strings.Fields(strings.ReplaceAll(out, ",", " "))
	for _, term := range res.PainPoints[0].Terms {
		for _, w := range strings.Fields(term) {
			if !slices.Contains(words, w) {
				t.Errorf("term %q is not printed", term)
			}
		}
	}
}
