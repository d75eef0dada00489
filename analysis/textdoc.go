package analysis

import (
	"strings"
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
// fillers, numbers and noise are already gone.
type tword struct {
	key    string // grouping form: English stem, Persian word without ZWNJ and suffixes
	surf   string // as written (lower-cased for Latin script)
	clause int32
	sent   int32 // sentence: terms used together are counted within one
	kind   uint8
	joined bool  // follows the previous word directly (articles aside): a bigram may span them
	coord  bool  // coordinated with the previous word ("food and service", "food, service"): two things, not one
	pos    int32 // token position in its clause: how near two words are said
	stated bool  // said as a state: after a copula or intensifier ("was cancelled", "too salty", "خیلی دیر", "آب شده بود")
	timed  bool  // said with a duration: "waited 40 minutes", "دو هفته طول"
}

// A tclause is one clause: the span of the normalised text and how much a
// term inside it counts as voicing a problem.
type tclause struct {
	off, end  int32
	weight    float32 // 1 complaint, neutralWeight neither, 0 praise
	intensity float32
}

// neutralWeight is how much a clause without complaint or praise counts: in
// a set of complaints most problems are stated without a cue word ("I had
// to ask for bread three times"), but a complaint clause is surer.
const neutralWeight = 0.6

// A tdoc is one analysed text.
type tdoc struct {
	norm    string
	sent    int32 // sentences so far
	words   []tword
	clauses []tclause
	capped  bool
}

// articles may stand between the two words of a bigram: "lost my bag",
// "on the phone".
var articles = setOf("a an the my our your his her their its this that these those some any")

// analyseText cleans, normalises and tokenises one text and marks each
// clause's polarity. Cost is linear in the text's length.
func analyseText(text string, ignore map[string]bool) tdoc {
	var d tdoc
	if len(text) > MaxTextBytes {
		cut := MaxTextBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text, d.capped = text[:cut], true
	}
	d.norm = NormalizePersian(cleanNoise(text))
	toks := tokenize(d.norm)
	lx := getLexicon()
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
			d.addClause(lx, toks[start:i], ignore, comma)
		}
		if i < len(toks) && strings.IndexByte(".!?;\n", toks[i].punct) >= 0 {
			d.sent++
		}
		start = i
		if i < len(toks) && toks[i].punct != 0 {
			start = i + 1
		}
	}
	return d
}

// coordinators join two items of a list.
var coordinators = setOf("and or nor & و یا")

func (d *tdoc) addClause(lx *lexicon, toks []token, ignore map[string]bool, afterComma bool) {
	weight, intensity := clausePolarity(lx, toks)
	ci := int32(len(d.clauses))
	d.clauses = append(d.clauses, tclause{off: int32(toks[0].off), end: int32(toks[len(toks)-1].end),
		weight: weight, intensity: intensity})
	joined, coord := false, afterComma && len(d.words) > 0
	for ti, t := range toks {
		if t.punct != 0 {
			joined, coord = false, false
			continue
		}
		kind, ok := wordKind(lx, t)
		if !ok || ignore[t.key] || ignore[t.text] {
			coord = coordinators[t.text] && len(d.words) > 0 && (joined || coord)
			if !articles[t.text] {
				joined = false
			}
			continue
		}
		key := t.key
		if t.fa {
			key = faStem(key)
		}
		d.words = append(d.words, tword{key: key, surf: t.text, clause: ci, sent: d.sent, kind: kind, joined: joined, coord: coord,
			stated: statedAt(lx, toks, ti), timed: durationAfter(toks, ti), pos: int32(ti)})
		joined, coord = true, false
	}
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
