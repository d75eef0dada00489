package coding

import (
	"math"
	"strconv"
)

// CohenKappa is the agreement of two raters' labels on the same items
// beyond chance: (po - pe) / (1 - pe). ok is false when it is undefined
// (no items, or both raters used one and the same label throughout).
func CohenKappa(a, b []string) (kappa float64, ok bool) {
	n := min(len(a), len(b))
	if n == 0 {
		return 0, false
	}
	agree := 0
	ca, cb := map[string]float64{}, map[string]float64{}
	for i := 0; i < n; i++ {
		if a[i] == b[i] {
			agree++
		}
		ca[a[i]]++
		cb[b[i]]++
	}
	po := float64(agree) / float64(n)
	var pe float64
	for l, x := range ca {
		pe += x * cb[l]
	}
	pe /= float64(n) * float64(n)
	if pe >= 1 {
		return 0, false
	}
	return (po - pe) / (1 - pe), true
}

// KrippendorffAlpha is Krippendorff's alpha for nominal data: units[u]
// holds the value each coder gave unit u, "" where a coder gave none.
// Units with fewer than two values are not pairable and are skipped. ok
// is false when alpha is undefined (fewer than two pairable values, or a
// single value throughout).
func KrippendorffAlpha(units [][]string) (alpha float64, ok bool) {
	type pair struct{ c, k string }
	o := map[pair]float64{}
	for _, u := range units {
		var vals []string
		for _, v := range u {
			if v != "" {
				vals = append(vals, v)
			}
		}
		m := len(vals)
		if m < 2 {
			continue
		}
		for i, c := range vals {
			for j, k := range vals {
				if i != j {
					o[pair{c, k}] += 1 / float64(m-1)
				}
			}
		}
	}
	nc := map[string]float64{}
	var n, disagree float64
	for p, x := range o {
		nc[p.c] += x
		n += x
		if p.c != p.k {
			disagree += x
		}
	}
	if n < 2 {
		return 0, false
	}
	var expected float64 // sum over c != k of n_c * n_k
	for c, x := range nc {
		for k, y := range nc {
			if c != k {
				expected += x * y
			}
		}
	}
	if expected == 0 {
		return 0, false
	}
	return 1 - (n-1)*disagree/expected, true
}

// Rate is a statistic that may be undefined; it encodes as null then.
type Rate struct {
	Value   float64
	Defined bool
}

func rate(v float64, ok bool) Rate {
	if !ok || math.IsNaN(v) {
		return Rate{}
	}
	return Rate{Value: v, Defined: true}
}

// MarshalJSON writes the value rounded to four places, or null.
func (r Rate) MarshalJSON() ([]byte, error) {
	if !r.Defined {
		return []byte("null"), nil
	}
	return []byte(formatRate(r.Value)), nil
}

func formatRate(v float64) string {
	v = math.Round(v*1e4) / 1e4
	if v == 0 {
		v = 0 // no "-0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
