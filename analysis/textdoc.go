package analysis

import (
	"encoding/binary"
	"strings"
	"sync"
	"unicode/utf8"
)

// MaxTextBytes caps how much of one text the pain-point engine reads: a
// pasted book or a whole transcript in one cell is analysed by its first
// 64 KiB, and the result says so (PainPointResult.Notes).
const MaxTextBytes = 64 << 10

// Word kinds: what a word may do in the corpus model.
const (
	wContent  uint8 = iota // a content word: may be a term
	wSpecific              // a complaint word that names a problem ("late", "rude", "دیر"): may be a term
	wContext               // an evaluative word ("bad", "great"): context for the word vectors only
)

// A tword is one word of a text that the corpus model reads: stopwords,
// fillers, numbers and noise are already gone. It is the readers' view of
// a stored cword (tdoc.decode).
type tword struct {
	key    string // grouping form: English stem, Persian word without ZWNJ and suffixes
	surf   string // as written (lower-cased for Latin script)
	clause int32
	sent   int32 // sentence, counted among the sentences that hold words: terms used together are counted within one
	id     int32 // the spelling's id in the run's vocabulary: key, surf, kind and spoken are its entry's
	kind   uint8
	joined bool  // follows the previous word directly (articles aside): a bigram may span them
	coord  bool  // coordinated with the previous word ("food and service", "food, service"): two things, not one
	pos    int32 // token position in its clause: how near two words are said
	stated bool  // said as a state: after a copula or intensifier ("was cancelled", "too salty", "خیلی دیر", "آب شده بود")
	timed  bool  // said with a duration: "waited 40 minutes", "دو هفته طول"
	spoken bool  // a spoken Persian form read as its written one (faspoken.go): key is the written word
}

// How a text keeps its words between the steps of the analysis: a byte
// string of varints, about 3.7 bytes a word, where a tword with its two
// strings takes 56. Each word is three varints: its spelling's id in the
// run's vocabulary (which holds the key and kind once for all texts), its
// clause's distance from the previous word's shifted left by five with
// the flags below in the low bits, and its token position (from the
// previous word's when in the same clause). On 100,000 reviews of about
// 24 words this is 9 MB instead of 130 MB kept until the labels are
// written; decode reads it back in order, as every reader does.
const (
	cwJoined   = 1 << iota // tword.joined
	cwCoord                // tword.coord
	cwStated               // tword.stated
	cwNewSent              // a sentence ends between the previous word and this one
	cwTimed                // tword.timed
	cwFlagBits = iota
)

// appendWord encodes one word after a word at clause pc, position pp.
func appendWord(b []byte, id, clause, pos, pc, pp int32, flags uint64) []byte {
	b = binary.AppendUvarint(b, uint64(id))
	b = binary.AppendUvarint(b, uint64(clause-pc)<<cwFlagBits|flags)
	if clause == pc {
		pos -= pp
	}
	return binary.AppendUvarint(b, uint64(pos))
}

// A tclause is one clause: the span of the normalised text and how much a
// term inside it counts as voicing a problem.
type tclause struct {
	off, end  int32
	weight    float32 // 1 complaint, neutralWeight neither, 0 praise
	intensity float32
	cued      bool // a complaint said in a complaint word (clausePolarity)
}

// neutralWeight is how much a clause without complaint or praise counts: in
// a set of complaints most problems are stated without a cue word ("I had
// to ask for bread three times"), but a complaint clause is surer.
const neutralWeight = 0.6

// A text keeps its clauses the same way: per clause, varints of its
// start from the previous clause's end, its length, and its polarity's id
// in the run's table of (weight, intensity) pairs (a few dozen exist), so
// about 3 bytes instead of a tclause's 16. decodeClauses reads them back.

