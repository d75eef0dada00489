package analysis

import (
	"math"
	"slices"
	"sort"
)

// secondaryShare: a text is a member of a group other than its main one
// when its score there is at least this share of its main group's, and so
// is the number of its clauses that use the group's terms. A review that
// mentions the price in passing while complaining about the fit is a fit
// complaint, not a price one; one that complains about both at length is
// both. The clauses matter in long texts: a letter that dwells on one
// problem for four sentences and names another in one sentence of several
// of its words (session 9, round 23) is not about the second.
const secondaryShare = 0.5

// passingShare: a secondary group also needs this share of the text's
// scored clauses (the clauses that use any group's term). A letter that
// dwells on its concern and names other groups in a clause each is about
// its concern, however many clauses that concern takes: half the main
// group's clauses lets every passing mention of a long text in, a third of
// the text's clauses does not (session 9, round 18's bar b; session 11,
// round 32). A short text is hardly touched: one clause of three clears
// it. A conversation (cv) is left to its turns' segment bar.
const passingShare = 1.0 / 3

// A ghit is one member text of a group: 20 bytes, as there is one for
// every text in every group it belongs to (rival fits in the padding).
type ghit struct {
	text      int32
	intensity float32
	clause    int32  // the clause of the strongest term
	termsAt   int32  // the group's terms the text uses: gstate.termsOf
	nterms    uint16 // (a group has at most maxTerms)
	primary   bool
	// rival: a secondary member whose text says the group as much as its
	// main one (score and clauses at least the main's) or that the size
	// prior chose as its main (sizedMain): it keeps its place though it
	// does not say the label (voicedMembers).
	rival bool
}

// A gstate is a group with its members.
type gstate struct {
	g        *tgroup
	hits     []ghit
	hitTerms []*term           // the hits' terms, one after the other
	persons  map[int32]float64 // person (numbered in input order) -> severity
	personOf []int32           // each text's person, as persons numbers them (shared by the groups)
	uses     map[*term]int     // member texts using each term
	said     labelWords        // what its pain point's label names
	members  []member          // its distinct texts (membersOf), once asked for
	sample   []member          // those its label's wording is read from (phraseMembers)
	labelled *labelled         // its label, when voicedMembers read it from the members it kept
}

// A member is one of a group's distinct texts: identical texts share
// their doc, read once and counted as many times as they are members.
type member struct {
	d *tdoc
	n int
}

// membersOf returns the distinct texts of hits, in the order first met.
func membersOf(hits []ghit, docs []*tdoc) []member {
	return slices.Clip(distinctDocs(len(hits), func(i int) *tdoc { return docs[hits[i].text] }))
}

// docTimes is docs each once, in the order first met, with how many of
// docs it is: identical texts share their doc (analyseAll), so a count
// over texts reads each once and counts it as many times.
func docTimes(docs []*tdoc) []member {
	return distinctDocs(len(docs), func(i int) *tdoc { return docs[i] })
}

// distinctDocs is the docs doc(0..n-1) each once, in the order first met,
// with how many times each is met.
func distinctDocs(n int, doc func(int) *tdoc) []member {
	at := make(map[*tdoc]int32, n)
	out := make([]member, 0, n)
	for i := range n {
		d := doc(i)
		j, ok := at[d]
		if !ok {
			j = int32(len(out))
			at[d] = j
			out = append(out, member{d: d})
		}
		out[j].n++
	}
	return out
}

// membersOf is the group's distinct member texts (membersOf), made on the
// first call: its members do not change once assigned, and every count
// of its labels reads them in any order.
func (gs *gstate) membersOf(docs []*tdoc) []member {
	if gs.members == nil {
		gs.members = membersOf(gs.hits, docs)
	}
	return gs.members
}

// phraseMembers is the members a label's wording is read from: all of
// them up to labelSample distinct texts, else a systematic sample
// (sampleMembers). What heads the label (forHeads: which term, how many
// members say it and which complaint word) is counted over every member;
// the sample tells how they say it (the phrase's words and form) and
// which words go with it.
func (gs *gstate) phraseMembers(docs []*tdoc) []member {
	if gs.sample == nil {
		gs.sample = sampleMembers(gs.membersOf(docs), labelSample)
	}
	return gs.sample
}

