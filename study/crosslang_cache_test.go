package study

import (
	"fmt"
	"math"
	"math/rand"
	"strconv"
	"testing"
)

// TestSaidCacheReadsAsOnePass: the cache reads each distinct word once,
// and a word's reading never carries its context: the same words in other
// company ("two days", "two apples"; "iPhone" inside Persian and inside
// English) and texts met in any order give each text the anchors reading
// it alone gives.
func TestSaidCacheReadsAsOnePass(t *testing.T) {
	p := ParallelWords{}
	p.add("en", "Mobile app", "$0")
	p.add("fa", "اپلیکیشن موبایل", "$0")
	p.add("en", "Discount codes", "$1")
	p.add("fa", "کد تخفیف", "$1")
	known := map[string]bool{"@iphone": true}
	texts := []struct{ text, lang string }{
		{"It took two days, and two apples were crushed", "en"},
		{"two apples, then two days of waiting in the app", "en"},
		{"The iPhone app crashes at checkout", "en"},
		{"The Android app crashes", "en"},
		{"صفحه پرداخت در iPhone باز نمی‌شود", "fa"},
		{"سفارشم يك هفته ديرتر رسيد و کد تخفیف قبول نشد", "fa"},
		{"کد تخفیفم دو روز بعد منقضی شد", "fa"},
		{"نه، راضی نیستم", "fa"},
		{"The item was out of stock, stock was out", "en"},
		{"اتاق‌ها ناموجودند و بلیت هم موجود نبود", "fa"},
		{"order 123456 arrived 9 days late; order 654321 never", "en"},
	}
	c := newSaidCache(known, p)
	for round := range 3 {
		for k := range texts {
			i := k
			if round == 1 {
				i = len(texts) - 1 - k // the other order
			}
			tc := texts[i]
			want := saidIn(tc.text, tc.lang, known, p)
			if got := c.of(tc.text, tc.lang); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("round %d, %q: %v, want %v", round, tc.text, got, want)
			}
			c.anchors = map[langText][]string{} // read the words again, from the word cache
		}
	}
	if n := len(c.readers["en"].words); n == 0 || n > 60 {
		t.Errorf("%d English words kept; want each distinct word once", n)
	}
}

// TestSaidSharesCosine: the evidence vectors compared in parts give the
// cosine of the vectors written out in full (every anchor of both
// languages' complaints), whatever anchors the two say.
func TestSaidSharesCosine(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for trial := range 50 {
		base := map[string]*counts{"en": {}, "fa": {}}
		own := map[string]*counts{"en": {}, "fa": {}}
		for lang, b := range base {
			for range 200 {
				var said []string
				for range r.Intn(4) {
					said = append(said, "#"+strconv.Itoa(r.Intn(40)))
				}
				b.add(said)
				if r.Intn(3) == 0 {
					own[lang].add(said)
				}
			}
		}
		bases := newBaseShares(base)
		a, b := newSaidShares(own["en"], bases["en"]), newSaidShares(own["fa"], bases["fa"])
		want := fullCosine(fullDiff(own["en"], base["en"]), fullDiff(own["fa"], base["fa"]))
		if got := a.cosine(b); math.Abs(got-want) > 1e-12 {
			t.Fatalf("trial %d: cosine %v, written out %v", trial, got, want)
		}
		if got := a.cosine(b); got != b.cosine(a) && math.Abs(got-b.cosine(a)) > 1e-12 {
			t.Fatalf("trial %d: not symmetric: %v, %v", trial, got, b.cosine(a))
		}
		if got := a.cosine(a); math.Abs(got-1) > 1e-12 {
			t.Fatalf("trial %d: own cosine %v", trial, got)
		}
	}
	if got := newSaidShares(&counts{}, nil).cosine(nil); got != 0 {
		t.Errorf("no evidence: cosine %v, want 0", got)
	}
}

// fullDiff is, for every anchor of the baseline, its share among c's
// texts minus among the baseline's.
func fullDiff(c, base *counts) map[string]float64 {
	out := map[string]float64{}
	for f, k := range base.features {
		out[f] = float64(c.features[f])/float64(c.persons) - float64(k)/float64(base.persons)
	}
	return out
}

// fullCosine is the cosine of two vectors named by their components
// (one missing from a vector is zero there).
func fullCosine(a, b map[string]float64) float64 {
	var x, y []float64
	for k, v := range a {
		x, y = append(x, v), append(y, b[k])
	}
	for k, v := range b {
		if _, ok := a[k]; !ok {
			x, y = append(x, 0), append(y, v)
		}
	}
	return cosine(x, y)
}
