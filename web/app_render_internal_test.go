package web

import "testing"

// TestNumbersRoundAsTheWorkbook: a half rounds away from zero, as the
// workbook's number formats round it, so a page and the workbook show one
// number: the journey map's emotion 40.5 (a 2.62 mean on a 1-5 rating) read
// 40 on the page and 41 in the workbook; a 12.5% share read 12% and 13%.
func TestNumbersRoundAsTheWorkbook(t *testing.T) {
	for _, c := range []struct {
		f    float64
		prec int
		want string
	}{{40.5, 0, "41"}, {41.5, 0, "42"}, {-40.5, 0, "-41"}, {0.125, 2, "0.13"}, {2.625, 2, "2.63"}, {53, 0, "53"}, {0.2, 3, "0.200"}} {
		if got := formatFloat(c.f, c.prec); got != c.want {
			t.Errorf("formatFloat(%v, %d) = %q, want %q", c.f, c.prec, got, c.want)
		}
	}
	pct := appFuncs("en", false)["pct"].(func(float64) string)
	if got := pct(0.125); got != "13%" {
		t.Errorf("pct(0.125) = %q, want 13%%", got)
	}
	if got := appFuncs("fa", true)["pct"].(func(float64) string)(0.125); got != "۱۳٪" {
		t.Errorf("Persian pct(0.125) = %q, want ۱۳٪", got)
	}
}