// labelSample is how many of a group's distinct texts its label's
// wording is read from at most (phraseMembers). The wording is the
// phrase most of the members say, chosen by shares of them (half as many,
// a fifth, a tenth): 2,000 texts tell a share within about a percentage
// point, and a group of 30,000 distinct answers was read a dozen times
// over (issue 17; docs/painpoints.md, "Session 19"). Counts shown to the
// user (the texts, persons and those that say the label) are of every
// member.
const labelSample = 2000

// sampleMembers returns members when they are at most n, else every
// k-th of them (k the smallest step that keeps at most n), each standing
// for itself and the k-1 after it: its count is theirs together, so
// every sum over the sample is one over all the members' texts, read
// from a few of them. The members are in the texts' order, so the sample
// is spread over the input.
func sampleMembers(members []member, n int) []member {
	if len(members) <= n {
		return members
	}
	step := (len(members) + n - 1) / n
	out := make([]member, 0, (len(members)+step-1)/step)
	for i := 0; i < len(members); i += step {
		m := member{d: members[i].d}
		for _, o := range members[i:min(i+step, len(members))] {
			m.n += o.n
		}
		out = append(out, m)
	}
	return out
}

// termsOf returns the group's terms that the member h uses.
func (gs *gstate) termsOf(h ghit) []*term {
	return gs.hitTerms[h.termsAt : h.termsAt+int32(h.nterms)]
}

type textScore struct {
	g         int
	score     float64
	intensity float32
	clause    int32
	best      float64
	terms     []*term
	clauses   int // the text's clauses that use the group's terms
}

// passing reports whether s is only a passing mention in a text of
// scored clauses (passingShare).
func (s textScore) passing(scored int) bool {
	return float64(s.clauses) < passingShare*float64(scored)
}

