// Package coding learns a researcher's codebook from the passages they
// coded and suggests codes for the rest, and measures agreement: of the
// suggestions with the researcher (k-fold) and between two researchers
// (Cohen's kappa, Krippendorff's alpha). It takes plain values.
package coding

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Example is a passage: coded (Codes not empty) it teaches the model,
// uncoded it gets a suggestion.
type Example struct {
	ID    string
	Text  string
	Codes []string
}

// Scored is one code with the model's probability for a passage.
type Scored struct {
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// Suggestion is the most likely code for an uncoded passage.
type Suggestion struct {
	ID         string  `json:"id"`
	Code       string  `json:"code"`
	Confidence float64 `json:"confidence"`
}

// Options tune training; the zero value is the tested default.
type Options struct {
	// L2 is the penalty per example on the weights (default 1e-4).
	L2 float64
	// Epochs over the training passages (default 12).
	Epochs int
	Seed   uint64
	// Terms replaces Features (the evaluation's peer uses its own).
	Terms func(string) []string
}

func (o Options) withDefaults() Options {
	if o.L2 == 0 {
		o.L2 = 1e-4
	}
	if o.Epochs == 0 {
		o.Epochs = 12
	}
	if o.Terms == nil {
		o.Terms = Features
	}
	return o
}

// Model is a trained classifier over a codebook.
type Model struct {
	Codes []string // sorted
	vec   *vectorizer
	sm    *softmax
}

// Errors a caller can show as they are.
var (
	ErrNoCoded  = errors.New("no coded passages to learn from")
	ErrOneCode  = errors.New("only one code is used: at least two are needed to tell passages apart")
	ErrTooLarge = errors.New("too many codes")
	ErrTooFew   = errors.New("at least two coded passages are needed to measure agreement")
)

// MaxCodes bounds the codebook a model learns (200 codes train in
// seconds; beyond that the weights grow past what a server should hold).
const MaxCodes = 500

// Train learns the codes of the coded examples; uncoded ones are ignored.
func Train(examples []Example, opt Options) (*Model, error) {
	opt = opt.withDefaults()
	var coded []Example
	set := map[string]bool{}
	for _, e := range examples {
		codes := cleanCodes(e.Codes)
		if len(codes) == 0 {
			continue
		}
		e.Codes = codes
		coded = append(coded, e)
		for _, c := range codes {
			set[c] = true
		}
	}
	switch {
	case len(coded) == 0:
		return nil, ErrNoCoded
	case len(set) < 2:
		return nil, ErrOneCode
	case len(set) > MaxCodes:
		return nil, fmt.Errorf("%w: %d codes, at most %d", ErrTooLarge, len(set), MaxCodes)
	}
	m := &Model{}
	for c := range set {
		m.Codes = append(m.Codes, c)
	}
	sort.Strings(m.Codes)
	docs := make([][]string, len(coded))
	for i, e := range coded {
		docs[i] = opt.Terms(clip(e.Text))
	}
	minDF := 1
	if len(coded) >= 2000 {
		minDF = 2 // a term seen once in thousands of passages only adds weights
	}
	m.vec = fitVectorizer(docs, minDF, opt.Terms)
	xs := make([]sparse, len(coded))
	ys := make([][]float32, len(coded))
	for i, e := range coded {
		xs[i] = m.vec.vector(docs[i])
		ys[i] = make([]float32, len(m.Codes))
		for _, c := range e.Codes {
			j, _ := slices.BinarySearch(m.Codes, c)
			ys[i][j] = 1 / float32(len(e.Codes))
		}
	}
	m.sm = trainSoftmax(xs, ys, len(m.vec.idf), len(m.Codes), trainOptions{lambda: opt.L2, epochs: opt.Epochs, rate: 0.5, seed: opt.Seed})
	return m, nil
}

// cleanCodes trims the names and drops empty and repeated ones.
func cleanCodes(codes []string) []string {
	var out []string
	for _, c := range codes {
		c = strings.Join(strings.Fields(c), " ")
		if c != "" && !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// Predict returns every code with its probability for text, most likely
// first.
func (m *Model) Predict(text string) []Scored {
	p := make([]float64, len(m.Codes))
	m.sm.probs(m.vec.vector(m.vec.terms(clip(text))), p)
	out := make([]Scored, len(m.Codes))
	for i, c := range m.Codes {
		out[i] = Scored{Code: c, Confidence: p[i]}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Confidence > out[b].Confidence })
	return out
}

// Suggest gives the most likely code of every uncoded example, in input
// order.
func (m *Model) Suggest(examples []Example) []Suggestion {
	var out []Suggestion
	for _, e := range examples {
		if len(cleanCodes(e.Codes)) > 0 {
			continue
		}
		best := m.Predict(e.Text)[0]
		out = append(out, Suggestion{ID: e.ID, Code: best.Code, Confidence: best.Confidence})
	}
	return out
}
