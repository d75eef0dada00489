package report

import (
	"time"

	"github.com/safarhq/safar/internal/jalali"
)

// JalaliDate is a date in the Solar Hijri (Jalali) calendar used in Iran;
// the conversion lives in internal/jalali, shared with the web layer.
type JalaliDate = jalali.Date

// ToJalali converts the calendar date of t (in t's own location) to Jalali.
func ToJalali(t time.Time) JalaliDate { return jalali.FromTime(t) }

// persianDigits replaces ASCII digits with Persian (Extended Arabic-Indic) ones.
func persianDigits(s string) string { return jalali.PersianDigits(s) }
