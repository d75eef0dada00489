package analysis

// bandWidth is the width of the band of links just above mergeSimilarity
// in which clusterTerms decides the merges at once (bandMerges) instead of
// one after the other. Rounds 36-37 (docs/painpoints.md) found the merges
// that flip under a 1% resample within .03 of the cut: a link there moves
// by .005-.02 when a few texts change.
const bandWidth = 0.03

// bandMerges makes the merges whose links fall in the band [cut,
// cut+bandWidth) from the links between the groups as the greedy left
// them at cut+bandWidth, all at once: two groups merge when each is the
// other's nearest group (the link at least the cut, the two not kept
// apart). A merge does not change the links the other decisions read, and
// a group merges at most once in the band, so a link that crosses the cut,
// or two near-tied links that swap, change that pair's merge and not the
// merges after it, as they do when each merge's new group is linked again
// ("wait" joining "table" moves whether "reservation" joins them).
//
// live are the groups, sim their links, blocked the pairs kept apart,
// concept whether a group is a pack concept's (two never merge); join(a,
// b) merges b into a. It returns the groups that are left.
func bandMerges(live []int, sim [][]float64, blocked [][]bool, concept func(int) bool, join func(a, b int)) []int {
	nearest := make(map[int]int, len(live))
	for _, a := range live {
		best, bb := mergeSimilarity, -1
		for _, b := range live {
			if a == b || blocked[a][b] || (concept(a) && concept(b)) {
				continue
			}
			if s := sim[a][b]; s > best || (s == best && bb < 0) {
				best, bb = s, b
			}
		}
		if bb >= 0 {
			nearest[a] = bb
		}
	}
	gone := map[int]bool{}
	for _, a := range live {
		if b, ok := nearest[a]; ok && a < b && nearest[b] == a {
			join(a, b)
			gone[b] = true
		}
	}
	out := live[:0]
	for _, a := range live {
		if !gone[a] {
			out = append(out, a)
		}
	}
	return out
}
