package analysis

import (
	"math"
	"slices"
	"sort"
)

// Candidate problem terms are discovered from the corpus: words and
// two-word collocations ("customer service", "flight attendant", "بسته
// بندی") that enough texts use outside praise. Nothing here names a domain.

const (
	// maxTermDF: a word in more than this share of the texts is the
	// domain itself ("game" in game reviews, "flight" in airline tweets,
	// a brand), never a pain point on its own; it may still be part of a
	// collocation ("cancelled flight").
	// A text of three sentences or more counts only if it says the word
	// in two of them (termStats.domain).
	maxTermDF = 0.5
	// collocationShare: a word pair is a term when it accounts for at
	// least this share of the rarer word's texts.
	collocationShare = 0.25
	// minDomainTexts: below this many texts a common word is not yet
	// evidence of the domain ("late" in three of four short answers is
	// the problem).
	minDomainTexts = 50
	// maxTerms bounds the terms grouped (the grouping is quadratic in it,
	// never in the number of texts).
	maxTerms = 300
)

// A term is one candidate problem phrase.
type term struct {
	key      string
	parts    []string // word keys: one for a word, two for a collocation
	single   bool     // written as one word (a Persian compound may be both)
	df       int      // texts using it anywhere
	steady   int      // texts that keep saying it (termStats.domain)
	support  float64  // texts voicing it: each counts its strongest clause weight
	idf      float64
	surf     map[string]int // spellings as written
	spread   *spread        // its turns in long conversations (nil: none)
	even     bool           // spread over its conversations at least as evenly as chance
	burst    float64        // its ARF's chance value over its ARF (1 outside conversations)
	measured bool
}

// surface is the term's most frequent spelling (ties: shortest, then
// alphabetical), for labels.
func (t *term) surface() string {
	best, n := "", -1
	for s, c := range t.surf {
		if c > n || c == n && (len(s) < len(best) || len(s) == len(best) && s < best) {
			best, n = s, c
		}
	}
	return best
}

type termStats struct {
	n     int
	byKey map[string]*term
	cv    *convo // the texts' long conversations, nil when none
}

// domain reports whether the word t is the domain itself: more than
// maxTermDF of the texts keep saying it. A long text names its concern's
// anchors in passing ("food", "waiter" in most restaurant letters,
// whatever each is about): a text of three sentences or more keeps saying
// a word when it says it in two, and one of one or two sentences when it
// says it at all, as a mention there is half the text or more. The
// domain is what a text comes back to ("game" in a game review), an
// anchor is named once (session 9, round 22's S2, counted over every
// text; session 11, round 32). A conversation's turns count every use:
// their terms are read by their spread (conversation.go).
func (st *termStats) domain(t *term) bool {
	if st.n < minDomainTexts {
		return false
	}
	if st.cv == nil {
		return float64(t.steady) > maxTermDF*float64(st.n)
	}
	return float64(t.df) > maxTermDF*float64(st.n)
}

// measureSpread sets t.burst from its uses in the conversations, when most
// of its texts are turns of one (conversation.go).
func (st *termStats) measureSpread(t *term) {
	if t.spread == nil || 2*len(t.spread.at) <= t.df {
		return
	}
	if r, ok := t.spread.ratio(st.cv); ok && r > 0 {
		t.burst, t.measured = 1/r, true
	}
}

// bigramKey names the pair of words a, b. Persian compounds are written
// with a space, a ZWNJ or nothing ("بسته بندی", "بسته‌بندی", "بستهبندی"): the
// pair's key is the joined word's, so all three spellings are one term.
// A spoken form read as its written word joins as written ("قیمت گرونه" is
// "قیمت گران").
func bigramKey(a, b tword) string {
	if isPersianWord(a.surf) && isPersianWord(b.surf) {
		as, bs := a.surf, b.surf
		if a.spoken {
			as = a.key
		}
		if b.spoken {
			bs = b.key
		}
		return faStem(dropJoins(as + bs))
	}
	return a.key + " " + b.key
}

func termWord(w tword) bool { return w.kind == wContent || w.kind == wSpecific }

