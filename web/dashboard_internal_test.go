package web

import (
	"testing"
	"time"
)

// The time chart draws the whole fieldwork: a bar per day up to
// dashboardBars days, then a bar per week (or per several weeks), and no
// response is left out.
func TestDayBarsCoverTheWholeFieldwork(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2026, 9, 1, 0, 0, 0, 0, time.Local).AddDate(0, 0, n) }
	tests := []struct {
		name           string
		perDay         map[int]int // day offset → responses
		bars, per, max int
		lastEnd        int // offset of the last bar's last day; -1 when bars are days
	}{
		{"one day", map[int]int{0: 3}, 1, 1, 3, -1},
		{"60 days: a bar per day", map[int]int{0: 1, 59: 2}, 60, 1, 2, -1},
		{"61 days: a bar per week", map[int]int{0: 1, 1: 1, 6: 1, 7: 4, 60: 2}, 9, 7, 4, 60},
		{"98 days, the QA's survey", map[int]int{0: 11, 10: 5, 40: 7, 97: 1}, 14, 7, 11, 97},
		{"two years: a bar per 2 weeks", map[int]int{0: 1, 729: 1}, 53, 14, 1, 729},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			perDay := map[time.Time]int{}
			total := 0
			for off, n := range tt.perDay {
				perDay[day(off)] += n
				total += n
			}
			bars, maxN, per := dayBars(perDay)
			if len(bars) != tt.bars || per != tt.per || maxN != tt.max {
				t.Fatalf("%d bars of %d days, max %d; want %d of %d, max %d", len(bars), per, maxN, tt.bars, tt.per, tt.max)
			}
			if len(bars) > dashboardBars {
				t.Errorf("%d bars, more than %d", len(bars), dashboardBars)
			}
			sum := 0
			for _, b := range bars {
				sum += b.Count
			}
			if sum != total {
				t.Errorf("the bars hold %d responses, want all %d", sum, total)
			}
			if !bars[0].Day.Equal(day(0)) {
				t.Errorf("first bar starts %v, want the first day", bars[0].Day)
			}
			last := bars[len(bars)-1]
			if tt.lastEnd < 0 && !last.End.IsZero() || tt.lastEnd >= 0 && !last.End.Equal(day(tt.lastEnd)) {
				t.Errorf("last bar ends %v, want day %d", last.End, tt.lastEnd)
			}
		})
	}
}
