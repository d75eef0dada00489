package analysis

// Clause polarity from generic language knowledge: complaint and praise
// cue words, intensifiers and negation in English and Persian.

// faParticles negate what follows them rather than what precedes them.
var faParticles = setOf("نه هیچ بدون فاقد")

// clausePolarity scores one clause. weight is 1 for a complaint, 0 for
// praise and neutralWeight otherwise; intensity (0..1) grows with
// intensifiers, strong words, several complaint words and "!".
//
// Negation: in English a negator governs the next three words ("did not
// fit", "not very good"); in Persian a negated verb governs the three words
// before it ("خوب نبود") and نه/هیچ/بدون the two after. A negated complaint
// is mild praise ("not bad", "مشکلی نداشت"), negated praise a complaint
// ("not good"), and a negation that negates no cue complains when a
// content word stands next to it ("never arrived", "didn't fit").
//
// cued reports a complaint said with a complaint word, more than weak
// words (small, long, loose, کم, تنگ: what a happy customer notes too,
// "runs a little large") or a bare negation, which describes as often as
// it complains in a happy customer's text ("the compliments did not
// stop", "it doesn't gape"): a text that praises and complains nowhere
// so is happy (tdoc.happy), and a satisfied writer's complaints are the
// cued ones (tdoc.decodeClauses).
func clausePolarity(lx *lexicon, toks []token) (weight, intensity float32, cued bool) {
	entries := make([]lexEntry, len(toks))
	spans := make([]int, len(toks))
	var negators []int
	intens, strong, exclaimed := 0, false, false
	for i := 0; i < len(toks); i++ {
		if toks[i].punct == '!' {
			exclaimed = true
		}
		e, n := lx.lookup(toks, i)
		if n == 0 {
			continue
		}
		entries[i], spans[i] = e, n
		if e.kinds&cueNegator != 0 {
			negators = append(negators, i)
		}
		if e.kinds&cueIntens != 0 {
			intens++
		}
		i += n - 1
	}
	var total float64
	nNeg := 0
	used := map[int]bool{}
	for i, e := range entries {
		if spans[i] == 0 {
			continue
		}
		if e.kinds&cueAny != 0 {
			// "not applicable", "no comment", "موردی نبود": nothing to
			// say, however the negation reads elsewhere.
			if n := negatorFor(toks, negators, i, spans[i]); n >= 0 {
				used[n] = true
				total += 0.5
			}
			continue
		}
		var v float64
		switch {
		case e.kinds&cueStrong != 0:
			v, strong = -1.5, true
		case e.kinds&(cueNeg|cueNegNoun) != 0:
			v = -1
		case e.kinds&cueWeak != 0:
			v = -0.5
		case e.kinds&cuePos != 0 && mannerWords[toks[i].key] && complaintNear(entries, spans, i):
			intens++ // "dies fast", "سریع خراب شد": how it failed, no praise
			continue
		case e.kinds&cuePos != 0:
			v = 1
		default:
			continue
		}
		if n := negatorFor(toks, negators, i, spans[i]); n >= 0 {
			used[n] = true
			if v < 0 {
				v = 0.5
			} else {
				v = -1
			}
		}
		total += v
		if v < 0 {
			nNeg++
			cued = cued || v < -0.5
		}
	}
	for _, n := range negators {
		if used[n] || entries[n].kinds&(cueNeg|cueStrong) != 0 || faParticles[toks[n].key] {
			continue
		}
		if contentNear(lx, toks, n) {
			total -= 0.8
			nNeg++
		}
	}
	switch {
	case total > 0:
		return 0, 0, false
	case total == 0 || nNeg == 0:
		weight = neutralWeight
	default:
		weight = 1
	}
	in := 0.4 + 0.15*float64(min(intens, 3))
	if strong {
		in += 0.25
	}
	if nNeg > 1 {
		in += 0.1 * float64(min(nNeg-1, 2))
	}
	if exclaimed {
		in += 0.1
	}
	return weight, float32(min(in, 1)), cued && weight == 1
}

// mannerWords praise how something happens ("fast delivery", "easy to
// use"), unless what happens is a failure.
var mannerWords = setOf("fast quick easy سریع")

// complaintNear reports a complaint word within two words of token i.
func complaintNear(entries []lexEntry, spans []int, i int) bool {
	for j := max(0, i-2); j < min(len(entries), i+3); j++ {
		if j != i && spans[j] > 0 && entries[j].kinds&(cueNeg|cueStrong) != 0 {
			return true
		}
	}
	return false
}

// contentNear reports a content word within three words of the negation
// at n: "never arrived" complains, "I don't know" does not.
func contentNear(lx *lexicon, toks []token, n int) bool {
	for i := max(0, n-3); i < min(len(toks), n+4); i++ {
		if i == n || toks[i].punct != 0 {
			continue
		}
		if k, ok := wordKind(lx, toks[i]); ok && k == wContent {
			return true
		}
	}
	return false
}

// negatorFor returns the position of the negation that governs the cue
// whose span tokens start at i, or -1. Between a Persian cue and its
// negated verb only the cue's own tokens may stand ("به درد نمی‌خورد").
func negatorFor(toks []token, negators []int, i, span int) int {
	for _, n := range negators {
		if n == i {
			continue
		}
		if toks[i].fa {
			if n > i && n-i <= 3 && !faParticles[toks[n].key] && !contentBetween(toks, i+span-1, n) {
				return n
			}
			if n < i && i-n <= 2 && faParticles[toks[n].key] {
				return n
			}
		} else if n < i && i-n <= 3 && !remedyBetween(toks, n, i) {
			return n
		}
	}
	return -1
}

// enRemedy are the verbs of putting a problem right: negated, they say
// it stayed ("did not solve my problem", "never fixed the issue"), so the
// negation is theirs and not the problem word's, which it would make "no
// problem" (keys, as stemEn gives them).
var enRemedy = setOf("solv fix resolv address handl sort repair")

// remedyBetween reports a remedy verb after the English negator at n and
// before position i.
func remedyBetween(toks []token, n, i int) bool {
	for j := n + 1; j < i; j++ {
		if enRemedy[toks[j].key] {
			return true
		}
	}
	return false
}

// contentBetween reports a content word between positions i and n: a
// Persian negated verb negates its nearest complement, so in "مشکل حل نشد"
// (the problem was not solved) it negates "حل", not "مشکل".
func contentBetween(toks []token, i, n int) bool {
	lx := getLexicon()
	for j := i + 1; j < n; j++ {
		if toks[j].punct != 0 {
			continue
		}
		if e, _ := lx.lookupOne(toks[j]); e.kinds != 0 {
			continue
		}
		if k, ok := wordKind(lx, toks[j]); ok && k == wContent {
			return true
		}
	}
	return false
}
