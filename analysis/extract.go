package analysis

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// A mention is one complaint found in one text: an aspect the writer is
// unhappy about, the words that said so and how strongly.
type mention struct {
	key       string   // concept id, or "t:"+stem for a fallback noun
	aspect    string   // surface form of the aspect word ("" when implied)
	cue       string   // surface form of the strongest complaint word
	specific  bool     // the cue word itself names the aspect ("late" for delivery)
	weak      bool     // named only by weak terms; see activeConcepts
	alt       *mention // the noun-fallback reading, for a weak mention
	fa        bool     // the aspect/cue is Persian
	intensity float64  // 0..1
	clause    string   // the clause that voiced it
}

// cueHit is one polarity-bearing word inside a clause.
type cueHit struct {
	pos     int
	value   float64 // < 0 complaint, > 0 praise
	concept int     // implied concept (1-based), 0 for none
	surface string
}

type conceptHit struct {
	pos     int
	concept int
	surface string
	isCue   bool // the word is also a complaint word ("late", "دیر")
	weak    bool
	fa      bool
}

// extract finds the complaint mentions in one text. It is safe for
// concurrent use.
func extract(text string) []mention {
	norm := NormalizePersian(text)
	toks := tokenize(norm)
	lx := getLexicon()
	var out []mention
	var carry []conceptHit // aspects of the previous comma-separated clause
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
			var own []conceptHit
			out, own = appendClause(out, lx, norm, toks[start:i], carry)
			carry = nil
			if i < len(toks) && toks[i].punct == ',' {
				// "delivery was terribly, extremely late": the aspect
				// carries over a comma to a clause that names none.
				for _, c := range own {
					c.pos = -1
					carry = append(carry, c)
				}
			}
		}
		start = i
		if i < len(toks) && toks[i].punct != 0 {
			start = i + 1
		}
	}
	return dedupe(out)
}

// faAbsence are negated verbs that, after a taste or nutrition word, report
// an absence of something bad: "بو نمیده" (it doesn't smell). There they do
// not complain on their own; "پشتیبانی جواب نمیده" still does.
var faAbsence = setOf("نمیده نمیداد نمیدن نمیدهد")

// faParticles negate what follows them rather than what precedes them.
var faParticles = setOf("نه هیچ بدون فاقد")

