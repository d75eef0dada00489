package coding

import (
	"math"
	"sort"
	"strings"

	"github.com/safarhq/safar/analysis"
)

// Features turns a text into the terms the classifier weighs: the words
// that are not stop words and the phrases of two adjacent words inside a
// clause (where at least one is not a stop word, so "not good" and "long
// wait" count but "of the" does not). Words are the pain-point pipeline's
// matching keys, so Persian spelling variants and English inflections
// meet.
func Features(text string) []string {
	t := analysis.TextTerms(text)
	out := make([]string, 0, 2*len(t.Keys))
	for i, k := range t.Keys {
		if !t.Stop[i] {
			out = append(out, k)
		}
		if i > 0 && !t.Break[i] && !(t.Stop[i] && t.Stop[i-1]) {
			out = append(out, t.Keys[i-1]+" "+k)
		}
	}
	return out
}

// sparse is a feature vector: sorted indices with their weights.
type sparse struct {
	idx []int32
	val []float32
}

// vectorizer maps terms to TF-IDF vectors over a vocabulary learned from
// the training texts (sublinear term frequency, smoothed IDF, unit length).
type vectorizer struct {
	vocab map[string]int32
	idf   []float32
	terms func(string) []string
}

// fitVectorizer learns the vocabulary of docs (each a list of terms);
// terms seen in fewer than minDF documents are dropped.
func fitVectorizer(docs [][]string, minDF int, terms func(string) []string) *vectorizer {
	df := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range d {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	keys := make([]string, 0, len(df))
	for t, n := range df {
		if n >= minDF {
			keys = append(keys, t)
		}
	}
	sort.Strings(keys)
	v := &vectorizer{vocab: make(map[string]int32, len(keys)), idf: make([]float32, len(keys)), terms: terms}
	n := float64(len(docs))
	for i, t := range keys {
		v.vocab[t] = int32(i)
		v.idf[i] = float32(math.Log((1+n)/(1+float64(df[t]))) + 1)
	}
	return v
}

// vector weighs the terms of one document.
func (v *vectorizer) vector(terms []string) sparse {
	tf := map[int32]float64{}
	for _, t := range terms {
		if i, ok := v.vocab[t]; ok {
			tf[i]++
		}
	}
	s := sparse{idx: make([]int32, 0, len(tf)), val: make([]float32, 0, len(tf))}
	for i := range tf {
		s.idx = append(s.idx, i)
	}
	sort.Slice(s.idx, func(a, b int) bool { return s.idx[a] < s.idx[b] })
	var norm float64
	for _, i := range s.idx {
		w := (1 + math.Log(tf[i])) * float64(v.idf[i])
		s.val = append(s.val, float32(w))
		norm += w * w
	}
	if norm > 0 {
		inv := float32(1 / math.Sqrt(norm))
		for j := range s.val {
			s.val[j] *= inv
		}
	}
	return s
}

// maxTextBytes bounds the text read from one passage: a 1 MB paste is
// classified by its first 64 KB, which already holds thousands of words.
const maxTextBytes = 64 << 10

// clip cuts text to maxTextBytes on a rune boundary.
func clip(text string) string {
	if len(text) <= maxTextBytes {
		return text
	}
	cut := maxTextBytes
	for cut > 0 && !isRuneStart(text[cut]) {
		cut--
	}
	return strings.ToValidUTF8(text[:cut], "")
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
