package web

import (
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

// A workbook of a big study takes seconds to minutes to build, so the web
// prepares it in the background (issue 17) rather than inside one request:
// the researcher asks for it in a language, watches its progress (rows of
// responses written) and downloads the finished file. Jobs live in this
// process's memory and their files in the temporary directory for an hour;
// with several processes behind one address the status and download
// requests must reach the process that prepares the workbook (sticky
// sessions), see docs/report.md.

// reportJobTTL is how long a prepared workbook stays downloadable.
const reportJobTTL = time.Hour

// reportJob is one workbook being prepared or ready.
type reportJob struct {
	ID, Scope, Lang string
	Created         time.Time
	total           int64        // responses expected (from the stored analysis)
	done            atomic.Int64 // response rows written so far
	// A job that analyses afresh (a correction saved since the stored run)
	// first reads the responses and analyses them: read counts them,
	// analysed is the analysis' progress in thousandths, phase its step
	// ("loading", "painpoints", "personas", "journeys"; "" once the
	// workbook is written).
	fresh    bool
	read     atomic.Int64
	analysed atomic.Int64
	phase    atomic.Pointer[string]

	mu       sync.Mutex
	finished bool
	err      error
	path     string // the finished file
	name     string // its download name
	size     int64
}

// Progress is the share of the work done, below 1 until finished: the
// response rows written, after the analysis (two fifths) when the job
// analyses afresh.
func (j *reportJob) Progress() float64 {
	if f, _, _ := j.state(); f {
		return 1
	}
	rows := 0.0
	if j.total > 0 {
		rows = min(float64(j.done.Load())/float64(j.total), 1)
	}
	if j.fresh {
		return min(0.4*min(float64(j.analysed.Load())/1000, 1)+0.6*rows, 0.99)
	}
	return min(rows, 0.99)
}

// setPhase records the step the job is at ("" for the workbook).
func (j *reportJob) setPhase(step string) { j.phase.Store(&step) }

// Step says in lang what the job is doing, with its counts.
func (j *reportJob) Step(lang string) string {
	phase := ""
	if p := j.phase.Load(); p != nil {
		phase = *p
	}
	switch phase {
	case "":
		return appText(lang, "an_report_rows", int(j.done.Load()), int(j.total))
	case "loading":
		return appText(lang, "an_report_read", int(j.read.Load()), int(j.total))
	default:
		return appText(lang, "an_report_step", appText(lang, "an_run_step."+phase), int(j.read.Load()))
	}
}

func (j *reportJob) state() (finished bool, err error, size int64) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.finished, j.err, j.size
}

func (j *reportJob) finish(path string, size int64, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.finished, j.path, j.size, j.err = true, path, size, err
}

// reportJobs is the process's registry of workbook jobs.
type reportJobs struct {
	mu     sync.Mutex
	jobs   map[string]*reportJob
	closed bool // the server closed: no file is kept any more
}

// finished records that j is done: its workbook's temporary file, or err.
// After close the file is removed at once.
func (r *reportJobs) finished(j *reportJob, path string, size int64, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed && path != "" {
		os.Remove(path)
		path, err = "", errServerClosed
	}
	j.finish(path, size, err)
}

// close removes every workbook prepared for download; one still being
// prepared is removed when it is done (finished).
func (r *reportJobs) close() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.closed = true
	for id, j := range r.jobs {
		j.mu.Lock()
		if j.path != "" {
			os.Remove(j.path)
			j.path = ""
		}
		j.mu.Unlock()
		delete(r.jobs, id)
	}
}

// errServerClosed: a workbook finished after the server closed.
var errServerClosed = errors.New("the server is shutting down")

// start registers a job for scope in lang, unless one for the same scope
// and language is still running: that one is returned instead (started
// false), so a double click builds one workbook. Jobs past their TTL are
// dropped and their files removed.
// fresh: the job analyses afresh before writing (its first step is
// reading the responses).
func (r *reportJobs) start(scope, lang string, total int64, fresh bool, now time.Time) (j *reportJob, started bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.jobs == nil {
		r.jobs = map[string]*reportJob{}
	}
	for id, old := range r.jobs {
		finished, _, _ := old.state()
		switch {
		case now.Sub(old.Created) > reportJobTTL && finished:
			old.mu.Lock()
			if old.path != "" {
				os.Remove(old.path)
			}
			old.mu.Unlock()
			delete(r.jobs, id)
		case !finished && old.Scope == scope && old.Lang == lang:
			return old, false
		}
	}
	j = &reportJob{ID: uuid.NewString(), Scope: scope, Lang: lang, Created: now, total: total, fresh: fresh}
	if fresh {
		j.setPhase("loading")
	}
	r.jobs[j.ID] = j
	return j, true
}

// get is the job id of scope, if any.
func (r *reportJobs) get(scope, id string) (*reportJob, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	j, ok := r.jobs[id]
	if !ok || j.Scope != scope {
		return nil, false
	}
	return j, true
}
