package personas

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/personas/synth"
)

// fromSynth builds an Input from the synth example with roles attached.
func fromSynth(t *testing.T, n int) (Input, []int) {
	t.Helper()
	s := synth.Example()
	d, err := s.Sample(n)
	if err != nil {
		t.Fatal(err)
	}
	roles := map[string]Item{
		"age_group":             {Label: "Age", Role: Demographic},
		"gender":                {Label: "Gender", Role: Demographic},
		"main_channel":          {Label: "Main channel", Role: Touchpoint, Stage: Purchase},
		"purchase_frequency":    {Role: Behaviour},
		"main_motive":           {Role: Goal},
		"uses_discount_codes":   {Label: "Uses discount codes", Role: Behaviour},
		"follows_on_instagram":  {Label: "Follows on Instagram", Role: Touchpoint, Stage: Awareness, Touchpoint: "Instagram"},
		"satisfaction_delivery": {Role: Satisfaction, Stage: Use, Touchpoint: "Website"},
		"satisfaction_support":  {Role: Satisfaction, Stage: Use},
		"monthly_spend":         {Label: "Monthly spend", Role: Behaviour},
	}
	in := synthInput(s, d)
	for j := range in.Items {
		x := roles[in.Items[j].Name]
		in.Items[j].Label, in.Items[j].Role, in.Items[j].Stage, in.Items[j].Touchpoint = x.Label, x.Role, x.Stage, x.Touchpoint
		if name := in.Items[j].Name; name == "uses_discount_codes" || name == "follows_on_instagram" {
			in.Items[j].Kind = Binary
		}
	}
	for i := range in.Respondents {
		r := &in.Respondents[i]
		r.ID = fmt.Sprintf("r%d", i+1)
		if d.Class[i] == 0 && i%3 == 0 {
			r.PainPoints = []string{"late delivery"}
			r.Quotes = []string{fmt.Sprintf("Delivery took two weeks again, order %d", i)}
		}
	}
	return in, d.Class
}

func TestBuildSynthetic(t *testing.T) {
	in, truth := fromSynth(t, 3000)
	res, err := Build(context.Background(), in, Options{Seed: 1, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	if res.K != 4 {
		t.Errorf("k = %d, want 4", res.K)
	}
	// 3,000 respondents: automatic k compared its candidates on all of them.
	if q := res.Quality; q.CandidateRows() != 3000 || q.Reading() == Unmeasured || !strings.HasPrefix(q.Verdict, string(q.Reading())) {
		t.Errorf("candidate rows %d, reading %q, verdict %q", q.CandidateRows(), q.Reading(), q.Verdict)
	}
	got := make([]int, len(res.Assignments))
	for i, a := range res.Assignments {
		got[i] = a.Persona
	}
	if ari := cluster.ARI(truth, got); ari < 0.65 {
		t.Errorf("ARI = %.3f, want >= 0.65", ari)
	}
	// The bargain hunters (class 0) should be named after Instagram and carry the pain point and quotes.
	var found bool
	for _, p := range res.Personas {
		t.Logf("persona %d %q share %.2f traits %d pains %v quotes %d", p.ID, p.Name, p.Share, len(p.Traits), p.PainPoints, len(p.Quotes))
		if strings.Contains(p.Name, "Instagram") {
			found = true
			if len(p.PainPoints) == 0 || p.PainPoints[0].Value != "late delivery" || len(p.Quotes) != 3 {
				t.Errorf("Instagram persona: pains %v quotes %d", p.PainPoints, len(p.Quotes))
			}
			if len(p.Touchpoints) == 0 || p.Touchpoints[0].Stage != Awareness {
				t.Errorf("touchpoints %+v", p.Touchpoints)
			}
		}
		for _, tr := range p.Traits {
			if !tr.Significant || tr.Lift <= 1 {
				t.Errorf("trait %+v not significant/positive", tr)
			}
		}
	}
	if !found {
		t.Error("no persona named after Instagram")
	}
	// The JSON shape `safar personas --format json` promises.
	b, _ := json.Marshal(res)
	var m map[string]any
	json.Unmarshal(b, &m)
	for _, key := range []string{"k", "method", "quality", "personas", "assignments"} {
		if _, ok := m[key]; !ok {
			t.Errorf("JSON lacks %q", key)
		}
	}
	p0 := m["personas"].([]any)[0].(map[string]any)
	for _, key := range []string{"id", "name", "size", "share", "traits"} {
		if _, ok := p0[key]; !ok {
			t.Errorf("persona JSON lacks %q", key)
		}
	}
	tr := p0["traits"].([]any)[0].(map[string]any)
	for _, key := range []string{"column", "value", "share", "lift"} {
		if _, ok := tr[key]; !ok {
			t.Errorf("trait JSON lacks %q", key)
		}
	}
	a0 := m["assignments"].([]any)[0].(map[string]any)
	if a0["id"] != "r1" || a0["persona"] == nil {
		t.Errorf("assignment JSON %v", a0)
	}

	// Placing an interviewee who is young, Instagram-first and price-driven.
	pl, err := res.AddInterviewQuotes("int-1", map[string]Value{
		"age_group": Text("18-24"), "main_channel": Text("Instagram"), "main_motive": Text("Price"), "unknown": Text("x"),
	}, []string{"I only buy when there is a discount code."})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Personas[pl.Persona-1].Name, "Instagram") || pl.Probability < 0.8 || len(pl.Used) != 3 {
		t.Errorf("placement %+v into %q", pl, res.Personas[pl.Persona-1].Name)
	}
	if q := res.Personas[pl.Persona-1].Quotes; q[len(q)-1].Source != "interview" {
		t.Errorf("interview quote not added: %+v", q)
	}
}

func TestBuildPersianAndOverrides(t *testing.T) {
	in, _ := fromSynth(t, 600)
	in.Language = "fa"
	res, err := Build(context.Background(), in, Options{Seed: 2, K: 3, Bootstrap: -1, Exclude: []string{"gender"}, Roles: []Role{Behaviour, Goal, Touchpoint}})
	if err != nil {
		t.Fatal(err)
	}
	if res.K != 3 || len(res.Personas) != 3 {
		t.Fatalf("k = %d", res.K)
	}
	if q := res.Quality; q.CandidateRows() != 0 || q.Reading() != Unmeasured {
		t.Errorf("fixed k without resamples: candidate rows %d, reading %q", q.CandidateRows(), q.Reading())
	}
	for _, it := range res.Quality.Items {
		if it == "gender" || it == "age_group" || strings.HasPrefix(it, "satisfaction") {
			t.Errorf("item %q should not take part", it)
		}
	}
	for _, p := range res.Personas {
		if strings.ContainsAny(p.Name, "0123456789") && !strings.Contains(p.Name, "–") {
			t.Errorf("Persian name %q has ASCII digits", p.Name)
		}
	}
	if _, err := Build(context.Background(), in, Options{Exclude: []string{"nope"}}); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("unknown exclude: err = %v", err)
	}
}

