package evaluate

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
)

// Corpus is the peers' view of the texts: a bag of word ids per text, after
// a preprocessing that favours no engine (lower-case, Arabic ي/ك as the
// Persian letters, words split at anything that is not a letter, digit or
// combining mark (ZWNJ too), no one-letter or all-digit words, no
// stopwords, and only words in at least MinDF texts and at most
// MaxDFShare of them).
type Corpus struct {
	Vocab []string
	Docs  [][]int // word ids of each text, in order, repeats kept
}

// CorpusOptions are the preprocessing settings; one set serves all corpora.
type CorpusOptions struct {
	Stopwords  map[string]bool
	MinDF      int     // 0 means 2
	MaxDFShare float64 // 0 means 0.5
}

var arabicLetters = strings.NewReplacer("ي", "ی", "ى", "ی", "ك", "ک")

// words splits text into lower-case words.
func words(text string) []string {
	text = arabicLetters.Replace(strings.ToLower(text))
	return strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
}

func keepWord(w string, stop map[string]bool) bool {
	if len([]rune(w)) < 2 || stop[w] {
		return false
	}
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0
}

// NewCorpus preprocesses texts. Word ids are in alphabetical order, so the
// corpus does not depend on map iteration.
func NewCorpus(texts []string, opt CorpusOptions) *Corpus {
	if opt.MinDF <= 0 {
		opt.MinDF = 2
	}
	if opt.MaxDFShare <= 0 {
		opt.MaxDFShare = 0.5
	}
	toks := make([][]string, len(texts))
	df := map[string]int{}
	for i, t := range texts {
		seen := map[string]bool{}
		for _, w := range words(t) {
			if !keepWord(w, opt.Stopwords) {
				continue
			}
			toks[i] = append(toks[i], w)
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		}
	}
	maxDF := int(opt.MaxDFShare * float64(len(texts)))
	c := &Corpus{Docs: make([][]int, len(texts))}
	for w, n := range df {
		if n >= opt.MinDF && n <= maxDF {
			c.Vocab = append(c.Vocab, w)
		}
	}
	sort.Strings(c.Vocab)
	id := make(map[string]int, len(c.Vocab))
	for i, w := range c.Vocab {
		id[w] = i
	}
	for i, ts := range toks {
		for _, w := range ts {
			if j, ok := id[w]; ok {
				c.Docs[i] = append(c.Docs[i], j)
			}
		}
	}
	return c
}

// LoadStopwords reads the generic English and Persian stopword lists in
// the shared data (persian_resources/stopwords_iso, MIT), normalised like
// the texts. It returns an empty set when they are absent.
func LoadStopwords(dir string) map[string]bool {
	stop := map[string]bool{}
	for _, f := range []string{"stopwords_en.txt", "stopwords_fa.txt"} {
		fh, err := os.Open(filepath.Join(dir, "persian_resources", "stopwords_iso", f))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			for _, w := range words(sc.Text()) {
				stop[w] = true
			}
		}
		fh.Close()
	}
	return stop
}

// topTerms returns the n words with the largest weights.
func (c *Corpus) topTerms(weights []float64, n int) []string {
	idx := make([]int, len(weights))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return weights[idx[a]] > weights[idx[b]] })
	var out []string
	for _, i := range idx[:min(n, len(idx))] {
		if weights[i] <= 0 {
			break
		}
		out = append(out, c.Vocab[i])
	}
	return out
}
