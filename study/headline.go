package study

import (
	"github.com/safarhq/safar/analysis/metrics"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

func funnel(d *survey.Definition, partialPages []int, completed int) metrics.Funnel {
	return metrics.Completion(len(d.Pages), partialPages, completed)
}

// scores collects, per respondent, the answers that make the headline
// metrics: the first NPS question, satisfaction ratings (for CSAT: 4-5 of
// 5) and satisfaction Likert statements (effort/ease, 1..points).
type scores struct {
	nps    []float64
	csat   []float64
	effort []float64
}

func collectScores(cat *catalog, people []*respondent, keep func(*respondent) bool) scores {
	var npsID string
	for _, id := range cat.order {
		if cat.byID[id].Type == survey.NPS {
			npsID = id
			break
		}
	}
	var s scores
	for _, p := range people {
		if !keep(p) {
			continue
		}
		for _, id := range cat.order {
			q := cat.byID[id]
			v, ok := p.answers[id]
			if !ok || v.Number == nil {
				continue
			}
			switch {
			case id == npsID:
				s.nps = append(s.nps, *v.Number)
			case q.Role == survey.RoleSatisfaction && q.Type == survey.Rating:
				s.csat = append(s.csat, *v.Number)
			case q.Role == survey.RoleSatisfaction && q.Type == survey.Likert:
				s.effort = append(s.effort, *v.Number)
			}
		}
	}
	return s
}

// headline computes the study's metrics overall and per persona.
func headline(cat *catalog, people []*respondent, pr *personas.Result, funnels []SurveyFunnel) Metrics {
	m := Metrics{Funnels: funnels}
	all := collectScores(cat, people, func(*respondent) bool { return true })
	if len(all.nps) > 0 {
		n := metrics.NetPromoter(all.nps)
		m.NPS = &n
	}
	if len(all.csat) > 0 {
		c := metrics.TopBox(all.csat, 4)
		m.CSAT = &c
	}
	if len(all.effort) > 0 {
		e := metrics.Mean(all.effort)
		m.Effort = &e
	}
	if pr == nil {
		return m
	}
	for _, per := range pr.Personas {
		in := collectScores(cat, people, func(p *respondent) bool { return p.persona == per.ID })
		rest := collectScores(cat, people, func(p *respondent) bool { return p.persona != per.ID })
		pm := PersonaMetrics{Persona: per.ID}
		if len(in.nps) > 0 {
			a, b := metrics.NetPromoter(in.nps), metrics.NetPromoter(rest.nps)
			pm.NPS, pm.NPSDifferent = &a, metrics.Different(a.Estimate, b.Estimate)
		}
		if len(in.csat) > 0 {
			a, b := metrics.TopBox(in.csat, 4), metrics.TopBox(rest.csat, 4)
			pm.CSAT, pm.CSATDifferent = &a, metrics.Different(a, b)
		}
		m.ByPersona = append(m.ByPersona, pm)
	}
	return m
}
