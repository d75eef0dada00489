package analysis

import (
	"encoding/binary"
	"math"
	"slices"
	"sort"
	"strings"
)

// A word can name two problems said by different customers: "package" is
// the parcel that came late ("the package was late, tracking never
// updated") and the box it came in ("the packaging was crushed, broken");
// "wait" is the staff ("wait staff") and the queue ("long wait"). Read as
// one term, it bridges the two problems' groups. splitSenses reads such a
// word as two terms before the grouping (docs/painpoints.md, round 53):
// the other terms said in its texts (its co-terms) are ordered by the
// Fiedler vector of their co-occurrence among those texts, and when a cut
// leaves two sets of co-terms said in separate texts (round 49's test,
// bestCut: each side in at least minSupport texts, the texts saying both
// at most half of chance, Poisson p < .001), each text saying the word is
// read in the sense whose co-terms it says more; a text saying neither
// more keeps the word as it is (the larger sense). The smaller sense's
// uses get a key of their own, so every later step (vectors, grouping,
// membership, labels) reads them as another word.
// Texts are read as assign reads them: a word inside a selected
// collocation ("tracking code") counts as the collocation, not as itself.
// So only the word's bare uses are split, collocations holding the word
// are not its co-terms, and a co-term collocation is read as its rarer
// word (where the grouping starts it: "cancelled flight" is "cancelled"),
// so what a collocation already separates is not split again. A co-term
// said in one of the word's texts places no other and is left out.

// senseMaxCoTerms caps the co-terms of a word tested for two senses (its
// most frequent ones): the cut's work per word is bounded.
const senseMaxCoTerms = 40

// senseSep joins a word's key to its second sense's first co-term.
const senseSep = "~"

