package analysis

import (
	"strings"
	"unicode/utf8"
)

// Persian verb forms are recognised by generic morphology, not a list of
// forms: a verb is a prefix (می/نمی, the subjunctive ب, the negation ن)
// on a known stem, with a personal ending, or a past stem with a personal
// ending on its own ("رسیدم", "گرفتند"). Verbs carry the action, not the
// topic: they never become a term or a label word ("بدهم", "نخریدم"), while
// the participles customers use as adjectives ("شکسته", "بسته") stay.
//
// The stems are the common verbs of everyday Persian (written for Safar;
// generic language knowledge, not a domain): past#present, with the
// colloquial present stems customers write ("میدم", "بگم", "بشه").

// faPastStems and faPresentStems are the common verbs' stems, as
// written formally and colloquially ("اومد", "تونست"; "د" for ده, "ش" for
// شو, "ر" for رو, "گ" for گو: "میدم", "بشه", "بره", "بگم"). Left out on
// purpose: present stems that make a common noun with ب ("افت": بافت,
// texture; "رنج": برنج, rice).
var (
	faPastStems = setOf(`آمد اومد یومد یامد آورد اورد یاورد افتاد ارزید بود برد بست پخت پرداخت پرسید
پسندید پوشید توانست تونست ترسید خرید خواست خواند خورد خوابید داد داشت دانست دونست دید رسید
رساند رسوند رفت ریخت زد ساخت سوخت شد شکست شناخت شنید فرستاد فروخت فهمید کرد کشید گذاشت گذشت
گرفت گشت گفت ماند موند نوشت نشست یافت بخشید پذیرفت چشید گذراند دوخت پاشید چید برید`)
	faPresentStems = setOf(`یا آی یار آور ارز باش بر بند پز پرداز پرس پسند پوش توان تون ترس چسب چش خر
خواه خوا خوان خور خواب ده د دار دان دون بین رس رسان رسون رو ر ریز زن ساز سوز شو ش شکن شناس شنو
فرست فروش فهم کن کش گذار گذر گیر گرد گو گوی گ مان مون نویس نشین یاب بخش پذیر گذران دوز پاش چین`)
)

// faNotVerbs look like verb forms and are common nouns or adjectives.
var faNotVerbs = setOf("شدید بیان بدن بدهی نمونه بدین بدون نگه")

// faPersonal are the personal endings, formal and colloquial (ه for the
// third person singular, ن and ین for the plural), longest first.
var faPersonal = []string{"یم", "ید", "ند", "ین", "م", "ی", "د", "ن", "ه"}

// faUnprefixedPresent are the present stems used without می ("دارم",
// "خواهد", "باشه").
var faUnprefixedPresent = setOf("دار خواه باش")

// isFaVerbForm reports whether key (a Persian word without ZWNJ) is a
// conjugated verb by its morphology.
func isFaVerbForm(key string) bool {
	verb, _ := faVerbForm(key)
	return verb
}

// faVerbForm says whether key is a conjugated verb and whether the
// negation ن is its prefix ("نخریدم", "نشه").
func faVerbForm(key string) (verb, negated bool) {
	if utf8.RuneCountInString(key) < 3 || faNotVerbs[key] {
		return false, false
	}
	// ب or ن on a present stem: the subjunctive, the imperative and their
	// negation ("بدهم", "بخرید", "نگو", "بشه"); ن on a past stem: the
	// negated past ("نخریدم", "نداشت").
	for _, prefix := range []string{"ب", "ن"} {
		rest, ok := strings.CutPrefix(key, prefix)
		if !ok {
			continue
		}
		if presentWithEnding(rest, prefix == "ن") || prefix == "ن" && pastWithEnding(rest, true) {
			return true, prefix == "ن"
		}
	}
	// A past stem with a personal ending ("رسیدم", "گرفتند", "کردن"); the
	// bare past stem ("خرید", purchase) and the participle ("شکسته")
	// double as nouns and adjectives and stay.
	if pastWithEnding(key, false) {
		return true, false
	}
	for s := range faUnprefixedPresent {
		if rest, ok := strings.CutPrefix(key, s); ok && isPersonal(rest) && rest != "" {
			return true, false
		}
	}
	return false, false
}

// presentWithEnding: rest is a present stem with an optional personal
// ending. A one-letter colloquial stem ("د", "ش", "ر", "گ") needs an ending,
// and after the negation only ه ("نشه", "نده"): "نرم" is soft, not "I
// don't go".
func presentWithEnding(rest string, negated bool) bool {
	for i := range rest {
		if i == 0 {
			continue
		}
		if presentWith(rest[:i], rest[i:], negated) {
			return true
		}
	}
	return presentWith(rest, "", negated)
}

func presentWith(stem, tail string, negated bool) bool {
	if !faPresentStems[stem] || !isPersonal(tail) {
		return false
	}
	if utf8.RuneCountInString(stem) == 1 {
		// "بدن" is the body, "برند" a brand, "نرم" soft: a one-letter stem
		// needs one of the endings that cannot be read so, and after the
		// negation ه.
		return (tail == "م" || tail == "ی" || tail == "ه" || tail == "یم" || tail == "ید") && (!negated || tail == "ه")
	}
	return true
}

// pastWithEnding: rest is a past stem with a personal ending (bare when
// bare is allowed). The ending ی is left out: "خریدی" is as often "a
// purchase" as "you bought".
func pastWithEnding(rest string, bare bool) bool {
	for i := range rest {
		if i == 0 || !faPastStems[rest[:i]] {
			continue
		}
		if tail := rest[i:]; tail != "ی" && tail != "ه" && isPersonal(tail) {
			return true
		}
	}
	return bare && faPastStems[rest]
}

func isPersonal(s string) bool {
	if s == "" {
		return true
	}
	for _, e := range faPersonal {
		if s == e {
			return true
		}
	}
	return false
}
