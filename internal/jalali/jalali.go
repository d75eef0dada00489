// Package jalali converts Gregorian dates to the Solar Hijri (Jalali)
// calendar used in Iran. Standard library only, so both the web layer and
// the report writer can use it.
package jalali

import (
	"fmt"
	"strings"
	"time"
)

// Date is a date in the Solar Hijri (Jalali) calendar used in Iran.
type Date struct {
	Year, Month, Day int
}

// FromTime converts the calendar date of t (in t's own location) to Jalali.
// It uses the 33-year arithmetic cycle (the jalaali-js algorithm), which
// matches the official calendar for Gregorian years 1800-2256 at least.
func FromTime(t time.Time) Date {
	gy, gmm, gd := t.Date()
	gm := int(gmm)
	daysBeforeMonth := [12]int{0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}
	gy2 := gy
	if gm > 2 {
		gy2 = gy + 1
	}
	days := 355666 + 365*gy + (gy2+3)/4 - (gy2+99)/100 + (gy2+399)/400 + gd + daysBeforeMonth[gm-1]
	jy := -1595 + 33*(days/12053)
	days %= 12053
	jy += 4 * (days / 1461)
	days %= 1461
	if days > 365 {
		jy += (days - 1) / 365
		days = (days - 1) % 365
	}
	var jm, jd int
	if days < 186 {
		jm, jd = 1+days/31, 1+days%31
	} else {
		jm, jd = 7+(days-186)/30, 1+(days-186)%30
	}
	return Date{jy, jm, jd}
}

// Time is the midnight in loc that starts the Gregorian day of d, and
// false when d is no day of the calendar (month 13, Mehr 31, Esfand 30 of
// a common year). It walks from FromTime's Nowruz, so the two agree on
// every day.
func (d Date) Time(loc *time.Location) (time.Time, bool) {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Day > 31 {
		return time.Time{}, false
	}
	// Nowruz falls on 19-22 March of Gregorian year Jalali + 621.
	t := time.Date(d.Year+621, 3, 18, 0, 0, 0, 0, loc)
	for i := 0; i < 6 && FromTime(t) != (Date{d.Year, 1, 1}); i++ {
		t = t.AddDate(0, 0, 1)
	}
	days := (d.Month-1)*31 + d.Day - 1 // the first six months have 31 days
	if d.Month > 6 {
		days = 186 + (d.Month-7)*30 + d.Day - 1 // the rest 30 (Esfand 29 or 30)
	}
	t = t.AddDate(0, 0, days)
	return t, FromTime(t) == d
}

// String gives the numeric form with Latin digits, e.g. "1405/09/01".
func (d Date) String() string {
	return fmt.Sprintf("%04d/%02d/%02d", d.Year, d.Month, d.Day)
}

// Months are the Persian month names, Farvardin first.
var Months = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
	"مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}

// Persian gives the long Persian form with Persian digits, e.g. "۱ آذر ۱۴۰۵".
func (d Date) Persian() string {
	if d.Month < 1 || d.Month > 12 {
		return PersianDigits(d.String())
	}
	return PersianDigits(fmt.Sprintf("%d %s %d", d.Day, Months[d.Month-1], d.Year))
}

// PersianDigits replaces ASCII digits with Persian (Extended Arabic-Indic) ones.
func PersianDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return '۰' + (r - '0')
		}
		return r
	}, s)
}
