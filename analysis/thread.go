package analysis

import (
	"context"
	"math"
	"sort"
)

// Conversations (session 10, round 26). The texts of one ordered
// conversation (a meeting's or an interview's turns: Text.Thread) are cut
// into segments by their own vocabulary, TextTiling (Hearst 1997): at every
// turn boundary the content words of the tileBlock words before it are
// compared with the tileBlock words after it (cosine of their counts,
// smoothed over three neighbouring boundaries); a boundary is where that
// similarity falls below its neighbours (the depth: the climb to the
// highest similarity on each side, summed) by more than the mean depth
// less half its standard deviation, the deepest first, no two within a
// block of words. A block counts words, not turns, so a run of "yeah",
// "okay" turns weighs what it says, and a long turn is not one unit.
//
// A turn is then read with its segment (assign): its score in each of its
// groups, divided by its best, is added to the segment's profile (the
// segment's turns' scores so divided, summed per group, divided by the
// best group's sum; a use counts its term's burstiness, conversation.go),
// and a turn that uses none of the groups' terms, or only the meeting's
// background ("yeah, I agree", "so what about the cost then"), joins its
// segment's best group: a member, never a quote (gstate.examples). A
// secondary group needs secondaryShare of the main group's weight in the
// segment's profile too (assign). Only the conversations whose order the
// engine reads are segmented (conversations, orderShows: at least
// minDomainTexts turns, most of the texts, in topical stretches); an
// interview that moves from one problem to the next turn by turn is read
// as survey answers are.

// tileBlock is the number of content words on each side of a gap: Hearst's
// blocks of 6 pseudo-sentences of 20 tokens, about half of which are
// content words.
const tileBlock = 60

// segmentThreads returns each text's segment number, -1 for a text in no
// thread. Segments are numbered over all threads; a thread's texts are in
// the conversation's order.
func segmentThreads(texts []Text, docs []*tdoc) []int32 {
	seg := make([]int32, len(texts))
	threads := map[string][]int{}
	var order []string
	for i, t := range texts {
		seg[i] = -1
		if t.Thread == "" {
			continue
		}
		if _, ok := threads[t.Thread]; !ok {
			order = append(order, t.Thread)
		}
		threads[t.Thread] = append(threads[t.Thread], i)
	}
	var next int32
	var words []tword
	var keys []string
	for _, th := range order {
		idx := threads[th]
		// The thread's content words in order, and where each turn starts.
		keys = keys[:0]
		start := make([]int, len(idx)+1)
		for j, i := range idx {
			start[j] = len(keys)
			words = docs[i].decode(words)
			for _, w := range words {
				if w.kind != wContext {
					keys = append(keys, w.key)
				}
			}
		}
		start[len(idx)] = len(keys)
		cuts := tileCuts(keys, start)
		c := 0
		for j, i := range idx {
			if c < len(cuts) && cuts[c] == j {
				next++
				c++
			}
			seg[i] = next
		}
		next++
	}
	return seg
}

// tileCuts returns the turns that begin a new segment, in order: start[j]
// is turn j's first word in keys, start[len(start)-1] the end of keys.
func tileCuts(keys []string, start []int) []int {
	n := len(start) - 1
	type gap struct {
		turn       int
		sim, depth float64
	}
	var gaps []gap
	for j := 1; j < n; j++ {
		at := start[j]
		if at == 0 || at == len(keys) || len(gaps) > 0 && start[gaps[len(gaps)-1].turn] == at {
			continue // no words on one side, or the same place as the last gap (turns with no word)
		}
		gaps = append(gaps, gap{turn: j, sim: blockCosine(keys[max(0, at-tileBlock):at], keys[at:min(len(keys), at+tileBlock)])})
	}
	if len(gaps) < 3 {
		return nil
	}
	sm := make([]float64, len(gaps))
	for g := range gaps {
		s, c := gaps[g].sim, 1.0
		if g > 0 {
			s, c = s+gaps[g-1].sim, c+1
		}
		if g+1 < len(gaps) {
			s, c = s+gaps[g+1].sim, c+1
		}
		sm[g] = s / c
	}
	var sum, sum2 float64
	for g := range gaps {
		l := sm[g]
		for k := g - 1; k >= 0 && sm[k] >= l; k-- {
			l = sm[k]
		}
		r := sm[g]
		for k := g + 1; k < len(sm) && sm[k] >= r; k++ {
			r = sm[k]
		}
		gaps[g].depth = (l - sm[g]) + (r - sm[g])
		sum += gaps[g].depth
		sum2 += gaps[g].depth * gaps[g].depth
	}
	mean := sum / float64(len(gaps))
	cut := mean - math.Sqrt(max(0, sum2/float64(len(gaps))-mean*mean))/2
	byDepth := make([]int, len(gaps))
	for g := range byDepth {
		byDepth[g] = g
	}
	sort.SliceStable(byDepth, func(a, b int) bool { return gaps[byDepth[a]].depth > gaps[byDepth[b]].depth })
	var cuts []int
	for _, g := range byDepth {
		if gaps[g].depth <= cut || gaps[g].depth <= 0 {
			break
		}
		at, ok := start[gaps[g].turn], true
		for _, c := range cuts {
			if d := start[c] - at; d < tileBlock && d > -tileBlock {
				ok = false
				break
			}
		}
		if ok {
			cuts = append(cuts, gaps[g].turn)
		}
	}
	sort.Ints(cuts)
	return cuts
}

