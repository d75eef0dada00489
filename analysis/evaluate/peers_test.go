package evaluate

import (
	"reflect"
	"testing"

	"github.com/safarhq/safar/analysis/cluster"
)

func TestCorpus(t *testing.T) {
	c := NewCorpus([]string{
		"The Service was SLOW, slow!",
		"service 123 slow",
		"كيك خوب", // Arabic kaf and yeh
		"کیک‌ها خوب",
		"the a 123",
		"slow slow slow",
	}, CorpusOptions{Stopwords: map[string]bool{"the": true, "was": true}})
	if want := []string{"service", "slow", "خوب", "کیک"}; !reflect.DeepEqual(c.Vocab, want) {
		t.Errorf("vocab = %q, want %q (df >= 2, <= half the texts; no digits, one-letter words or stopwords)", c.Vocab, want)
	}
	want := [][]int{{0, 1, 1}, {0, 1}, {3, 2}, {3, 2}, nil, {1, 1, 1}}
	if !reflect.DeepEqual(c.Docs, want) {
		t.Errorf("docs = %v, want %v", c.Docs, want)
	}
}

func groupsOf(gs []Group) [][]int {
	out := make([][]int, len(gs))
	for i, g := range gs {
		out[i] = g.Members
	}
	return out
}

func TestPeersSeparateTwoThemes(t *testing.T) {
	texts, theme := twoThemes(15)
	c := NewCorpus(texts, CorpusOptions{Stopwords: map[string]bool{"the": true, "and": true, "then": true, "again": true}})
	for name, fit := range map[string]func(*Corpus, int, uint64) []Group{"nmf": NMF, "lda": LDA} {
		t.Run(name, func(t *testing.T) {
			groups := fit(c, 2, 7)
			first := FirstGroup(groupsOf(groups), len(texts))
			for i, g := range first {
				if g < 0 {
					t.Fatalf("text %d %q placed in no topic", i, texts[i])
				}
			}
			if ari := cluster.ARI(first, theme); ari != 1 {
				t.Errorf("ARI against the themes = %.3f, want 1; topics %+v", ari, groups)
			}
			for _, g := range groups {
				if g.Label == "" || g.Size != len(g.Members) {
					t.Errorf("topic %+v: want a label of top terms and its size", g)
				}
			}
		})
	}
}

func TestPeersDeterministicForASeed(t *testing.T) {
	texts, _ := twoThemes(20)
	c := NewCorpus(texts, CorpusOptions{})
	for name, fit := range map[string]func(*Corpus, int, uint64) []Group{"nmf": NMF, "lda": LDA} {
		t.Run(name, func(t *testing.T) {
			a, b := fit(c, peerTopics, 3), fit(c, peerTopics, 3)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("two runs with seed 3 differ:\n%+v\n%+v", a, b)
			}
			if len(a) != peerTopics {
				t.Errorf("%d topics, want %d", len(a), peerTopics)
			}
		})
	}
}
