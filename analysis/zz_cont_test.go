package analysis

import (
	"fmt"
	"os"
	"testing"
)

func TestZZCont(t *testing.T) {
	set := os.Getenv("CONT_SET")
	if set == "" {
		t.Skip()
	}
	texts, labels := traceLoad(t, set)
	res := FindPainPoints(texts, PainPointOptions{})
	idx := map[string]int{}
	for i, tx := range texts {
		idx[tx.ID] = i
	}
	count := map[string]int{}
	for _, ls := range labels {
		for _, l := range ls {
			count[l]++
		}
	}
	prim := make([]string, len(texts))
	for i, ls := range labels {
		best := ls[0]
		for _, l := range ls {
			if count[l] < count[best] || count[l] == count[best] && l < best {
				best = l
			}
		}
		prim[i] = best
	}
	first := make([]int, len(texts))
	for i := range first {
		first[i] = -1
	}
	for g, pp := range res.PainPoints[:10] {
		for _, id := range pp.Members {
			if i := idx[id]; first[i] == -1 {
				first[i] = g
			}
		}
	}
	tab := map[string][11]int{}
	for i := range texts {
		r := tab[prim[i]]
		r[first[i]+1]++
		tab[prim[i]] = r
	}
	for l, r := range tab {
		fmt.Printf("%-12s %v\n", l, r)
	}
	for g, pp := range res.PainPoints[:10] {
		fmt.Printf("%d %s\n", g+1, pp.Label)
	}
}