// A tdoc is one analysed text, 48 bytes and its encoded words and
// clauses in one string; norm is the input string itself when cleaning
// and normalising changed nothing, so a text keeps no spare memory while
// the later steps run.
type tdoc struct {
	norm   string
	enc    string // the words (see appendWord), then from split on the clauses (see decodeClauses)
	voc    *vocab
	split  int32
	capped bool
	// nothing: the whole text says there is nothing to say (nonanswer.go).
	nothing bool
	// happy: the text praises and complains nowhere in a complaint
	// word, only in weak words or a bare negation ("love it, runs a
	// little large", "love it, the compliments did not stop"); see
	// vocab.happyPraise.
	happy bool
	// scored is what its writers' own scores say (Text.Satisfaction):
	// scoredHappy, scoredUnhappy, or 0 when they give none, a middling
	// one, or answer a question that asks for a problem (Text.Prompted).
	scored int8
}

const (
	scoredHappy   = 1
	scoredUnhappy = -1
)

// uvarint is binary.Uvarint reading a string.
func uvarint(s string) (uint64, int) {
	var x uint64
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < 0x80 {
			return x | uint64(b)<<(7*i), i + 1
		}
		x |= uint64(b&0x7f) << (7 * i)
	}
	return x, len(s) // only what this file wrote is read
}

// decode returns the text's words as the readers see them, in buf (pass
// the previous result back to reuse its memory; it is overwritten).
func (d *tdoc) decode(buf []tword) []tword {
	words := d.enc[:d.split]
	if n := len(words) / 3; cap(buf) < n { // a word takes at least 3 bytes
		buf = make([]tword, 0, n)
	}
	buf = buf[:0]
	var sent, clause, pos int32
	for b := words; len(b) > 0; {
		id, n := uvarint(b)
		b = b[n:]
		cf, n := uvarint(b)
		b = b[n:]
		p, n := uvarint(b)
		b = b[n:]
		if dc := int32(cf >> cwFlagBits); dc > 0 {
			clause, pos = clause+dc, int32(p)
		} else {
			pos += int32(p)
		}
		if len(buf) > 0 && cf&cwNewSent != 0 {
			sent++
		}
		e := &d.voc.entries[id]
		buf = append(buf, tword{key: e.key, surf: e.surf, clause: clause, sent: sent, id: int32(id), kind: e.kind,
			joined: cf&cwJoined != 0, coord: cf&cwCoord != 0, pos: pos, stated: cf&cwStated != 0, timed: cf&cwTimed != 0, spoken: e.spoken})
	}
	return buf
}

// decodeClauses returns the text's clauses in buf (pass the previous
// result back to reuse its memory; it is overwritten).
func (d *tdoc) decodeClauses(buf []tclause) []tclause {
	clauses := d.enc[d.split:]
	if n := len(clauses) / 3; cap(buf) < n { // a clause takes at least 3 bytes
		buf = make([]tclause, 0, n)
	}
	buf = buf[:0]
	end := int32(0)
	// Which of the text's clauses without a complaint word read as its
	// praise rather than as how it states a problem. A writer's own score
	// decides where it is given: a satisfied writer's complaints are theirs
	// ("love it, but the zipper broke", rated 4) and the rest is what went
	// well, plain words ("wore it to work, got many compliments", rated 5),
	// weak words ("runs a little large") and bare negations ("it doesn't
	// gape") alike; an unsatisfied writer's clauses are never praise, even
	// in warm words ("love the colour, runs a little large", rated 2).
	// Without a score the text's words decide: in a set that mixes happy
	// customers with unhappy ones (vocab.happyPraise) a happy text's
	// clauses are all its praise.
	plain := d.scored == scoredHappy
	whole := d.scored == 0 && d.happy && d.voc.happyPraise
	for b := clauses; len(b) > 0; {
		gap, n := uvarint(b)
		b = b[n:]
		size, n := uvarint(b)
		b = b[n:]
		pol, n := uvarint(b)
		b = b[n:]
		c := d.voc.polarities[pol]
		if whole || plain && !c.cued {
			c.weight, c.intensity = 0, 0 // as clausePolarity gives praise
		}
		c.off = end + int32(gap)
		c.end = c.off + int32(size)
		end = c.end
		buf = append(buf, c)
	}
	return buf
}

