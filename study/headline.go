package study

import (
	"math"

	"github.com/safarhq/safar/analysis/metrics"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/survey"
)

// funnel is completion and drop-off: complete responses reached every
// page, partial ones the page they stopped on.
func funnel(slug string, d *survey.Definition, partialPages []int, completed int) SurveyFunnel {
	furthest := append([]int(nil), partialPages...)
	for range completed {
		furthest = append(furthest, len(d.Pages))
	}
	f := SurveyFunnel{Survey: slug, Started: len(furthest), Completed: completed}
	for i, st := range metrics.Funnel(furthest, len(d.Pages)) {
		drop := st.DropOff
		if math.IsNaN(drop) {
			drop = 0
		}
		f.Pages = append(f.Pages, PageStep{Page: i, Reached: st.Reached, DropOff: round3(drop)})
	}
	f.Rate = proportion(completed, len(furthest))
	return f
}

func finite(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func proportion(k, n int) *Estimate {
	if n == 0 {
		return nil
	}
	p := metrics.Wilson(k, n)
	return &Estimate{Value: p.P, Low: finite(p.Lo), High: finite(p.Hi), N: n}
}

func meanOf(xs []float64) *Estimate {
	if len(xs) == 0 {
		return nil
	}
	m := metrics.MeanCI(xs)
	return &Estimate{Value: m.Mean, Low: finite(m.Lo), High: finite(m.Hi), N: m.N}
}

func netPromoter(xs []float64) *NPS {
	if len(xs) == 0 {
		return nil
	}
	scores := make([]int, len(xs))
	for i, x := range xs {
		scores[i] = int(x)
	}
	r := metrics.NetPromoter(scores)
	return &NPS{Estimate: Estimate{Value: r.Score, Low: finite(r.Lo), High: finite(r.Hi), N: r.N},
		Promoters: r.Promoters, Passives: r.Passives, Detractors: r.Detractors}
}

// topBox is the share of answers at 4 or more (CSAT on a 1-5 rating).
func topBox(xs []float64) *Estimate {
	k := 0
	for _, x := range xs {
		if x >= 4 {
			k++
		}
	}
	return proportion(k, len(xs))
}

// different reports whether two estimates' 95% intervals do not overlap:
// a conservative test, so a flagged difference is more than noise.
func different(a, b *Estimate) bool {
	if a == nil || b == nil || a.Low == nil || b.Low == nil {
		return false
	}
	return *a.Low > *b.High || *b.Low > *a.High
}

// scores are the answers that make the headline metrics: the first NPS
// question, satisfaction ratings (CSAT: 4-5 of 5) and satisfaction Likert
// statements (effort/ease, 1..points).
type scores struct {
	nps    []float64
	csat   []float64
	effort []float64
}

// personaScores are scores with the persona of each score's respondent
// (npsOf[i] is nps[i]'s).
type personaScores struct {
	scores
	npsOf, csatOf, effortOf []int32
}

// collectScores gathers every respondent's scores, each respondent's in
// question order, from their answers (a respondent keeps no copy of
// them), in one pass: a persona's and the rest's are picked from them
// (where).
func collectScores(cat *catalog, people []*respondent) personaScores {
	type metricQ struct {
		at  int // catalog position
		out *[]float64
		of  *[]int32
	}
	var s personaScores
	var qs []metricQ
	for i, id := range cat.order {
		q := cat.byID[id]
		switch {
		case id == cat.npsID:
			qs = append(qs, metricQ{i, &s.nps, &s.npsOf})
		case q.Role == survey.RoleSatisfaction && q.Type == survey.Rating:
			qs = append(qs, metricQ{i, &s.csat, &s.csatOf})
		case q.Role == survey.RoleSatisfaction && q.Type == survey.Likert:
			qs = append(qs, metricQ{i, &s.effort, &s.effortOf})
		}
	}
	// Counted first, so the slices are made once.
	counts := make([]int, len(qs))
	for _, p := range people {
		for j, mq := range qs {
			if v := p.answerAt(cat, mq.at); v != nil && v.Number != nil {
				counts[j]++
			}
		}
	}
	// (Several questions may fill one metric's slices.)
	total := map[*[]float64]int{}
	for j, mq := range qs {
		total[mq.out] += counts[j]
	}
	for _, mq := range qs {
		if n := total[mq.out]; n > 0 && cap(*mq.out) < n {
			*mq.out, *mq.of = make([]float64, 0, n), make([]int32, 0, n)
		}
	}
	for _, p := range people {
		for _, mq := range qs {
			if v := p.answerAt(cat, mq.at); v != nil && v.Number != nil {
				*mq.out = append(*mq.out, *v.Number)
				*mq.of = append(*mq.of, p.persona)
			}
		}
	}
	return s
}

// where are the scores of the respondents whose persona keep admits, in
// the order collected.
func (s personaScores) where(keep func(persona int32) bool) scores {
	pick := func(vals []float64, of []int32) []float64 {
		n := 0
		for _, p := range of {
			if keep(p) {
				n++
			}
		}
		if n == 0 {
			return nil
		}
		out := make([]float64, 0, n)
		for i, v := range vals {
			if keep(of[i]) {
				out = append(out, v)
			}
		}
		return out
	}
	return scores{nps: pick(s.nps, s.npsOf), csat: pick(s.csat, s.csatOf), effort: pick(s.effort, s.effortOf)}
}

// headline computes the study's metrics overall and per persona.
func headline(cat *catalog, people []*respondent, pr *personas.Result, funnels []SurveyFunnel) Metrics {
	all := collectScores(cat, people)
	m := Metrics{Funnels: funnels, NPS: netPromoter(all.nps), CSAT: topBox(all.csat), Effort: meanOf(all.effort)}
	if pr == nil {
		return m
	}
	for _, per := range pr.Personas {
		in := all.where(func(p int32) bool { return int(p) == per.ID })
		rest := all.where(func(p int32) bool { return int(p) != per.ID })
		pm := PersonaMetrics{Persona: per.ID, NPS: netPromoter(in.nps), CSAT: topBox(in.csat)}
		if pm.NPS != nil {
			if r := netPromoter(rest.nps); r != nil {
				pm.NPSDifferent = different(&pm.NPS.Estimate, &r.Estimate)
			}
		}
		pm.CSATDifferent = different(pm.CSAT, topBox(rest.csat))
		m.ByPersona = append(m.ByPersona, pm)
	}
	return m
}
