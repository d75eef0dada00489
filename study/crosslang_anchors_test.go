package study

import (
	"fmt"
	"testing"
)

// TestTextAnchors: numbers in any digits or counted in words before a time
// unit, time units in their forms, Latin-script words inside Persian and
// the state a complaint says something is in read the same in both
// languages; an English text's words count only when a Persian text uses
// them in Latin script.
func TestTextAnchors(t *testing.T) {
	known := map[string]bool{"@iphone": true}
	tests := []struct{ text, want string }{
		{"It took 9 days to arrive even though the site said 2 days.", "[#9 ~day #2 ~day]"},
		{"با اینکه نوشته بود دو روزه، نه روز طول کشید تا برسد.", "[#2 ~day #9 ~day]"},
		{"My order arrived a week late.", "[#1 ~week !late]"},
		{"سفارشم یک هفته دیر رسید و ۳ بار زنگ زدم", "[#1 ~week !late #3]"},
		{"کالای مورد نظرم هفته‌ها ناموجود بود.", "[~week !unavailable]"},
		{"سفارشم يك هفته ديرتر رسيد", "[#1 ~week !late]"}, // older keyboards' Arabic letters
		{"نه، راضی نیستم", "[]"},                          // "نه" is "no" here, not nine
		{"صفحه پرداخت در iPhone باز نمی‌شود", "[@iphone]"},
		{"The iPhone app crashes at checkout", "[@iphone !frozen]"},
		// Complaint states, in either language and their forms.
		{"The screen arrived cracked and the box was torn.", "[!broken !broken]"},
		{"صفحه‌اش شکسته رسید و جعبه پاره بود", "[!broken !broken]"},
		{"They cancelled my flight", "[!cancelled]"},
		{"پروازم را کنسل کردند", "[!cancelled]"},
		{"قیمت‌ها گران‌تر شده و کارمندها بی‌ادب بودند", "[!expensive !rude]"},
		{"The staff were rude and the fees overpriced", "[!rude !expensive]"},
		{"The lunch break was long", "[]"}, // a break is not broken
		{"Tickets were sold out, the app said not available", "[!unavailable !unavailable]"},
		{"The item was out of stock", "[!unavailable]"},
		{"اتاق‌ها ناموجودند و بلیت هم موجود نبود", "[!unavailable !unavailable]"},
		{"The stock price fell", "[]"},
		{"کار نمی کند", "[]"}, // "کند" here is "does", not slow
	}
	for _, tc := range tests {
		var got []string
		textAnchors(tc.text, known, nil, func(a string) { got = append(got, a) })
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%q: %v, want %s", tc.text, got, tc.want)
		}
	}
}

// TestParallelWordsSaid: a text says a pair of the survey's texts when it
// uses one of the pair's words in its own language, with an ending added
// or dropped when the shorter word has four letters or more; a shorter
// word begins too many others ("car" in "card", so "apps" does not say
// "app" either), and a word of the other language's side says nothing.
func TestParallelWordsSaid(t *testing.T) {
	p := ParallelWords{}
	p.add("en", "Mobile app", "$0")
	p.add("fa", "اپلیکیشن موبایل", "$0")
	p.add("en", "Car park", "$1")
	p.add("fa", "پارکینگ", "$1")
	p.add("en", "Direct messages", "$2")
	p.add("fa", "وب‌سایت", "$3")
	p.add("en", "Discount codes", "$4")
	p.add("fa", "چه چیزی برایتان مهم است؟", "$5")
	tests := []struct{ text, lang, want string }{
		{"The app keeps crashing", "en", "[$0 !frozen]"},
		{"اپلیکیشنتون خیلی سخته", "fa", "[$0 !difficult]"}, // "your app"
		{"I sent a message", "en", "[$2]"},                 // "messag", the key the text analysis reads
		{"وبسایت کند است", "fa", "[$3]"},                   // with or without the zero-width non-joiner
		{"The code failed", "en", "[$4 !failed]"},          // begins "codes"
		{"My card was charged twice", "en", "[]"},
		{"There was no car to take", "en", "[$1]"},
		{"the app", "fa", "[]"},
		{"برای من خوب نیست", "fa", "[]"}, // "for" begins "for you"; a stop word says nothing
	}
	for _, tc := range tests {
		if got := saidIn(tc.text, tc.lang, nil, p); fmt.Sprint(got) != tc.want {
			t.Errorf("%q (%s): %v, want %s", tc.text, tc.lang, got, tc.want)
		}
	}
}

// TestParallelWordsReadAsTheAnalysisReads: a pair's word says the pair only
// when the text analysis reads it as a word of a topic. Each language's
// stop list drops its own everyday words ("product", "wanted" in English;
// "کالا" in Persian), so a stop word in another form ("کالای", the item
// of), a conjugated verb ("می‌خواستم", I wanted) or a negator ("no") on
// one side made the customers of one language say a pair that the same
// sentence in the other never says: "کالای مورد نظرم ناموجود بود" said
// "Finding the product you wanted", "The item I wanted was out of stock"
// did not.
func TestParallelWordsReadAsTheAnalysisReads(t *testing.T) {
	p := ParallelWords{}
	p.add("en", "Finding the product you wanted", "$0")
	p.add("fa", "پیدا کردن کالای مورد نظر", "$0")
	p.add("en", "No", "$1")
	p.add("fa", "خیر", "$1")
	p.add("en", "Bazaarche made it easy for me to get what I needed", "$2")
	p.add("fa", "بازارچه کار مرا برای رسیدن به آنچه می‌خواستم آسان کرد", "$2")
	tests := []struct{ text, lang, want string }{
		{"کالای مورد نظرم هفته‌ها ناموجود بود.", "fa", "[~week !unavailable]"},
		{"The item I wanted was out of stock for weeks.", "en", "[!unavailable ~week]"},
		{"سایزی که می‌خواستم ناموجود بود", "fa", "[!unavailable]"},
		{"The size I needed is never in stock and there is no restock date.", "en", "[]"},
		// The pairs' topic words still say them.
		{"هیچ چیزی پیدا نمی‌کنم", "fa", "[$0]"},
		{"I could not find the kettle", "en", "[$0]"},
		{"خرید از بازارچه آسان نیست", "fa", "[$2]"},
	}
	for _, tc := range tests {
		if got := saidIn(tc.text, tc.lang, nil, p); fmt.Sprint(got) != tc.want {
			t.Errorf("%q (%s): %v, want %s", tc.text, tc.lang, got, tc.want)
		}
	}
}
