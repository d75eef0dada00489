package analysis

import (
	"os"
	"sort"
	"strconv"

	"golang.org/x/exp/rand"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// Experiment (round 41): modularity communities (Louvain) over the terms'
// cosine links instead of the greedy average-linkage cut. Knobs while
// measuring: SAFAR_LOUVAIN = pos (edges for cosine > 0), knn (each term's
// k nearest, symmetrised), floor (edges for cosine >= the floor);
// SAFAR_LOUVAIN_RES (resolution, 1), SAFAR_LOUVAIN_K (10),
// SAFAR_LOUVAIN_FLOOR (.2).
var (
	louvainMode  = os.Getenv("SAFAR_LOUVAIN")
	louvainRes   = envFloat("SAFAR_LOUVAIN_RES", 1)
	louvainK     = int(envFloat("SAFAR_LOUVAIN_K", 10))
	louvainFloor = envFloat("SAFAR_LOUVAIN_FLOOR", 0.2)
	cpmPickMean  = os.Getenv("SAFAR_CPM_PICK") == "mean"
)

func envFloat(name string, def float64) float64 {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil {
		return v
	}
	return def
}

// louvainGroups partitions the live groups (nodes: the terms joined so far)
// into modularity communities of the term graph, then splits any community
// holding a blocked pair. join(a, b) moves b into a; it returns the groups
// left.
func louvainGroups(live []int, vecs [][]float64, members func(int) []int, blocked func(a, b int) bool, join func(a, b int)) []int {
	// term-level links
	var ts []int
	node := map[int]int{} // term -> index into live
	for x, j := range live {
		for _, i := range members(j) {
			node[i] = x
			ts = append(ts, i)
		}
	}
	sort.Ints(ts)
	n := len(live)
	w := make([][]float64, n)
	for x := range w {
		w[x] = make([]float64, n)
	}
	cos := make([][]float64, len(ts))
	for x, i := range ts {
		cos[x] = make([]float64, len(ts))
		for y, k := range ts {
			if x != y {
				cos[x][y] = dot(vecs[i], vecs[k])
			}
		}
	}
	add := func(x, y int, c float64) {
		a, b := node[ts[x]], node[ts[y]]
		if a != b && c > 0 {
			w[a][b] += c
			w[b][a] += c
		}
	}
	switch louvainMode {
	case "knn":
		keep := make([][]bool, len(ts))
		for x := range ts {
			keep[x] = make([]bool, len(ts))
		}
		for x := range ts {
			idx := make([]int, 0, len(ts))
			for y := range ts {
				if y != x && cos[x][y] > 0 {
					idx = append(idx, y)
				}
			}
			sort.Slice(idx, func(a, b int) bool {
				if cos[x][idx[a]] != cos[x][idx[b]] {
					return cos[x][idx[a]] > cos[x][idx[b]]
				}
				return idx[a] < idx[b]
			})
			if len(idx) > louvainK {
				idx = idx[:louvainK]
			}
			for _, y := range idx {
				keep[x][y], keep[y][x] = true, true
			}
		}
		for x := range ts {
			for y := x + 1; y < len(ts); y++ {
				if keep[x][y] {
					add(x, y, cos[x][y])
				}
			}
		}
	case "floor":
		for x := range ts {
			for y := x + 1; y < len(ts); y++ {
				if cos[x][y] >= louvainFloor {
					add(x, y, cos[x][y])
				}
			}
		}
	default: // pos
		for x := range ts {
			for y := x + 1; y < len(ts); y++ {
				add(x, y, cos[x][y])
			}
		}
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for x := 0; x < n; x++ {
		g.AddNode(simple.Node(x))
	}
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			if w[a][b] > 0 && !blocked(live[a], live[b]) {
				g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(a), T: simple.Node(b), W: w[a][b]})
			}
		}
	}
	var comms [][]int
	if g.Edges().Len() == 0 {
		for x := 0; x < n; x++ {
			comms = append(comms, []int{x})
		}
	} else {
		r := community.Modularize(g, louvainRes, rand.NewSource(1))
		for _, c := range r.Communities() {
			var m []int
			for _, v := range c {
				m = append(m, int(v.ID()))
			}
			sort.Ints(m)
			comms = append(comms, m)
		}
	}
	// Split a community holding a blocked pair: its nodes, strongest
	// first, each join the part they link to most among those they may
	// join, or start a part.
	var out []int
	for _, m := range comms {
		deg := map[int]float64{}
		for _, a := range m {
			for _, b := range m {
				deg[a] += w[a][b]
			}
		}
		sort.SliceStable(m, func(x, y int) bool { return deg[m[x]] > deg[m[y]] })
		var parts [][]int
		for _, a := range m {
			best, bw := -1, 0.0
			for p, part := range parts {
				ok, s := true, 0.0
				for _, b := range part {
					if blocked(live[a], live[b]) {
						ok = false
						break
					}
					s += w[a][b]
				}
				if ok && (best < 0 || s > bw) && (s > 0 || len(m) == 1) {
					best, bw = p, s
				}
			}
			if best < 0 {
				parts = append(parts, []int{a})
			} else {
				parts[best] = append(parts[best], a)
			}
		}
		for _, part := range parts {
			root := live[part[0]]
			for _, b := range part[1:] {
				join(root, live[b])
			}
			out = append(out, root)
		}
	}
	sort.Ints(out)
	return out
}

