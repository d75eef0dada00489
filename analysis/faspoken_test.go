package analysis

import (
	"context"
	"strings"
	"testing"
)

// spokenKeys analyses texts as FindPainPoints does and returns each model
// word's key by its spelling.
func spokenKeys(t *testing.T, texts ...string) map[string]string {
	t.Helper()
	in := make([]Text, len(texts))
	for i, s := range texts {
		in[i] = Text{ID: itoa(i + 1), Text: s}
	}
	docs, _, err := analyseAll(context.Background(), in, nil)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]string{}
	for _, d := range docs {
		for _, w := range d.decode(nil) {
			keys[w.surf] = w.key
		}
	}
	return keys
}

// TestReadSpoken: a spoken "ون" is read as the written "ان" when the
// written word is in the corpus (in two texts); words whose "ون" is
// written have no such twin and stay; the spelling itself is kept.
func TestReadSpoken(t *testing.T) {
	keys := spokenKeys(t,
		"قیمت خیلی گرون بود",
		"قیمتش گرونه",
		"قیمت گران است",
		"برای این حجم گران بود",
		"دونه‌هاش ریز بود",
		"دانه‌ها ریز و خرد بود",
		"دانه درشت نبود",
		"نون بیات بود و از خونه بیرون گذاشتم",
		"نان خشک بود، قانون مرجوعی هم ندارند",
		"نان سفت بود",
		"صابون و زیتون و بیرون",
		"درون بسته خالی بود",
		"دران شکسته بود",
	)
	for surf, want := range map[string]string{
		"گرون": "گران", "گران": "گران", "دونه‌هاش": "دانه", "دانه‌ها": "دانه", "نون": "نان",
		// the written form is attested once only, or not at all
		"خونه": "خونه", "بیرون": "بیرون", "قانون": "قانون", "صابون": "صابون", "زیتون": "زیتون", "درون": "درون",
		// a spoken copula is not read: "گرانه" is not in the corpus
		"گرونه": "گرونه",
	} {
		if got, ok := keys[surf]; !ok {
			t.Errorf("%q is not a word of the model", surf)
		} else if got != want {
			t.Errorf("%q is read as %q, want %q", surf, got, want)
		}
	}
}

// TestReadSpokenEnglishUntouched: English words keep the keys they have
// text by text.
func TestReadSpokenEnglishUntouched(t *testing.T) {
	texts := []string{"The onion soup was cold", "anion exchange broken, the won was lost", "wan light, onion again"}
	keys := spokenKeys(t, texts...)
	for _, s := range texts {
		d := analyseText(s, nil)
		for _, w := range d.decode(nil) {
			if keys[w.surf] != w.key || w.spoken {
				t.Errorf("%q: key %q, alone %q", w.surf, keys[w.surf], w.key)
			}
		}
	}
}

// TestSpokenBigramKey: a pair joins its spoken word as written, so "قیمت
// گرون" and "قیمت گران" are one collocation; compounds still join.
func TestSpokenBigramKey(t *testing.T) {
	price := tword{key: "قیمت", surf: "قیمت"}
	spoken := tword{key: "گران", surf: "گرون", spoken: true}
	written := tword{key: "گران", surf: "گران"}
	if a, b := bigramKey(price, spoken), bigramKey(price, written); a != b {
		t.Errorf("bigram keys differ: %q, %q", a, b)
	}
	if k := bigramKey(tword{key: "بسته", surf: "بسته"}, tword{key: "بند", surf: "بندی"}); k != faStem("بستهبندی") {
		t.Errorf("compound key %q", k)
	}
}

// TestSpokenPainPoint: the price complaints written "گرون" and "گران" are
// one pain point holding all of them; its label is spelled as most members
// write it, and the quotes as the members wrote them.
func TestSpokenPainPoint(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(7, "قیمتش خیلی گرون بود")
	add(5, "قیمت این عسل گران بود")
	add(6, "ارسال خیلی دیر بود")
	add(5, "بسته بندی پاره بود")
	res := FindPainPoints(in, PainPointOptions{})
	var price *PainPoint
	for i, p := range res.PainPoints {
		if strings.Contains(p.Label, "گرون") || strings.Contains(p.Label, "گران") {
			if price != nil {
				t.Fatalf("two price pain points: %+v and %+v", *price, p)
			}
			price = &res.PainPoints[i]
		}
	}
	if price == nil {
		t.Fatalf("no price pain point in %+v", res.PainPoints)
	}
	if price.Texts != 12 {
		t.Errorf("price pain point %q holds %d texts, want 12", price.Label, price.Texts)
	}
	if !strings.Contains(price.Label, "گرون") {
		t.Errorf("label %q: most members write گرون", price.Label)
	}
	for _, q := range price.Examples {
		if q != "قیمتش خیلی گرون بود" && q != "قیمت این عسل گران بود" {
			t.Errorf("quote %q is not a member's text as written", q)
		}
	}
}
