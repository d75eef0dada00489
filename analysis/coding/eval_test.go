package coding

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/safarhq/safar/internal/csvtable"
)

// The quality evaluation of docs/coding.md: on the labelled feedback sets
// of ../shared/data/feedback (labels as codes), a researcher codes 10% or
// 20% of the rows at random; the rest get suggestions, scored against the
// labels. The peer is what a data scientist would reach for first:
// scikit-learn's defaults, TfidfVectorizer (lower-cased \b\w\w+\b words,
// raw counts, smoothed IDF, unit length) and LogisticRegression(C=1)
// (multinomial, L2), trained to convergence by the same optimiser.

var peerWord = regexp.MustCompile(`\b\w\w+\b`)

func peerTerms(text string) []string { return peerWord.FindAllString(strings.ToLower(text), -1) }

// peerModel is TF-IDF with raw term counts + logistic regression, C=1.
type peerModel struct {
	codes []string
	vec   *vectorizer
	sm    *softmax
}

func (v *vectorizer) rawVector(terms []string) sparse {
	s := v.vector(terms) // sublinear; redo with raw counts
	tf := map[int32]float64{}
	for _, t := range terms {
		if i, ok := v.vocab[t]; ok {
			tf[i]++
		}
	}
	var norm float64
	for j, i := range s.idx {
		w := tf[i] * float64(v.idf[i])
		s.val[j] = float32(w)
		norm += w * w
	}
	for j := range s.val {
		s.val[j] = float32(float64(s.val[j]) / math.Sqrt(norm))
	}
	return s
}

func trainPeer(train []Example) *peerModel {
	m := &peerModel{}
	set := map[string]bool{}
	docs := make([][]string, len(train))
	for i, e := range train {
		docs[i] = peerTerms(e.Text)
		for _, c := range e.Codes {
			set[c] = true
		}
	}
	for c := range set {
		m.codes = append(m.codes, c)
	}
	slicesSort(m.codes)
	m.vec = fitVectorizer(docs, 1, peerTerms)
	xs := make([]sparse, len(train))
	ys := make([][]float32, len(train))
	for i, e := range train {
		xs[i] = m.vec.rawVector(docs[i])
		ys[i] = make([]float32, len(m.codes))
		for _, c := range e.Codes {
			ys[i][indexOf(m.codes, c)] = 1 / float32(len(e.Codes))
		}
	}
	// sklearn minimises sum(loss) + ||w||^2/(2C): per example 1/(C n).
	m.sm = trainSoftmax(xs, ys, len(m.vec.idf), len(m.codes), trainOptions{lambda: 1 / float64(len(train)), epochs: 60, rate: 0.5, seed: 1})
	return m
}

func (m *peerModel) predict(text string) string {
	p := make([]float64, len(m.codes))
	m.sm.probs(m.vec.rawVector(peerTerms(text)), p)
	best := 0
	for i := range p {
		if p[i] > p[best] {
			best = i
		}
	}
	return m.codes[best]
}

func readFeedback(t *testing.T, name string) []Example {
	dir := os.Getenv("SAFAR_SHARED_DATA") // else ../shared/data beside the checkout
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	path := filepath.Join(dir, "feedback", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("evaluation data not found: %s (set SAFAR_SHARED_DATA)", path)
	}
	tab, err := csvtable.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tc, _ := tab.Col("text")
	lc, _ := tab.Col("label")
	ic, _ := tab.Col("id")
	var out []Example
	for i := range tab.Rows {
		out = append(out, Example{ID: tab.Value(i, ic), Text: tab.Value(i, tc), Codes: strings.Split(tab.Value(i, lc), "|")})
	}
	return out
}

func TestEvalFeedback(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation: slow")
	}
	for _, name := range []string{"mams_restaurants_negative.csv", "steam_games_not_recommended.csv"} {
		rows := readFeedback(t, name)
		for _, frac := range []float64{0.1, 0.2} {
			var safar, peer [3]float64 // accuracy, macro-F1, kappa; mean over seeds
			const seeds = 5
			for seed := uint64(1); seed <= seeds; seed++ {
				rng := rand.New(rand.NewPCG(seed, 7))
				perm := rng.Perm(len(rows))
				n := int(frac * float64(len(rows)))
				var train, test []Example
				for i, j := range perm {
					if i < n {
						train = append(train, rows[j])
					} else {
						test = append(test, rows[j])
					}
				}
				m, err := Train(train, Options{Seed: seed})
				if err != nil {
					t.Fatal(err)
				}
				p := trainPeer(train)
				gold := make([][]string, len(test))
				ps, pp := make([]string, len(test)), make([]string, len(test))
				for i, e := range test {
					gold[i], ps[i], pp[i] = e.Codes, m.Predict(e.Text)[0].Code, p.predict(e.Text)
				}
				a, b := Score(gold, ps), Score(gold, pp)
				safar[0] += a.Accuracy / seeds
				safar[1] += a.MacroF1 / seeds
				safar[2] += a.Kappa.Value / seeds
				peer[0] += b.Accuracy / seeds
				peer[1] += b.MacroF1 / seeds
				peer[2] += b.Kappa.Value / seeds
			}
			fmt.Printf("%-34s %3.0f%% coded  safar acc %.3f macroF1 %.3f kappa %.3f | peer acc %.3f macroF1 %.3f kappa %.3f\n",
				name, frac*100, safar[0], safar[1], safar[2], peer[0], peer[1], peer[2])
		}
	}
}
