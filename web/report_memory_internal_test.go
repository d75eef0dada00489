package web

import (
	"runtime/debug"
	"testing"
)

// TestReportMemoryLimit: while report jobs run, the process's soft memory
// limit is the memory in use when the first started plus each running
// job's budget, never above the limit it had; overlapping jobs share it
// (the limit is process-wide) and it is restored when the last one ends,
// in whichever order they end.
func TestReportMemoryLimit(t *testing.T) {
	const MiB = 1 << 20
	limit, inUse := int64(12<<30), int64(100*MiB)
	m := &reportMemory{budget: reportBudget(900 * MiB),
		setLimit: func(l int64) int64 {
			old := limit
			if l >= 0 {
				limit = l
			}
			return old
		},
		inUse: func() int64 { return inUse }}
	want := func(what string, l int64) {
		t.Helper()
		if limit != l {
			t.Errorf("%s: limit %d MiB, want %d MiB", what, limit/MiB, l/MiB)
		}
	}
	big := m.enter(1_000_000)
	want("a 1,000,000-response job", 1000*MiB)
	inUse = 700 * MiB // the first job's data: not the second's base
	small := m.enter(100_000)
	small100k := reportBudget(900 * MiB)(100_000)
	want("and a 100,000-response job", 1000*MiB+small100k)
	big()
	want("the big job done", 100*MiB+small100k)
	big() // a second call changes nothing
	want("the big job done twice", 100*MiB+small100k)
	small()
	want("both done", 12<<30)

	inUse = 20 * MiB
	limit = 500 * MiB // the operator's, below the budget: it stands
	done := m.enter(1_000_000)
	want("under a lower limit", 500*MiB)
	done()
	want("done under a lower limit", 500*MiB)
}

// TestReportBudget: a small study's job gets a small budget, a big one at
// most the budget asked for.
func TestReportBudget(t *testing.T) {
	b := reportBudget(900 << 20)
	if s, l := b(1000), b(100_000); s >= l || l >= 900<<20 {
		t.Errorf("budgets %d (1,000) and %d (100,000 responses), want growing and below 900 MiB", s, l)
	}
	if got := b(1_000_000); got != 900<<20 {
		t.Errorf("budget at 1,000,000 responses %d, want 900 MiB", got)
	}
	if got := b(-1); got != 900<<20 {
		t.Errorf("budget of a job of unknown size (the background analysis) %d, want 900 MiB", got)
	}
}

// TestReportMemoryOff: without a budget (GOMEMLIMIT set by the operator)
// the process's limit is left alone.
func TestReportMemoryOff(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	newReportMemory(0, nil).enter(1_000_000)()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit %d, want %d untouched", got, before)
	}
	if in := memoryInUse(); in <= 0 {
		t.Errorf("memory in use %d", in)
	}
}