// A vocab holds, once per run, every spelling of a word the model reads
// with its key and kind, and every clause polarity; texts refer to them by
// id. Workers add to it concurrently (intern, internPolarity); it is read
// only after every text is analysed.
type vocab struct {
	mu         sync.Mutex
	ids        map[string]int32
	entries    []vocabEntry
	polIDs     map[polarity]int32
	polarities []tclause         // weight, intensity and cued only
	written    map[string]string // a spoken word's key -> its written word's (readSpoken)
	// dropped holds the keys of spellings that are not words of the model
	// (stopwords, fillers, ignored names; not numbers): a clause may hold
	// such a key among its tokens without a word keyed so.
	dropped map[string]bool
	// happyPraise: the run's texts are a mix of happy and unhappy
	// customers (readHappy), and a happy text's clauses without a cue are
	// read as its praise.
	happyPraise bool
}

// drop adds the keys a worker did not keep as words.
func (v *vocab) drop(keys map[string]bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.dropped == nil {
		v.dropped = map[string]bool{}
	}
	for k := range keys {
		v.dropped[k] = true
	}
}

type vocabEntry struct {
	surf, key string
	kind      uint8
	spoken    bool // key is the written word of this spoken form (readSpoken)
}

func newVocab() *vocab { return &vocab{ids: map[string]int32{}, polIDs: map[polarity]int32{}} }

// A polarity is what clausePolarity says of a clause.
type polarity struct {
	weight, intensity float32
	cued              bool
}

// internPolarity returns the id of a clause's polarity.
func (v *vocab) internPolarity(p polarity) int32 {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.polIDs[p]; ok {
		return id
	}
	id := int32(len(v.polarities))
	v.polarities = append(v.polarities, tclause{weight: p.weight, intensity: p.intensity, cued: p.cued})
	v.polIDs[p] = id
	return id
}

// intern returns the id of the spelling surf, adding it with its key and
// kind when new, and the vocabulary's own copy of surf. The copies keep no
// text alive.
func (v *vocab) intern(surf, key string, kind uint8) (int32, string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.ids[surf]; ok {
		return id, v.entries[id].surf
	}
	id := int32(len(v.entries))
	surf = strings.Clone(surf)
	v.entries = append(v.entries, vocabEntry{surf: surf, key: strings.Clone(key), kind: kind})
	v.ids[surf] = id
	return id, surf
}

// articles may stand between the two words of a bigram: "lost my bag",
// "on the phone".
var articles = setOf("a an the my our your his her their its this that these those some any")

// An analyser turns texts into tdocs, one at a time, reusing its buffers;
// one per worker, sharing the run's vocabulary.
type analyser struct {
	lx     *lexicon
	ignore map[string]bool
	voc    *vocab
	// known caches, for this worker, each spelling's vocabulary id, -1
	// for a token that is not a word of the model: a word's key and kind
	// depend on its spelling only, so they are worked out once.
	known    map[string]int32
	polarity map[polarity]int32 // this worker's cache of the vocabulary's polarity ids
	// dropped holds the keys of the spellings that are not words of the
	// model ("take" is a stopword, "taking" a word keyed alike): see
	// vocab.dropped.
	dropped map[string]bool
	toks    []token
	words   []byte
	clauses []byte
	nclause int32
	lastEnd int32 // end of the last clause
	// praised, complained: the current text has a clause of praise, of
	// complaint (tdoc.happy).
	praised, complained bool
	nwords              int
	sent                int32 // sentences so far in the current text
	lastSet             int32 // sentence of the last word kept
	lastCl              int32 // clause and token position of the last word kept
	lastPos             int32
}

func newAnalyser(voc *vocab, ignore map[string]bool) *analyser {
	return &analyser{lx: getLexicon(), ignore: ignore, voc: voc, known: map[string]int32{}, polarity: map[polarity]int32{},
		dropped: map[string]bool{}}
}

// analyseText cleans, normalises and tokenises one text and marks each
// clause's polarity. Cost is linear in the text's length.
func analyseText(text string, ignore map[string]bool) tdoc {
	a := newAnalyser(newVocab(), ignore)
	d := a.analyse(text)
	a.voc.drop(a.dropped)
	return d
}

