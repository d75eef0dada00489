package analysis

import (
	"math"
	"math/rand/v2"
	"testing"
)

func wordCos(wv *wordVectors, a, b string) float64 {
	va, vb := wv.of(a), wv.of(b)
	if va == nil || vb == nil {
		return math.NaN()
	}
	var s float64
	for d := range va {
		s += float64(va[d]) * float64(vb[d])
	}
	return s
}

func docsOf(texts []Text) []*tdoc {
	out := make([]*tdoc, len(texts))
	for i, t := range texts {
		d := analyseText(t.Text, nil)
		out[i] = &d
	}
	return out
}

// TestWordVectors: words used in the same contexts (bag, luggage,
// suitcase: never in one text) are near, words of other problems far;
// only the words asked for get a vector; vectors are unit length and do
// not depend on the order of the texts (nothing random, no seed).
func TestWordVectors(t *testing.T) {
	texts := airlineTexts(300)
	need := []string{"bag", "luggag", "suitcas", "cancell", "hold", "rebook", "customer", "never-used"}
	wv := trainVectors(docsOf(texts), need)
	for _, w := range need[:7] {
		v := wv.of(w)
		if v == nil {
			t.Fatalf("no vector for %q (index %v)", w, wv.index)
		}
		var n float64
		for _, x := range v {
			n += float64(x) * float64(x)
		}
		if math.Abs(n-1) > 1e-5 {
			t.Errorf("%q: |v|² = %.6f, want 1", w, n)
		}
	}
	if wv.of("never-used") != nil || wv.of("lost") != nil {
		t.Error("vectors for words not asked for, or not in the texts")
	}
	near := []struct {
		a, b string
		min  float64
	}{{"bag", "luggag", 0.3}, {"bag", "suitcas", 0.3}, {"luggag", "suitcas", 0.3}, {"cancell", "rebook", 0.3}, {"hold", "customer", 0.3}}
	for _, p := range near {
		if c := wordCos(wv, p.a, p.b); !(c >= p.min) {
			t.Errorf("cos(%s, %s) = %.3f, want >= %.2f", p.a, p.b, c, p.min)
		}
	}
	for _, p := range [][2]string{{"bag", "cancell"}, {"luggag", "hold"}, {"suitcas", "rebook"}, {"cancell", "hold"}, {"rebook", "customer"}} {
		if c := wordCos(wv, p[0], p[1]); !(c < 0.15) {
			t.Errorf("cos(%s, %s) = %.3f: different problems should be far", p[0], p[1], c)
		}
	}
	shuffled := append([]Text(nil), texts...)
	r := rand.New(rand.NewPCG(3, 4))
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	wv2 := trainVectors(docsOf(shuffled), need)
	for _, a := range need[:7] {
		for _, b := range need[:7] {
			if d := math.Abs(wordCos(wv, a, b) - wordCos(wv2, a, b)); d > 1e-4 {
				t.Errorf("cos(%s, %s) moved by %.5f when the texts were shuffled", a, b, d)
			}
		}
	}
}

// TestVecLevels: the truncations averaged never keep more than half the
// words' dimensions, and each is used once.
func TestVecLevels(t *testing.T) {
	cases := []struct {
		n    int
		want []int
	}{{1, []int{1}}, {7, []int{3}}, {40, []int{20}}, {144, []int{50, 72}}, {299, []int{50, 100}}}
	for _, c := range cases {
		got := vecLevels(c.n)
		if len(got) != len(c.want) {
			t.Errorf("vecLevels(%d) = %v, want %v", c.n, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("vecLevels(%d) = %v, want %v", c.n, got, c.want)
			}
		}
	}
}

// TestInputOrder: the pain points (keys, labels, reach) do not depend on
// the order of the texts: no seed, no order-dependent sampling below the
// token cap.
func TestInputOrder(t *testing.T) {
	in := airlineTexts(240)
	shuffled := append([]Text(nil), in...)
	r := rand.New(rand.NewPCG(9, 9))
	r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	summary := func(res PainPointResult) []string {
		var out []string
		for _, p := range res.PainPoints {
			out = append(out, p.Key+" | "+p.Label+" | "+itoa(p.Documents))
		}
		return out
	}
	a, b := summary(FindPainPoints(in, PainPointOptions{})), summary(FindPainPoints(shuffled, PainPointOptions{}))
	if len(a) < 3 {
		t.Fatalf("too few pain points to compare: %q", a)
	}
	if len(a) != len(b) {
		t.Fatalf("shuffled input: %d pain points, want %d:\n%q\n%q", len(b), len(a), a, b)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("pain point %d: %q after shuffling, want %q", i+1, b[i], a[i])
		}
	}
}