// assign scores every text against every group it uses a term of (each
// term use counts its clause's weight: a complaint clause more than a
// neutral one, praise not at all) and makes it a member of its main group
// and of any other that scores at least secondaryShare of it. Counting
// uses rather than weighting rare terms up keeps a review of a honey's
// taste in the taste group, not in a group of honey words (measured: NMI
// up on every development set).
// One pass over the texts' words with a map lookup per word. A turn of a
// conversation (Text.Thread) is read with its segment (thread.go): a
// second pass over the threads' texts only. Its secondary groups need the
// same share of its segment too: a meeting's turn that names the offer in
// a discussion of the hourly rate is not an offer member unless the
// segment discusses the offer at least half as much.
// Groups' sizes weigh in too (sizedMain, round 29): a text is also a
// member of the group that its score times the group's size favours among
// those it says in as many clauses as its highest-scoring one; such texts
// are scored again once every text has counted in the sizes.
// A secondary group also needs a third of the text's scored clauses
// (passingShare), outside conversations.
func assign(texts []Text, docs []*tdoc, groups []*tgroup, cv *convo) []*gstate {
	termGroup := map[string]int{}
	termOf := map[string]*term{}
	for gi, g := range groups {
		for _, t := range g.terms {
			termGroup[t.key], termOf[t.key] = gi, t
		}
	}
	states := make([]*gstate, len(groups))
	personOfText := make([]int32, len(docs))
	for gi, g := range groups {
		states[gi] = &gstate{g: g, persons: map[int32]float64{}, personOf: personOfText, uses: map[*term]int{}}
	}
	sc := &scorer{termGroup: termGroup, termOf: termOf, inPair: map[int]bool{}, inClause: map[[2]int32]bool{}}
	seg, prof := threadProfiles(texts, docs, sc, cv)
	// The groups' sizes (sizedMain) are known only after every text is
	// scored, and only a text that says another group in as many clauses
	// as its best one needs them: such a text waits for a second look.
	size := make([]float64, len(groups))
	var waiting []int32
	personNum := map[string]int32{}
	place := func(i int, scores []textScore, top, main int, p map[int]float64) {
		person := personOfText[i]
		sat := satisfactionOf(texts[i])
		scored := sc.scored // the text's: place follows its sc.score
		for j, s := range scores {
			if j != top && j != main && (s.score < secondaryShare*scores[top].score || float64(s.clauses) < secondaryShare*float64(scores[top].clauses) ||
				p != nil && p[s.g] < secondaryShare*p[scores[top].g] ||
				cv == nil && s.passing(scored)) {
				continue
			}
			gs := states[s.g]
			rival := j != top && (j == main || s.score >= scores[top].score && s.clauses >= scores[top].clauses)
			gs.hits = append(gs.hits, ghit{text: int32(i), primary: j == top, rival: rival, intensity: s.intensity,
				clause: s.clause, termsAt: int32(len(gs.hitTerms)), nterms: uint16(len(s.terms))})
			gs.hitTerms = append(gs.hitTerms, s.terms...)
			for _, t := range s.terms {
				gs.uses[t]++
			}
			sev := float64(s.intensity)
			if !math.IsNaN(sat) && sat >= 0 && sat <= 1 {
				sev = 0.5*sev + 0.5*(1-sat)
			}
			if p, ok := gs.persons[person]; !ok || sev > p {
				gs.persons[person] = sev
			}
		}
	}
	// Identical texts share their doc and score alike: a doc said by
	// several texts is scored once and its scores copied for the others
	// (a text's scores are changed by its segment, and the scorer's slice
	// is overwritten by the next text's).
	times := make(map[*tdoc]int32, len(docs))
	for _, d := range docs {
		times[d]++
	}
	type scoredDoc struct {
		scores []textScore
		scored int
	}
	memo := map[*tdoc]scoredDoc{}
	scoreOf := func(d *tdoc) []textScore {
		if times[d] < 2 {
			return sc.score(d)
		}
		if m, ok := memo[d]; ok {
			sc.scores = append(sc.scores[:0], m.scores...)
			sc.scored = m.scored
			return sc.scores
		}
		scores := sc.score(d)
		memo[d] = scoredDoc{slices.Clone(scores), sc.scored}
		return scores
	}
	for i, d := range docs {
		scores := scoreOf(d)
		var p map[int]float64 // the turn's segment's profile
		if seg != nil && seg[i] >= 0 {
			p = prof[seg[i]]
			scores = sc.withSegment(scores, p)
		}
		if len(scores) == 0 {
			continue
		}
		pk := personOf(texts[i], i)
		person, ok := personNum[pk]
		if !ok {
			person = int32(len(personNum))
			personNum[pk] = person
		}
		personOfText[i] = person
		top := topScore(scores)
		if p == nil {
			// A conversation's turn has its segment for a prior.
			size[scores[top].g]++
			if contested(scores, top) {
				waiting = append(waiting, int32(i))
				continue
			}
		}
		place(i, scores, top, top, p)
	}
	late := make([]bool, len(groups))
	for _, i := range waiting {
		scores := scoreOf(docs[i])
		top := topScore(scores)
		for _, s := range scores {
			late[s.g] = true
		}
		place(int(i), scores, top, sizedMain(scores, top, size), nil)
	}
	// The waiting texts' members go back to the texts' order.
	for g, gs := range states {
		if late[g] {
			sort.SliceStable(gs.hits, func(a, b int) bool { return gs.hits[a].text < gs.hits[b].text })
		}
	}
	// Members were appended as found: keep them without the spare room
	// (up to half of each slice) while the labels are written.
	for _, gs := range states {
		gs.hits = append([]ghit(nil), gs.hits...)
		gs.hitTerms = append([]*term(nil), gs.hitTerms...)
	}
	return states
}

// topScore returns the index of the highest score (the lower group on a
// tie).
func topScore(scores []textScore) int {
	top := 0
	for j := range scores {
		if scores[j].score > scores[top].score || scores[j].score == scores[top].score && scores[j].g < scores[top].g {
			top = j
		}
	}
	return top
}

// contested reports whether another group than top is said in as many of
// the text's clauses: then the groups' sizes choose its main group.
func contested(scores []textScore, top int) bool {
	for j, s := range scores {
		if j != top && s.clauses >= scores[top].clauses {
			return true
		}
	}
	return false
}

// sizedMain chooses a text's main group among the groups it says in at
// least as many clauses as its highest-scoring one (top), by the score
// times the group's size, as a mixture model weighs a topic's likelihood by
// its prior (session 10, round 29). The size is the number of texts whose
// highest score the group is, the share of the texts each group is the
// main concern of; a conversation's turns are not counted, their segment
// is their prior. Where the clauses do not tell which group a long text is
// about, its highest count is the highest of many small counts, and a
// group many texts are about is the likelier reading; a text that dwells
// on one group in more clauses keeps it. The chosen group is a member
// besides those the half bars admit against top, which stays the group
// the text is quoted for (ghit.primary).
func sizedMain(scores []textScore, top int, size []float64) int {
	best := top
	key := func(s textScore) float64 { return s.score * max(size[s.g], 1) }
	for j, s := range scores {
		if s.clauses < scores[top].clauses {
			continue
		}
		if k, b := key(s), key(scores[best]); k > b || k == b && s.g < scores[best].g {
			best = j
		}
	}
	return best
}

