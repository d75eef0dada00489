package main

import (
	"runtime/debug"
	"testing"

	"github.com/safarhq/safar/web"
)

// TestTuneGCReportBudget: safar serve holds web report jobs to the
// report's memory budget, unless the operator set GOMEMLIMIT: then the
// limit stands, jobs included, and so does GOGC.
func TestTuneGCReportBudget(t *testing.T) {
	gc, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(-1)
	debug.SetGCPercent(gc)
	t.Cleanup(func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
	set := func(string) string { return "set" }
	if got := tuneGC(set); got != 0 {
		t.Errorf("with GOGC and GOMEMLIMIT set: report budget %d, want 0 (the limit stands)", got)
	}
	if g, l := debug.SetGCPercent(gc), debug.SetMemoryLimit(-1); g != gc || l != limit {
		t.Errorf("with GOGC and GOMEMLIMIT set: GOGC %d, limit %d; want %d, %d untouched", g, l, gc, limit)
	}
	if got := tuneGC(func(string) string { return "" }); got != web.DefaultReportMemoryBudget {
		t.Errorf("report budget %d, want %d", got, web.DefaultReportMemoryBudget)
	}
	if g := debug.SetGCPercent(gc); g != 400 {
		t.Errorf("GOGC %d, want 400", g)
	}
}
