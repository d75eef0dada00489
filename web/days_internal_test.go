package web

import "testing"

func TestFilterDay(t *testing.T) {
	for _, c := range []struct {
		in, want string // want "" when in is no day
	}{
		{"1405/09/17", "2026-12-08"},
		{"۱۴۰۵/۹/۱۷", "2026-12-08"},
		{"1405-09-17", "2026-12-08"},
		{" 2026-12-08 ", "2026-12-08"},
		{"1403/12/30", "2025-03-20"}, // Esfand 30 of a leap year
		{"1404/12/30", ""},
		{"1405/07/31", ""},
		{"2026-02-29", ""},
		{"2026-12", ""},
		{"garbage", ""},
		{"1405/09/17/1", ""},
	} {
		day, ok := parseDay(c.in)
		got := ""
		if ok {
			got = day.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("parseDay(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