// cpmGroups: the Louvain method on the constant Potts model (Traag, Van
// Dooren & Nesterov 2011) instead of modularity: a partition scores the sum,
// over the pairs of terms it puts together, of their cosine less gamma. Two
// groups are worth joining exactly when their average link is above gamma,
// which is the greedy average linkage's rule, but the optimum is sought by
// moving nodes (terms, then groups) one at a time to the group they gain
// most in, over the whole partition, rather than by one merge at a time.
// Blocked groups never share a community.
func cpmGroups(live []int, sum func(int) []float64, size func(int) int, blocked func(a, b int) bool, join func(a, b int), gamma float64) []int {
	return cpmGroupsInit(live, nil, sum, size, blocked, join, gamma)
}

// cpmGroupsInit starts the first level from init (a community per live
// entry) when it is not nil.
func cpmGroupsInit(live, init []int, sum func(int) []float64, size func(int) int, blocked func(a, b int) bool, join func(a, b int), gamma float64) []int {
	type node struct {
		s    []float64
		n    int
		orig []int
	}
	var nodes []*node
	var out []int
	var start []int
	for x, j := range live {
		if init != nil && sum(j) != nil {
			start = append(start, init[x])
		}
		if sum(j) == nil {
			out = append(out, j)
			continue
		}
		nodes = append(nodes, &node{s: append([]float64(nil), sum(j)...), n: size(j), orig: []int{j}})
	}
	blockedN := func(a, b *node) bool {
		for _, x := range a.orig {
			for _, y := range b.orig {
				if blocked(x, y) {
					return true
				}
			}
		}
		return false
	}
	for level := 0; level < 20 && len(nodes) > 1; level++ {
		k := len(nodes)
		bl := make([][]bool, k)
		for a := range bl {
			bl[a] = make([]bool, k)
		}
		for a := 0; a < k; a++ {
			for b := a + 1; b < k; b++ {
				if blockedN(nodes[a], nodes[b]) {
					bl[a][b], bl[b][a] = true, true
				}
			}
		}
		comm := make([]int, k)
		cs := make([][]float64, k)
		cn := make([]int, k)
		members := make([][]int, k)
		for i := range nodes {
			cs[i] = make([]float64, len(nodes[i].s))
		}
		label := map[int]int{}
		for i, nd := range nodes {
			c := i
			if level == 0 && start != nil {
				if l, ok := label[start[i]]; ok {
					c = l
				} else {
					label[start[i]] = i
				}
			}
			comm[i] = c
			for d, x := range nd.s {
				cs[c][d] += x
			}
			cn[c] += nd.n
			members[c] = append(members[c], i)
		}
		moved := false
		for pass := 0; pass < 50; pass++ {
			changed := false
			for i, nd := range nodes {
				old := comm[i]
				for d, x := range nd.s {
					cs[old][d] -= x
				}
				cn[old] -= nd.n
				for x, m := range members[old] {
					if m == i {
						members[old] = append(members[old][:x:x], members[old][x+1:]...)
						break
					}
				}
				gain := func(c int) float64 {
					if cpmPickMean {
						return dot(nd.s, cs[c])/float64(nd.n*cn[c]) - gamma
					}
					return dot(nd.s, cs[c]) - gamma*float64(nd.n*cn[c])
				}
				best, bg := old, 0.0
				if len(members[old]) > 0 {
					bg = gain(old)
				}
				for c := 0; c < k; c++ {
					if c == old || len(members[c]) == 0 {
						continue
					}
					ok := true
					for _, m := range members[c] {
						if bl[i][m] {
							ok = false
							break
						}
					}
					if !ok {
						continue
					}
					if g := gain(c); g > bg+1e-12 {
						best, bg = c, g
					}
				}
				if bg <= 0 && best != old {
					best = old
				}
				if bg <= 0 && len(members[old]) > 0 {
					// better alone: an empty community
					for c := 0; c < k; c++ {
						if len(members[c]) == 0 {
							best = c
							break
						}
					}
				}
				comm[i] = best
				for d, x := range nd.s {
					cs[best][d] += x
				}
				cn[best] += nd.n
				members[best] = append(members[best], i)
				if best != old {
					changed, moved = true, true
				}
			}
			if !changed {
				break
			}
		}
		if !moved {
			break
		}
		var next []*node
		for c := 0; c < k; c++ {
			if len(members[c]) == 0 {
				continue
			}
			nd := &node{s: make([]float64, len(nodes[members[c][0]].s))}
			sort.Ints(members[c])
			for _, i := range members[c] {
				for d, x := range nodes[i].s {
					nd.s[d] += x
				}
				nd.n += nodes[i].n
				nd.orig = append(nd.orig, nodes[i].orig...)
			}
			next = append(next, nd)
		}
		nodes = next
	}
	for _, nd := range nodes {
		sort.Ints(nd.orig)
		for _, j := range nd.orig[1:] {
			join(nd.orig[0], j)
		}
		out = append(out, nd.orig[0])
	}
	sort.Ints(out)
	return out
}
