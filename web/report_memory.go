package web

import (
	"log/slog"
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// reportMemory holds the process's soft memory limit (debug.SetMemoryLimit)
// down while workbook jobs run. `safar serve` lets the heap grow by 400%
// between collections under a limit of half the machine, which suits
// submissions; a 1,000,000-response workbook would then take gigabytes.
// While jobs run, the limit is the memory the server was using when the
// first of them started plus each running job's budget (never above the
// limit it had); when the last one ends, the limit it had is restored.
// The limit is process-wide, so overlapping jobs share one: each adds its
// budget, and the limit is restored only once all have ended.
// GOGC stays as it is: the server collects more often only while a job
// runs and its heap nears the limit (the runtime then gives the collector
// at most half the CPU; the limit is soft, so nothing fails for it).
type reportMemory struct {
	budget func(responses int64) int64 // nil: the limit is left alone
	log    *slog.Logger

	mu    sync.Mutex
	jobs  map[int]int64 // the running jobs' budgets, by number
	next  int
	saved int64 // the limit before the first of them
	base  int64 // the memory in use then
	// setLimit and inUse are debug.SetMemoryLimit and memoryInUse (tests
	// replace them).
	setLimit func(int64) int64
	inUse    func() int64
}

// DefaultReportMemoryBudget is the most one report job adds to the
// server's memory in `safar serve`: with the memory of a server that has
// just shown a 1,000,000-response study (about 150 MiB, mostly its stored
// result, which the analysis pages keep decoded) it makes about the
// 900 MiB that holds `safar report` under 1 GB; measured, the server's
// peak was 906-928 MiB for that download (docs/report.md).
const DefaultReportMemoryBudget = 736 << 20

// reportBudget is a job's share of the memory: 64 MiB and 1 KiB a
// response, at most max. A report's live data are a few hundred bytes a
// response (docs/report.md), so below the cap the collector keeps about
// as much again free. Measured on a 100,000-response job: the server
// peaked at 239-241 MiB (335-363 MiB under GOGC=400 alone), and
// submissions made during the job kept their rate (with 700 bytes a
// response they lost a quarter to two fifths of it to the collector). A
// 1,000,000-response job gets max, nearer its live data. A job that does
// not know its size (responses < 0) gets max too.
func reportBudget(max int64) func(responses int64) int64 {
	return func(responses int64) int64 {
		const floor, perResponse = 64 << 20, 1 << 10
		if responses < 0 {
			return max
		}
		return min(max, floor+perResponse*responses)
	}
}

// enter accounts for a job of the given number of responses and returns
// the function that ends it.
func (m *reportMemory) enter(responses int64) (leave func()) {
	if m == nil || m.budget == nil {
		return func() {}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.jobs) == 0 {
		m.saved = m.setLimit(-1)
		m.base = m.inUse()
		m.jobs = map[int]int64{}
	}
	m.next++
	key := m.next
	m.jobs[key] = m.budget(responses)
	m.apply()
	return sync.OnceFunc(func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		delete(m.jobs, key)
		if len(m.jobs) == 0 {
			m.setLimit(m.saved)
			return
		}
		m.apply()
	})
}

// apply sets the limit for the running jobs.
func (m *reportMemory) apply() {
	limit := m.base
	for _, b := range m.jobs {
		limit += b
	}
	limit = min(limit, m.saved)
	m.setLimit(limit)
	if m.log != nil {
		m.log.Debug("report jobs' memory limit", "jobs", len(m.jobs), "base_mib", m.base>>20, "limit_mib", limit>>20)
	}
}

// HoldMemory holds the soft memory limit down, as for a workbook job of
// the given number of responses (< 0: unknown, the whole budget), until
// the returned function is called. The background analysis runner holds
// it around each run (studyrun.Runner.Hold): a 1,000,000-response
// analysis would otherwise grow to gigabytes under `safar serve`'s GOGC.
func (s *Server) HoldMemory(responses int64) (release func()) {
	return s.reportMemory.enter(responses)
}

// memoryInUse is the Go runtime memory the server needs outside a job:
// what the memory limit counts (all memory mapped by the runtime less
// what it has returned to the system), less the heap's free spans, which
// the runtime returns to the system under a lower limit, and its dead
// objects. It collects first, so that the garbage of the requests before
// the job (a stored result decoded) is not taken for memory the server
// needs: at 100,000 responses, 35-38 MiB against 60-218 MiB counted with
// the free spans and without collecting.
func memoryInUse() int64 {
	runtime.GC()
	s := []metrics.Sample{
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/gc/heap/live:bytes"},
	}
	metrics.Read(s)
	v := func(i int) int64 {
		if s[i].Value.Kind() != metrics.KindUint64 {
			return 0
		}
		return int64(min(s[i].Value.Uint64(), math.MaxInt64))
	}
	return v(0) - v(1) - v(2) - v(3) + min(v(4), v(3))
}

// newReportMemory holds report jobs to budgets of at most max bytes,
// logging each limit it sets at debug level; 0 leaves the limit alone.
func newReportMemory(max int64, log *slog.Logger) *reportMemory {
	if max <= 0 {
		return nil
	}
	return &reportMemory{budget: reportBudget(max), log: log, setLimit: debug.SetMemoryLimit, inUse: memoryInUse}
}
