package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// The analysis pages (analysis_*.go, templates/analysis.html) show the
// stored result of the newest finished analysis run of a survey or a
// project, instantly; a run is queued by an editor and done by the
// background runner (Config.Runner), while the page shows its progress.
// A result is stale when the scope's data version (counts and latest
// change times of responses, transcripts, notes, codes) differs from the
// one the run saw; the page says which part changed.

func init() { appPages = append(appPages, "analysis") }

// resultCache keeps the last few decoded results (a large study's result
// is megabytes of JSON; pages of one study are viewed many times between
// runs).
type resultCache struct {
	mu     sync.Mutex
	cache  map[int64]*studyrun.Stored // run id -> decoded result, never modified
	recent []int64                    // cache keys, oldest first
}

const resultCacheSize = 4

// result returns the decoded result of a done run, from the cache when it
// is there. The caller gets a shallow copy it may re-slice but must not
// change the elements of.
func (s *Server) result(c *gin.Context, runID int64) (*studyrun.Stored, error) {
	a := &s.results
	a.mu.Lock()
	res, ok := a.cache[runID]
	a.mu.Unlock()
	if !ok {
		raw, err := s.store.AnalysisResult(c.Request.Context(), runID)
		if err != nil {
			return nil, err
		}
		if res, err = studyrun.Decode(raw); err != nil {
			return nil, err
		}
		a.mu.Lock()
		if a.cache == nil {
			a.cache = map[int64]*studyrun.Stored{}
		}
		if _, dup := a.cache[runID]; !dup {
			a.cache[runID] = res
			a.recent = append(a.recent, runID)
			if len(a.recent) > resultCacheSize {
				delete(a.cache, a.recent[0])
				a.recent = a.recent[1:]
			}
		}
		a.mu.Unlock()
	}
	cp := *res
	r := *res.Result
	cp.Result = &r
	return &cp, nil
}

// analysisCtx is the study a request is about.
type analysisCtx struct {
	Scope   survey.AnalysisScope
	Key     string // Scope.String()
	Base    string // URL of its analysis pages
	Title   string
	Project *survey.Project
	Survey  *survey.Survey // set for a survey
}

