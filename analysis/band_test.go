package analysis

import (
	"math"
	"testing"
)

// vectorsWithCosines returns unit vectors whose pairwise cosines are cos
// (a Gram matrix's Cholesky factor's rows).
func vectorsWithCosines(t *testing.T, cos [][]float64) [][]float32 {
	t.Helper()
	n := len(cos)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
		for j := 0; j <= i; j++ {
			s := cos[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if s <= 0 {
					t.Fatalf("cosines not a Gram matrix at %d", i)
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	out := make([][]float32, n)
	for i := range l {
		out[i] = make([]float32, n)
		for j, x := range l[i] {
			out[i][j] = float32(x)
		}
	}
	return out
}

// TestNearTieChangesOnlyItsPair: two inputs whose vectors differ in one
// link by .008 ("price"-"cost" .215 or .207, each side of "price"-"fee"
// at .21), every other link the same. Which of "cost" and "fee" joins
// "price" is a near tie and may go either way; "charge", whose links to
// all three did not move, must be grouped the same in both. Linked again
// after each merge, main's greedy took "charge" into {price, cost} (its
// average link .2015) and left it alone beside {price, fee} (.1975).
func TestNearTieChangesOnlyItsPair(t *testing.T) {
	words := []string{"price", "cost", "fee", "charge"}
	group := func(priceCost float64) map[string]int {
		cos := [][]float64{
			{1, priceCost, .21, .205},
			{priceCost, 1, .10, .198},
			{.21, .10, 1, .19},
			{.205, .198, .19, 1},
		}
		wv := &wordVectors{index: map[string]int{}, vecs: vectorsWithCosines(t, cos)}
		var terms []*term
		for i, w := range words {
			wv.index[w] = i
			terms = append(terms, &term{key: w, parts: []string{w}, single: true, df: 10, support: 10, surf: map[string]int{w: 10}})
		}
		st := &termStats{n: 100, byKey: map[string]*term{}}
		out := map[string]int{}
		for g, gr := range clusterTerms(terms, nil, wv, st, nil) {
			for _, x := range gr.terms {
				out[x.key] = g
			}
		}
		return out
	}
	for _, pc := range []float64{.215, .207} {
		g := group(pc)
		if g["charge"] == g["price"] || g["charge"] == g["cost"] || g["charge"] == g["fee"] {
			t.Errorf("price-cost %.3f: charge is grouped with price, cost or fee (%v); its links to them did not move and are under each pair's", pc, g)
		}
		if g["cost"] == g["fee"] {
			t.Errorf("price-cost %.3f: cost and fee (.10) share a group: %v", pc, g)
		}
	}
}
