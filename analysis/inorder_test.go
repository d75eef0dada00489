package analysis

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestInOrderAsSort: inOrder gives the elements in the order a stable
// sort by the same total order gives, read whole or only in part, for
// empty, short and long inputs with repeated keys told apart by a last
// key (as a label's quote candidates are by their text).
func TestInOrderAsSort(t *testing.T) {
	type x struct{ a, b, id int }
	order := func(p, q x) int {
		if p.a != q.a {
			return cmp.Compare(q.a, p.a)
		}
		if p.b != q.b {
			return firstIf(p.b < q.b)
		}
		return cmp.Compare(p.id, q.id)
	}
	r := rand.New(rand.NewPCG(4, 4))
	for _, n := range []int{0, 1, 2, 3, 7, 64, 1000} {
		for range 20 {
			xs := make([]x, n)
			for i := range xs {
				xs[i] = x{r.IntN(5), r.IntN(3), r.IntN(1 << 30)}
			}
			for i := range xs {
				xs[i].id = i // distinct; the shuffle below puts them out of order
			}
			r.Shuffle(n, func(i, j int) { xs[i], xs[j] = xs[j], xs[i] })
			want := slices.Clone(xs)
			slices.SortStableFunc(want, order)
			read := min(n, r.IntN(n+1)+1)
			next := inOrder(slices.Clone(xs), order)
			var got []x
			for range read {
				v, ok := next()
				if !ok {
					t.Fatalf("n=%d: ended after %d", n, len(got))
				}
				got = append(got, v)
			}
			if !slices.Equal(got, want[:read]) {
				t.Fatalf("n=%d: first %d %v, want %v", n, read, got, want[:read])
			}
			if read == n {
				if _, ok := next(); ok {
					t.Fatalf("n=%d: more than n", n)
				}
			}
		}
	}
}
