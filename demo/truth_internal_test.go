package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
)

// TestTopicsOfEverySentence: the truth names exactly the planted topic for
// every sentence the generator can compose, alone, in Arabic letters, and
// joined to a sentence of any other topic the way complaint joins them;
// praise says none.
func TestTopicsOfEverySentence(t *testing.T) {
	keys := make([]string, 0, len(topics))
	for k := range topics {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	arabic := strings.NewReplacer("ی", "ي", "ک", "ك")
	checked := 0
	for _, lang := range []string{"en", "fa"} {
		for _, k := range keys {
			fs := forms(topics[k], lang)
			n := sentences(fs)
			for i := range n {
				s := sentence(fs, i)
				if got := fmt.Sprint(Topics(s)); got != "["+k+"]" {
					t.Errorf("%q: %s, want [%s]", s, got, k)
				}
				if got := fmt.Sprint(Topics(arabic.Replace(s))); lang == "fa" && got != "["+k+"]" {
					t.Errorf("%q in Arabic letters: %s, want [%s]", s, got, k)
				}
				for _, other := range keys {
					if other == k {
						continue
					}
					ofs := forms(topics[other], lang)
					o := sentence(ofs, i%sentences(ofs))
					want := []string{k, other}
					slices.Sort(want)
					for _, text := range []string{join(lang, s, o), join(lang, o, s)} {
						if got := Topics(text); !slices.Equal(got, want) {
							t.Errorf("%q: %v, want %v", text, got, want)
						}
					}
				}
				checked++
			}
		}
		fs := forms(positive, lang)
		for i := range sentences(fs) {
			if got := Topics(sentence(fs, i)); len(got) != 0 {
				t.Errorf("%q says %v", sentence(fs, i), got)
			}
		}
	}
	t.Logf("%d complaint sentences", checked)
}

// TestComplaintTruth: what complaint says it planted is what Topics reads.
func TestComplaintTruth(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range 20000 {
		lang := []string{"en", "fa"}[i%2]
		text, voiced := complaint(rng, lang, i%len(typeTopics))
		slices.Sort(voiced)
		if got := Topics(text); !slices.Equal(got, voiced) {
			t.Fatalf("%q: %v, planted %v", text, got, voiced)
		}
	}
}

// TestTopicsVaryTheirWords: each problem has many sentences in each
// language, and its sentences share words (a problem's key words recur
// across its variants instead of each sentence having words of its own).
func TestTopicsVaryTheirWords(t *testing.T) {
	for k, tp := range topics {
		for _, lang := range []string{"en", "fa"} {
			fs := forms(tp, lang)
			n := sentences(fs)
			if n < 20 {
				t.Errorf("%s/%s: %d sentences", k, lang, n)
			}
			uses := map[string]int{}
			for i := range n {
				seen := map[string]bool{}
				for _, w := range strings.FieldsFunc(strings.ToLower(sentence(fs, i)), func(r rune) bool { return strings.ContainsRune(" ,.!،", r) }) {
					if !seen[w] {
						seen[w] = true
						uses[w]++
					}
				}
			}
			top := 0
			for _, c := range uses {
				top = max(top, c)
			}
			if 4*top < n {
				t.Errorf("%s/%s: no word in a quarter of its %d sentences", k, lang, n)
			}
		}
	}
}

func forms(t topic, lang string) []form {
	if lang == "fa" {
		return t.fa
	}
	return t.en
}

func join(lang, a, b string) string {
	if lang == "fa" {
		return a + " ضمناً " + b
	}
	return a + " Also, " + strings.ToLower(b[:1]) + b[1:]
}
