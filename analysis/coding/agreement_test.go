package coding

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-3 }

func TestCohenKappa(t *testing.T) {
	rep := func(n int, v string) []string { return strings.Fields(strings.Repeat(v+" ", n)) }
	cat := func(xs ...[]string) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x...)
		}
		return out
	}
	tests := []struct {
		name   string
		a, b   []string
		want   float64
		wantOK bool
	}{
		// 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po .7, pe .5.
		{"textbook", cat(rep(25, "y"), rep(25, "n")), cat(rep(20, "y"), rep(5, "n"), rep(10, "y"), rep(15, "n")), 0.4, true},
		{"perfect", []string{"a", "b", "c"}, []string{"a", "b", "c"}, 1, true},
		{"opposite", []string{"a", "b"}, []string{"b", "a"}, -1, true},
		{"one label throughout", []string{"a", "a"}, []string{"a", "a"}, 0, false},
		{"empty", nil, nil, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := CohenKappa(tt.a, tt.b)
			if ok != tt.wantOK || (ok && !near(got, tt.want)) {
				t.Errorf("kappa = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestKrippendorffAlpha(t *testing.T) {
	// Krippendorff (2011), "Computing Krippendorff's alpha-reliability":
	// four coders, twelve units, missing values; nominal alpha = 0.743.
	rows := [][]string{
		strings.Split("1 2 3 3 2 1 4 1 2 . . .", " "),
		strings.Split("1 2 3 3 2 2 4 1 2 5 . 3", " "),
		strings.Split(". 3 3 3 2 3 4 2 2 5 1 .", " "),
		strings.Split("1 2 3 3 2 4 4 1 2 5 1 .", " "),
	}
	units := make([][]string, 12)
	for u := range units {
		for _, r := range rows {
			v := r[u]
			if v == "." {
				v = ""
			}
			units[u] = append(units[u], v)
		}
	}
	if got, ok := KrippendorffAlpha(units); !ok || !near(got, 0.743) {
		t.Errorf("alpha = %v, %v; want 0.743", got, ok)
	}
	// Two coders, a/a a/b b/b b/b: 1 - 7*2/30.
	if got, ok := KrippendorffAlpha([][]string{{"a", "a"}, {"a", "b"}, {"b", "b"}, {"b", "b"}}); !ok || !near(got, 8.0/15) {
		t.Errorf("alpha = %v, %v; want %v", got, ok, 8.0/15)
	}
	if _, ok := KrippendorffAlpha([][]string{{"a", "a"}, {"a", "a"}}); ok {
		t.Error("alpha of one value throughout is defined; want undefined")
	}
}

func TestCoders(t *testing.T) {
	units := []Unit{
		{ID: "1", Text: "the queue was long", A: []string{"wait"}, B: []string{"wait"}},
		{ID: "2", Text: "price is too high", A: []string{"price"}, B: []string{"price", "value"}},
		{ID: "3", Text: "rude cashier", A: []string{"staff"}, B: []string{"staff"}},
		{ID: "4", Text: "fine", A: nil, B: nil},
		{ID: "5", Text: "slow and rude", A: []string{"wait"}, B: []string{"staff"}},
	}
	got := Coders(units)
	if got.Units != 5 || got.Agreed != 3 || len(got.Disagreements) != 2 {
		t.Fatalf("units %d agreed %d disagreements %d; want 5, 3, 2", got.Units, got.Agreed, len(got.Disagreements))
	}
	d := got.Disagreements[1]
	if d.ID != "5" || strings.Join(d.OnlyA, ",") != "wait" || strings.Join(d.OnlyB, ",") != "staff" {
		t.Errorf("disagreement = %+v; want unit 5, only A wait, only B staff", d)
	}
	byCode := map[string]CodeAgreement{}
	for _, c := range got.PerCode {
		byCode[c.Code] = c
	}
	if c := byCode["price"]; !c.Kappa.Defined || !near(c.Kappa.Value, 1) || c.Both != 1 {
		t.Errorf("price = %+v; want kappa 1 on one shared unit", c)
	}
	if c := byCode["value"]; c.A != 0 || c.B != 1 || c.Kappa.Defined && c.Kappa.Value > 0 {
		t.Errorf("value = %+v; want only B, no positive agreement", c)
	}
	if !got.Kappa.Defined || got.Kappa.Value <= 0 || got.Kappa.Value >= 1 {
		t.Errorf("overall kappa = %+v; want between 0 and 1", got.Kappa)
	}
	b, _ := json.Marshal(Coders([]Unit{{ID: "1", A: []string{"x"}, B: []string{"x"}}}))
	if !strings.Contains(string(b), `"kappa":null`) {
		t.Errorf("undefined kappa encodes as %s; want null", b)
	}
}
