package analysis

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// A label states the problem: after its head term comes the complaint
// word that the members say with it most, by lift over the whole set
// ("portions small", "service slow", "ارسال دیر"), not the most common
// complaint word of the set.

// problemWords counts, once per text, the complaint words that name a
// problem (wSpecific: "slow", "late", "دیر"), so that a group's use of one
// can be set against the whole set's.
type problemWords struct {
	n    int
	df   map[string]int            // texts that use the word: complaint words and states
	surf map[string]map[string]int // spellings as written
	// learned are the content words this corpus uses as complaint words
	// (see learnComplaintWords); events are those learned from durations
	// ("wait"): they name what the problem is about, and may head a label.
	learned map[string]bool
	events  map[string]bool
	// states are the content words the corpus says as a state in at
	// least learnedStatedShare of their texts ("تیره", dark), in clauses
	// that complain at least as often as the set's content words do and
	// in at least half their texts (not "decent", not a meeting's
	// "able"): when no complaint word is said with a group's terms, the
	// state its members say of them most is the label's word ("رنگ
	// تیره", dark colour), in clauses that do not praise.
	states map[string]bool
	// dropped are the keys, read as written, that a token of a clause may
	// have without being one of the clause's words (vocab.dropped): phrase
	// reads every clause for them, and only the clauses whose words hold
	// both for the others.
	dropped map[string]bool
}

func countProblemWords(docs []*tdoc) *problemWords {
	pw := &problemWords{n: len(docs), df: map[string]int{}, surf: map[string]map[string]int{}, dropped: map[string]bool{}}
	var voc *vocab // one for all texts of a run; tests analyse texts apart
	for _, d := range docs {
		if d.voc == voc {
			continue
		}
		voc = d.voc
		for k := range voc.dropped {
			if w, ok := voc.written[k]; ok {
				k = w
			}
			pw.dropped[k] = true
		}
	}
	pw.learned, pw.events, pw.states = learnComplaintWords(docs)
	var in []string
	var words []tword
	// Each distinct text once, counted as many times as it is said: a
	// spelling is kept (at most 32 a word) when first met, as when every
	// text was read in turn, and the texts that say it again count it
	// again if it was kept.
	for _, m := range docTimes(docs) {
		in = in[:0]
		words = m.d.decode(words)
		for _, w := range words {
			if !pw.problem(w) && !pw.state(w) {
				continue
			}
			if !slices.Contains(in, w.key) {
				in = append(in, w.key)
			}
			if pw.surf[w.key] == nil {
				pw.surf[w.key] = map[string]int{}
			}
			if len(pw.surf[w.key]) < 32 || pw.surf[w.key][w.surf] > 0 {
				pw.surf[w.key][w.surf] += m.n
			}
		}
		for _, k := range in {
			pw.df[k] += m.n
		}
	}
	return pw
}

// problem reports whether w names a problem: a complaint word of the
// generic lexicon that is not a mere judgement, or one learned from the
// corpus.
func (pw *problemWords) problem(w tword) bool {
	return w.kind == wSpecific || w.kind == wContent && pw.learned[w.key]
}

// state reports whether w is a content word the corpus says as a state.
func (pw *problemWords) state(w tword) bool {
	return w.kind == wContent && pw.states[w.key]
}

// complaintKey reports whether the word of key k is a complaint word (of
// the lexicon, or learned), not only a state: one names the problem, not
// what it is about, and never heads a label.
func (pw *problemWords) complaintKey(k string) bool {
	return pw.df[k] > 0 && (pw.learned[k] || !pw.states[k])
}

// Learning complaint words: the generic lexicon knows "late" and "broken",
// not "cancelled", "waited", "thawed" or "hunchback". A corpus says which
// of its words state problems: they are said as a state ("was cancelled",
// "too salty", "آب شده", "خیلی دیر") and in clauses the
// generic cues and negations mark as complaints more often than the
// corpus' other words are. A content word is learned when, over the texts
// that use it, it is stated in at least learnedStatedShare of them and its
// complaint-clause rate is at least learnedComplaintLift times the
// corpus' rate for content words (halfway to always, when that rate is
// high), and at least half of its texts (a
// meeting's "able" is said after a copula, with few complaints). Nothing
// here names a domain.
const (
	learnedStatedShare   = 0.4
	learnedComplaintLift = 1.5
	learnedMinTexts      = 3
	learnedMinComplaint  = 0.5 // and in complaint clauses in at least half its texts
)