// splitSenses finds the selected single-word terms of two senses and gives
// the uses of each one's smaller sense a key of its own (rewriting the
// texts' words). It returns how many words were split. One pass over the
// texts to gather the candidates' uses, one to rewrite; per word the cut
// costs its co-terms squared.
func splitSenses(docs []*tdoc, terms []*term, minTexts float64) int {
	index := make(map[string]int, len(terms))
	for i, t := range terms {
		index[t.key] = i
	}
	cand := map[int]bool{} // single words in enough texts
	for i, t := range terms {
		if len(t.parts) == 1 && float64(t.df) >= 2*minTexts {
			cand[i] = true
		}
	}
	if len(cand) == 0 {
		return 0
	}
	// contains[c][j]: the collocation j holds the word c.
	holds := func(j, c int) bool { return len(terms[j].parts) == 2 && slices.Contains(terms[j].parts, terms[c].key) }
	// rarer[j]: the collocation j's rarer word when that is a term (the
	// group clusterTerms starts it in), else -1.
	rarer := make([]int, len(terms))
	for j, t := range terms {
		rarer[j] = -1
		if len(t.parts) != 2 {
			continue
		}
		bestDF := math.MaxInt
		for _, p := range t.parts {
			if w, ok := index[p]; ok && terms[w].df < bestDF {
				rarer[j], bestDF = w, terms[w].df
			}
		}
	}
	// A use is a text saying a candidate bare: the text, and where its
	// said terms lie in saidAll (stored once per text, shared by all its
	// candidates; the co-terms are derived per word as it is tested, so
	// memory stays linear in the texts' terms, not their terms squared).
	type use struct {
		doc    int32
		lo, hi int32 // saidAll[lo:hi]: the text's terms, in reading order
	}
	var saidAll []int32
	var said1 []use           // the texts that say a candidate bare, once each
	uses := map[int][]int32{} // per candidate, its texts in said1
	seen := map[*tdoc]bool{}
	var words []tword
	var said, bare []int
	var inPair []bool
	// A term is in said (bare) when its mark is the text's stamp: a long
	// text's terms are listed in one pass, not by searching the list.
	saidMark, bareMark := make([]int32, len(terms)), make([]int32, len(terms))
	for di, d := range docs {
		if seen[d] {
			continue // a duplicate text is one tdoc: read once
		}
		seen[d] = true
		stamp := int32(di + 1)
		words = d.decode(words)
		said, bare = said[:0], bare[:0]
		inPair = markPairs(words, index, inPair, func(j int) {
			if saidMark[j] != stamp {
				saidMark[j] = stamp
				said = append(said, j)
			}
		})
		for wi, w := range words {
			j, ok := index[w.key]
			if !ok || inPair[wi] {
				continue // a word inside a collocation is read by it, as assign does
			}
			if saidMark[j] != stamp {
				saidMark[j] = stamp
				said = append(said, j)
			}
			if cand[j] && bareMark[j] != stamp {
				bareMark[j] = stamp
				bare = append(bare, j)
			}
		}
		if len(bare) == 0 {
			continue
		}
		lo := int32(len(saidAll))
		for _, j := range said {
			saidAll = append(saidAll, int32(j))
		}
		said1 = append(said1, use{int32(di), lo, int32(len(saidAll))})
		for _, c := range bare {
			uses[c] = append(uses[c], int32(len(said1)-1))
		}
	}
	// coTerms appends to buf the text's other terms than c, for the word c:
	// a collocation holding c is not one, and a collocation is read as its
	// rarer word, as the grouping starts it.
	coMark, coStamp := make([]int32, len(terms)), int32(0)
	coTerms := func(buf []int32, u use, c int) []int32 {
		coStamp++
		for _, j32 := range saidAll[u.lo:u.hi] {
			j := int(j32)
			if j == c || holds(j, c) {
				continue
			}
			if w := rarer[j]; w >= 0 {
				j = w
			}
			if j != c && coMark[j] != coStamp {
				coMark[j] = coStamp
				buf = append(buf, int32(j))
			}
		}
		return buf
	}
	count := make([]int32, len(terms)) // per co-term, the word's texts saying it
	at := make([]int32, len(terms))    // per co-term, its place in top, or -1
	for j := range at {
		at[j] = -1
	}
	var counted []int
	// sense[doc][word]: the doc's bare uses of word are the second sense.
	second := map[int]map[string]string{}
	cs := make([]int, 0, len(uses))
	for c := range uses {
		cs = append(cs, c)
	}
	sort.Ints(cs)
	split := 0
	for _, c := range cs {
		us := uses[c]
		if float64(len(us)) < 2*minTexts {
			continue
		}
		// cos[i]: the co-terms of us[i], in one buffer for the word.
		ends := make([]int, len(us))
		var buf []int32
		for i, x := range us {
			buf = coTerms(buf, said1[x], c)
			ends[i] = len(buf)
		}
		cos := make([][]int32, len(us))
		lo := 0
		for i, hi := range ends {
			cos[i], lo = buf[lo:hi:hi], hi
		}
		counted = counted[:0]
		for _, co := range cos {
			for _, j := range co {
				if count[j] == 0 {
					counted = append(counted, int(j))
				}
				count[j]++
			}
		}
		var top []int
		for _, j := range counted {
			if count[j] >= 2 { // a co-term said once places no other
				top = append(top, j)
			}
		}
		sort.Slice(top, func(a, b int) bool {
			if count[top[a]] != count[top[b]] {
				return count[top[a]] > count[top[b]]
			}
			return terms[top[a]].key < terms[top[b]].key
		})
		if len(top) > senseMaxCoTerms {
			top = top[:senseMaxCoTerms]
		}
		for x, j := range top {
			at[j] = int32(x)
		}
		var texts [][]int
		for _, co := range cos {
			var ts []int
			for _, j := range co {
				if x := at[j]; x >= 0 {
					ts = append(ts, int(x))
				}
			}
			if len(ts) > 0 {
				texts = append(texts, ts)
			}
		}
		for _, j := range counted {
			count[j] = 0
		}
		side := bestCut(len(top), texts, minTexts)
		if side == nil {
			for _, j := range top {
				at[j] = -1
			}
			continue
		}
		// Each text takes the sense whose co-terms it says more.
		var in [2][]int // docs per sense
		for i, x := range us {
			var n [2]int
			for _, j := range cos[i] {
				if x := at[j]; x >= 0 {
					if side[x] {
						n[1]++
					} else {
						n[0]++
					}
				}
			}
			s := -1
			if n[0] > n[1] {
				s = 0
			} else if n[1] > n[0] {
				s = 1
			}
			if s >= 0 {
				in[s] = append(in[s], int(said1[x].doc))
			}
		}
		// The larger sense keeps the word's key (with the texts saying
		// neither more); the smaller is the second.
		minor := 1
		if len(in[1]) > len(in[0]) {
			minor = 0
		}
		first := ""
		for _, j := range top { // its most frequent co-word names the sense
			if side[at[j]] == (minor == 1) && len(terms[j].parts) == 1 {
				first = terms[j].key
				break
			}
		}
		for _, j := range top {
			at[j] = -1
		}
		if float64(len(in[minor])) < minTexts || float64(len(us)-len(in[minor])) < minTexts {
			continue
		}
		key := terms[c].key + senseSep + first
		for _, di := range in[minor] {
			if second[di] == nil {
				second[di] = map[string]string{}
			}
			second[di][terms[c].key] = key
		}
		split++
	}
	if split == 0 {
		return 0
	}
	// Rewrite the second senses' bare uses.
	var voc *vocab
	newID := map[[2]string]int32{} // (old spelling id as key, new key)
	for di, keys := range second {
		d := docs[di]
		voc = d.voc
		words = d.decode(words)
		inPair = markPairs(words, index, inPair, func(int) {})
		var out []byte
		b := d.enc[:d.split]
		for wi := 0; len(b) > 0; wi++ {
			id, n := uvarint(b)
			b = b[n:]
			_, n2 := uvarint(b)
			_, n3 := uvarint(b[n2:])
			rest := b[:n2+n3]
			b = b[n2+n3:]
			if k, ok := keys[words[wi].key]; ok && !inPair[wi] {
				e := voc.entries[id]
				ck := [2]string{e.surf + "\x00" + e.key, k}
				nid, ok := newID[ck]
				if !ok {
					nid = int32(len(voc.entries))
					e.key = k
					voc.entries = append(voc.entries, e)
					newID[ck] = nid
				}
				id = uint64(nid)
			}
			out = binary.AppendUvarint(out, id)
			out = append(out, rest...)
		}
		d.enc = string(out) + d.enc[d.split:]
		d.split = int32(len(out))
	}
	return split
}

