package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// longTextSentences are review-like sentences, a few with what sends a
// text to the noise regexp (an @handle, a bracket, "xx" in a size).
var longTextSentences = []string{
	"The dress runs small (I ordered a size 8) and the zipper broke after one wash.",
	"Customer service never answered my emails about the refund.",
	"Shipping took three weeks and the box arrived crushed.",
	"I love the colour but the fabric is thin and see-through.",
	"Asked @shopsupport twice, still no reply about my order.",
	"The xxs fits like a medium, so check the size chart.",
	"Returned it [see photo] because the seams were coming apart.",
	"Great price, terrible quality, would not buy again.",
}

// longText joins sentences into one text of about n bytes, and returns the
// same sentences as the short texts they were.
func longText(n int, seed uint64) (string, []string) {
	r := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	var short []string
	for b.Len() < n {
		s := longTextSentences[r.IntN(len(longTextSentences))]
		b.WriteString(s)
		b.WriteString("  ")
		short = append(short, s)
	}
	return b.String(), short
}

// TestNoiseCostPerByte: a long text is cleaned of noise at no more cost a
// byte than the same sentences sent as short texts (issue #14: one text
// of 1 MB must not take longer than 1 MB of short texts). Go's regexp
// reads texts up to about 500 bytes with its backtracker and longer ones
// with its much slower NFA: a letter that says one @handle or bracket
// anywhere went through the NFA whole, and 1,000 texts of 50 KB spent a
// quarter of their time there.
func TestNoiseCostPerByte(t *testing.T) {
	long, short := longText(60000, 1)
	// The two are timed in turn, best of many, so that a busy machine
	// (CI beside other work) slows both alike.
	var tLong, tShort time.Duration
	for i := range 15 {
		t0 := time.Now()
		cleanNoise(long)
		d := time.Since(t0)
		if i == 0 || d < tLong {
			tLong = d
		}
		t0 = time.Now()
		for _, s := range short {
			cleanNoise(s)
		}
		if d := time.Since(t0); i == 0 || d < tShort {
			tShort = d
		}
	}
	t.Logf("one text of %d bytes: %v; its %d sentences as texts: %v", len(long), tLong, len(short), tShort)
	if tLong > 2*tShort+time.Millisecond {
		t.Errorf("cleaning one text of %d bytes took %v, its sentences as %d texts %v", len(long), tLong, len(short), tShort)
	}
}

// TestNoiseChunksAsWhole: cleaning a long text a piece at a time gives
// what the regexp gives on the whole text, also when noise (brackets of up
// to 40 characters with spaces inside, stage directions, handles, links,
// redactions) stands across where a piece would end.
func TestNoiseChunksAsWhole(t *testing.T) {
	pieces := []string{
		"word", "the", "quality", "is", "bad", "(size 8)", "@handle", "a.b@example.com", "https://x.co/a?b=c",
		"www.Example.com", "WWW.shop.ir", "{disfmarker}", "{ vocal sound with spaces }", "[Laughter]", "[see the photo above please]",
		"<noise>", "< a tag with spaces >", "(inaudible)", "(laughs loudly at this)", "(Coughing a lot here and there)",
		"(laughhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh and more)",
		"XXXX", "xx/xx/2020", "xXx", "***", "**", "(", ")", "[", "]", "{", "}", "<", ">", "\n", "\t", "  ",
		"کیفیت", "ارسال (دیر)", "ſilence", "(ſilence)", "x", "http://", "://", "@", "a@b", "xx",
	}
	r := rand.New(rand.NewPCG(7, 7))
	for n := range 400 {
		var b strings.Builder
		size := 200 + r.IntN(6000)
		for b.Len() < size {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if want, got := noiseRE.ReplaceAllLiteralString(s, " "), cleanNoise(s); mayHaveNoise(s) && got != want {
			t.Fatalf("text %d (%d bytes): pieces give\n%q\nthe whole gives\n%q", n, len(s), got, want)
		}
	}
}

// TestSenseTestCostPerWord: the sense test reads a text's terms in time
// linear in them, so long texts, each saying most of the ~300 selected
// terms, cost it a few counting passes (countTerms over the same texts),
// not a pass per term. It listed a text's terms and each of its words'
// co-terms by searching the list built so far: a text saying all 300
// terms paid 300 x 300 x 300 / 2 comparisons, 5.5-8.4 counting passes on
// these 40 texts of 2,000 words (2.3-2.6 after).
func TestSenseTestCostPerWord(t *testing.T) {
	syl := []string{"ba", "ko", "ri", "tu", "me", "sa", "lo", "ni", "pe", "da", "gu", "fi", "zo", "ra", "ve", "mu"}
	r := rand.New(rand.NewPCG(5, 5))
	var in []Text
	for i := range 40 {
		var b strings.Builder
		for range 2000 {
			k := r.IntN(300)
			b.WriteString(syl[k%16] + syl[k/16%16] + "nt ")
			if r.IntN(6) == 0 {
				b.WriteString("was bad. ")
			}
		}
		in = append(in, Text{ID: itoa(i + 1), Text: b.String()})
	}
	var senses, counting time.Duration
	for i := range 3 {
		docs, _, err := analyseAll(t.Context(), in, nil)
		if err != nil {
			t.Fatal(err)
		}
		t0 := time.Now()
		st := countTerms(docs, conversations(in))
		dc := time.Since(t0)
		ms := minSupport(len(in), 0)
		terms := st.selectTerms(ms)
		t0 = time.Now()
		splitSenses(docs, terms, ms)
		ds := time.Since(t0)
		if i == 0 || ds < senses {
			senses = ds
		}
		if i == 0 || dc < counting {
			counting = dc
		}
	}
	t.Logf("sense test %v, a counting pass %v", senses, counting)
	if senses > 4*counting {
		t.Errorf("the sense test took %v, %.1f counting passes (%v) over the same 40 long texts, want at most 4", senses, float64(senses)/float64(counting), counting)
	}
}