func learnComplaintWords(docs []*tdoc) (learned, events, states map[string]bool) {
	type stat struct{ df, stated, timed, complaint int }
	stats := map[string]*stat{}
	type flags struct{ stated, timed, complaint bool }
	in := map[string]flags{}
	var uses, complaints int
	var words []tword
	var clauses []tclause
	for _, m := range docTimes(docs) {
		d, n := m.d, m.n
		clear(in)
		words = d.decode(words)
		clauses = d.decodeClauses(clauses)
		for _, w := range words {
			if w.kind != wContent {
				continue
			}
			f := in[w.key]
			f.stated = f.stated || w.stated
			f.timed = f.timed || w.timed
			// The clause's complaint must come from another word: a
			// content word is not a cue itself, so weight 1 means a cue or a
			// negation stands in its clause.
			f.complaint = f.complaint || clauses[w.clause].weight == 1
			in[w.key] = f
		}
		for k, f := range in {
			st := stats[k]
			if st == nil {
				st = &stat{}
				stats[k] = st
			}
			st.df += n
			uses += n
			if f.stated {
				st.stated += n
			}
			if f.timed {
				st.timed += n
			}
			if f.complaint {
				st.complaint += n
				complaints += n
			}
		}
	}
	out, events, states := map[string]bool{}, map[string]bool{}, map[string]bool{}
	if uses == 0 || complaints == 0 {
		return out, events, states
	}
	base := float64(complaints) / float64(uses)
	minDF := max(learnedMinTexts, len(docs)/1000)
	// In a set of complaints most clauses complain already: then the
	// word must complain at least halfway between the set's rate and
	// always.
	need := max(learnedMinComplaint, min(learnedComplaintLift*base, (1+base)/2))
	for k, st := range stats {
		if st.df < minDF || faParticiple(k) || strings.HasSuffix(k, "ly") {
			continue
		}
		if timedEvent(st.df, st.timed, st.complaint, minDF, base) && float64(st.df) <= maxTermDF*float64(len(docs)) {
			out[k], events[k] = true, true
			continue
		}
		if float64(st.stated) < learnedStatedShare*float64(st.df) {
			continue
		}
		rate := float64(st.complaint) / float64(st.df)
		if rate >= max(base, learnedMinComplaint) {
			states[k] = true
		}
		if rate >= need {
			out[k] = true
		}
	}
	return out, events, states
}

// problemWordMinShare: the word must be said with the head term in at
// least this share of the members that use the head term.
const problemWordMinShare = 0.03

// relaxedMinShare: relaxed (see forHead), the word must be said with the
// head term in at least this share of the members that use it: the
// members' phrase, not one member's.
const relaxedMinShare = 0.05

// problemWordSpan: the complaint word stands within this many words of
// the head (stopwords do not count).
const problemWordSpan = 3

// headWords are the complaint words and states the members say with a
// head term (see forHead), with how many of them say each.
type headWords struct {
	withHead int        // members with a clause holding the head
	said     []saidWord // by count, most first
}

// A saidWord is a word said with a head term: weighted count (nearer
// counts more), texts that say it, lift over the whole set, and whether it
// is learned from the corpus or only a state there (not a complaint word).
type saidWord struct {
	key       string
	count     float64
	texts     int
	lift      float64
	learned   bool
	stateOnly bool
}

// forHead counts the complaint words said with head in the members'
// clauses that hold it, within problemWordSpan words; members are the
// group's distinct texts (membersOf), each read once. Relaxed, it also
// counts the states the corpus says (see problemWords.states), in clauses
// that do not praise.
func (pw *problemWords) forHead(head *term, members []member, relaxed bool) headWords {
	return pw.forHeads([]*term{head}, members, relaxed)[0]
}

