package analysis

import (
	"strings"
	"testing"
)

// TestLookupTriesPairsOnlyWhereOneCanBegin: the lexicon tries a two-word
// entry only after a word that can begin one; every pair of words the
// lexicon's own entries make, and of the words of a few sentences, reads
// as trying every pair reads it.
func TestLookupTriesPairsOnlyWhereOneCanBegin(t *testing.T) {
	lx := getLexicon()
	var words []string
	for k := range lx.en {
		words = append(words, strings.Fields(k)...)
	}
	for k := range lx.fa {
		words = append(words, k, k+"ها", k+"ی")
	}
	for _, s := range []string{
		"the customer service was not helpful and the delivery took too long",
		"never arrived, out of stock, wrong size, didn't work at all",
		"ارسال خیلی دیر بود و بسته بندی پاره شده بود",
		"پشتیبانی تلفنی جواب نمی‌دهد، کد تخفیف اعمال نشد و قیمت‌ها گران‌تر شده",
	} {
		words = append(words, strings.Fields(s)...)
	}
	n, pairs := 0, 0
	for i := 0; i+1 < len(words) && n < 200_000; i++ {
		for _, next := range []string{words[i+1], words[(i*7919)%len(words)]} {
			toks := tokenize(NormalizePersian(words[i] + " " + next))
			for j := range toks {
				n++
				ge, gn := lx.lookup(toks, j)
				we, wn := everyPairLookup(lx, toks, j)
				if gn == 2 {
					pairs++
				}
				if ge != we || gn != wn {
					t.Fatalf("%q at %d: %+v %d, trying every pair %+v %d", words[i]+" "+next, j, ge, gn, we, wn)
				}
			}
		}
	}
	if n < 1000 || pairs < 10 {
		t.Fatalf("only %d lookups, %d of two words", n, pairs)
	}
}

// everyPairLookup is lookup trying the two-word form after every word.
func everyPairLookup(l *lexicon, toks []token, i int) (lexEntry, int) {
	t := toks[i]
	if t.punct != 0 {
		return lexEntry{}, 0
	}
	if i+1 < len(toks) && toks[i+1].punct == 0 && toks[i+1].fa == t.fa {
		if t.fa {
			for _, k := range faStems(t.key + toks[i+1].key) {
				if len(k) <= len(t.key) {
					break
				}
				if e, ok := l.fa[k]; ok {
					return e, 2
				}
			}
		} else if e, ok := l.en[t.key+" "+toks[i+1].key]; ok {
			return e, 2
		}
	}
	return l.lookupOne(t)
}
