package studyrun

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/safarhq/safar/survey"
)

// Store is what the runner needs.
type Store interface {
	Source
	survey.AnalysisStore
}

// Runner runs queued analyses one at a time.
type Runner struct {
	Store Store
	Log   *slog.Logger
	Now   func() time.Time
	// Poll is how often an idle runner looks for queued runs (default 2s).
	Poll time.Duration
	// StaleAfter is how long a running run may go without a heartbeat
	// before another runner takes it over (default 10 minutes).
	StaleAfter time.Duration
	// Heartbeat is how often a long step reports it is alive (default 20s).
	Heartbeat time.Duration
	// Bootstrap is passed to study.Options (0: default, <0: no stability).
	Bootstrap int
	// Hold, when set, is called as each run starts and the function it
	// returns when the run ends, once its result is stored: `safar serve`
	// holds its soft memory limit down meanwhile (web.Server.HoldMemory),
	// as for a workbook.
	Hold func(responses int64) (release func())

	wake chan struct{}
	once sync.Once
}

func (r *Runner) init() {
	r.once.Do(func() {
		r.wake = make(chan struct{}, 1)
		if r.Log == nil {
			r.Log = slog.Default()
		}
		if r.Now == nil {
			r.Now = time.Now
		}
		if r.Poll <= 0 {
			r.Poll = 2 * time.Second
		}
		if r.StaleAfter <= 0 {
			r.StaleAfter = 10 * time.Minute
		}
		if r.Heartbeat <= 0 {
			r.Heartbeat = 20 * time.Second
		}
	})
}

// Wake makes an idle Run look for work now (after an enqueue in this
// process); it never blocks.
func (r *Runner) Wake() {
	r.init()
	select {
	case r.wake <- struct{}{}:
	default:
	}
}

// Run works through queued runs until ctx ends.
func (r *Runner) Run(ctx context.Context) {
	r.init()
	t := time.NewTicker(r.Poll)
	defer t.Stop()
	for {
		for {
			ran, err := r.RunNext(ctx)
			if err != nil && ctx.Err() == nil {
				r.Log.Error("analysis runner", "err", err)
			}
			if !ran || ctx.Err() != nil {
				break
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-r.wake:
		}
	}
}

// RunNext claims one queued run and runs it; false when there was none.
// The run's own failure is stored on the run, not returned.
func (r *Runner) RunNext(ctx context.Context) (bool, error) {
	r.init()
	now := r.Now().UTC()
	run, err := r.Store.ClaimAnalysisRun(ctx, now, now.Add(-r.StaleAfter))
	if errors.Is(err, survey.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	log := r.Log.With("run", run.ID, "scope", run.Scope)
	log.Info("analysis started")
	start := time.Now()
	if r.Hold != nil {
		// The size is known only once loaded. Held until the result is
		// stored too: writing it takes copies of its JSON (hundreds of MB
		// for a million responses), which the collector must still see.
		defer r.Hold(-1)()
	}
	result, runErr := r.execute(ctx, run)
	fin := context.WithoutCancel(ctx)
	if runErr != nil {
		log.Error("analysis failed", "err", runErr)
		msg := survey.RunError
		if ctx.Err() != nil {
			msg = survey.RunInterrupted
		}
		return true, r.Store.FinishAnalysisRun(fin, run.ID, survey.RunFailed, "", msg, r.Now().UTC())
	}
	log.Info("analysis done", "seconds", time.Since(start).Seconds(), "bytes", len(result))
	return true, r.Store.FinishAnalysisRun(fin, run.ID, survey.RunDone, result, "", r.Now().UTC())
}

// execute loads the scope, applies the settings and analyses, reporting
// progress and a heartbeat.
func (r *Runner) execute(ctx context.Context, run *survey.AnalysisRun) (string, error) {
	scope, err := survey.ParseAnalysisScope(run.Scope)
	if err != nil {
		return "", err
	}
	var (
		mu       sync.Mutex
		progress float64
		step     = "loading"
	)
	report := func(p float64, s string) {
		mu.Lock()
		progress, step = p, s
		mu.Unlock()
		if err := r.Store.UpdateAnalysisProgress(ctx, run.ID, p, s, r.Now().UTC()); err != nil && ctx.Err() == nil {
			r.Log.Warn("analysis progress", "run", run.ID, "err", err)
		}
	}
	hbCtx, stopHB := context.WithCancel(ctx)
	defer stopHB()
	go func() {
		t := time.NewTicker(r.Heartbeat)
		defer t.Stop()
		for {
			select {
			case <-hbCtx.Done():
				return
			case <-t.C:
				mu.Lock()
				p, s := progress, step
				mu.Unlock()
				_ = r.Store.UpdateAnalysisProgress(hbCtx, run.ID, p, s, r.Now().UTC())
			}
		}
	}()

	report(0.01, "loading")
	version, err := r.Store.AnalysisDataVersion(ctx, scope)
	if err != nil {
		return "", err
	}
	settings, err := r.Store.AnalysisSettings(ctx, run.Scope)
	if err != nil {
		return "", err
	}
	opts, _ := json.Marshal(settings)
	if err := r.Store.StartAnalysisRun(ctx, run.ID, version, string(opts)); err != nil {
		return "", err
	}
	st, res, err := Analyze(ctx, r.Store, scope, settings, Request{K: run.K, CompareK: true, Seed: run.Seed, Bootstrap: r.Bootstrap, Progress: report})
	if err != nil {
		return "", fmt.Errorf("analyse %s: %w", run.Scope, err)
	}
	report(0.97, "saving")
	stored, err := newStored(ctx, res, st.Input)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(stored)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