// forHeads is forHead of each of heads, reading each member once for
// them all: a label weighs up to eight candidate heads on one group.
func (pw *problemWords) forHeads(heads []*term, members []member, relaxed bool) []headWords {
	type tally struct {
		count     map[string]float64
		texts     map[string]int
		withHead  int
		stateOnly map[string]bool
	}
	tallies := make([]tally, len(heads))
	for i := range tallies {
		tallies[i] = tally{count: map[string]float64{}, texts: map[string]int{}, stateOnly: map[string]bool{}}
	}
	near := map[string]float64{}
	var words []tword
	var cls []tclause
	var at []int
	// What each word is, once per member for every head: 1 a complaint
	// word, 2 a state said in a clause that does not praise (relaxed).
	var said []uint8
	for _, m := range members {
		d := m.d
		words = d.decode(words)
		if relaxed {
			cls = d.decodeClauses(cls)
		}
		said = said[:0]
		for _, w := range words {
			var k uint8
			switch {
			case pw.problem(w):
				k = 1
			case relaxed && pw.state(w) && cls[w.clause].weight != 0:
				k = 2
			}
			said = append(said, k)
		}
		for hi, head := range heads {
			if at = headAt(words, head, at[:0]); len(at) == 0 {
				continue
			}
			tl := &tallies[hi]
			clear(near)
			tl.withHead += m.n
			// A collocation that holds a complaint word states the problem
			// itself ("payment failed", "lost luggage"): its every member says
			// that word with the head.
			for _, j := range at {
				if w := words[j]; w.key != head.key && said[j] == 1 {
					near[w.key] = 1
				}
			}
			for i, w := range words {
				if said[i] == 0 || containsPart(head, w.key) {
					continue
				}
				if said[i] == 2 {
					tl.stateOnly[w.key] = true
				}
				// Nearer is more the members' phrase: "portions were small"
				// over "small for the money".
				switch d := nearHead(words, at, i); {
				case d >= 0 && d <= 2:
					near[w.key] = 1
				case d > 2:
					near[w.key] = max(near[w.key], 0.5)
				}
			}
			// v is 1 or 0.5: its multiples and their sums are exact, in any
			// order, as the member texts' one at a time were.
			for k, v := range near {
				tl.count[k] += v * float64(m.n)
				tl.texts[k] += m.n
			}
		}
	}
	out := make([]headWords, len(heads))
	for hi, tl := range tallies {
		hw := headWords{withHead: tl.withHead}
		for k, c := range tl.count {
			lift := float64(tl.texts[k]) / float64(tl.withHead) / (float64(pw.df[k]) / float64(pw.n))
			hw.said = append(hw.said, saidWord{k, c, tl.texts[k], lift, pw.learned[k], tl.stateOnly[k]})
		}
		sort.Slice(hw.said, func(a, b int) bool {
			if hw.said[a].count != hw.said[b].count {
				return hw.said[a].count > hw.said[b].count
			}
			return hw.said[a].key < hw.said[b].key
		})
		out[hi] = hw
	}
	return out
}

// headAt appends to at the positions in words of the head's words, in the
// clauses that hold every word of it ("هزینه ارسال", not any "ارسال").
func headAt(words []tword, head *term, at []int) []int {
	full := 1<<len(head.parts) - 1
	// The head's words said in each clause, by clause number: in an array
	// on the stack when the clauses are few (as in most texts).
	n := int32(0)
	for _, w := range words {
		n = max(n, w.clause+1)
	}
	var small [64]int
	var said []int
	if n <= int32(len(small)) {
		said = small[:n]
	} else {
		said = make([]int, n)
	}
	for _, w := range words {
		if w.key == head.key { // a compound written as one word
			said[w.clause] = full
		} else if i := slices.Index(head.parts, w.key); i >= 0 {
			said[w.clause] |= 1 << i
		}
	}
	for i, w := range words {
		if said[w.clause] == full && (w.key == head.key || containsPart(head, w.key)) {
			at = append(at, i)
		}
	}
	return at
}

// nearHead says how near words[i] is said to the head (at, from headAt):
// the fewest tokens between their positions, when it stands within
// problemWordSpan words of the head in its clause ("the portions were
// very small", not "the portions were fine but the wait was long"); -1
// otherwise.
func nearHead(words []tword, at []int, i int) int32 {
	d := int32(-1)
	for _, j := range at {
		if j-i > problemWordSpan || i-j > problemWordSpan || words[j].clause != words[i].clause {
			continue
		}
		if e := abs32(words[j].pos - words[i].pos); d < 0 || e < d {
			d = e
		}
	}
	return d
}