// applyMerges carries out the researcher's merge corrections: a key names
// the group whose key it is, or else the group holding that term, so a
// correction made on one run still finds its groups when a re-analysis
// chose another head term.
func applyMerges(groups []*tgroup, merge map[string]string) []*tgroup {
	if len(merge) == 0 {
		return groups
	}
	srcs := make([]string, 0, len(merge))
	for k := range merge {
		srcs = append(srcs, k)
	}
	sort.Strings(srcs)
	for _, from := range srcs {
		to := ResolveMerge(from, merge)
		a, b := findGroup(groups, from), findGroup(groups, to)
		if a < 0 || b < 0 || a == b {
			continue
		}
		groups[b].terms = append(groups[b].terms, groups[a].terms...)
		groups[b].key = to
		groups = append(groups[:a], groups[a+1:]...)
	}
	return groups
}

// findGroup returns the index of the group keyed k, else of the group
// holding the term k, else -1.
func findGroup(groups []*tgroup, k string) int {
	for i, g := range groups {
		if g.key == k {
			return i
		}
	}
	for i, g := range groups {
		for _, t := range g.terms {
			if t.key == k {
				return i
			}
		}
	}
	return -1
}

func hiddenGroups(groups []*tgroup, hide []string) map[int]bool {
	out := map[int]bool{}
	for _, k := range hide {
		if i := findGroup(groups, k); i >= 0 {
			out[i] = true
		}
	}
	return out
}

// A scorer scores texts against the groups, reusing its buffers.
type scorer struct {
	termGroup map[string]int
	termOf    map[string]*term
	scores    []textScore
	inPair    map[int]bool
	inClause  map[[2]int32]bool // (group, clause) pairs the text has scored
	words     []tword
	clauses   []tclause
	inScored  []bool // the text's clauses that use any group's term
	scored    int    // how many: the last scored text's
}

// score returns the text's score in every group it uses a term of; the
// slice is the scorer's until the next call.
func (sc *scorer) score(d *tdoc) []textScore {
	termGroup, termOf := sc.termGroup, sc.termOf
	scores := sc.scores[:0]
	clauses := d.decodeClauses(sc.clauses)
	sc.clauses = clauses
	inPair, inClause := sc.inPair, sc.inClause
	inScored := slices.Grow(sc.inScored[:0], len(clauses))[:len(clauses)]
	clear(inScored)
	sc.inScored, sc.scored = inScored, 0
	hit := func(key string, clause int32) {
		t := termOf[key]
		if t == nil {
			return
		}
		c := clauses[clause]
		if c.weight == 0 {
			return
		}
		gi := termGroup[key]
		v := float64(c.weight)
		if t.measured {
			// A turn of a long conversation counts its bursty terms;
			// the meeting's background places it nowhere.
			if v *= t.weight(); v == 0 {
				return
			}
		}
		j := 0
		for j < len(scores) && scores[j].g != gi {
			j++
		}
		if j == len(scores) {
			scores = append(scores, textScore{g: gi})
		}
		s := &scores[j]
		s.score += v
		if v > s.best {
			s.best, s.clause = v, clause
		}
		s.intensity = max(s.intensity, c.intensity)
		if !inScored[clause] {
			inScored[clause] = true
			sc.scored++
		}
		if gc := [2]int32{int32(gi), clause}; !inClause[gc] {
			inClause[gc] = true
			s.clauses++
		}
		for _, u := range s.terms {
			if u == t {
				return
			}
		}
		s.terms = append(s.terms, t)
	}
	// A collocation counts once, not again through each of its words.
	clear(inPair)
	clear(inClause)
	words := d.decode(sc.words)
	sc.words = words
	for wi, w := range words {
		if wi > 0 && w.joined && words[wi-1].clause == w.clause && !inPair[wi-1] {
			if k := bigramKey(words[wi-1], w); k != w.key && termOf[k] != nil {
				hit(k, w.clause)
				inPair[wi-1], inPair[wi] = true, true
			}
		}
	}
	for wi, w := range words {
		if !inPair[wi] {
			hit(w.key, w.clause)
		}
	}
	sc.scores = scores
	return scores
}
