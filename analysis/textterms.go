package analysis

// Terms is the pain-point pipeline's view of a text, exported for other
// text classifiers (analysis/coding) so Persian and English passages are
// read the same way everywhere: NormalizePersian, then the tokeniser, then
// each word's matching key (English stem, Persian word without ZWNJ).
type Terms struct {
	Keys []string // matching keys of the words, in text order
	// Stop marks the keys that are stop words; Break[i] is set when a
	// clause-ending punctuation mark comes before word i.
	Stop  []bool
	Break []bool
}

// TextTerms normalises and tokenises text as the pain-point extractor does.
func TextTerms(text string) Terms {
	toks := tokenize(NormalizePersian(text))
	t := Terms{Keys: make([]string, 0, len(toks)), Stop: make([]bool, 0, len(toks)), Break: make([]bool, 0, len(toks))}
	brk := false
	for _, tk := range toks {
		if tk.punct != 0 {
			brk = true
			continue
		}
		t.Keys = append(t.Keys, tk.key)
		t.Stop = append(t.Stop, enStop[tk.text] || enStop[tk.key] || faStop[tk.text] || faStop[tk.key])
		t.Break = append(t.Break, brk)
		brk = false
	}
	return t
}

// ReadKey is the key the pain-point model reads word under (one word: an
// English stem; a Persian word without ZWNJ and without the plural,
// possessive and ezafe endings customers attach, "کالای" as "کالا"), and
// whether the model reads it at all: stop words, fillers, Persian verb
// forms ("می‌خواستم", "می‌کنید"), negators ("no"), intensifiers and
// numbers carry no topic and are never a term, in either language.
func ReadKey(word string) (string, bool) {
	toks := tokenize(NormalizePersian(word))
	if len(toks) != 1 || toks[0].punct != 0 {
		return "", false
	}
	t := toks[0]
	if _, ok := wordKind(getLexicon(), t); !ok {
		return "", false
	}
	if t.fa {
		return faStem(t.key), true
	}
	return t.key, true
}