// labelWordShare: a label's word must be said with its head by at least
// one in labelWordShare of the members that say the head, or the label
// goes on with the next words they say (see label). A fifth is the bar
// the label's other terms already meet: each is used by at least a fifth
// as many members as the head, and said with it by at least a fifth of
// the members that use both.
const labelWordShare = 5

// countable reports whether w is said with the head by enough members to
// be one of its words in a label: 2 texts and problemWordMinShare of the
// members that say the head.
func (hw headWords) countable(w saidWord) bool {
	return w.texts >= 2 && float64(w.texts) >= problemWordMinShare*float64(hw.withHead)
}

// surface is the word of key k as the members write it most.
func (pw *problemWords) surface(k string) string {
	return (&term{surf: pw.surf[k]}).surface()
}

// pick returns the word that names the head's problem, by score, and its
// score ("" when none). Strict, it is the complaint word most
// associated with the head: count times log lift, lift > 1.5, said by at
// least problemWordMinShare of the members that say the head. Relaxed,
// it is the word said most often (count, lift > 1, relaxedMinShare): a
// hub word ("look", said in half the clothing reviews) is said with every
// complaint word about as often as the whole set says it, so no word
// stands out by lift, yet its members' commonest phrase ("looks cheap")
// states the problem and the word alone does not.
func (hw headWords) pick(relaxed bool) (saidWord, float64) {
	var best saidWord
	bestScore := 0.0
	for _, w := range hw.said {
		s := hw.score(w, relaxed)
		if s > bestScore || s == bestScore && s > 0 && w.key < best.key {
			best, bestScore = w, s
		}
	}
	return best, bestScore
}

// score is w's score as a label word in the mode, 0 when it does not
// qualify.
func (hw headWords) score(w saidWord, relaxed bool) float64 {
	if !hw.countable(w) {
		return 0
	}
	s := w.count * math.Log(w.lift)
	switch {
	case relaxed && w.lift > 1 && float64(w.texts) >= relaxedMinShare*float64(hw.withHead):
		s = w.count
	case relaxed, w.lift <= 1.5:
		return 0
	}
	if weakKeys[w.key] || w.learned || w.stateOnly {
		// "small", "long", "کوچک" are half a complaint, as in the clause
		// polarity; a learned word, or a state, is less sure than the
		// lexicon's.
		s /= 2
	}
	return s
}

// An English adverb in -ly ("slightly", "ridiculously") grades a
// problem, it does not name one.

// faParticiple: a common verb's participle ("داده", "رفته", "آمده") says
// that something happened, not what is wrong.
func faParticiple(key string) bool {
	stem, ok := strings.CutSuffix(key, "ه")
	return ok && faPastStems[stem]
}

