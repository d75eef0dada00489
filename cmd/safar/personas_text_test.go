package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/personas/synth"
)

// TestPersonasTextAndCandidates: automatic k shows its candidates, an
// excluded column describes the cards, and --text puts each persona's
// pain points on its card with a quote.
func TestPersonasTextAndCandidates(t *testing.T) {
	d, err := synth.Example().Sample(600)
	if err != nil {
		t.Fatal(err)
	}
	recs := d.Strings()
	recs[0] = append(recs[0], "comment")
	complaints := []string{"The delivery was late again, two weeks for a parcel.", "Prices are too expensive compared with other shops.",
		"Support never answered my emails about the refund.", "All good, nothing to add."}
	for i := 1; i < len(recs); i++ {
		recs[i] = append(recs[i], complaints[d.Class[i-1]%len(complaints)])
	}
	path := filepath.Join(t.TempDir(), "survey.csv")
	var b bytes.Buffer
	csv.NewWriter(&b).WriteAll(recs)
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}

	out, errs, code := runPersonasCLI(t, "personas", path, "--profile", "gender", "--text", "comment", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res personas.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	chosen := 0
	for _, c := range res.Quality.Candidates {
		if c.Chosen {
			chosen = c.K
		}
	}
	// Every k from 2 on, until BIC rose at two consecutive k or k=8.
	cands := res.Quality.Candidates
	n := len(cands)
	stopped := n >= 3 && cands[n-1].BIC > cands[n-2].BIC && cands[n-2].BIC > cands[n-3].BIC
	if chosen != res.K || n < 3 || cands[0].K != 2 || cands[n-1].K != n+1 || (cands[n-1].K != 8 && !stopped) {
		t.Fatalf("candidates %+v: want k=2 up to where BIC rose twice (or 8), with k=%d chosen", cands, res.K)
	}
	if res.Quality.Stability == nil || res.Quality.Candidates[res.K-2].Stability != res.Quality.Stability.MeanARI {
		t.Errorf("the chosen k's stability is not the one reported")
	}
	quoted := 0
	for _, p := range res.Personas {
		if len(p.Profile) != 1 || p.Profile[0].Column != "gender" {
			t.Errorf("persona %d profile %+v, want gender", p.ID, p.Profile)
		}
		for _, pp := range p.PainPoints {
			if pp.Label == "" || pp.Quote == nil || !strings.Contains(strings.Join(complaints, " "), pp.Quote.Text) {
				t.Errorf("persona %d pain point %+v: want a label and a member's words", p.ID, pp)
			}
			quoted++
		}
	}
	if quoted < 2 {
		t.Errorf("%d quoted pain points over all personas, want the delivery, price and support complaints", quoted)
	}
	for _, it := range res.Quality.Items {
		if it == "gender" || it == "comment" {
			t.Errorf("%s took part in the segmentation", it)
		}
	}

	table, errs, code := runPersonasCLI(t, "personas", path, "--exclude", "gender", "--text", "comment")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"candidates (another k: --k N)", "stability ARI", "profile only (not segmented on): gender", "gender (profile)", "pain point: ", "on average"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
	if _, errs, code := runPersonasCLI(t, "personas", path, "--text", "nope"); code == 0 || !strings.Contains(errs, "nope") {
		t.Errorf("--text nope: exit %d, %q; want an error naming the column", code, errs)
	}
}

// TestPersonasTableSafeAndNarrow: the persona cards print respondents'
// words without their escape sequences or bidi overrides (a comment could
// clear the terminal or reverse the text: painpoints drops them, personas
// printed them) and fit an 80-column terminal, long quotes wrapped.
func TestPersonasTableSafeAndNarrow(t *testing.T) {
	var b strings.Builder
	b.WriteString("age,plan,How satisfied were you with the delivery of your last order overall?,comment\n")
	ages, plans, sat := []string{"18-24", "25-34", "45-54"}, []string{"free", "pro"}, []string{"very satisfied", "satisfied", "unsatisfied"}
	for i := range 240 {
		c := "Prices are too expensive for me compared with every other shop in town, and the discount codes never apply at the checkout page either."
		if i%3 == 0 {
			c = "The delivery was late \x1b[2J\x1b[31magain\u202e and nobody answered my emails about it for two whole weeks, very disappointing."
		}
		fmt.Fprintf(&b, "%s,%s,%s,\"%s\"\n", ages[i%3], plans[(i/3)%2], sat[(i/2)%3], c)
	}
	p := writeFile(t, "esc.csv", b.String())
	out, errs, code := runCLI(t, "personas", p, "--text", "comment", "--k", "2")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("escape sequence or bidi override printed:\n%q", out)
	}
	if !strings.Contains(out, "late [2J[31magain and") {
		t.Errorf("the quote is not printed with its escapes dropped:\n%s", out)
	}
	for _, l := range strings.Split(out, "\n") {
		if displayWidth(l) > 80 {
			t.Errorf("%d cells wide: %q", displayWidth(l), l)
		}
	}
}

// TestPersonasScore: personas --score reads each respondent's own score
// as painpoints --score does, so what satisfied writers state plainly
// (their size, rated 5) is no persona's pain point while the zipper and
// the seams stay (personas had no --score).
func TestPersonasScore(t *testing.T) {
	plain := []string{"I wore it to work and colleagues gave me compliments.", "Wore it to the office and received compliments all day.",
		"I wore it to work, many compliments from colleagues."}
	ages, plans := []string{"18-24", "25-34", "45-54"}, []string{"free", "pro"}
	var b strings.Builder
	b.WriteString("id,age,plan,review,rating\n")
	for i := range 30 {
		fmt.Fprintf(&b, "p%d,%s,%s,\"%s Size %d.\",5\n", i, ages[i%3], plans[i%2], plain[i%3], i)
		fmt.Fprintf(&b, "z%d,%s,%s,The zipper broke after one wash. Order %d.,1\n", i, ages[(i+1)%3], plans[(i+1)%2], i)
		fmt.Fprintf(&b, "s%d,%s,%s,The seams split the first time I wore it. Order %d.,2\n", i, ages[(i+2)%3], plans[i%2], i)
	}
	p := writeFile(t, "scored.csv", b.String())
	labels := func(args ...string) string {
		t.Helper()
		out, errs, code := runCLI(t, append([]string{"personas", p, "--id", "id", "--text", "review", "--k", "2", "--format", "json"}, args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		var res personas.Result
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, p := range res.Personas {
			for _, pp := range p.PainPoints {
				all = append(all, pp.Label)
			}
		}
		return strings.Join(all, "; ")
	}
	if l := labels(); !strings.Contains(l, "size") {
		t.Fatalf("without --score the satisfied writers' sizes are no pain point (%s): the test shows nothing", l)
	}
	if l := labels("--score", "rating"); strings.Contains(l, "size") || !strings.Contains(l, "zipper") || !strings.Contains(l, "seams") {
		t.Errorf("--score rating: pain points %q, want the zipper and the seams, not the sizes", l)
	}
	for _, tc := range [][]string{{"--score", "stars"}, {"--scale", "1-5"}, {"--score", "rating", "--scale", "0-4"}} {
		_, errs, code := runCLI(t, append([]string{"personas", p, "--text", "review"}, tc...)...)
		if code == 0 || !strings.Contains(errs, tc[0]) && !strings.Contains(errs, "--score") {
			t.Errorf("%v: exit %d, %q; want the flag named", tc, code, errs)
		}
	}
}
