package jalali

import (
	"testing"
	"time"
)

func TestFromTime(t *testing.T) {
	tests := []struct {
		name string
		g    string
		want Date
	}{
		{"revolution day", "1979-02-11", Date{1357, 11, 22}},
		{"nowruz 1402", "2023-03-21", Date{1402, 1, 1}},
		{"last day of 1402", "2024-03-19", Date{1402, 12, 29}},
		{"nowruz 1403", "2024-03-20", Date{1403, 1, 1}},
		{"leap esfand 30 1403", "2025-03-20", Date{1403, 12, 30}},
		{"nowruz 1404", "2025-03-21", Date{1404, 1, 1}},
		{"end of first half", "2025-09-22", Date{1404, 6, 31}},
		{"mehr 1", "2025-09-23", Date{1404, 7, 1}},
		{"azar 1 1405", "2026-11-22", Date{1405, 9, 1}},
		{"gregorian leap day", "2028-02-29", Date{1406, 12, 10}},
		{"y2k", "2000-01-01", Date{1378, 10, 11}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g, err := time.Parse("2006-01-02", tt.g)
			if err != nil {
				t.Fatal(err)
			}
			if got := FromTime(g); got != tt.want {
				t.Errorf("FromTime(%s) = %v, want %v", tt.g, got, tt.want)
			}
		})
	}
}

func TestJalaliFormat(t *testing.T) {
	d := Date{1405, 9, 1}
	if got, want := d.String(), "1405/09/01"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if got, want := d.Persian(), "۱ آذر ۱۴۰۵"; got != want {
		t.Errorf("Persian() = %q, want %q", got, want)
	}
}

// TestFromTimeRoundTrip walks every day for 60 years and checks the Jalali
// dates advance by exactly one day with valid month lengths.
func TestFromTimeRoundTrip(t *testing.T) {
	day := time.Date(1990, 1, 1, 12, 0, 0, 0, time.UTC)
	prev := FromTime(day)
	for i := 0; i < 60*366; i++ {
		day = day.AddDate(0, 0, 1)
		got := FromTime(day)
		switch {
		case got.Year == prev.Year && got.Month == prev.Month && got.Day == prev.Day+1:
		case got.Year == prev.Year && got.Month == prev.Month+1 && got.Day == 1:
			if (prev.Month <= 6 && prev.Day != 31) || (prev.Month > 6 && prev.Day != 30) {
				t.Fatalf("%v -> %v: month %d ended on day %d", day, got, prev.Month, prev.Day)
			}
		case got.Year == prev.Year+1 && got.Month == 1 && got.Day == 1:
			if prev.Month != 12 || (prev.Day != 29 && prev.Day != 30) {
				t.Fatalf("%v: year ended on %v", day, prev)
			}
		default:
			t.Fatalf("%v: %v does not follow %v", day, got, prev)
		}
		prev = got
	}
}

// TestTimeInvertsFromTime: every day of 60 years comes back from its
// Jalali date, and dates that are no day of the calendar are refused.
func TestTimeInvertsFromTime(t *testing.T) {
	day := time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 60*366; i++ {
		d := FromTime(day)
		if got, ok := d.Time(time.UTC); !ok || !got.Equal(day) {
			t.Fatalf("%v.Time() = %v, %v; want %v", d, got, ok, day)
		}
		day = day.AddDate(0, 0, 1)
	}
	for _, d := range []Date{{1405, 13, 1}, {1405, 0, 1}, {1405, 7, 31}, {1404, 12, 30}, {1405, 1, 0}, {1405, 1, 32}} {
		if got, ok := d.Time(time.UTC); ok {
			t.Errorf("%v.Time() = %v, want no such day", d, got)
		}
	}
	if got, ok := (Date{1403, 12, 30}).Time(time.UTC); !ok || got.Format("2006-01-02") != "2025-03-20" {
		t.Errorf("Esfand 30 of leap 1403 = %v, %v; want 2025-03-20", got, ok)
	}
}
