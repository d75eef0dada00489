package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/safarhq/safar/internal/jalali"
	"github.com/safarhq/safar/survey"
)

// parseDay reads a day typed in a date field (the responses' filter, a
// survey's closing date), as midnight in the server's time zone. A Persian page shows its dates in the Jalali calendar
// (1405/09/17) and takes them back so, in Latin or Persian digits; a year
// from 1700 on is Gregorian (2026-12-08), as an English page's date field
// sends it and as a link a colleague shares carries it. ok is false when s
// is no day of either calendar.
func parseDay(s string) (day time.Time, ok bool) {
	parts := strings.FieldsFunc(survey.NormalizeDigits(strings.TrimSpace(s)), func(r rune) bool {
		return r == '/' || r == '-' || r == '.' || r == ' ' || r == '٫' || r == '\u200f' || r == '\u200e'
	})
	if len(parts) != 3 {
		return time.Time{}, false
	}
	var n [3]int
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || v < 0 || len(p) > 4 {
			return time.Time{}, false
		}
		n[i] = v
	}
	y, m, d := n[0], n[1], n[2]
	if y < 1700 {
		return jalali.Date{Year: y, Month: m, Day: d}.Time(time.Local)
	}
	day = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local)
	return day, m >= 1 && m <= 12 && day.Day() == d // not 31 April, which time.Date moves to 1 May
}