func appendClause(out []mention, lx *lexicon, norm string, toks []token, carry []conceptHit) ([]mention, []conceptHit) {
	var (
		concepts  []conceptHit
		cues      []cueHit
		negators  []int
		usedNeg   = map[int]bool{}
		intens    int
		strong    bool
		entries   = make([]lexEntry, len(toks))
		spans     = make([]int, len(toks))
		hasFa     bool
		exclaimed bool
	)
	for i := 0; i < len(toks); i++ {
		if toks[i].fa {
			hasFa = true
		}
		e, n := lx.lookup(toks, i)
		if n == 0 {
			continue
		}
		entries[i], spans[i] = e, n
		surface := toks[i].text
		if n == 2 {
			surface += " " + toks[i+1].text
		}
		if e.concept > 0 {
			concepts = append(concepts, conceptHit{i, e.concept, surface, e.kinds&^cueIntens != 0, e.weak, toks[i].fa})
		}
		if e.kinds&cueNegator != 0 {
			negators = append(negators, i)
		}
		if e.kinds&cueIntens != 0 {
			intens++
		}
		i += n - 1
	}
	for i, e := range entries {
		if spans[i] == 0 {
			continue
		}
		var v float64
		switch {
		case e.kinds&cueStrong != 0:
			v, strong = -1.5, true
		case e.kinds&cueNeg != 0, e.kinds&cueNegNoun != 0:
			v = -1
		case e.kinds&cueWeak != 0:
			v = -0.5
		case e.kinds&cuePos != 0:
			v = 1
		default:
			continue
		}
		surface := toks[i].text
		if spans[i] == 2 {
			surface += " " + toks[i+1].text
		}
		if n := negatorFor(toks, entries, negators, i); n >= 0 {
			usedNeg[n] = true
			if n < i {
				surface = toks[n].text + " " + surface
			} else {
				surface += " " + toks[n].text
			}
			if v < 0 {
				v = 0.5 // "not bad", "مشکلی نداشت"
			} else {
				v = -1 // "not good", "خوب نبود"
			}
		}
		c := 0
		if e.concept > 0 {
			c = e.concept
		}
		cues = append(cues, cueHit{pos: i, value: v, concept: c, surface: surface})
	}
	own := concepts
	if len(concepts) == 0 {
		concepts = carry
	}
	// A negation that negated no cue complains about an aspect next to it:
	// "it didn't fit", "طعم نداره", "never arrived".
	for _, n := range negators {
		if !usedNeg[n] && entries[n].kinds&(cueNeg|cueStrong) == 0 && !faParticles[toks[n].key] {
			if phrase, c, ok := negationPhrase(toks, concepts, n); ok &&
				!(faAbsence[toks[n].key] && (conceptList[c-1].id == "taste" || conceptList[c-1].id == "nutrition")) &&
				!strings.HasPrefix(phrase, "بو ") && !strings.HasPrefix(phrase, "بوی ") { // "بو نداشت": no smell is praise
				cues = append(cues, cueHit{pos: n, value: -0.8, surface: phrase})
			}
		}
	}
	for _, t := range toks {
		if t.punct == '!' {
			exclaimed = true
		}
	}
	var total, negSum float64
	nNeg := 0
	for _, c := range cues {
		total += c.value
		if c.value < 0 {
			negSum += c.value
			nNeg++
		}
	}
	if nNeg == 0 {
		return out, own
	}
	intensity := 0.4 + 0.15*float64(min(intens, 3))
	if strong {
		intensity += 0.25
	}
	if nNeg > 1 {
		intensity += 0.1 * float64(min(nNeg-1, 2))
	}
	if exclaimed {
		intensity += 0.1
	}
	intensity = min(intensity, 1)
	clause := clauseText(norm, toks)

	score := map[int]float64{}
	cueOf := map[int]cueHit{}
	attach := func(c int, h cueHit) {
		score[c] += h.value
		if h.value < 0 {
			old, ok := cueOf[c]
			if !ok || (old.concept != c && h.concept == c) {
				cueOf[c] = h
			}
		}
	}
	for _, h := range cues {
		if h.concept > 0 {
			attach(h.concept, h)
		}
		best, bestD := 0, 1<<30
		for _, ch := range concepts {
			if ch.pos == h.pos {
				continue
			}
			d := h.pos - ch.pos
			if d < 0 {
				d = -d*2 + 1 // prefer an aspect before the cue (Persian order)
			} else {
				d *= 2
			}
			if d < bestD {
				best, bestD = ch.concept, d
			}
		}
		if best > 0 && best != h.concept && (h.concept == 0 || bestD <= 4) {
			attach(best, h)
		}
	}
	if len(concepts) == 0 {
		if total >= 0 {
			return out, own
		}
		// No known aspect: fall back to the content word nearest the
		// strongest complaint, so unforeseen topics still surface.
		worst := worstHit(cues, entries)
		if worst.value > -0.8 {
			return out, own // "small", "big" alone are no complaint about a noun
		}
		if key, surf, fa := fallbackAspect(toks, entries, spans, worst.pos, hasFa, clause); key != "" {
			out = append(out, mention{key: key, aspect: surf, cue: worst.surface, fa: fa, intensity: intensity, clause: clause})
		}
		return out, own
	}
	// Name each aspect by a plain aspect word when there is one ("delivery"
	// rather than "late" in "late delivery").
	named := map[int]conceptHit{}
	strongC := map[int]bool{}
	for _, ch := range concepts {
		if !ch.weak {
			strongC[ch.concept] = true
		}
		if old, ok := named[ch.concept]; !ok || (old.isCue && !ch.isCue) {
			named[ch.concept] = ch
		}
	}
	seen := map[int]bool{}
	for _, ch := range concepts {
		c := ch.concept
		if seen[c] {
			continue
		}
		seen[c] = true
		ch = named[c]
		s := score[c]
		if s < 0 || (s == 0 && total < 0 && nearNegative(cues, concepts, c)) {
			h, ok := cueOf[c]
			cue := h.surface
			if !ok {
				cue = worstCue(cues)
			}
			aspect := ch.surface
			if ch.isCue {
				aspect = "" // implied by the complaint word ("expensive")
			}
			m := mention{key: conceptList[c-1].id, aspect: aspect, cue: cue, specific: ok && h.concept == c,
				fa: ch.fa, intensity: intensity, clause: clause, weak: !strongC[c]}
			if m.weak {
				worst := worstHit(cues, entries)
				if key, surf, fa := fallbackAspect(toks, entries, spans, worst.pos, hasFa, clause); key != "" && worst.value <= -0.8 {
					m.alt = &mention{key: key, aspect: surf, cue: worst.surface, fa: fa, intensity: intensity, clause: clause}
				}
			}
			out = append(out, m)
		}
	}
	return out, own
}

