package personas

import (
	"math"
	"math/rand/v2"
	"slices"
)

// This file is the evaluation's peer method: k-means on the same items
// (categorical one-hot, ordinal as position 0..1, numbers standardised,
// missing as the column mean), k chosen by the best mean silhouette.

// peerMatrix codes the items that take part (by name) as numeric rows.
func peerMatrix(in Input, use []string) [][]float64 {
	n := len(in.Respondents)
	x := make([][]float64, n)
	for j, it := range in.Items {
		if !slices.Contains(use, it.Name) {
			continue
		}
		var cols [][]float64
		levels := levelsOf(it, j, &in)
		switch it.Kind {
		case Numeric, Ordinal:
			col := make([]float64, n)
			var sum, sq float64
			var m int
			for i, r := range in.Respondents {
				v := r.Values[j]
				col[i] = math.NaN()
				if !v.OK {
					continue
				}
				if it.Kind == Numeric {
					col[i] = v.Num
				} else {
					col[i] = float64(slices.Index(levels, v.Text)) / float64(max(1, len(levels)-1))
				}
				sum += col[i]
				sq += col[i] * col[i]
				m++
			}
			mean := sum / float64(max(m, 1))
			sd := math.Sqrt(max(sq/float64(max(m, 1))-mean*mean, 1e-12))
			for i := range col {
				if math.IsNaN(col[i]) {
					col[i] = mean
				}
				if it.Kind == Numeric {
					col[i] = (col[i] - mean) / sd
				}
			}
			cols = append(cols, col)
		default:
			for _, l := range levels {
				col := make([]float64, n)
				for i, r := range in.Respondents {
					if v := r.Values[j]; v.OK && v.Text == l {
						col[i] = 1
					}
				}
				cols = append(cols, col)
			}
		}
		for i := range x {
			for _, c := range cols {
				x[i] = append(x[i], c[i])
			}
		}
	}
	return x
}

func dist2(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		d := a[i] - b[i]
		s += d * d
	}
	return s
}

// kmeans runs Lloyd's algorithm from k-means++ starts (best of 5 by
// within-cluster sum of squares).
func kmeans(x [][]float64, k int, seed uint64) []int {
	rng := rand.New(rand.NewPCG(seed, uint64(k)))
	var best []int
	bestSS := math.Inf(1)
	for range 5 {
		cent := [][]float64{slices.Clone(x[rng.IntN(len(x))])}
		d := make([]float64, len(x))
		for len(cent) < k {
			tot := 0.0
			for i, p := range x {
				d[i] = math.Inf(1)
				for _, c := range cent {
					d[i] = min(d[i], dist2(p, c))
				}
				tot += d[i]
			}
			u, i := rng.Float64()*tot, 0
			for ; i < len(x)-1 && u > d[i]; i++ {
				u -= d[i]
			}
			cent = append(cent, slices.Clone(x[i]))
		}
		assign := make([]int, len(x))
		for range 100 {
			changed := false
			for i, p := range x {
				b := 0
				for c := range cent {
					if dist2(p, cent[c]) < dist2(p, cent[b]) {
						b = c
					}
				}
				if assign[i] != b {
					assign[i], changed = b, true
				}
			}
			cnt := make([]int, k)
			for c := range cent {
				clear(cent[c])
			}
			for i, p := range x {
				cnt[assign[i]]++
				for f, v := range p {
					cent[assign[i]][f] += v
				}
			}
			for c := range cent {
				for f := range cent[c] {
					cent[c][f] /= float64(max(cnt[c], 1))
				}
			}
			if !changed {
				break
			}
		}
		ss := 0.0
		for i, p := range x {
			ss += dist2(p, cent[assign[i]])
		}
		if ss < bestSS {
			best, bestSS = assign, ss
		}
	}
	return best
}

// silhouette is the mean silhouette width of a labelling on at most 1500
// rows (a seeded subset on larger data; it is quadratic).
func silhouette(x [][]float64, lab []int, k int) float64 {
	idx := rand.New(rand.NewPCG(7, 7)).Perm(len(x))[:min(len(x), 1500)]
	total := 0.0
	for _, i := range idx {
		sum, cnt := make([]float64, k), make([]int, k)
		for _, j := range idx {
			if i != j {
				sum[lab[j]] += math.Sqrt(dist2(x[i], x[j]))
				cnt[lab[j]]++
			}
		}
		if cnt[lab[i]] == 0 {
			continue
		}
		a, b := sum[lab[i]]/float64(cnt[lab[i]]), math.Inf(1)
		for c := range k {
			if c != lab[i] && cnt[c] > 0 {
				b = min(b, sum[c]/float64(cnt[c]))
			}
		}
		total += (b - a) / max(a, b)
	}
	return total / float64(len(idx))
}

// kmeansPeer picks k in 2..8 by the best silhouette.
func kmeansPeer(x [][]float64, seed uint64) (int, []int, float64) {
	bestK, bestS := 0, math.Inf(-1)
	var bestLab []int
	for k := 2; k <= 8; k++ {
		lab := kmeans(x, k, seed)
		if s := silhouette(x, lab, k); s > bestS {
			bestK, bestS, bestLab = k, s, lab
		}
	}
	return bestK, bestLab, bestS
}