func (a *analyser) analyse(text string) tdoc {
	d := tdoc{voc: a.voc}
	if len(text) > MaxTextBytes {
		cut := MaxTextBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text, d.capped = text[:cut], true
	}
	d.norm = normalizeLines(cleanNoise(text))
	if t := strings.TrimSpace(text); d.norm == t {
		d.norm = t // the input's bytes, not a copy
	}
	if n := len(d.norm)/4 + 2; cap(a.toks) < n { // as tokenize
		a.toks = make([]token, 0, n)
	}
	a.toks = tokenizeInto(a.toks[:0], d.norm)
	if nonAnswer(a.toks) {
		a.toks, d.nothing = a.toks[:0], true // no words, no clause
	}
	toks := a.toks
	a.words, a.clauses, a.nwords, a.nclause, a.lastEnd = a.words[:0], a.clauses[:0], 0, 0, 0
	a.praised, a.complained = false, false
	a.sent, a.lastSet, a.lastCl, a.lastPos = 0, 0, 0, 0
	start := 0
	for i := 0; i <= len(toks); i++ {
		end := i == len(toks) || (toks[i].punct != 0 && toks[i].punct != '"' && toks[i].punct != '(' && toks[i].punct != ')')
		if !end && i > start && (clauseBreakEn[toks[i].key] || clauseBreakFa[toks[i].key]) {
			end = true
		}
		if !end {
			continue
		}
		if i > start {
			comma := start > 0 && toks[start-1].punct == ','
			a.addClause(toks[start:i], comma)
		}
		if i < len(toks) && strings.IndexByte(".!?;\n", toks[i].punct) >= 0 {
			a.sent++
		}
		start = i
		if i < len(toks) && toks[i].punct != 0 {
			start = i + 1
		}
	}
	d.enc, d.split = string(a.words)+string(a.clauses), int32(len(a.words))
	d.happy = a.praised && !a.complained
	return d
}

// coordinators join two items of a list.
var coordinators = setOf("and or nor & و یا")

func (a *analyser) addClause(toks []token, afterComma bool) {
	weight, intensity, cued := clausePolarity(a.lx, toks)
	a.praised = a.praised || weight == 0
	a.complained = a.complained || weight == 1 && cued
	ci := a.nclause
	off, end := int32(toks[0].off), int32(toks[len(toks)-1].end)
	p := polarity{weight, intensity, cued}
	pol, ok := a.polarity[p]
	if !ok {
		pol = a.voc.internPolarity(p)
		a.polarity[p] = pol
	}
	a.clauses = binary.AppendUvarint(a.clauses, uint64(off-a.lastEnd))
	a.clauses = binary.AppendUvarint(a.clauses, uint64(end-off))
	a.clauses = binary.AppendUvarint(a.clauses, uint64(pol))
	a.nclause++
	a.lastEnd = end
	joined, coord := false, afterComma && a.nwords > 0
	for ti, t := range toks {
		if t.punct != 0 {
			joined, coord = false, false
			continue
		}
		id, ok := a.word(t)
		if !ok {
			coord = coordinators[t.text] && a.nwords > 0 && (joined || coord)
			if !articles[t.text] {
				joined = false
			}
			continue
		}
		var flags uint64
		if joined {
			flags |= cwJoined
		}
		if coord {
			flags |= cwCoord
		}
		if statedAt(a.lx, toks, ti) {
			flags |= cwStated
		}
		if durationAfter(toks, ti) {
			flags |= cwTimed
		}
		if a.nwords > 0 && a.sent != a.lastSet {
			flags |= cwNewSent
		}
		a.words = appendWord(a.words, id, ci, int32(ti), a.lastCl, a.lastPos, flags)
		a.nwords++
		a.lastSet, a.lastCl, a.lastPos = a.sent, ci, int32(ti)
		joined, coord = true, false
	}
}

// word returns the vocabulary id of t, false when the model does not read
// it (a stopword, a number, an ignored name...).
func (a *analyser) word(t token) (int32, bool) {
	if id, ok := a.known[t.text]; ok {
		return id, id >= 0
	}
	kind, ok := wordKind(a.lx, t)
	if !ok || a.ignore[t.key] || a.ignore[t.text] {
		if !strings.ContainsAny(t.text, "0123456789") { // numbers are many and each rare: not worth keeping
			a.known[strings.Clone(t.text)] = -1
			key := t.key
			if t.fa {
				key = faStem(key)
			}
			a.dropped[strings.Clone(key)] = true
		}
		return -1, false
	}
	key := t.key
	if t.fa {
		key = faStem(key)
	}
	id, surf := a.voc.intern(t.text, key, kind)
	a.known[surf] = id
	return id, true
}