var conceptList = concepts

// nearNegative reports whether a complaint word stands within four words of
// a mention of concept c: "طعم و کیفیت خوب نبود" complains about both, but a
// long clause's complaint at one end does not reach an aspect at the other.
func nearNegative(cues []cueHit, concepts []conceptHit, c int) bool {
	for _, ch := range concepts {
		if ch.concept != c {
			continue
		}
		for _, h := range cues {
			if h.value < 0 && (ch.pos < 0 || abs(h.pos-ch.pos) <= 6) {
				return true
			}
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// negationPhrase names a bare negation by the aspect it negates: "didn't
// fit", "ارزش خرید نداره".
func negationPhrase(toks []token, concepts []conceptHit, n int) (string, int, bool) {
	best, bestD := -1, 1<<30
	for i, c := range concepts {
		d := n - c.pos
		if d < 0 {
			d = -d
		}
		if d < bestD && d <= 3 {
			best, bestD = i, d
		}
	}
	if best < 0 {
		return "", 0, false
	}
	c := concepts[best]
	if c.pos < n {
		return c.surface + " " + toks[n].text, c.concept, true
	}
	return toks[n].text + " " + c.surface, c.concept, true
}

// worstHit returns the strongest complaint, preferring words that are not
// themselves weak aspect terms ("burden" over "sheer" in "sheer burden").
func worstHit(cues []cueHit, entries []lexEntry) cueHit {
	w := cueHit{pos: -1}
	for _, h := range cues {
		weak := h.pos >= 0 && h.pos < len(entries) && entries[h.pos].weak
		wWeak := w.pos >= 0 && entries[w.pos].weak
		if w.pos < 0 || (wWeak && !weak && h.value < 0) || (weak == wWeak && h.value < w.value) {
			w = h
		}
	}
	return w
}

func worstCue(cues []cueHit) string {
	w := cueHit{}
	for _, h := range cues {
		if h.value < w.value {
			w = h
		}
	}
	return w.surface
}

// negatorFor returns the position of the negation that governs the cue at
// i, or -1. English negation precedes its word within three tokens
// ("did not fit", "not very good"); a Persian verb negates the predicate
// before it ("خوب نبود", "ارزش خرید نداره") and the particles نه/هیچ/بدون
// negate what follows.
func negatorFor(toks []token, entries []lexEntry, negators []int, i int) int {
	for _, n := range negators {
		if n == i {
			continue
		}
		if toks[i].fa {
			if n > i && n-i <= 3 && !faParticles[toks[n].key] {
				return n
			}
			if n < i && i-n <= 2 && faParticles[toks[n].key] {
				return n
			}
		} else if n < i && i-n <= 3 {
			return n
		}
	}
	return -1
}

func clauseText(norm string, toks []token) string {
	a, b := toks[0].off, toks[len(toks)-1].end
	return strings.TrimSpace(norm[a:b])
}

// fallbackAspect picks the content word nearest the complaint at pos: a noun
// (by prose's tagger) in English, a non-stopword non-verb in Persian.
func fallbackAspect(toks []token, entries []lexEntry, spans []int, pos int, hasFa bool, clause string) (key, surface string, fa bool) {
	var nouns map[string]bool
	if !toks[pos].fa {
		// Tag only the words within reach of the complaint (the search
		// below stops at six words away): tagging is the costly step.
		a, b := max(0, pos-7), min(len(toks), pos+8)
		words := make([]string, 0, b-a)
		for _, t := range toks[a:b] {
			words = append(words, t.text)
		}
		nouns = englishNouns(strings.Join(words, " "))
	}
	best := -1
	bestD := 1 << 30
	for i, t := range toks {
		weakWord := spans[i] == 1 && entries[i].weak && entries[i].kinds == 0
		if t.punct != 0 || (spans[i] != 0 && !weakWord) || !contentWord(t, nouns) {
			continue
		}
		d := pos - i
		if d < 0 {
			d = -d*2 + 1
		} else {
			d *= 2
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	if best < 0 || bestD > 12 {
		return "", "", false
	}
	t := toks[best]
	k := t.key
	if t.fa {
		for _, s := range []string{"هایی", "های", "ها"} {
			if strings.HasSuffix(k, s) && len([]rune(k)) > len([]rune(s))+2 {
				k = k[:len(k)-len(s)]
				break
			}
		}
	}
	return "t:" + k, t.text, t.fa
}

func contentWord(t token, nouns map[string]bool) bool {
	if len([]rune(t.text)) < 3 {
		return false
	}
	for _, r := range t.text {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	if t.fa {
		if faStop[t.text] || faStop[t.key] || strings.HasPrefix(t.key, "می") || strings.HasPrefix(t.key, "نمی") ||
			getLexicon().faNegVerbs[t.key] {
			return false
		}
		for _, v := range faVerbs {
			if t.key == faKey(v) {
				return false
			}
		}
		return true
	}
	return !enStop[t.text] && !enStop[t.key] && nouns[t.text]
}

var (
	proseOnce  sync.Once
	proseModel *prose.Model
)

// englishNouns tags an English clause with prose and returns its common
// nouns (NN, NNS), lower-cased. The tagger model is loaded once; each call
// skips segmentation and named-entity extraction, the costly parts of
// prose's default pipeline.
func englishNouns(clause string) map[string]bool {
	proseOnce.Do(func() {
		doc, err := prose.NewDocument("", prose.WithExtraction(false), prose.WithSegmentation(false))
		if err == nil {
			proseModel = doc.Model
		}
	})
	if proseModel == nil {
		return nil
	}
	doc, err := prose.NewDocument(clause, prose.UsingModel(proseModel),
		prose.WithExtraction(false), prose.WithSegmentation(false))
	if err != nil {
		return nil
	}
	nouns := map[string]bool{}
	for _, t := range doc.Tokens() {
		if t.Tag == "NN" || t.Tag == "NNS" {
			nouns[strings.ToLower(t.Text)] = true
		}
	}
	return nouns
}

// dedupe keeps one mention per key per text: the most intense.
func dedupe(ms []mention) []mention {
	if len(ms) < 2 {
		return ms
	}
	out := ms[:0]
	idx := map[string]int{}
	for _, m := range ms {
		if j, ok := idx[m.key]; ok {
			if m.intensity > out[j].intensity {
				out[j] = m
			}
			continue
		}
		idx[m.key] = len(out)
		out = append(out, m)
	}
	return out
}
