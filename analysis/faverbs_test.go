package analysis

import (
	"strings"
	"testing"
)

// TestFaVerbForms: Persian verbs are told from nouns and adjectives by
// their morphology, so that no verb becomes a term or a label word.
func TestFaVerbForms(t *testing.T) {
	cases := []struct {
		word string
		verb bool
		neg  bool
	}{
		{"بدهم", true, false},     // subjunctive: ب + ده + م
		{"بخرید", true, false},    // imperative plural
		{"برسد", true, false},     // ب + رس + د
		{"بشه", true, false},      // colloquial: ب + ش + ه
		{"بگم", true, false},      // colloquial گو → گ
		{"بیاد", true, false},     // ب + یا + د
		{"نخریدم", true, true},    // negated past
		{"نشه", true, true},       // negated colloquial
		{"نگرفت", true, true},     // negated bare past stem
		{"نیومد", true, true},     // colloquial آمد
		{"رسیدم", true, false},    // past stem + ending
		{"گذاشتید", true, false},  // past stem + ending
		{"کردند", true, false},    //
		{"ندارم", true, true},     //
		{"دارند", true, false},    // unprefixed دار
		{"خواهد", true, false},    // unprefixed خواه
		{"برند", false, false},    // a brand, not ب + ر + ند
		{"بدن", false, false},     // the body
		{"نرم", false, false},     // soft
		{"بافت", false, false},    // texture
		{"برنج", false, false},    // rice
		{"بسته", false, false},    // a parcel (a participle used as a noun)
		{"شکسته", false, false},   // broken: the participle is the problem word
		{"خرید", false, false},    // a purchase (the bare past stem)
		{"شدید", false, false},    // severe
		{"نمونه", false, false},   // a sample
		{"ارسال", false, false},   //
		{"کیفیت", false, false},   //
		{"نامطبوع", false, false}, //
		{"بستنی", false, false},   // ice cream
		{"بیمزه", false, false},   //
		{"نسبت", false, false},    //
		{"بدون", false, false},    // without (a negator, not a verb)
		{"پرداخت", false, false},  // a payment
		{"نگهداری", false, false}, // storage
		{"بزرگ", false, false},    //
		{"خوردن", true, false},    // the infinitive: a verb
		{"بدترین", false, false},  //
		{"نشان", false, false},    // a sign
		{"دیر", false, false},     //
		{"برگشت", false, false},   // a return
		{"بیان", false, false},    // expression
		{"طعم", false, false},     //
		{"بخشی", false, false},    // a part
	}
	for _, c := range cases {
		t.Run(c.word, func(t *testing.T) {
			verb, neg := faVerbForm(faKey(c.word))
			if verb != c.verb || neg != c.neg {
				t.Errorf("faVerbForm(%q) = %v, %v; want %v, %v", c.word, verb, neg, c.verb, c.neg)
			}
		})
	}
}

// TestPersianLabelsHaveNoVerbs: a group whose members say "ترجیح میدم",
// "بدهم", "نخریدم" is labelled by its nouns and complaint words, never by a
// verb form.
func TestPersianLabelsHaveNoVerbs(t *testing.T) {
	var in []Text
	add := func(n int, s string) {
		for i := 0; i < n; i++ {
			in = append(in, Text{ID: itoa(len(in) + 1), Text: s})
		}
	}
	add(8, "ترجیح میدهم پول بیشتری بدهم ولی اپ سخت نباشد")
	add(6, "اپ سخت است و نتوانستم سفارش بدهم")
	add(7, "ارسال خیلی دیر بود و بسته دیر رسید، دیگر نخریدم")
	add(5, "ارسال دیر انجام شد و گفتند فردا برسد")
	add(6, "قیمت گران است، بخرید پشیمان میشوید")
	res := FindPainPoints(in, PainPointOptions{})
	if len(res.PainPoints) == 0 {
		t.Fatal("no pain points")
	}
	for _, p := range res.PainPoints {
		for _, w := range strings.FieldsFunc(p.Label, func(r rune) bool { return r == ' ' || r == '،' || r == '\u200c' }) {
			if labelVerb(w) {
				t.Errorf("label %q holds the verb %q", p.Label, w)
			}
		}
		for _, term := range p.Terms {
			for _, w := range strings.Fields(term) {
				if labelVerb(w) {
					t.Errorf("pain point %q: term %q holds the verb %q", p.Label, term, w)
				}
			}
		}
	}
}

// labelVerb: w is a verb form that is not a cue word ("بده", bad).
func labelVerb(w string) bool {
	k := faKey(w)
	return isPersianWord(w) && getLexicon().fa[k].kinds == 0 && isFaVerbForm(k)
}
