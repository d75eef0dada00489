package analysis

import (
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
)

// voicedMembers keeps, of each group's secondary members, those that say
// the problem its label names: the label's head, or a form of it (the
// same words in another form: "کد تخفیف" under "کد تخفیفم"; one word of a
// phrase head as a term of its own: "the prices are too high" under
// "expensive prices", see sayForm). Issue #14: "a member that does not
// mention the problem is not a member". A text stays in its main group
// whatever it says there, and in a group it rivals its main one in
// (ghit.rival: a tie, or the size prior's choice of main), which is as
// much the text's problem as the main one.
//
// What it drops is a text that names a second group by one of its other
// words: "this top runs small" in the looks-cheap group by "top", "the
// app keeps asking for a code when I log in" in the late-delivery group
// by "code" (docs/painpoints.md, round 66). The label is read from all the
// members, as before; the pain point's label, quotes and counts are made
// again from the members kept.
//
// Conversations are left as they are: a turn is placed by its segment.
//
// Only the groups described count (a group that makes no pain point
// places no text): the others are left as they are.
func voicedMembers(states []*gstate, described func(int, *gstate) bool, texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, opt PainPointOptions, pack []concept) {
	// Each group reads its own members and the run's shared, read-only
	// counts: the groups are read on every core, the largest first.
	order := make([]int, 0, len(states))
	for i, gs := range states {
		if described(i, gs) && gs.hasLoose() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return len(states[order[a]].hits) > len(states[order[b]].hits) })
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(order)) {
		wg.Go(func() {
			var words []tword
			var clauses []tclause
			for {
				i := int(next.Add(1) - 1)
				if i >= len(order) {
					return
				}
				words, clauses = states[order[i]].keepVoiced(texts, docs, pw, pl, opt, pack, words, clauses)
			}
		})
	}
	wg.Wait()
}

// keepVoiced is voicedMembers of one group; words and clauses are
// buffers, returned for the next group.
func (gs *gstate) keepVoiced(texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, opt PainPointOptions, pack []concept, words []tword, clauses []tclause) ([]tword, []tclause) {
	label, said := gs.label(gs.rankedTerms(), docs, pw, pl, opt.LabelLang, pack)
	gs.members, gs.sample = nil, nil // read again from the members kept
	if said.head == nil {
		return words, clauses
	}
	var hits []ghit
	var hitTerms []*term
	uses := map[*term]int{}
	persons := map[int32]float64{}
	for _, h := range gs.hits {
		ts := gs.termsOf(h)
		if !h.primary && !h.rival && len(ts) > 0 && !sayForm(ts, said.head) {
			words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
			if level, _ := said.support(h, ts, words, clauses); level < 2 {
				continue
			}
		}
		nh := h
		nh.termsAt = int32(len(hitTerms))
		hitTerms = append(hitTerms, ts...)
		hits = append(hits, nh)
		for _, t := range ts {
			uses[t]++
		}
		sev := float64(h.intensity)
		if sat := satisfactionOf(texts[h.text]); !math.IsNaN(sat) && sat >= 0 && sat <= 1 {
			sev = 0.5*sev + 0.5*(1-sat)
		}
		if p, ok := persons[gs.personOf[h.text]]; !ok || sev > p {
			persons[gs.personOf[h.text]] = sev
		}
	}
	if len(hits) == len(gs.hits) {
		// Every member stays: the label just read is the pain point's
		// (describe, with nothing to avoid, reads the same members).
		gs.labelled = &labelled{label, said}
	}
	gs.hits, gs.hitTerms, gs.uses, gs.persons = hits, hitTerms, uses, persons
	return words, clauses
}

// labelled is a group's label and what it names, read before the pain
// point is described.
type labelled struct {
	label string
	said  labelWords
}

// hasLoose reports whether the group has a secondary member that is no
// rival of its main group: one voicedMembers may drop.
func (gs *gstate) hasLoose() bool {
	for _, h := range gs.hits {
		if !h.primary && !h.rival && h.nterms > 0 {
			return true
		}
	}
	return false
}

// sayForm reports whether one of ts is the head in another form: as many
// words, each the head's word or a form of it (formsOfOneWord), or one
// word of a phrase head, or a form of it. A phrase head names the topic
// more narrowly than its group: "the prices are too high for the
// portions" voices "expensive prices" (measured against the head phrase
// only: the same on the six sets within the jackknife's spread, but a
// price text that does not say "expensive" left its price group).
func sayForm(ts []*term, head *term) bool {
	for _, t := range ts {
		if t == head {
			return true
		}
		if len(t.parts) == 1 && len(head.parts) > 1 {
			for _, q := range head.parts {
				if t.parts[0] == q || formsOfOneWord(t, &term{key: q, parts: []string{q}}) {
					return true
				}
			}
			continue
		}
		if len(t.parts) != len(head.parts) {
			continue
		}
		same := true
		for i, p := range t.parts {
			q := head.parts[i]
			same = same && (p == q || formsOfOneWord(&term{key: p, parts: []string{p}}, &term{key: q, parts: []string{q}}))
		}
		if same {
			return true
		}
	}
	return false
}
