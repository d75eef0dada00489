package report

import (
	"testing"
	"time"
)

// The calendar itself is tested in internal/jalali; this checks the
// report's wrapper still gives the same dates and formats.
func TestToJalali(t *testing.T) {
	got := ToJalali(time.Date(2026, 11, 22, 12, 0, 0, 0, time.UTC))
	if want := (JalaliDate{Year: 1405, Month: 9, Day: 1}); got != want {
		t.Errorf("ToJalali = %v, want %v", got, want)
	}
	if got, want := got.Persian(), "۱ آذر ۱۴۰۵"; got != want {
		t.Errorf("Persian() = %q, want %q", got, want)
	}
}