// phrase joins the head and its complaint word as the members say them:
// in their order when the two stand side by side ("cancelled order", "late
// delivery", "ارسال دیر"), otherwise head first ("portions small"), and
// with the negation when most of them negate the word ("order never
// arrived", "مشکلم حل نکرد"). key may be the head itself, when the head
// is a complaint word: then the phrase is the word with its negation. It reads the members' clauses that hold both
// again, so its cost is that of the group's distinct texts.
func (pw *problemWords) phrase(head *term, key, surface string, members []member) string {
	lx := getLexicon()
	before, after, plain, farBefore := 0, 0, 0, 0
	negs := map[string]int{}
	spans := map[string]int{}     // the words as said, stopwords included, and their order
	var written map[string]string // the spoken words read as written (readSpoken): "گرون" is "گران"
	wkey := func(t token) string {
		if t.fa {
			k := faStem(t.key)
			if w, ok := written[k]; ok {
				return w
			}
			return k
		}
		return t.key
	}
	// Identical texts share their doc: each is read once and counted as
	// many times as it is a member (membersOf).
	// A clause says the pair only if its tokens hold both keys. When
	// neither is a dropped key, a token keyed so is one of the clause's
	// words, so only the clauses whose words hold both are tokenized
	// again; the rest are read whole.
	filter := !pw.dropped[key] && !pw.dropped[head.parts[0]]
	var clauses []tclause
	var words []tword
	var holding []int32
	for _, m := range members {
		d, n := m.d, m.n
		written = d.voc.written
		if filter {
			words = d.decode(words)
			if holding = clausesWithBoth(words, key, head.parts[0], holding); len(holding) == 0 {
				continue
			}
		}
		clauses = d.decodeClauses(clauses)
		for ci, cl := range clauses {
			if filter {
				if len(holding) == 0 || holding[0] != int32(ci) {
					continue
				}
				holding = holding[1:]
			}
			toks := tokenize(d.norm[cl.off:cl.end])
			hi, wi := -1, -1
			for i, t := range toks {
				if t.punct != 0 {
					continue
				}
				k := wkey(t)
				if wi < 0 && k == key {
					wi = i
				}
				if hi < 0 && (k == head.key || k == head.parts[0]) {
					hi = i
				}
			}
			if hi < 0 || wi < 0 {
				continue
			}
			// The head's last word: "customer service" spans two.
			he := hi
			if len(head.parts) == 2 && wkey(toks[hi]) != head.key {
				for j := hi + 1; j < len(toks) && j <= hi+2; j++ {
					if toks[j].punct == 0 && wkey(toks[j]) == head.parts[1] {
						he = j
						break
					}
				}
			}
			sub := d.norm[cl.off:cl.end]
			switch {
			case wi < hi && hi-wi <= 2:
				before += n
				spans[spanText(sub, toks[wi], toks[he])+"\x00b"] += n
			case wi > he && wi-he <= 3:
				after += n
				spans[spanText(sub, toks[hi], toks[wi])+"\x00a"] += n
			case wi < hi:
				farBefore += n
			}
			// The negation as said with the word: "didn't bother" (not
			// "didn't bothered", the word's commonest spelling), "حل نشد".
			neg := ""
			if toks[wi].fa {
				if j := wi + 1; j < len(toks) && toks[j].punct == 0 {
					if e, _ := lx.lookupOne(toks[j]); e.kinds&cueNegator != 0 {
						neg = spanText(sub, toks[wi], toks[j])
					}
				}
			} else {
				for j := max(0, wi-2); j < wi; j++ {
					if e, _ := lx.lookupOne(toks[j]); toks[j].punct == 0 && e.kinds&cueNegator != 0 {
						// With its auxiliary: "did not work", not "not work".
						a := j
						if j > 0 && toks[j-1].punct == 0 && enAux[toks[j-1].key] {
							a = j - 1
						}
						neg = spanText(sub, toks[a], toks[wi])
					}
				}
			}
			if neg == "" {
				plain += n
			} else {
				negs[neg] += n
			}
		}
	}
	word := surface
	nNeg, top := 0, ""
	for n, c := range negs {
		nNeg += c
		if c > negs[top] || c == negs[top] && n < top {
			top = n
		}
	}
	if nNeg > plain {
		word = top
	}
	if key == head.key {
		return word // the head is the complaint word: "حل نشد"
	}
	if nNeg <= plain {
		// The members' most frequent wording of the pair, with its small
		// words ("waited an hour", "service was slow", "runs large"),
		// when at least two say it so.
		order := "\x00a"
		if before > after {
			order = "\x00b"
		}
		best, n := "", 1
		for sp, c := range spans {
			text, ok := strings.CutSuffix(sp, order)
			if ok && (c > n || c == n && best != "" && (len(text) < len(best) || len(text) == len(best) && text < best)) {
				best, n = text, c
			}
		}
		if best != "" {
			return best
		}
	}
	switch {
	case before == 0 && after == 0 && farBefore > 0:
		// Said only well before the head, the word is about something
		// else: "جعبه" (box) three words after "دیر" (late) in "ارسال
		// دیر بود و جعبه باز شده" is not "جعبه دیر", nor "card failed"
		// in "payment failed ... from my card". The head alone. Said
		// after it, further on, the word is usually its predicate:
		// "هزینه ارسال برای سفارش‌های کوچک خیلی گران است".
		return head.surface()
	case before > after:
		return word + " " + head.surface()
	}
	return head.surface() + " " + word
}

// clausesWithBoth returns in buf, in order, the clauses of words that hold
// a word keyed a and one keyed b (the same word when a == b).
func clausesWithBoth(words []tword, a, b string, buf []int32) []int32 {
	buf = buf[:0]
	seenA, seenB := false, false
	at := int32(-1)
	for _, w := range words {
		if w.clause != at {
			at, seenA, seenB = w.clause, false, false
		}
		if seenA && seenB {
			continue
		}
		seenA = seenA || w.key == a
		seenB = seenB || w.key == b
		if seenA && seenB {
			buf = append(buf, at)
		}
	}
	return buf
}