// markPairs marks in inPair the words of a selected collocation (index
// holds the selected terms' keys), as assign reads a text: a word inside
// one counts as the collocation, which said is told of by its index. It
// returns inPair, one flag per word (pass the previous one back to reuse
// its memory).
func markPairs(words []tword, index map[string]int, inPair []bool, said func(j int)) []bool {
	inPair = slices.Grow(inPair[:0], len(words))[:len(words)]
	clear(inPair)
	for wi, w := range words {
		if wi > 0 && w.joined && words[wi-1].clause == w.clause && !inPair[wi-1] {
			if k := bigramKey(words[wi-1], w); k != w.key {
				if j, ok := index[k]; ok {
					inPair[wi-1], inPair[wi] = true, true
					said(j)
				}
			}
		}
	}
	return inPair
}

// selectAgain selects the terms again after splitSenses, from the texts as
// they are read now (st counted again): the terms selected before, each
// counted anew, and the split words' second senses that have the support.
// A split adds terms and takes none: without this, a second sense would
// take a place under maxTerms, push the least supported term out, and
// every word's vector would move with the rows the vectors are reduced
// from, regrouping problems the split never touched (docs/painpoints.md,
// round 55: mams' "price" joined "food" when "head" and "red" fell out).
// A term selected before that no longer has the support (the split word
// itself, when its first sense is too small) is left out, as
// selectTerms would.
func (st *termStats) selectAgain(was []*term, minSupport float64) []*term {
	before := make(map[string]bool, len(was))
	for _, t := range was {
		before[t.key] = true
	}
	var out []*term
	for _, t := range st.selectUpTo(minSupport, 0) {
		if before[t.key] || strings.Contains(t.key, senseSep) {
			out = append(out, t)
		}
	}
	return out
}
