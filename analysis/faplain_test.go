package analysis

import (
	"strings"
	"testing"
)

// TestPlainWord: a label's Persian word is shown without the customer's
// personal ending: after a ZWNJ always (the writer marked it), written on
// only when the corpus uses the word without it in two texts and it has
// four letters; words that only end like a possessive, verb forms and
// words whose bare form the corpus does not use stay as written.
func TestPlainWord(t *testing.T) {
	var docs []*tdoc
	for _, s := range []string{
		"سفارش دیر رسید و سفارش‌ها را لغو کردم",
		"سفارشی که دادم نرسید",
		"دایرکت را کسی جواب نمی‌دهد",
		"در دایرکت پیام دادم",
		"اپلیکیشن کند است",
		"این اپلیکیشن مدام خطا می‌دهد",
		"تخفیف اعمال نشد",
		"کد تخفیف قبول نشد",
		"پرداخت ناموفق بود",
		"پرداخت انجام نشد",
		"حسابم خالی شد",
		"کتاب پاره بود",
		// the bare words of words that only look possessive
		"مرد پشت تلفن بی‌ادب بود", "یک مرد جواب داد",
		"خان و خانواده", "خان آمد",
		"سال پیش بهتر بود", "سال گذشته هم",
		"کار نکرد", "کار نمی‌کند",
		"کیف پاره بود", "کیف خراب بود",
		"کنی یا نکنی", "کنی بهتر است",
		"برا چی", "برا همه",
	} {
		d := analyseText(s, nil)
		docs = append(docs, &d)
	}
	pl := newPlainWords(docs)
	for spelled, want := range map[string]string{
		// written on, the bare word in two texts
		"سفارشم": "سفارش", "دایرکتم": "دایرکت", "اپلیکیشنتون": "اپلیکیشن", "تخفیفم": "تخفیف",
		"سفارشمون": "سفارش", "اپلیکیشنشان": "اپلیکیشن",
		// after a ZWNJ, with or without the bare word in the corpus
		"بسته‌ام": "بسته", "مرسوله‌ام": "مرسوله", "هدیه‌ام": "هدیه", "نوه‌ام": "نوه",
		"سفارش‌هاتون": "سفارش‌ها", "پیام‌هایم": "پیام‌ها", "بسته‌اش": "بسته", "خانه‌شان": "خانه",
		// the bare word is in one text, or none
		"حسابم": "حسابم", "کتابم": "کتابم", "مشکلم": "مشکلم",
		// ت and ش written on are not read; plurals and ezafe are no ending
		"کیفیت": "کیفیت", "کارت": "کارت", "کیفش": "کیفش", "بسته‌ها": "بسته‌ها", "بسته‌ای": "بسته‌ای",
		// words of their own on a short stem the corpus uses (round 13)
		"مردم": "مردم", "خانم": "خانم", "سالم": "سالم", "کارتون": "کارتون", "برام": "برام", "کنیم": "کنیم",
		"اسم": "اسم", "گرم": "گرم", "نرم": "نرم",
		// verb forms
		"پرداختم": "پرداختم", "خریدم": "خریدم", "می‌خواهم": "می‌خواهم",
		// not Persian
		"my": "my", "order": "order", "12": "12",
	} {
		if got := pl.word(spelled); got != want {
			t.Errorf("%q is shown %q, want %q", spelled, got, want)
		}
	}
	if got, want := pl.phrase("بسته‌ام باز هم دیر"), "بسته باز هم دیر"; got != want {
		t.Errorf("phrase shown %q, want %q", got, want)
	}
	if got := pl.phrase("my order was late"); got != "my order was late" {
		t.Errorf("an English phrase is shown %q", got)
	}
}

// TestLabelShowsPlainWords: the customers' "سفارشم" (my order) and
// "بسته‌ام" (my package) are shown "سفارش" and "بسته", as a consultant
// would write them; the keys, the terms and the quotes are as written,
// and a researcher's rename, stored by the key, still wins.
func TestLabelShowsPlainWords(t *testing.T) {
	in := repeated(
		6, "سفارشم خیلی دیر رسید",
		4, "سفارشم دیر رسید و بسته‌ام باز شده بود",
		3, "بسته‌ام خیلی دیر رسید",
		2, "سفارش من را لغو کردند",
		2, "سفارش دوم هم نیامد",
		8, "قیمت‌ها خیلی گران است",
	)
	written := map[string]bool{}
	for _, x := range in {
		written[x.Text] = true
	}
	res := FindPainPoints(in, PainPointOptions{MinPeople: 2})
	labels := map[string]string{}
	for _, pp := range res.PainPoints {
		labels[pp.Key] = pp.Label
		for _, q := range pp.Examples {
			if !written[q] {
				t.Errorf("quote %q: want a text as written", q)
			}
		}
		if strings.Contains(pp.Label, "سفارشم") || strings.Contains(pp.Label, "بسته‌ام") {
			t.Errorf("label %q (terms %q): want سفارش and بسته", pp.Label, pp.Terms)
		}
	}
	// The model is as before: "سفارشم" is a term, "بسته‌ام" a key.
	if got, want := labels["دیر"], "سفارش دیر"; got != want {
		t.Errorf("late pain point labelled %q, want %q (all: %q)", got, want, labels)
	}
	if got, want := labels["بستهام"], "بسته خیلی دیر"; got != want {
		t.Errorf("package pain point labelled %q, want %q (all: %q)", got, want, labels)
	}
	renamed := FindPainPoints(in, PainPointOptions{MinPeople: 2, Rename: map[string]string{"بستهام": "تاخیر ارسال"}})
	for _, pp := range renamed.PainPoints {
		if pp.Key == "بستهام" && pp.Label != "تاخیر ارسال" {
			t.Errorf("renamed pain point labelled %q", pp.Label)
		}
	}
}
