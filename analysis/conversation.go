package analysis

import (
	"math"
	"math/rand/v2"
	"slices"
)

// A conversation's turns come in order, and a meeting stays on a topic for
// many turns: a topical word is bursty along that order (its uses cluster
// in one stretch of the meeting), while the words the whole meeting says
// ("childcare, offer, year" in a hearing on a childcare offer) are spread
// over all of it. How evenly a term is spread is measured by Savický and
// Hlaváčová's average reduced frequency (ARF, "Measures of word commonness",
// Journal of Quantitative Linguistics 9, 2002), a standard dispersion
// measure that reads the positions of the uses and needs no division of
// the text into parts: with f uses among N turns, v = N/f, and the gaps d
// between successive uses (the last to the first around the end),
//
//	ARF = (1/v) Σ min(d, v)
//
// is f when the uses are evenly spaced and about 1 when they all stand
// together. Turns placed at random (each turn uses the term with chance
// p = f/N, geometric gaps) give E[ARF]/f = 1 - (1-p)^(1/p), 1 - 1/e for a
// rare term: a term whose ARF is at least that is spread over the
// conversation as evenly as chance would spread it, not in a stretch of it.
//
// The order is used four ways, only for the turns of long conversations
// (survey answers have none) and only when they come in topical stretches
// at all (orderShows): in the grouping, a term's vector carries where in
// the conversation it is said beside the contexts of its words
// (addTimeProfiles), so the terms of one stretch join and a word said all
// through the meeting joins no stretch; in the membership, a use of a term
// counts by how much burstier than chance it is (term.weight), so a turn
// is placed by its topic's words, not by the meeting's background; a turn
// is read with its TextTiling segment, and one that says no weighted term
// joins its segment's best group (thread.go); and a meeting's pain points
// rank by their share of its turns (FindPainPointsContext). See
// docs/painpoints.md, method steps 7 and 12.

// A convo holds the position of each text in a conversation long enough
// to show how its words are spread: at least minDomainTexts turns, the
// number of texts below which a common word is not yet the domain either.
type convo struct {
	thread []int32 // per text: its conversation, -1 when none is measured
	turn   []int32 // per text: its turn in the conversation (0-based)
	size   []int32 // per conversation: its turns
}

// conversations numbers the texts' long conversations; nil when there is
// none (survey answers, notes, a few short interviews) or when their turns
// are not most of the texts (a study of survey answers with one long focus
// group reads its turns as it reads the answers: the order's rules would
// set the transcript's terms apart from the answers' terms).
func conversations(texts []Text) *convo {
	count := map[string]int32{}
	for _, t := range texts {
		if t.Thread != "" {
			count[t.Thread]++
		}
	}
	num := map[string]int32{}
	cv := &convo{}
	for _, t := range texts {
		if t.Thread != "" && count[t.Thread] >= minDomainTexts {
			if _, ok := num[t.Thread]; !ok {
				num[t.Thread] = int32(len(cv.size))
				cv.size = append(cv.size, 0)
			}
		}
	}
	if len(cv.size) == 0 {
		return nil
	}
	turns := 0
	for _, t := range texts {
		if _, ok := num[t.Thread]; ok {
			turns++
		}
	}
	if 2*turns <= len(texts) {
		return nil // mostly survey answers: a long transcript among them is read as they are
	}
	cv.thread = make([]int32, len(texts))
	cv.turn = make([]int32, len(texts))
	for i, t := range texts {
		c, ok := num[t.Thread]
		if !ok {
			cv.thread[i] = -1
			continue
		}
		cv.thread[i], cv.turn[i] = c, cv.size[c]
		cv.size[c]++
	}
	return cv
}

// A spread is where a term is used in the conversations: (conversation,
// turn) pairs in input order, so each conversation's turns ascend.
type spread struct {
	at [][2]int32
}

// ratio is the term's ARF over its chance value, summed over the
// conversations that use it: under 1 the term comes in bursts, at 1 or
// more it is spread over the conversation as evenly as chance or more.
// ok is false when the term is used in no measured conversation.
func (s *spread) ratio(cv *convo) (r float64, ok bool) {
	if s == nil || len(s.at) == 0 {
		return 0, false
	}
	slices.SortFunc(s.at, func(a, b [2]int32) int {
		if a[0] != b[0] {
			return int(a[0] - b[0])
		}
		return int(a[1] - b[1])
	})
	var obs, exp float64
	for i := 0; i < len(s.at); {
		j := i
		for j < len(s.at) && s.at[j][0] == s.at[i][0] {
			j++
		}
		if j-i < 2 {
			i = j
			continue // one use says nothing of how the uses are spread
		}
		n := float64(cv.size[s.at[i][0]])
		f := float64(j - i)
		v := n / f
		for k := i; k < j; k++ {
			var d float64
			if k == i {
				d = float64(s.at[k][1]) + n - float64(s.at[j-1][1])
			} else {
				d = float64(s.at[k][1] - s.at[k-1][1])
			}
			obs += math.Min(d, v) / v
		}
		p := f / n
		exp += f * (1 - math.Pow(1-p, 1/p))
		i = j
	}
	if exp == 0 {
		return 0, false
	}
	return obs / exp, true
}