// enAux are the auxiliaries a negation leans on: "did not work", "was
// not delivered".
var enAux = setOf("do does did is are was were")

// spanText is the text from token a to token b as written (Latin script
// lower-cased), spaces collapsed.
func spanText(s string, a, b token) string {
	t := strings.Join(strings.Fields(s[a.off:b.end]), " ")
	if !a.fa {
		t = strings.ToLower(t)
	}
	return t
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// weakKeys are the keys of the weak complaint words ("small", "long",
// "کوچک"): they describe many things ("small orders") and name a problem
// only in some.
var weakKeys = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(enCues[cueWeak]) {
		m[enKey(w)] = true
	}
	for _, w := range strings.Fields(faCues[cueWeak]) {
		m[faStem(faKey(w))] = true
		m[faKey(w)] = true
	}
	return m
}()

// Durations: "for 40 minutes", "an hour", "two weeks", "hours", "۳ روز".
// Time units and the words that count them are generic language
// knowledge, not a domain's.
var (
	enTimeUnits = setOf("second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks month months year years ages forever")
	enCounts    = setOf("a an one two three four five six seven eight nine ten fifteen twenty thirty forty fifty sixty ninety half several few couple many")
	faTimeUnits = setOf("ثانیه دقیقه ساعت روز هفته ماه سال")
	faCounts    = setOf("یک یه دو سه چهار پنج شش هفت هشت نه ده پانزده بیست سی چند نیم")
)

// durationAfter reports a duration said with the word at i: in English
// right after it ("waited 40 minutes", "waited for over an hour", "sat
// there for ages") or right before it ("a 45 minute wait"), in Persian
// right before it when a verb follows ("دو هفته طول کشید", "۳ روز منتظر
// ماندم").
func durationAfter(toks []token, i int) bool {
	word := func(j int) string {
		if j < 0 || j >= len(toks) || toks[j].punct != 0 {
			return ""
		}
		return toks[j].text
	}
	count := func(w string, fa bool) bool {
		if w == "" {
			return false
		}
		if w[0] >= '0' && w[0] <= '9' {
			return true
		}
		if fa {
			return faCounts[w]
		}
		return enCounts[w]
	}
	if toks[i].fa {
		// count + unit before the word, and a verb after it: "دو هفته
		// طول کشید", "۳ روز منتظر ماندم", not "چند روز دایرکت را جواب
		// نداد" (the days are the verb's, not the word's).
		if !faTimeUnits[word(i-1)] || !count(word(i-2), true) || word(i+1) == "" {
			return false
		}
		next := faKey(word(i + 1))
		lx := getLexicon()
		return faCopulas[next] || faPastStems[next] || isFaVerb(lx, next) || lx.faNegVerbs[next]
	}
	if enTimeUnits[word(i-1)] && count(word(i-2), false) {
		return true // "a 45 minute wait", "an hour delay"
	}
	j := i + 1
	for n := 0; n < 3 && (word(j) == "for" || word(j) == "over" || word(j) == "about" || word(j) == "almost" || word(j) == "nearly" || word(j) == "there" || word(j) == "around"); n++ {
		j++
	}
	if w := word(j); w == "hours" || w == "ages" || w == "forever" || w == "days" || w == "weeks" {
		return true
	}
	if !count(word(j), false) {
		return false
	}
	for k := j + 1; k <= j+2; k++ {
		if enTimeUnits[word(k)] {
			return true
		}
		if !count(word(k), false) && word(k) != "more" && word(k) != "full" {
			return false
		}
	}
	return false
}

// learnedTimedShare: a word said with a duration ("waited 40 minutes", "on
// hold for hours") in at least this share of its texts names an event
// whose length is the complaint, when its texts complain at least as
// often as the set's words do. "played 40 hours" is rarer among the
// texts using "play" (3% in the game reviews, against 19% for "wait"
// in the restaurant sentences).
const learnedTimedShare = 0.1

func timedEvent(df, timed, complaint, minDF int, base float64) bool {
	return timed >= minDF && float64(timed) >= learnedTimedShare*float64(df) && float64(complaint) >= base*float64(df)
}
