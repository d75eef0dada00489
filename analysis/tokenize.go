package analysis

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// A token is one word of a normalised text.
type token struct {
	text  string // normalised surface form, lower-cased for Latin script
	key   string // matching form: English stem, Persian word without ZWNJ
	fa    bool   // Arabic script
	punct byte   // non-zero for a clause-ending punctuation mark
	off   int    // byte offsets of the token in the normalised text
	end   int
}

// Tokenize splits normalised text into words for either script. Persian
// words keep their internal ZWNJ (می‌خواهم is one token); an apostrophe
// inside a Latin word is kept so that "didn't" stays whole. Punctuation
// that ends a clause is kept as a token with punct set.
func tokenize(text string) []token {
	// One allocation for most texts: words average over four bytes, with
	// room for the odd punctuation mark.
	return tokenizeInto(make([]token, 0, len(text)/4+2), text)
}

// tokenizeInto is tokenize appending to toks, so that a caller analysing
// many texts reuses one buffer.
func tokenizeInto(toks []token, text string) []token {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			t := makeToken(text[start:end])
			t.off, t.end = start, start+len(strings.TrimRight(text[start:end], "'’-"))
			toks = append(toks, t)
			start = -1
		}
	}
	for i, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == zwnj:
			if start < 0 {
				start = i
			}
		case (r == '\'' || r == '’' || r == '-') && start >= 0:
			// inside a word: keep; a trailing one is trimmed in makeToken
		default:
			flush(i)
			if p := clausePunct(r); p != 0 {
				toks = append(toks, token{text: string(p), punct: p, off: i, end: i + utf8.RuneLen(r)})
			}
		}
	}
	flush(len(text))
	return toks
}

// clausePunct is the punctuation mark r stands for in the clause rules
// (0 when it is none): Persian marks read as their Latin forms, so that a
// text keeps its own punctuation ("گران بود، دیر رسید" is quoted with "،")
// and ends its clauses the same way.
func clausePunct(r rune) byte {
	switch r {
	case '.', '!', '?', ';', ',', ':', '\n', '(', ')', '"':
		return byte(r)
	case '،':
		return ','
	case '؛':
		return ';'
	case '؟':
		return '?'
	case '«', '»':
		return '"'
	}
	return 0
}

func makeToken(w string) token {
	// strings.TrimRight(w, "'’-"), without building its set each time.
	for len(w) > 0 {
		r, size := utf8.DecodeLastRuneInString(w)
		if r != '\'' && r != '’' && r != '-' {
			break
		}
		w = w[:len(w)-size]
	}
	fa := false
	for _, r := range w {
		fa = isArabicScript(r)
		break
	}
	if fa {
		return token{text: w, key: strings.ReplaceAll(w, string(zwnj), ""), fa: true}
	}
	lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return token{text: lw, key: stemEn(lw)}
}

// irregular maps common irregular English forms to their lemma.
var irregular = map[string]string{
	"ran": "run", "broke": "break", "broken": "break", "torn": "tear", "tore": "tear", "came": "come",
	"went": "go", "bought": "buy", "sent": "send", "paid": "pay", "was": "be", "were": "be", "is": "be",
	"are": "be", "been": "be", "worn": "wear", "wore": "wear", "fell": "fall", "felt": "feel", "made": "make",
	"took": "take", "got": "get", "thought": "think", "won't": "wont", "can't": "cant", "didn't": "didnt",
	"doesn't": "doesnt", "don't": "dont", "isn't": "isnt", "wasn't": "wasnt", "aren't": "isnt",
	"weren't": "wasnt", "couldn't": "didnt", "wouldn't": "didnt", "shouldn't": "didnt", "haven't": "didnt",
	"hasn't": "didnt", "hadn't": "didnt", "lost": "lose", "better": "good", "worse": "bad", "bigger": "big",
	"smaller": "small", "larger": "large", "children": "child", "women": "woman", "men": "man",
	"colors": "color", "colour": "color", "colours": "color", "flavour": "flavor",
	// Words the rules below would fold into another word: "huge" is not
	// "hug", "hate" not "hat", "cute" not "cut", "ripe" not "ripped";
	// "tights", "shorts", "glasses" and "goods" are things, not "tight",
	// "short", "glass" or "good".
	"huge": "huge", "hate": "hate", "hates": "hate", "hated": "hate", "cute": "cute", "ripe": "ripe",
	"tights": "tights", "shorts": "shorts", "glasses": "glasses", "goods": "goods",
}

