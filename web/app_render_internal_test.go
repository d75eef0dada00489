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

// TestPersianDigitsKeepLatinTokens: Persian digits turn a text's numbers
// Persian but leave the digits of Latin names alone, which the reader
// types or finds as they are: /api/v1, UTF-8, Windows-1256, HMAC-SHA256,
// base64, 2xx, F1 (they read /api/v۱, UTF-۸, ۲xx).
func TestPersianDigitsKeepLatinTokens(t *testing.T) {
	for in, want := range map[string]string{
		"API سفر (/api/v1، /api/v1/openapi.json)":      "API سفر (/api/v1، /api/v1/openapi.json)",
		"UTF-8، UTF-16 یا Windows-1256. حداکثر 32 MiB": "UTF-8، UTF-16 یا Windows-1256. حداکثر ۳۲ MiB",
		"base64(HMAC-SHA256(key)) تا پاسخ 2xx":         "base64(HMAC-SHA256(key)) تا پاسخ 2xx",
		"F1 میانگین 0.84، k=4، 95٪، 1405/09/17 12:30":  "F1 میانگین ۰.۸۴، k=۴، ۹۵٪، ۱۴۰۵/۰۹/۱۷ ۱۲:۳۰",
		"سطر 4: «q1»": "سطر ۴: «q1»",
	} {
		if got := persianDigits(in); got != want {
			t.Errorf("persianDigits(%q) = %q, want %q", in, got, want)
		}
	}
}
