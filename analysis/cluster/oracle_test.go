package cluster

import (
	"math"

	"github.com/safarhq/safar/personas/synth"
)

// oracle classifies rows by the true generating model (including the
// noise mixture): the best any method can do, used as the yardstick for
// recovery.
func oracle(s synth.Spec, d *synth.Data) []int {
	k := len(s.Classes)
	tw := 0.0
	for _, c := range s.Classes {
		tw += c.Weight
	}
	out := make([]int, len(d.Rows))
	lp := make([]float64, k)
	for i, r := range d.Rows {
		for c, cl := range s.Classes {
			lp[c] = math.Log(cl.Weight / tw)
			for j, it := range s.Items {
				switch x := r[j].(type) {
				case string:
					L := float64(len(it.Levels))
					p := 1 / L
					if probs, ok := cl.Probs[it.Name]; ok {
						sum := 0.0
						for _, v := range probs {
							sum += v
						}
						for l, lv := range it.Levels {
							if lv == x {
								p = probs[l] / sum
							}
						}
					}
					lp[c] += math.Log((1-s.Noise)*p + s.Noise/L)
				case float64:
					nv := cl.Numbers[it.Name]
					sd := nv.SD * (1 + s.Noise)
					z := (x - nv.Mean) / sd
					lp[c] += -z*z/2 - math.Log(sd)
				}
			}
		}
		out[i] = argmax(lp)
	}
	return out
}
