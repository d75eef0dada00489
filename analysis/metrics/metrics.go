// Package metrics holds the plain statistics of survey dashboards and
// journey maps: proportions with Wilson intervals, means with t intervals,
// Net Promoter Score with its interval, and page drop-off. Standard
// library only; values in, values out.
package metrics

import (
	"math"
)

// Z95 is the two-sided 95% normal quantile.
const Z95 = 1.959963984540054

// Proportion is k of n with a 95% Wilson score interval; P, Lo and Hi
// are NaN when n is 0.
type Proportion struct {
	K, N      int
	P, Lo, Hi float64
}

// Wilson returns k of n with its 95% Wilson score interval, which, unlike
// the normal approximation, stays inside [0, 1] and behaves for small n
// and for proportions near 0 or 1.
func Wilson(k, n int) Proportion {
	p := Proportion{K: k, N: n, P: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	if n <= 0 || k < 0 || k > n {
		return p
	}
	nf, z := float64(n), Z95
	ph := float64(k) / nf
	den := 1 + z*z/nf
	centre := (ph + z*z/(2*nf)) / den
	half := z * math.Sqrt(ph*(1-ph)/nf+z*z/(4*nf*nf)) / den
	p.P, p.Lo, p.Hi = ph, math.Max(0, centre-half), math.Min(1, centre+half)
	return p
}

// Mean is a sample mean with its standard deviation and 95% confidence
// interval (Student's t). SD, Lo and Hi are NaN below two values; every
// field but N is NaN for none.
type Mean struct {
	N                int
	Mean, SD, Lo, Hi float64
}

// MeanCI summarises xs.
func MeanCI(xs []float64) Mean {
	m := Mean{N: len(xs), Mean: math.NaN(), SD: math.NaN(), Lo: math.NaN(), Hi: math.NaN()}
	if len(xs) == 0 {
		return m
	}
	var sum float64
	for _, x := range xs {
		sum += x
	}
	m.Mean = sum / float64(len(xs))
	if len(xs) < 2 {
		return m
	}
	var ss float64
	for _, x := range xs {
		d := x - m.Mean
		ss += d * d
	}
	m.SD = math.Sqrt(ss / float64(len(xs)-1))
	half := T975(len(xs)-1) * m.SD / math.Sqrt(float64(len(xs)))
	m.Lo, m.Hi = m.Mean-half, m.Mean+half
	return m
}

// t975 are the 97.5% quantiles of Student's t for 1..30 degrees of freedom.
var t975 = [...]float64{12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
	2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
	2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042}

// T975 is the 97.5% quantile of Student's t with df degrees of freedom:
// exact to three decimals up to 30, then the Cornish-Fisher expansion,
// which is within 0.001 of the exact value for df > 30.
func T975(df int) float64 {
	switch {
	case df < 1:
		return math.NaN()
	case df <= len(t975):
		return t975[df-1]
	}
	z, n := Z95, float64(df)
	z3, z5 := z*z*z, z*z*z*z*z
	return z + (z3+z)/(4*n) + (5*z5+16*z3+3*z)/(96*n*n)
}

// NPS is a Net Promoter Score: promoters (9-10) minus detractors (0-6) as
// a share of all answers, from -100 to 100, with a 95% interval from the
// variance of the difference of two multinomial shares.
type NPS struct {
	N, Promoters, Passives, Detractors int
	Score, Lo, Hi                      float64 // NaN when N is 0
}

// NetPromoter scores 0..10 answers; values outside 0..10 are ignored.
func NetPromoter(scores []int) NPS {
	var r NPS
	for _, s := range scores {
		switch {
		case s < 0 || s > 10:
			continue
		case s >= 9:
			r.Promoters++
		case s >= 7:
			r.Passives++
		default:
			r.Detractors++
		}
		r.N++
	}
	if r.N == 0 {
		r.Score, r.Lo, r.Hi = math.NaN(), math.NaN(), math.NaN()
		return r
	}
	n := float64(r.N)
	pp, pd := float64(r.Promoters)/n, float64(r.Detractors)/n
	d := pp - pd
	variance := (pp + pd - d*d) / n
	half := Z95 * math.Sqrt(variance)
	r.Score = 100 * d
	r.Lo, r.Hi = 100*math.Max(-1, d-half), 100*math.Min(1, d+half)
	return r
}

// Step is one page of a survey in a drop-off funnel.
type Step struct {
	Reached int     // respondents who reached this page
	Share   float64 // Reached / respondents who started (NaN for none)
	// DropOff is the share of those who reached the previous page but not
	// this one (0 for the first page, NaN when the previous had nobody).
	DropOff float64
}

// Funnel turns the furthest page each respondent reached (0-based) into
// per-page reach and drop-off for a survey of pages pages. Values at or
// past pages count as having seen every page (a completed response).
func Funnel(furthest []int, pages int) []Step {
	if pages <= 0 {
		return nil
	}
	reached := make([]int, pages)
	for _, f := range furthest {
		if f < 0 {
			continue
		}
		for p := 0; p <= f && p < pages; p++ {
			reached[p]++
		}
	}
	steps := make([]Step, pages)
	for p := range steps {
		steps[p].Reached = reached[p]
		steps[p].Share = ratio(reached[p], reached[0])
		if p > 0 {
			steps[p].DropOff = ratio(reached[p-1]-reached[p], reached[p-1])
		}
	}
	return steps
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}
