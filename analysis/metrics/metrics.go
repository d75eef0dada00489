// Package metrics computes survey metrics with honest uncertainty: NPS,
// means (CSAT, effort) and proportions with 95% confidence intervals, and
// completion and drop-off. Plain values in, plain values out; stdlib only.
package metrics

import "math"

// z95 is the normal quantile for a two-sided 95% interval.
const z95 = 1.959963984540054

// Estimate is a value with its 95% confidence interval and sample size.
// With N = 0 the value and interval are NaN.
type Estimate struct {
	Value float64 `json:"value"`
	Low   float64 `json:"low"`
	High  float64 `json:"high"`
	N     int     `json:"n"`
}

// Valid reports whether the estimate rests on any data.
func (e Estimate) Valid() bool { return e.N > 0 && !math.IsNaN(e.Value) }

func empty() Estimate { return Estimate{Value: math.NaN(), Low: math.NaN(), High: math.NaN()} }

// NPS is a Net Promoter Score with its parts.
type NPS struct {
	Estimate
	Promoters  int `json:"promoters"`  // 9-10
	Passives   int `json:"passives"`   // 7-8
	Detractors int `json:"detractors"` // 0-6
}

// NetPromoter computes NPS (-100..100) from 0-10 answers. The interval
// uses the variance of the score as a difference of two proportions of
// one multinomial sample: Var = (p + d - (p-d)^2) / n.
func NetPromoter(scores []float64) NPS {
	var out NPS
	for _, s := range scores {
		switch {
		case math.IsNaN(s) || s < 0 || s > 10:
			continue
		case s >= 9:
			out.Promoters++
		case s >= 7:
			out.Passives++
		default:
			out.Detractors++
		}
	}
	n := out.Promoters + out.Passives + out.Detractors
	if n == 0 {
		out.Estimate = empty()
		return out
	}
	p, d := float64(out.Promoters)/float64(n), float64(out.Detractors)/float64(n)
	v := p - d
	se := math.Sqrt(math.Max(p+d-v*v, 0) / float64(n))
	out.Estimate = Estimate{Value: 100 * v, Low: 100 * math.Max(v-z95*se, -1), High: 100 * math.Min(v+z95*se, 1), N: n}
	return out
}

// Mean is the mean of xs (NaN ignored) with a t-based 95% interval.
func Mean(xs []float64) Estimate {
	var n int
	var sum float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			n++
			sum += x
		}
	}
	if n == 0 {
		return empty()
	}
	m := sum / float64(n)
	if n == 1 {
		return Estimate{Value: m, Low: math.NaN(), High: math.NaN(), N: 1}
	}
	var ss float64
	for _, x := range xs {
		if !math.IsNaN(x) {
			ss += (x - m) * (x - m)
		}
	}
	half := tQuantile975(n-1) * math.Sqrt(ss/float64(n-1)/float64(n))
	return Estimate{Value: m, Low: m - half, High: m + half, N: n}
}

// Proportion is k of n with a Wilson score 95% interval, which behaves
// at small n and near 0 or 1 where the normal interval does not.
func Proportion(k, n int) Estimate {
	if n <= 0 {
		return empty()
	}
	p := float64(k) / float64(n)
	z2 := z95 * z95
	den := 1 + z2/float64(n)
	centre := (p + z2/(2*float64(n))) / den
	half := z95 * math.Sqrt(p*(1-p)/float64(n)+z2/(4*float64(n)*float64(n))) / den
	return Estimate{Value: p, Low: math.Max(centre-half, 0), High: math.Min(centre+half, 1), N: n}
}

// TopBox is the share of answers at or above threshold (CSAT as "4 or 5
// out of 5"), with a Wilson interval.
func TopBox(xs []float64, threshold float64) Estimate {
	k, n := 0, 0
	for _, x := range xs {
		if math.IsNaN(x) {
			continue
		}
		n++
		if x >= threshold {
			k++
		}
	}
	return Proportion(k, n)
}

// Different reports whether two estimates' 95% intervals do not overlap:
// a conservative test, so a flagged difference is more than noise.
func Different(a, b Estimate) bool {
	if !a.Valid() || !b.Valid() || math.IsNaN(a.Low) || math.IsNaN(b.Low) {
		return false
	}
	return a.Low > b.High || b.Low > a.High
}

// tQuantile975 is the 0.975 quantile of Student's t with df degrees of
// freedom (exact table for small df, Cornish-Fisher expansion beyond).
func tQuantile975(df int) float64 {
	table := []float64{0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
		2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
		2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042}
	if df < len(table) {
		return table[df]
	}
	z, n := z95, float64(df)
	g1 := (z*z*z + z) / 4
	g2 := (5*z*z*z*z*z + 16*z*z*z + 3*z) / 96
	return z + g1/n + g2/(n*n)
}

// Funnel is completion and drop-off across the pages of a survey.
type Funnel struct {
	Started   int        `json:"started"`
	Completed int        `json:"completed"`
	Rate      Estimate   `json:"completion_rate"`
	Pages     []PageStep `json:"pages"`
}

// PageStep says how many respondents reached a page and how many of them
// left there (partial responses whose last page it was).
type PageStep struct {
	Page    int     `json:"page"` // 0-based
	Reached int     `json:"reached"`
	Left    int     `json:"left"`
	DropOff float64 `json:"drop_off"` // Left / Reached
}

// Completion builds the funnel from each partial response's page (the page
// it stopped on) and the number of complete responses.
func Completion(pages int, partialStoppedAt []int, completed int) Funnel {
	f := Funnel{Completed: completed, Started: completed + len(partialStoppedAt)}
	left := make([]int, pages)
	for _, p := range partialStoppedAt {
		if p >= 0 && p < pages {
			left[p]++
		}
	}
	reached := f.Started
	for p := 0; p < pages; p++ {
		step := PageStep{Page: p, Reached: reached, Left: left[p]}
		if reached > 0 {
			step.DropOff = float64(left[p]) / float64(reached)
		}
		f.Pages = append(f.Pages, step)
		reached -= left[p]
	}
	f.Rate = Proportion(completed, f.Started)
	return f
}