func TestInferCSV(t *testing.T) {
	header := []string{"id", "Age", "Rating", "Channel", "Agree", "Comment", "Recommended", "Const", "City"}
	var rows [][]string
	channels := []string{"Web", "Store", "Instagram"}
	agree := []string{"Agree", "Strongly agree", "Disagree", "Neutral", "Strongly disagree"}
	for i := range 60 {
		age := fmt.Sprint(18 + i%50)
		if i%10 == 0 {
			age = "NA"
		}
		rows = append(rows, []string{fmt.Sprint(1000 + i), age, fmt.Sprint(1 + i%5), channels[i%3], agree[i%5],
			fmt.Sprintf("This is a long free-text comment number %d about the delivery and the product quality", i), fmt.Sprint(i % 2), "x", fmt.Sprintf("City%d", i%55)})
	}
	in, infos, err := InferCSV(header, rows, CSVOptions{ID: "id"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"id": "skip", "Age": "numeric", "Rating": "ordinal", "Channel": "categorical",
		"Agree": "ordinal", "Comment": "open", "Recommended": "categorical", "Const": "skip", "City": "categorical"}
	for _, c := range infos {
		got := string(c.Kind)
		if c.Skipped != "" {
			got = "skip"
		} else if c.Role == Open {
			got = "open"
		}
		if got != want[c.Name] {
			t.Errorf("column %s: %s, want %s (%+v)", c.Name, got, want[c.Name], c)
		}
		if c.Name == "City" && (len(c.Levels) != 31 || !slices.Contains(c.Levels, "Other")) {
			t.Errorf("City levels %v, want 30 + Other", c.Levels)
		}
		if c.Name == "Agree" && strings.Join(c.Levels, "|") != "Strongly disagree|Disagree|Neutral|Agree|Strongly agree" {
			t.Errorf("Likert order %v", c.Levels)
		}
	}
	if in.Respondents[0].ID != "1000" || len(in.Respondents[0].Quotes) != 1 || in.Respondents[0].Values[0].OK {
		t.Errorf("respondent 0 = %+v", in.Respondents[0])
	}
	if _, err := Build(context.Background(), in, Options{Seed: 1, K: 2, Bootstrap: 2}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := InferCSV(header, rows, CSVOptions{ID: "nope"}); err == nil {
		t.Error("want error for missing id column")
	}
	_ = math.NaN
}