// addTimeProfiles appends to each measured term's unit vector where in the
// conversations it is said: its share of uses per stretch of √N turns
// less the stretch's share of turns, as a unit vector, the two halves
// scaled by 1/√2 so that a dot product is the mean of the words' cosine
// and the correlation of where they are said.
func addTimeProfiles(vecs [][]float64, terms []*term, cv *convo) {
	if cv == nil {
		return
	}
	var off []int
	bins := 0
	for _, n := range cv.size {
		off = append(off, bins)
		bins += int(math.Ceil(math.Sqrt(float64(n))))
	}
	binOf := func(c, turn int32) int {
		b := off[c]
		nb := int(math.Ceil(math.Sqrt(float64(cv.size[c]))))
		return b + int(turn)*nb/int(cv.size[c])
	}
	share := make([]float64, bins)
	total := 0
	for c, n := range cv.size {
		for turn := int32(0); turn < n; turn++ {
			share[binOf(int32(c), turn)]++
		}
		total += int(n)
	}
	for b := range share {
		share[b] /= float64(total)
	}
	for i, t := range terms {
		if len(vecs[i]) == 0 {
			continue
		}
		if !t.measured {
			// Said mostly outside the conversations, or once in each: its
			// words alone say what it is near (its dot product with a
			// measured term is the words' cosine over √2).
			vecs[i] = append(vecs[i][:len(vecs[i]):len(vecs[i])], make([]float64, bins)...)
			continue
		}
		prof := make([]float64, bins)
		for _, a := range t.spread.at {
			prof[binOf(a[0], a[1])]++
		}
		f := float64(len(t.spread.at))
		for b := range prof {
			prof[b] = prof[b]/f - share[b]
		}
		normalize(prof)
		v := make([]float64, 0, len(vecs[i])+bins)
		for _, x := range vecs[i] {
			v = append(v, x/math.Sqrt2)
		}
		for _, x := range prof {
			v = append(v, x/math.Sqrt2)
		}
		vecs[i] = v
	}
}

// weight is how much a use of a measured term counts toward a turn's
// membership: the share of chance's spread its uses lack, 1 - ARF/E[ARF].
// A term said as evenly as chance or more (the meeting's background:
// "childcare, offer" in a hearing on a childcare offer) counts nothing; a
// term said in one stretch counts most. A turn is placed by its topic's
// words, not by the words the whole meeting says.
func (t *term) weight() float64 {
	return max(0, 1-1/t.burst)
}

// orderShows reports whether the conversations come in topical stretches
// at all, and when they do not, forgets the order: the terms' spread is
// no longer measured and the texts are read as survey answers. A meeting
// stays on a topic for many turns; an interview may move from one problem
// to the next in consecutive turns, and there a problem's words are
// spread like chance, so weighing them by their bursts would drop the
// problems themselves. The statistic is the mean of 1 - ARF/E[ARF] over
// the measured terms; the test is a permutation test (the standard one
// for a statistic whose chance value is not known exactly: E[ARF] above is
// the geometric approximation, and a shuffled hearing scores .02-.12 below
// it): the same mean with each conversation's turns in orderPermutations
// fixed shuffled orders must stay below the mean in the order said, a
// one-sided test at the 5% level (1 in orderPermutations+1).
func (st *termStats) orderShows(terms []*term) bool {
	if st.cv == nil {
		return false
	}
	var measured []*term
	for _, t := range terms {
		if t.measured {
			measured = append(measured, t)
		}
	}
	if len(measured) >= 2 {
		real := 0.0
		for _, t := range measured {
			real += 1 - 1/t.burst
		}
		perm := make([][]int32, len(st.cv.size))
		rng := rand.New(rand.NewPCG(1, 2))
		var tmp spread
		shows := true
		for range orderPermutations {
			for c, n := range st.cv.size {
				perm[c] = perm[c][:0]
				for i := range n {
					perm[c] = append(perm[c], i)
				}
				rng.Shuffle(int(n), func(i, j int) { perm[c][i], perm[c][j] = perm[c][j], perm[c][i] })
			}
			sum := 0.0
			for _, t := range measured {
				tmp.at = tmp.at[:0]
				for _, a := range t.spread.at {
					tmp.at = append(tmp.at, [2]int32{a[0], perm[a[0]][a[1]]})
				}
				if r, ok := tmp.ratio(st.cv); ok {
					sum += 1 - r
				}
			}
			if sum >= real {
				shows = false
				break
			}
		}
		if shows {
			return true
		}
	}
	for _, t := range terms {
		t.measured = false
	}
	st.cv = nil
	return false
}

// orderPermutations is how many shuffled orders the order must beat: 19
// gives the 5% level.
const orderPermutations = 19
