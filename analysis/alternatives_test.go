package analysis

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// garmentTexts writes clothing complaints: each text is about a dress or
// a top (never both: alternatives, said of different parts, the waist and
// hem against the chest and sleeves, and in the same slots: "the dress
// runs small", "the top runs small") and half of them also complain about
// the fabric, called "fabric" or "material" (never both: synonyms, said
// with the same words).
func garmentTexts(n int) []Text {
	r := rand.New(rand.NewPCG(5, 8))
	dress := []string{"the dress was too tight at the waist", "the dress hem came undone after one wash",
		"the dress zipper broke at the waist", "the hem of the dress was uneven", "the waist of the dress sits too low"}
	top := []string{"the top was too tight in the chest", "the top sleeves were far too short",
		"the sleeves of the top ripped", "the top buttons popped at the chest", "the chest of the top gapes open"}
	// Said of either: the shared slots that make the two words' vectors near.
	either := []string{"I ordered the %s in my usual size and the %s runs small", "the color of the %s faded",
		"returned the %s the next day", "the %s looked nothing like the photo", "the %s runs small, size up"}
	cloth := []string{"the %s was thin and scratchy", "thin cheap %s", "the %s felt cheap and scratchy", "scratchy %s, so thin"}
	out := make([]Text, n)
	for i := range out {
		s, g := dress[r.IntN(len(dress))], "dress"
		if i%2 == 1 {
			s, g = top[r.IntN(len(top))], "top"
		}
		s += ". " + strings.ReplaceAll(either[r.IntN(len(either))], "%s", g)
		if r.IntN(2) == 0 {
			word := "fabric"
			if r.IntN(2) == 0 {
				word = "material"
			}
			s += ". " + fmt.Sprintf(cloth[r.IntN(len(cloth))], word)
		}
		out[i] = Text{ID: fmt.Sprint(i + 1), Text: s + "."}
	}
	return out
}

// TestAlternatives: words rarely said in one text whose texts say
// different things are alternatives (dress, top); synonyms are rarely said
// together too but their texts say the same things (fabric, material).
func TestAlternatives(t *testing.T) {
	in := garmentTexts(400)
	docs := docsOf(in)
	terms := countTerms(docs, nil).selectTerms(minSupport(len(in), 0))
	alt := map[[2]string]bool{}
	for _, p := range alternatives(docs, terms) {
		a, b := terms[p[0]].key, terms[p[1]].key
		alt[[2]string{min(a, b), max(a, b)}] = true
	}
	keys := map[string]bool{}
	for _, t := range terms {
		keys[t.key] = true
	}
	for _, k := range []string{"dress", "top", "fabric", "material"} {
		if !keys[k] {
			t.Fatalf("no term %q among %v", k, keys)
		}
	}
	if !alt[[2]string{"dress", "top"}] {
		t.Errorf("dress and top are not alternatives: %v", alt)
	}
	if alt[[2]string{"fabric", "material"}] {
		t.Errorf("fabric and material, synonyms, are alternatives: %v", alt)
	}
}

// TestAlternativesApart: in the grouping, alternatives never share a
// group even when their vectors say they are the same (here the two
// garments get one vector, the two words for the cloth another, near
// enough to merge all four; the other terms none), and synonyms still do.
func TestAlternativesApart(t *testing.T) {
	in := garmentTexts(400)
	docs := docsOf(in)
	st := countTerms(docs, nil)
	terms := st.selectTerms(minSupport(len(in), 0))
	wv := &wordVectors{index: map[string]int{}}
	for _, k := range []string{"dress", "top", "fabric", "material"} {
		wv.index[k] = len(wv.vecs)
		v := []float32{1, 0}
		if k == "fabric" || k == "material" {
			v = []float32{0.6, 0.8}
		}
		wv.vecs = append(wv.vecs, v)
	}
	groupOf := map[string]int{}
	for g, gr := range clusterTerms(terms, docs, wv, st, nil) {
		for _, x := range gr.terms {
			groupOf[x.key] = g
		}
	}
	if groupOf["dress"] == groupOf["top"] {
		t.Errorf("dress and top share a group: %v", groupOf)
	}
	if groupOf["fabric"] != groupOf["material"] {
		t.Errorf("fabric and material are apart: %v", groupOf)
	}
}
