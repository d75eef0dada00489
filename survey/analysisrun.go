package survey

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// An analysis of a study (one survey or a whole project) runs in the
// background and its result is kept, so the analysis pages show it
// instantly; researcher corrections are kept per study and applied on every
// run.

// AnalysisScope names what an analysis covers: a survey (by slug) or a
// project (by id). Its String form is the key runs and corrections are
// stored under.
type AnalysisScope struct {
	Survey    string // slug; set for a survey
	ProjectID int64  // set for a project
}

// String is "survey:SLUG" or "project:ID".
func (s AnalysisScope) String() string {
	if s.Survey != "" {
		return "survey:" + s.Survey
	}
	return "project:" + strconv.FormatInt(s.ProjectID, 10)
}

// ParseAnalysisScope reads the String form back.
func ParseAnalysisScope(v string) (AnalysisScope, error) {
	kind, rest, _ := strings.Cut(v, ":")
	switch kind {
	case "survey":
		if rest != "" {
			return AnalysisScope{Survey: rest}, nil
		}
	case "project":
		if id, err := strconv.ParseInt(rest, 10, 64); err == nil && id > 0 {
			return AnalysisScope{ProjectID: id}, nil
		}
	}
	return AnalysisScope{}, fmt.Errorf("analysis scope %q: %w", v, ErrInvalid)
}

// RunStatus is where an analysis run is.
type RunStatus string

// Run statuses.
const (
	RunQueued  RunStatus = "queued"
	RunRunning RunStatus = "running"
	RunDone    RunStatus = "done"
	RunFailed  RunStatus = "failed"
)

// Why a run failed, stored as its Message: the pages say it in the
// reader's language, the error itself is in the server's log under the
// run's id.
const (
	RunInterrupted = "interrupted" // the server stopped before it finished
	RunError       = "error"       // anything else
)

// Finished reports whether the run will not change any more.
func (s RunStatus) Finished() bool { return s == RunDone || s == RunFailed }

// AnalysisRun is one analysis of a scope.
type AnalysisRun struct {
	ID       int64
	Scope    string // AnalysisScope.String()
	Status   RunStatus
	Progress float64 // 0..1
	Message  string  // what it is doing now, or why it failed (RunInterrupted, RunError)
	K        int     // personas: 0 = automatic
	Seed     uint64
	// Options is the JSON of the corrections applied, recorded when the
	// run starts.
	Options string
	// Result is the study result's JSON once done.
	Result string
	// DataVersion is the scope's AnalysisDataVersion when the run started;
	// a different current version means the result is stale.
	DataVersion string
	RequestedBy int64 // user id, 0 when unknown
	CreatedAt   time.Time
	StartedAt   *time.Time
	FinishedAt  *time.Time
	// HeartbeatAt is the last sign of life of a running run; a run
	// without one for a long time is claimed again (its process died).
	HeartbeatAt *time.Time
}

// AnalysisSettings are a researcher's corrections and choices for one
// scope, kept across runs and applied on each.
type AnalysisSettings struct {
	Scope string `json:"-"`
	// Pain point corrections, keyed by stable pain point key.
	Merge  map[string]string `json:"merge,omitempty"`  // key -> key it is merged into
	Rename map[string]string `json:"rename,omitempty"` // key -> label
	Hide   []string          `json:"hide,omitempty"`
	// Labels name the merged and hidden pain points in the list of
	// corrections, as the researcher saw them when correcting (a key is a
	// word of the analysis, not a name, and they leave the results).
	Labels map[string]string `json:"labels,omitempty"`
	// Personas: K (0 = automatic, else 2..8) and the questions left out.
	K         int       `json:"k,omitempty"`
	Exclude   []string  `json:"exclude,omitempty"` // question ids
	UpdatedAt time.Time `json:"-"`
}

// AnalysisStore keeps analysis runs and settings.
type AnalysisStore interface {
	// EnqueueAnalysisRun queues a run of r.Scope with r.K and r.Seed. If a
	// run of that scope is already queued it is updated and returned
	// instead, so repeated clicks do not pile up work.
	EnqueueAnalysisRun(ctx context.Context, r *AnalysisRun) error
	// ClaimAnalysisRun marks the oldest queued run (or a running one whose
	// heartbeat is older than staleBefore) as running and returns it, or
	// ErrNotFound when there is none. Concurrent claimers, in this or
	// other processes, never get the same run.
	ClaimAnalysisRun(ctx context.Context, now, staleBefore time.Time) (*AnalysisRun, error)
	// UpdateAnalysisProgress records progress and a heartbeat.
	UpdateAnalysisProgress(ctx context.Context, id int64, progress float64, message string, now time.Time) error
	// StartAnalysisRun records what a claimed run works on.
	StartAnalysisRun(ctx context.Context, id int64, dataVersion, options string) error
	// FinishAnalysisRun stores the outcome: done with a result, or failed
	// with a message.
	FinishAnalysisRun(ctx context.Context, id int64, status RunStatus, result, message string, now time.Time) error
	AnalysisRun(ctx context.Context, id int64) (*AnalysisRun, error)
	// LatestAnalysisRun is the newest run of a scope (any status), without
	// its result; ErrNotFound if none.
	LatestAnalysisRun(ctx context.Context, scope string) (*AnalysisRun, error)
	// LatestAnalysisResult is the newest done run of a scope with its
	// result (without it when withResult is false); ErrNotFound if none.
	LatestAnalysisResult(ctx context.Context, scope string, withResult bool) (*AnalysisRun, error)
	// AnalysisResult is the stored result of a run.
	AnalysisResult(ctx context.Context, id int64) (string, error)
	// AnalysisSettings returns a scope's settings (empty when none saved).
	AnalysisSettings(ctx context.Context, scope string) (*AnalysisSettings, error)
	SaveAnalysisSettings(ctx context.Context, s *AnalysisSettings) error
	// AnalysisDataVersion summarises the scope's data (responses,
	// transcripts and their lines, survey definitions) cheaply: counts and
	// latest change times. It changes when data arrive or go. It ends
	// with the summary of the researchers' codes and of the codings the
	// scope's analysis reads, from CodesVersion on (see StaleParts).
	AnalysisDataVersion(ctx context.Context, scope AnalysisScope) (string, error)
}

// CodesVersion opens the codes part of an AnalysisDataVersion (no data
// part holds it).
const CodesVersion = "|c"

// StaleParts says what changed between the data version a run saw and the
// current one: the data (responses, transcripts, notes, definitions), the
// codes (the codebook and the codings the analysis reads), or both.
func StaleParts(run, current string) (data, codes bool) {
	rd, rc := cutCodes(run)
	cd, cc := cutCodes(current)
	return rd != cd, rc != cc
}

func cutCodes(v string) (data, codes string) {
	if i := strings.LastIndex(v, CodesVersion); i >= 0 {
		return v[:i], v[i:]
	}
	return v, ""
}