// countTerms gathers every candidate's statistics in one pass over the
// texts (duplicates count once per text: they are separate voices).
func countTerms(docs []*tdoc, cv *convo) *termStats {
	st := &termStats{n: len(docs), byKey: map[string]*term{}, cv: cv}
	// Identical texts share their doc (analyseAll): a doc said again is
	// not read again but its first reading's counts are added again, in
	// the texts' order, so that every sum is made in the same order.
	times := make(map[*tdoc]int32, len(docs))
	for _, d := range docs {
		times[d]++
	}
	var reads map[*tdoc]*docTerms
	seen := map[*term]float64{}
	firstSent := map[*term]int32{} // a word's first sentence in the text
	twice := map[*term]bool{}      // words the text says in two sentences
	var rd *docTerms               // the reading being recorded, if the doc is said again
	// What a spelling or a pair of spellings is a term of depends on their
	// vocabulary entries only: each is looked up once per run (by id), not
	// once per use.
	var voc *vocab
	var words1 []*term
	var words2 map[[2]int32]pairTerm
	add := func(t *term, surf string, weight float64) {
		if len(t.surf) < 32 || t.surf[surf] > 0 {
			t.surf[surf]++
		}
		if rd != nil {
			rd.surfs = append(rd.surfs, termSurf{t, surf})
		}
		if w, ok := seen[t]; !ok || weight > w {
			seen[t] = weight
		}
	}
	termOf := func(key string, parts []string) *term {
		t := st.byKey[key]
		if t == nil {
			t = &term{key: key, parts: parts, surf: map[string]int{}}
			st.byKey[key] = t
		}
		return t
	}
	var words []tword
	var clauses []tclause
	for di, d := range docs {
		if r := reads[d]; r != nil {
			r.again++
			for _, u := range r.uses {
				st.use(u, di)
			}
			continue
		}
		rd = nil
		if times[d] > 1 {
			rd = &docTerms{}
			if reads == nil {
				reads = map[*tdoc]*docTerms{}
			}
			reads[d] = rd
		}
		if d.voc != voc {
			voc, words1, words2 = d.voc, make([]*term, len(d.voc.entries)), map[[2]int32]pairTerm{}
		}
		clear(seen)
		clear(firstSent)
		clear(twice)
		words = d.decode(words)
		clauses = d.decodeClauses(clauses)
		short := len(words) == 0 || words[len(words)-1].sent-words[0].sent < 2
		for i, w := range words {
			if !termWord(w) {
				continue
			}
			t := words1[w.id]
			if t == nil {
				t = termOf(w.key, []string{w.key})
				words1[w.id] = t
			}
			t.single = true
			if f, ok := firstSent[t]; !ok {
				firstSent[t] = w.sent
			} else if f != w.sent {
				twice[t] = true
			}
			cw := float64(clauses[w.clause].weight)
			add(t, w.surf, cw)
			if i > 0 && w.joined && termWord(words[i-1]) && words[i-1].clause == w.clause && words[i-1].key != w.key {
				p := words[i-1]
				pt, ok := words2[[2]int32{p.id, w.id}]
				if !ok {
					pt.parts, pt.surf = []string{p.key, w.key}, p.surf+" "+w.surf
					pt.t = termOf(bigramKey(p, w), pt.parts)
					words2[[2]int32{p.id, w.id}] = pt
				}
				if len(pt.parts) > len(pt.t.parts) {
					pt.t.parts = pt.parts
				}
				add(pt.t, pt.surf, cw)
			}
		}
		for t, w := range seen {
			u := termUse{t, w, short || twice[t]}
			st.use(u, di)
			if rd != nil {
				rd.uses = append(rd.uses, u)
			}
		}
	}
	// A spelling's count: a doc said again says its spellings again. Only
	// spellings kept the first time are counted (a term keeps at most 32),
	// as they were then, so the order of these additions changes nothing.
	for _, r := range reads {
		if r.again == 0 {
			continue
		}
		for _, s := range r.surfs {
			if n := s.t.surf[s.surf]; n > 0 {
				s.t.surf[s.surf] = n + r.again
			}
		}
	}
	return st
}

// use counts one text's use of a term (the text at di): its weight is the
// heaviest clause that says it.
func (st *termStats) use(u termUse, di int) {
	t := u.t
	t.df++
	if u.steady {
		t.steady++
	}
	t.support += u.weight
	if cv := st.cv; cv != nil && cv.thread[di] >= 0 {
		if t.spread == nil {
			t.spread = &spread{}
		}
		t.spread.at = append(t.spread.at, [2]int32{cv.thread[di], cv.turn[di]})
	}
}