// blockCosine is the cosine of the word counts of two blocks.
func blockCosine(a, b []string) float64 {
	l := make(map[string]float64, len(a))
	for _, k := range a {
		l[k]++
	}
	r := make(map[string]float64, len(b))
	for _, k := range b {
		r[k]++
	}
	var dot, nl, nr float64
	for k, v := range l {
		nl += v * v
		dot += v * r[k]
	}
	for _, v := range r {
		nr += v * v
	}
	if nl == 0 || nr == 0 {
		return 0
	}
	return dot / math.Sqrt(nl*nr)
}

// Segments returns, for each text, the number of the conversation segment
// it falls in (TextTiling over each Thread), -1 for a text in no thread:
// what the engine reads as one stretch of a conversation on one topic.
func Segments(texts []Text) []int32 {
	docs, _, err := analyseAll(context.Background(), texts, ignoreSet(texts, PainPointOptions{}))
	if err != nil {
		return nil
	}
	return segmentThreads(texts, docs)
}

// threadProfiles segments the threads and returns each text's segment and
// each segment's profile: per group, its turns' scores there, each turn's
// divided by its best (a long turn weighs as one turn), summed, divided by
// the best group's sum. Only the conversations cv reads are segmented (a
// text outside them is in segment -1); nil, nil when cv is nil.
func threadProfiles(texts []Text, docs []*tdoc, sc *scorer, cv *convo) ([]int32, map[int32]map[int]float64) {
	if cv == nil {
		return nil, nil // no long conversation, or one that shows no topical stretches
	}
	seg := segmentThreads(texts, docs)
	for i := range seg {
		if cv.thread[i] < 0 {
			seg[i] = -1 // a short conversation among long ones: read as before
		}
	}
	prof := map[int32]map[int]float64{}
	for i, d := range docs {
		if seg[i] < 0 {
			continue
		}
		scores := sc.score(d)
		top := 0.0
		for _, s := range scores {
			top = max(top, s.score)
		}
		if top == 0 {
			continue
		}
		p := prof[seg[i]]
		if p == nil {
			p = map[int]float64{}
			prof[seg[i]] = p
		}
		for _, s := range scores {
			p[s.g] += s.score / top
		}
	}
	for _, p := range prof {
		top := 0.0
		for _, v := range p {
			top = max(top, v)
		}
		for g, v := range p {
			p[g] = v / top
		}
	}
	return seg, prof
}

// withSegment reads a turn with its segment's profile p: each of the
// turn's own scores, divided by its best, plus the segment's weight of
// that group; a turn with no score of its own joins the segment's best
// group (the lowest group number breaks a tie).
func (sc *scorer) withSegment(scores []textScore, p map[int]float64) []textScore {
	if len(p) == 0 {
		return scores
	}
	if len(scores) == 0 {
		bg, bv := -1, 0.0
		for g, v := range p {
			if v > bv || v == bv && g < bg {
				bg, bv = g, v
			}
		}
		scores = append(scores, textScore{g: bg, score: bv})
		sc.scores = scores
		return scores
	}
	top := 0.0
	for _, s := range scores {
		top = max(top, s.score)
	}
	for j := range scores {
		scores[j].score = scores[j].score/top + p[scores[j].g]
	}
	return scores
}
