package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"
	"unicode"

	"github.com/safarhq/safar/demo"
)

// TestServedDemoLeadsWithLateDelivery: the demo a newcomer sees (`safar
// demo`, the data `serve --demo` seeds) opens its pain points with the
// problem the generator planted most, late delivery, as one pain point
// voiced in both languages, its quotes about late deliveries. The study
// tests analyse another draw of the generator; this one is what the quick
// start shows, and an analysis change once merged its English late
// deliveries with the out-of-stock answers ("days, order, stock") and
// lost the join while every other check passed.
func TestServedDemoLeadsWithLateDelivery(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	out := demoProjectJSON(t, db)
	var res struct {
		PainPoints struct {
			PainPoints []struct {
				Label    string   `json:"label"`
				Examples []string `json:"examples"`
			} `json:"pain_points"`
		} `json:"pain_points"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	pps := res.PainPoints.PainPoints
	if len(pps) == 0 {
		t.Fatal("no pain points")
	}
	first := pps[0]
	late, persian, english := 0, 0, 0
	for _, q := range first.Examples {
		if slices.Contains(demo.Topics(q), "late_delivery") {
			late++
		}
		if slices.ContainsFunc([]rune(q), func(r rune) bool { return unicode.Is(unicode.Arabic, r) }) {
			persian++
		} else {
			english++
		}
	}
	if late*4 < len(first.Examples)*3 || persian == 0 || english == 0 {
		t.Errorf("first pain point %q: %d of %d quotes about late delivery (want 3 in 4), %d Persian and %d English (want both): %q",
			first.Label, late, len(first.Examples), persian, english, first.Examples)
	}
}
