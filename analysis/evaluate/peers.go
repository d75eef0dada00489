package evaluate

import (
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// Group is one pain point or topic as the metrics see it: a label and the
// indices of the texts that are its members.
type Group struct {
	Label   string   `json:"label"`
	Members []int    `json:"-"`
	Size    int      `json:"texts"`
	Said    int      `json:"label_texts,omitempty"` // the engine's: member texts that say the label's own phrase
	Quotes  []string `json:"quotes,omitempty"`
	// QuotesSay counts the Quotes whose member says the label's own phrase
	// (the engine's).
	QuotesSay int `json:"quotes_say,omitempty"`
}

// Peer settings, one set for every corpus.
const (
	peerTopics     = 10
	peerTerms      = 5   // top terms that label a topic
	peerMinShare   = 0.2 // a text joins its argmax topic when that holds at least this share of its weight (twice uniform for k=10)
	nmfIterations  = 200
	ldaIterations  = 300
	ldaAlpha       = 0.1
	ldaBeta        = 0.01
	nmfEps         = 1e-10
	peerSeedStream = 0x5afa7
)

// topicGroups turns per-text topic weights into groups: each text joins
// its argmax topic when that holds at least peerMinShare of its weight.
// Groups are ordered by size (largest first), ties by topic number.
func topicGroups(weights [][]float64, terms [][]string) []Group {
	k := len(terms)
	groups := make([]Group, k)
	for t := range groups {
		groups[t].Label = strings.Join(terms[t], ", ")
	}
	for i, w := range weights {
		best, sum := 0, 0.0
		for t, v := range w {
			sum += v
			if v > w[best] {
				best = t
			}
		}
		if sum > 0 && w[best]/sum >= peerMinShare {
			groups[best].Members = append(groups[best].Members, i)
		}
	}
	for t := range groups {
		groups[t].Size = len(groups[t].Members)
	}
	sort.SliceStable(groups, func(a, b int) bool { return len(groups[a].Members) > len(groups[b].Members) })
	return groups
}

// sparseRow is one text's TF-IDF vector.
type sparseRow struct {
	idx []int
	val []float64
}

// tfidf weights the corpus like scikit-learn's TfidfVectorizer defaults:
// raw counts times smooth idf ln((1+n)/(1+df))+1, rows L2-normalised.
func tfidf(c *Corpus) []sparseRow {
	df := make([]float64, len(c.Vocab))
	counts := make([]map[int]float64, len(c.Docs))
	for i, d := range c.Docs {
		counts[i] = map[int]float64{}
		for _, w := range d {
			if counts[i][w] == 0 {
				df[w]++
			}
			counts[i][w]++
		}
	}
	n := float64(len(c.Docs))
	rows := make([]sparseRow, len(c.Docs))
	for i, m := range counts {
		var r sparseRow
		for w := range m {
			r.idx = append(r.idx, w)
		}
		sort.Ints(r.idx)
		norm := 0.0
		for _, w := range r.idx {
			v := m[w] * (math.Log((1+n)/(1+df[w])) + 1)
			r.val = append(r.val, v)
			norm += v * v
		}
		for j := range r.val {
			r.val[j] /= math.Sqrt(norm)
		}
		rows[i] = r
	}
	return rows
}

// NMF factorises the TF-IDF matrix X (texts x words) into W (texts x k)
// and H (k x words) with Lee and Seung's multiplicative updates for the
// Frobenius loss, from a random start drawn from seed. W is kept row by
// row and H word by word (flat, k values each), so every inner loop runs
// over contiguous memory.
func NMF(c *Corpus, k int, seed uint64) []Group {
	x := tfidf(c)
	n, v := len(x), len(c.Vocab)
	rng := rand.New(rand.NewPCG(seed, peerSeedStream))
	mean := 0.0
	for _, r := range x {
		for _, val := range r.val {
			mean += val
		}
	}
	if n*v > 0 {
		mean /= float64(n * v)
	}
	scale := math.Sqrt(mean / float64(k))
	w, h := randFlat(rng, n*k, scale), randFlat(rng, v*k, scale)
	xh := make([]float64, v*k) // X'W, word by word
	num, den := make([]float64, k), make([]float64, k)
	for range nmfIterations {
		// H <- H * (W'X) / (W'W H)
		clear(xh)
		for i, r := range x {
			wi := w[i*k : i*k+k]
			for j, col := range r.idx {
				acc := xh[col*k : col*k+k]
				for t, wt := range wi {
					acc[t] += wt * r.val[j]
				}
			}
		}
		multiplicative(h, xh, gram(w, k), k, den)
		// W <- W * (X H') / (W H H')
		hht := gram(h, k)
		for i, r := range x {
			clear(num)
			for j, col := range r.idx {
				hc := h[col*k : col*k+k]
				for t, ht := range hc {
					num[t] += r.val[j] * ht
				}
			}
			multiplicative(w[i*k:i*k+k], num, hht, k, den)
		}
	}
	terms := make([][]string, k)
	weights := make([]float64, v)
	for t := range k {
		for col := range v {
			weights[col] = h[col*k+t]
		}
		terms[t] = c.topTerms(weights, peerTerms)
	}
	rows := make([][]float64, n)
	for i := range rows {
		rows[i] = w[i*k : i*k+k]
	}
	return topicGroups(rows, terms)
}

// multiplicative applies one update to the k-vectors stored flat in m:
// each m_t *= num_t / (m G)_t, every denominator from the old m.
func multiplicative(m, num, g []float64, k int, den []float64) {
	for off := 0; off < len(m); off += k {
		row := m[off : off+k]
		for t := range k {
			d := 0.0
			for s, ms := range row {
				d += ms * g[s*k+t]
			}
			den[t] = d
		}
		for t := range k {
			row[t] *= num[off+t] / (den[t] + nmfEps)
		}
	}
}

func randFlat(rng *rand.Rand, n int, scale float64) []float64 {
	m := make([]float64, n)
	for i := range m {
		m[i] = rng.Float64() * scale
	}
	return m
}

// gram returns M'M (k x k, flat) for M stored as flat rows of k values.
func gram(m []float64, k int) []float64 {
	g := make([]float64, k*k)
	for off := 0; off < len(m); off += k {
		row := m[off : off+k]
		for a, ra := range row {
			for b, rb := range row {
				g[a*k+b] += ra * rb
			}
		}
	}
	return g
}

func zeros(r, c int) [][]float64 {
	m := make([][]float64, r)
	for i := range m {
		m[i] = make([]float64, c)
	}
	return m
}

// LDA fits latent Dirichlet allocation with k topics by collapsed Gibbs
// sampling (Griffiths and Steyvers), alpha 0.1, beta 0.01, from a random
// start drawn from seed. A text's topic weights are its topic counts.
func LDA(c *Corpus, k int, seed uint64) []Group {
	rng := rand.New(rand.NewPCG(seed, peerSeedStream))
	v := len(c.Vocab)
	ndk := zeros(len(c.Docs), k)
	nkw := zeros(k, v)
	nk := make([]float64, k)
	z := make([][]int, len(c.Docs))
	for d, doc := range c.Docs {
		z[d] = make([]int, len(doc))
		for i, w := range doc {
			t := rng.IntN(k)
			z[d][i] = t
			ndk[d][t]++
			nkw[t][w]++
			nk[t]++
		}
	}
	p := make([]float64, k)
	vb := float64(v) * ldaBeta
	for range ldaIterations {
		for d, doc := range c.Docs {
			for i, w := range doc {
				t := z[d][i]
				ndk[d][t]--
				nkw[t][w]--
				nk[t]--
				sum := 0.0
				for s := range k {
					sum += (ndk[d][s] + ldaAlpha) * (nkw[s][w] + ldaBeta) / (nk[s] + vb)
					p[s] = sum
				}
				u := rng.Float64() * sum
				t = sort.SearchFloat64s(p, u)
				if t == k {
					t = k - 1
				}
				z[d][i] = t
				ndk[d][t]++
				nkw[t][w]++
				nk[t]++
			}
		}
	}
	terms := make([][]string, k)
	for t := range k {
		terms[t] = c.topTerms(nkw[t], peerTerms)
	}
	return topicGroups(ndk, terms)
}