// analysisScope resolves :slug or :pid.
func (s *Server) analysisScope(c *gin.Context) (*analysisCtx, bool) {
	a := &analysisCtx{}
	if slug := c.Param("slug"); slug != "" {
		sv, err := s.store.SurveyBySlug(c.Request.Context(), slug)
		if err != nil {
			s.appError(c, err)
			return nil, false
		}
		a.Survey, a.Title = sv, sv.Definition.Title.String()
		a.Scope = survey.AnalysisScope{Survey: sv.Slug}
		a.Base = "/app/surveys/" + sv.Slug + "/analysis"
		if p, err := s.store.ProjectByID(c.Request.Context(), sv.ProjectID); err == nil {
			a.Project = p
		}
	} else {
		p, ok := s.projectParam(c)
		if !ok {
			return nil, false
		}
		a.Project, a.Title = p, p.Title
		a.Scope = survey.AnalysisScope{ProjectID: p.ID}
		a.Base = "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	}
	a.Key = a.Scope.String()
	return a, true
}

// runView is the state of a scope's analysis as the pages show it.
type runView struct {
	Latest    *survey.AnalysisRun // newest run, any status
	Active    bool                // queued or running
	Percent   int
	Step      string // catalog key of what it does
	Failed    bool
	Why       string // catalog key of why it failed and what to do
	Result    *studyrun.Stored
	ResultRun *survey.AnalysisRun
	Stale     bool
	// StaleData and StaleCodes say what made it stale: new data, or the
	// codebook and codings it reports.
	StaleData, StaleCodes bool
}

// loadRunView reads the newest run, the newest result (when withResult)
// and whether it is stale.
func (s *Server) loadRunView(c *gin.Context, a *analysisCtx, withResult bool) (*runView, error) {
	v := &runView{}
	latest, err := s.store.LatestAnalysisRun(c.Request.Context(), a.Key)
	if errors.Is(err, survey.ErrNotFound) {
		return v, nil
	}
	if err != nil {
		return nil, err
	}
	v.Latest = latest
	v.Active = !latest.Status.Finished()
	v.Percent = int(100*latest.Progress + 0.5)
	// The step names what an active run is doing; a finished one says so
	// (its Message is empty, or why it failed), not "waiting to start".
	switch {
	case latest.Status == survey.RunDone:
		v.Step = "an_run_step.done"
	case latest.Status == survey.RunFailed:
		v.Step = "an_run_step.failed"
	case latest.Status == survey.RunQueued || latest.Message == "":
		v.Step = "an_run_step.queued"
	default:
		v.Step = "an_run_step." + latest.Message
	}
	if latest.Status == survey.RunFailed {
		// Runs before codes were stored kept the English error, which
		// began "interrupted" when the server stopped.
		v.Failed, v.Why = true, "an_run_failed."+survey.RunError
		if strings.HasPrefix(latest.Message, survey.RunInterrupted) {
			v.Why = "an_run_failed." + survey.RunInterrupted
		}
	}
	if !withResult {
		return v, nil
	}
	run, err := s.store.LatestAnalysisResult(c.Request.Context(), a.Key, false)
	if errors.Is(err, survey.ErrNotFound) {
		return v, nil
	}
	if err != nil {
		return nil, err
	}
	res, err := s.result(c, run.ID)
	if err != nil {
		return nil, err
	}
	v.Result, v.ResultRun = res, run
	cur, err := s.store.AnalysisDataVersion(c.Request.Context(), a.Scope)
	if err != nil {
		return nil, err
	}
	v.StaleData, v.StaleCodes = survey.StaleParts(run.DataVersion, cur)
	v.Stale = v.StaleData || v.StaleCodes
	return v, nil
}

// analysisStatus answers the progress poll of static/analysis.js.
func (s *Server) analysisStatus(c *gin.Context) {
	a, ok := s.analysisScope(c)
	if !ok {
		return
	}
	v, err := s.loadRunView(c, a, false)
	if err != nil {
		s.apiError(c, err)
		return
	}
	lang := "en"
	if u := currentUser(c); u != nil {
		lang = u.Lang
	}
	out := gin.H{"status": "none", "progress": 0, "active": false}
	if v.Latest != nil {
		out = gin.H{"status": v.Latest.Status, "progress": v.Latest.Progress, "active": v.Active,
			"message": appText(lang, v.Step), "run": v.Latest.ID}
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}

// runAnalysis queues a run of the scope with its saved settings.
func (s *Server) runAnalysis(c *gin.Context) {
	a, ok := s.analysisScope(c)
	if !ok {
		return
	}
	if err := s.enqueueAnalysis(c, a); err != nil {
		s.appError(c, err)
		return
	}
	c.Redirect(http.StatusSeeOther, s.analysisBack(c, a))
}

func (s *Server) enqueueAnalysis(c *gin.Context, a *analysisCtx) error {
	set, err := s.store.AnalysisSettings(c.Request.Context(), a.Key)
	if err != nil {
		return err
	}
	run := &survey.AnalysisRun{Scope: a.Key, K: set.K, Seed: 1, CreatedAt: s.now().UTC()}
	if u := currentUser(c); u != nil {
		run.RequestedBy = u.ID
	}
	if err := s.store.EnqueueAnalysisRun(c.Request.Context(), run); err != nil {
		return err
	}
	if s.runner != nil {
		s.runner.Wake()
	}
	return nil
}

// analysisBack is where a form returns: its "back" field when it is one
// of this scope's analysis pages, else the pain points.
func (s *Server) analysisBack(c *gin.Context, a *analysisCtx) string {
	back := c.PostForm("back")
	if strings.HasPrefix(back, a.Base+"/") && !strings.ContainsAny(back, "\\\r\n") && !strings.Contains(back, "//") {
		return back
	}
	return a.Base + "/painpoints"
}

// redirectToPainPoints makes …/analysis land on the first analysis page.
func (s *Server) redirectToPainPoints(c *gin.Context) {
	c.Redirect(http.StatusSeeOther, strings.TrimSuffix(c.Request.URL.Path, "/")+"/painpoints")
}
