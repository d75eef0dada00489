package web

import (
	"math"
	"net/http"
	"slices"

	"github.com/gin-gonic/gin"

	"github.com/safarhq/safar/study/studyrun"
	"github.com/safarhq/safar/survey"
)

// analysisPage is the data of templates/analysis.html; Page picks the
// section shown under the common head (status, re-run, download).
type analysisPage struct {
	Page     string // "painpoints", "personas", "journey", "touchpoints", "report"
	TitleKey string
	A        *analysisCtx
	Run      *runView
	CanEdit  bool
	Settings *survey.AnalysisSettings
	// Problem is the catalog key of why the page's settings form was
	// refused; the form shows it, open.
	Problem string

	PP     *ppSection
	Per    *personaSection
	J      *journeySection
	TP     *touchpointSection
	Report *reportSection
}

// analysisHandler wraps a section builder into a page handler: it loads
// the scope, the run state, the stored result and the settings; build
// fills the section from the result (it is only called when there is one).
func (s *Server) analysisHandler(page, titleKey string, build func(c *gin.Context, p *analysisPage, lang string) error) gin.HandlerFunc {
	return func(c *gin.Context) {
		if a, ok := s.analysisScope(c); ok {
			s.renderAnalysis(c, http.StatusOK, a, page, titleKey, "", build)
		}
	}
}

// renderAnalysis shows an analysis page of scope a; problem (a catalog
// key, or "") says why its settings form was refused.
func (s *Server) renderAnalysis(c *gin.Context, status int, a *analysisCtx, page, titleKey, problem string, build func(c *gin.Context, p *analysisPage, lang string) error) {
	v, err := s.loadRunView(c, a, true)
	if err != nil {
		s.appError(c, err)
		return
	}
	set, err := s.store.AnalysisSettings(c.Request.Context(), a.Key)
	if err != nil {
		s.appError(c, err)
		return
	}
	u := currentUser(c)
	p := &analysisPage{Page: page, TitleKey: titleKey, A: a, Run: v, Settings: set, CanEdit: u != nil && u.Role.CanEdit(), Problem: problem}
	lang := "en"
	if u != nil && u.Lang == "fa" {
		lang = "fa"
	}
	if v.Result != nil {
		v.Result = applyDisplayCorrections(v.Result, set, lang)
	}
	if err := build(c, p, lang); err != nil {
		s.appError(c, err)
		return
	}
	s.renderApp(c, status, nil, "analysis", titleKey, p)
}

// applyDisplayCorrections is the result as a reader in lang sees it
// (study.Result.In: labels, persona names and answers in lang where the
// project has them), with the renames and hides made since the run
// applied at once; merges need the re-run that saving them queued. The
// cached result is not changed.
func applyDisplayCorrections(st *studyrun.Stored, set *survey.AnalysisSettings, lang string) *studyrun.Stored {
	res := *st.Result.In(lang)
	pps := res.PainPoints.PainPoints[:0:0]
	for _, pp := range res.PainPoints.PainPoints {
		if slices.Contains(set.Hide, pp.Key) {
			continue
		}
		if l := set.Rename[pp.Key]; l != "" {
			pp.Label = l
		}
		pps = append(pps, pp)
	}
	res.PainPoints.PainPoints = pps
	out := *st
	out.Result = &res
	out.Examples = st.ExamplesAs(&res)
	return &out
}

// stageName is a stage's name as the project calls it.
func stageName(lang string, p *survey.Project, st string) string {
	if p == nil {
		return survey.StageName(nil, lang, st)
	}
	return survey.StageName(p.Stages, lang, st)
}

// painLabels maps pain point keys to their (corrected) labels.
func painLabels(st *studyrun.Stored) map[string]string {
	m := map[string]string{}
	for _, pp := range st.PainPoints.PainPoints {
		m[pp.Key] = pp.Label
	}
	return m
}

// heatClass buckets a usage share for the heatmap colours.
func heatClass(share float64) string {
	switch {
	case share <= 0:
		return "heat-0"
	case share < 0.1:
		return "heat-1"
	case share < 0.25:
		return "heat-2"
	case share < 0.5:
		return "heat-3"
	}
	return "heat-4"
}

// satClass buckets a 0..100 satisfaction.
func satClass(v float64) string {
	switch {
	case v < 50:
		return "sat-lo"
	case v < 70:
		return "sat-mid"
	}
	return "sat-hi"
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