// docTerms is what countTerms read in a doc said by several texts: the
// terms it uses and the spellings it counted, and how many times it was
// said again.
type docTerms struct {
	uses  []termUse
	surfs []termSurf
	again int
}

type termUse struct {
	t      *term
	weight float64
	steady bool
}

// pairTerm is the term two adjacent spellings make, its words' keys and
// its spelling.
type pairTerm struct {
	t     *term
	parts []string
	surf  string
}

type termSurf struct {
	t    *term
	surf string
}

// selectTerms keeps the recurring problem terms: enough support, not the
// domain itself, collocations only when the words belong together. The
// strongest maxTerms are kept, by support (ties alphabetical).
func (st *termStats) selectTerms(minSupport float64) []*term {
	return st.selectUpTo(minSupport, maxTerms)
}

// selectUpTo is selectTerms with at most limit terms (none when limit is 0).
func (st *termStats) selectUpTo(minSupport float64, limit int) []*term {
	var out []*term
	for _, t := range st.byKey {
		if t.support < minSupport || t.df == 0 {
			continue
		}
		st.measureSpread(t)
		if t.single {
			if st.domain(t) {
				continue
			}
		} else {
			a, b := st.byKey[t.parts[0]], st.byKey[t.parts[1]]
			if a == nil || b == nil || float64(t.df) < collocationShare*float64(min(a.df, b.df)) {
				continue
			}
			if st.domain(a) && st.domain(b) {
				continue // both words are the domain: "airline flight"
			}
		}
		t.idf = math.Log(float64(st.n) / float64(t.df))
		out = append(out, t)
	}
	out = dropInsideCollocations(out)
	sort.Slice(out, func(a, b int) bool {
		if out[a].support != out[b].support {
			return out[a].support > out[b].support
		}
		return out[a].key < out[b].key
	})
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out
}

// coUse counts, for each pair of terms, the sentences that use both (together)
// and the times they are coordinated (listed): terms that nearly always
// come together ("fabric" and "thin" in "the fabric is thin") voice one
// problem even where the corpus is too small to learn vectors, while terms
// listed side by side ("the food and the service", "طعم و کیفیت") name
// two things, however alike their contexts.
func coUse(docs []*tdoc, terms []*term) (together, listed map[[2]int]int) {
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t.key] = i
	}
	together, listed = map[[2]int]int{}, map[[2]int]int{}
	var in []int
	n := 0 // the texts the doc being read is
	count := func() {
		for x, a := range in {
			for _, b := range in[x+1:] {
				together[[2]int{min(a, b), max(a, b)}] += n
			}
		}
		in = in[:0]
	}
	var words []tword
	for _, m := range docTimes(docs) {
		n = m.n
		words = m.d.decode(words)
		for wi, w := range words {
			if wi > 0 && w.sent != words[wi-1].sent {
				count() // one sentence's terms
			}
			i, ok := index[w.key]
			if ok && !slices.Contains(in, i) {
				in = append(in, i)
			}
			if wi == 0 {
				continue
			}
			if j, ok2 := index[words[wi-1].key]; ok && ok2 && w.coord && i != j {
				listed[[2]int{min(i, j), max(i, j)}] += n
			}
			if w.joined {
				if i, ok := index[bigramKey(words[wi-1], w)]; ok && !slices.Contains(in, i) {
					in = append(in, i)
				}
			}
		}
		count()
	}
	return together, listed
}

// dropInsideCollocations removes a word that is used almost only inside
// one kept collocation: "flying" in "flying start", "بندی" in "بسته بندی".
// The collocation speaks for it; keeping both would split their texts.
func dropInsideCollocations(terms []*term) []*term {
	byKey := map[string]*term{}
	for _, t := range terms {
		byKey[t.key] = t
	}
	drop := map[*term]bool{}
	for _, t := range terms {
		if len(t.parts) != 2 {
			continue
		}
		for _, p := range t.parts {
			if w := byKey[p]; w != nil && w != t && w.single && float64(t.df) >= 0.8*float64(w.df) {
				drop[w] = true
			}
		}
	}
	out := terms[:0]
	for _, t := range terms {
		if !drop[t] {
			out = append(out, t)
		}
	}
	return out
}
