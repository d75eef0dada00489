package analysis

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHeadAtAsMap: headAt, which counts a text's clauses in an array (on
// the stack when they are few), finds the same positions as counting them
// in a map (headAtMap, its form before session 17), for heads of one word,
// two and a compound written as one, in texts of few clauses and of many,
// in order or not.
func TestHeadAtAsMap(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	keys := []string{"deliv", "late", "deliv late", "price", "high", "x"}
	heads := []*term{
		{key: "deliv", parts: []string{"deliv"}},
		{key: "deliv late", parts: []string{"deliv", "late"}},
		{key: "price high", parts: []string{"price", "high"}},
	}
	found := 0
	for range 20000 {
		clauses := []int{3, 64, 65, 200}[r.IntN(4)]
		words := make([]tword, r.IntN(40))
		c := int32(0)
		for i := range words {
			if r.IntN(3) == 0 {
				c++
			}
			cl := c
			if r.IntN(10) == 0 {
				cl = int32(r.IntN(clauses)) // out of order
			}
			words[i] = tword{key: keys[r.IntN(len(keys))], clause: cl % int32(clauses)}
		}
		for _, h := range heads {
			got, want := headAt(words, h, nil), headAtMap(words, h, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("head %q in %v: %v, want %v", h.key, words, got, want)
			}
			found += len(got)
			// appended to what at holds
			if got := headAt(words, h, []int{-1}); !slices.Equal(got, append([]int{-1}, want...)) {
				t.Fatalf("appended: %v", got)
			}
		}
	}
	if found == 0 {
		t.Fatal("no head found: the test tests nothing")
	}
}

// headAtMap is headAt with the clauses counted in a map: the reference.
func headAtMap(words []tword, head *term, at []int) []int {
	parts := map[int32]int{}
	full := 1<<len(head.parts) - 1
	for _, w := range words {
		if w.key == head.key {
			parts[w.clause] = full
		} else if i := slices.Index(head.parts, w.key); i >= 0 {
			parts[w.clause] |= 1 << i
		}
	}
	for i, w := range words {
		if parts[w.clause] == full && (w.key == head.key || containsPart(head, w.key)) {
			at = append(at, i)
		}
	}
	return at
}