// stemEn is a small, predictable English stemmer: irregular forms, then
// plural, -ing and -ed endings, then a final silent e, so that "arrive",
// "arrived" and "arriving" share "arriv". Lexicon entries go through the
// same function, so matching is consistent; labels use surface forms.
func stemEn(w string) string {
	if l, ok := irregular[w]; ok {
		return l
	}
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed"):
		w = undouble(w[:n-2])
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
		if strings.HasSuffix(w, "xe") || strings.HasSuffix(w, "che") || strings.HasSuffix(w, "she") {
			w = w[:len(w)-1]
		}
	}
	if len(w) > 3 && strings.HasSuffix(w, "e") && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1]
	}
	return w
}

func undouble(w string) string {
	n := len(w)
	if n >= 3 && w[n-1] == w[n-2] && !strings.ContainsRune("aeiouls", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

// faSuffixes are stripped, one at a time, when looking a Persian word up in
// the lexicon: plural, possessive, ezafe/indefinite, object marker and
// comparative endings as customers write them.
// A bare "ه" or "م" is not stripped: "پسته" (pistachio) is not "پست" (post).
var faSuffixes = []string{"هایش", "هاش", "هایی", "های", "ها", "شون", "اش", "ترین", "تر", "ش", "ای", "یی", "ی", "رو", "و"}

// faStems returns the lookup candidates for a Persian key, longest first.
func faStems(key string) []string {
	c := []string{key}
	for _, s := range faSuffixes {
		if strings.HasSuffix(key, s) && len([]rune(key))-len([]rune(s)) >= 2 {
			c = append(c, key[:len(key)-len(s)])
		}
	}
	return c
}

// lexEntry is what the lexicon knows about one key.
type lexEntry struct {
	concept int  // 1-based index into concepts; 0 for none
	weak    bool // the concept term is weak (see concept)
	kinds   int  // cue bit set
}

type lexicon struct {
	en, fa     map[string]lexEntry
	faNegVerbs map[string]bool
	// Which words can begin a two-word entry: an English entry's first
	// word, and every proper beginning of a Persian entry (its two words
	// are written joined, so the first word of a pair is a beginning of
	// the entry). A word that begins none is looked up on its own only.
	enFirst, faBegins map[string]bool
}

var (
	lexOnce sync.Once
	lex     *lexicon
)

func getLexicon() *lexicon {
	lexOnce.Do(func() { lex = buildLexicon() })
	return lex
}

func enKey(term string) string {
	parts := strings.Fields(strings.ReplaceAll(term, "_", " "))
	for i, p := range parts {
		parts[i] = stemEn(strings.ToLower(p))
	}
	return strings.Join(parts, " ")
}

// dropJoins is s without its spaces and zero-width non-joiners, so
// spellings of one compound match (what strings.NewReplacer(" ", "",
// string(zwnj), "") makes of it), and s itself when it has none, as most
// keys have: the replacer it replaces looked at every byte through its
// lookup table (bigramKey's 0.14 s of CPU in a 100,000-response report).
func dropJoins(s string) string {
	i := strings.IndexByte(s, ' ')
	if j := strings.Index(s, zwnjText); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s[:i])
	for i < len(s) {
		switch {
		case s[i] == ' ':
			i++
		case strings.HasPrefix(s[i:], zwnjText):
			i += len(zwnjText)
		default:
			b = append(b, s[i])
			i++
		}
	}
	return string(b)
}

const zwnjText = string(zwnj)

func faKey(term string) string {
	return dropJoins(NormalizePersian(strings.ReplaceAll(term, "_", " ")))
}

func buildLexicon() *lexicon {
	l := &lexicon{en: map[string]lexEntry{}, fa: map[string]lexEntry{}, faNegVerbs: map[string]bool{}}
	for i, c := range concepts {
		for _, t := range strings.Fields(c.enTerms) {
			weak := strings.HasPrefix(t, "~")
			k := enKey(strings.TrimPrefix(t, "~"))
			e := l.en[k]
			if e.concept == 0 {
				e.concept, e.weak = i+1, weak
			}
			l.en[k] = e
		}
		for _, t := range strings.Fields(c.faTerms) {
			weak := strings.HasPrefix(t, "~")
			k := faKey(strings.TrimPrefix(t, "~"))
			e := l.fa[k]
			if e.concept == 0 {
				e.concept, e.weak = i+1, weak
			}
			l.fa[k] = e
		}
	}
	for kind, words := range enCues {
		for _, t := range strings.Fields(words) {
			k := enKey(t)
			e := l.en[k]
			e.kinds |= kind
			l.en[k] = e
		}
	}
	for kind, words := range faCues {
		for _, t := range strings.Fields(words) {
			k := faKey(t)
			e := l.fa[k]
			e.kinds |= kind
			l.fa[k] = e
		}
	}
	// Words that must not be read through a stripped suffix: "کمی" (a
	// little) is not "کم" (too little).
	for _, w := range strings.Fields("کمی یکمی") {
		if _, ok := l.fa[faKey(w)]; !ok {
			l.fa[faKey(w)] = lexEntry{}
		}
	}
	for _, v := range faVerbs {
		l.faNegVerbs["ن"+faKey(v)] = true
	}
	l.enFirst, l.faBegins = map[string]bool{}, map[string]bool{}
	for k := range l.en {
		if first, _, two := strings.Cut(k, " "); two {
			l.enFirst[first] = true
		}
	}
	for k := range l.fa {
		for i := range k {
			if i > 0 {
				l.faBegins[k[:i]] = true
			}
		}
	}
	return l
}

// lookup finds the lexicon entry for tokens[i], trying the two-word form
// first. It returns the entry and how many tokens it spans (0: no entry).
func (l *lexicon) lookup(toks []token, i int) (lexEntry, int) {
	t := toks[i]
	if t.punct != 0 {
		return lexEntry{}, 0
	}
	if i+1 < len(toks) && toks[i+1].punct == 0 && toks[i+1].fa == t.fa && (t.fa && l.faBegins[t.key] || !t.fa && l.enFirst[t.key]) {
		if t.fa {
			for _, k := range faStems(t.key + toks[i+1].key) {
				if len(k) <= len(t.key) {
					break // the second word would be only a suffix: "طعمو"
				}
				if e, ok := l.fa[k]; ok {
					return e, 2
				}
			}
		} else if e, ok := l.en[t.key+" "+toks[i+1].key]; ok {
			return e, 2
		}
	}
	return l.lookupOne(t)
}

// lookupOne is lookup for one word on its own.
func (l *lexicon) lookupOne(t token) (lexEntry, int) {
	if t.fa {
		if strings.HasPrefix(t.key, "نمی") && len(t.key) > len("نمی")+2 {
			e := l.fa[t.key]
			if e.kinds&cueNeg == 0 {
				e.kinds |= cueNegator
			}
			return e, 1
		}
		if l.faNegVerbs[t.key] {
			return lexEntry{kinds: cueNegator}, 1
		}
		if _, listed := l.fa[t.key]; !listed {
			if verb, negated := faVerbForm(t.key); verb && negated {
				return lexEntry{kinds: cueNegator}, 1 // "نخریدم", "نشه"
			}
		}
		// faStems(t.key) in order, without making the list: the word,
		// then the word without each suffix.
		if e, ok := l.fa[t.key]; ok {
			return e, 1
		}
		for _, s := range faSuffixes {
			if strings.HasSuffix(t.key, s) && utf8.RuneCountInString(t.key)-utf8.RuneCountInString(s) >= 2 {
				if e, ok := l.fa[t.key[:len(t.key)-len(s)]]; ok {
					return e, 1
				}
			}
		}
		return lexEntry{}, 0
	}
	if e, ok := l.en[t.key]; ok {
		return e, 1
	}
	if strings.HasSuffix(t.text, "n't") {
		return lexEntry{kinds: cueNegator}, 1
	}
	return lexEntry{}, 0
}