// copulas state what something is or became: the word after one in
// English ("was cancelled", "got lost"), before one in Persian ("دیر
// بود", "آب شده").
var (
	enCopulas = setOf("is are was were be been being am get got gets getting became become becomes seems seemed looks looked arrived came")
	faCopulas = setOf("بود بودن است هست شد شده شدن نبود نیست نشد نشده بودند شدند میشه میشد")
)

// statedAt reports whether the word at i is said as a state: English after
// a copula or an intensifier ("was cancelled", "too salty"); Persian before a copula or after an intensifier
// ("آب شده", "خیلی دیر"). Such words describe the problem; a word said so
// often, and with complaints, is learned as a complaint word
// (problemwords.go).
func statedAt(lx *lexicon, toks []token, i int) bool {
	prev := func() string {
		if i == 0 || toks[i-1].punct != 0 {
			return ""
		}
		return toks[i-1].text
	}
	if toks[i].fa {
		if i+1 < len(toks) && toks[i+1].punct == 0 && faCopulas[toks[i+1].key] {
			return true
		}
		return faDegree[prev()]
	}
	return enCopulas[prev()] || enDegree[prev()]
}

// Degree adverbs grade a quality ("too salty", "خیلی دیر"); the other
// intensifiers also stand before verbs and nouns ("really wanted", "اصلا
// تماس نگرفت") and say nothing about the next word.
var (
	enDegree = setOf("very too so extremely super incredibly terribly awfully horribly overly")
	faDegree = setOf("خیلی خیلیی بسیار شدیدا بشدت زیادی")
)

// wordKind says whether the corpus model reads t and as what.
func wordKind(lx *lexicon, t token) (uint8, bool) {
	if utf8.RuneCountInString(t.text) < 2 {
		return 0, false
	}
	for _, r := range t.text {
		if r >= '0' && r <= '9' {
			return 0, false
		}
	}
	if t.fa {
		if faStop[t.text] || faStop[t.key] || faFillers[t.text] || isFaVerb(lx, t.key) {
			return 0, false
		}
	} else if enStop[t.text] || enStop[t.key] || enFillers[t.text] || len(t.text) < 3 {
		return 0, false
	}
	e, _ := lx.lookupOne(t)
	switch {
	case e.kinds&(cueNegator|cueIntens) != 0:
		return 0, false
	case e.kinds&(cueNeg|cueWeak) != 0 && !genericCue(t):
		return wSpecific, true
	case e.kinds != 0:
		return wContext, true
	}
	return wContent, true
}

// isFaVerb: Persian verbs carry the action, not the topic ("نرسید" is
// read as a negation by the clause polarity, not kept as a word).
// Beyond the prefixes می/نمی and the listed forms, generic morphology
// (faverbs.go) finds the subjunctive, the negation and past stems with
// personal endings ("بدهم", "نخریدم", "رسیدم"); a complaint or praise word
// spelled like a verb ("بده", bad) is the lexicon's.
func isFaVerb(lx *lexicon, key string) bool {
	if strings.HasPrefix(key, "می") && len(key) > len("می")+2 && !nonVerbMi[key] ||
		strings.HasPrefix(key, "نمی") || lx.faNegVerbs[key] || faVerbSet[key] {
		return true
	}
	return lx.fa[key].kinds == 0 && isFaVerbForm(key)
}

var faVerbSet = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range faVerbs {
		m[faKey(v)] = true
	}
	return m
}()

// faStem removes the plural, possessive and ezafe endings customers attach
// ("کیفیتش", "بسته‌هاش", "طعمی") so that forms of one word share a key.
func faStem(key string) string {
	for _, s := range faStemSuffixes {
		if strings.HasSuffix(key, s) && utf8.RuneCountInString(key)-utf8.RuneCountInString(s) >= 3 {
			return key[:len(key)-len(s)]
		}
	}
	return key
}

var faStemSuffixes = []string{"هایش", "هاشون", "هاش", "هایی", "های", "ها", "شون", "اش", "ش", "ی"}
