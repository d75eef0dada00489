package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// senseTexts writes a shop's complaints in which one word has two senses:
// the discount code that checkout rejects and the tracking code of a late
// parcel, each said in its collocation ("discount code", "tracking code";
// "کد تخفیف", "کد رهگیری"), besides late parcels said without the code
// and other complaints, one of them about the app's login code. Each complaint is every combination of one
// part from each slot, so its key words recur across many variants.
func senseTexts(fa bool) []Text {
	forms := [][][]string{
		{{"My order", "The package", "My parcel", "My last order"},
			{" arrived a week late", " was late again", " was delayed by three days", " took 9 days to arrive",
				" came days after the promised date", " is still not here after two weeks"},
			{".", " and nobody told me why.", " and the tracking code never updated.", " even though the site said 2 days."}},
		{{"The discount code", "My coupon code", "The promo code", "My discount code"},
			{" did not work at checkout", " was rejected every time", " never works on sale items", " said it had expired"},
			{".", " and I paid full price.", ", so I left the cart.", " again."}},
		{{"Payment", "The payment gateway", "Checkout"},
			{" failed twice", " kept failing", " gave an error"},
			{".", " and the money was taken from my card.", " and I had to start over."}},
		{{"Prices", "Your prices", "Prices on the site"},
			{" are higher than in other shops", " went up a lot this month", " are too expensive"},
			{".", " for what you get.", ", I can buy it cheaper elsewhere."}},
		{{"The app", "Your app", "The new app"},
			{" is confusing for older people", " is hard to use", " keeps asking for a code when I log in", " logs me out all the time"},
			{".", " and the text is too small.", ", I prefer to call.", " and I gave up."}},
		{{"Support", "Customer support", "Your support team"},
			{" never answers the phone", " was rude and unhelpful", " did not solve my problem", " hung up on me"},
			{".", ", I called three times.", " and nobody called back."}},
		{{"The box", "The packaging", "My gift"},
			{" was damaged", " was torn", " arrived crushed", " was broken"},
			{".", " and the glass inside was broken.", ", poor packaging."}},
	}
	if fa {
		forms = [][][]string{
			{{"سفارشم", "بسته‌ام", "مرسوله‌ام", "سفارش آخرم"},
				{" یک هفته دیر رسید", " باز هم دیر رسید", " سه روز تاخیر داشت", " یک هفته دیرتر از موعد رسید",
					" هنوز نرسیده", " نه روز طول کشید تا برسد"},
				{".", " و کسی هم جواب نداد.", " و کد رهگیری هم به‌روز نمی‌شد.", "، با اینکه نوشته بود دو روزه."}},
			{{"کد تخفیف", "کد تخفیفم", "کد تخفیفی که پیامک کردید", "کد تخفیف اینستاگرام"},
				{" موقع پرداخت کار نکرد", " هر بار رد شد", " روی کالاهای حراج اعمال نشد", " نامعتبر بود"},
				{".", " و مجبور شدم با قیمت کامل بخرم.", "، سبد خرید را ول کردم.", "، باز هم!"}},
			{{"پرداخت", "درگاه پرداخت", "درگاه بانکی"},
				{" دو بار ناموفق بود", " مدام خطا می‌داد", " وصل نشد"},
				{".", " و پول از حسابم کم شد.", " و مجبور شدم از اول سفارش بدهم."}},
			{{"قیمت‌ها", "قیمت‌هاتون", "قیمت کالاها"},
				{" از فروشگاه‌های دیگر گران‌تر است", " این ماه خیلی بالا رفت", " خیلی گران است"},
				{".", " و تخفیف‌ها هم واقعی نیست.", "، جای دیگر ارزان‌تر می‌خرم."}},
			{{"اپلیکیشن", "اپ", "اپلیکیشنتون"},
				{" برای افراد مسن گیج‌کننده است", " خیلی سخته", " موقع ورود مدام کد می‌خواهد", " مدام از حسابم خارجم می‌کند"},
				{".", " و متن‌ها خیلی ریز است.", "، ترجیح می‌دهم تلفنی سفارش بدهم.", " و بی‌خیالش شدم."}},
			{{"پشتیبانی", "پشتیبانی تلفنی", "تیم پشتیبانی"},
				{" هیچ‌وقت تلفن را جواب نمی‌دهد", " بی‌ادب بود و کمکی نکرد", " مشکلم را حل نکرد", " تلفن را قطع کرد"},
				{".", "، سه بار زنگ زدم.", " و کسی هم زنگ نزد."}},
			{{"جعبه", "بسته‌بندی", "هدیه‌ام"},
				{" آسیب دیده بود", " پاره بود", " له شده رسید", " شکسته بود"},
				{".", " و لیوان داخلش هم شکسته بود.", "، بسته‌بندی خیلی ضعیف بود."}},
		}
	}
	var out []Text
	for _, f := range forms {
		for _, a := range f[0] {
			for _, b := range f[1] {
				for _, c := range f[2] {
					out = append(out, Text{ID: fmt.Sprint(len(out) + 1), Text: a + b + c})
				}
			}
		}
	}
	return out
}

// TestWordOfTwoSenses: a text joins a pain point through its collocation's
// sense, not through a word shared with another sense's collocation. The
// tracking-code texts are late parcels; main put "tracking code" (its
// rarer word said only inside it, so no term) with "code" in the discount
// code's pain point and made every tracking-code text a member there.
// A text that says the word in a collocation counts that collocation, also
// where its neighbour is taken by another: "ورود مدام کد" (asks for a code
// at login: "ورود مدام" and "مدام کد") is no member of the discount or
// the tracking code's pain point through a bare "کد" (round 47).
func TestWordOfTwoSenses(t *testing.T) {
	for _, c := range []struct {
		fa                              bool
		discount, tracking, late, login string
	}{
		{false, "discount code", "tracking code", "late", "a code when I log in"},
		{true, "کد تخفیف", "کد رهگیری", "دیر", "ورود مدام کد"},
	} {
		texts := senseTexts(c.fa)
		res := FindPainPoints(texts, PainPointOptions{})
		byID := map[string]string{}
		for _, x := range texts {
			byID[x.ID] = x.Text
		}
		var discount, late *PainPoint
		for i, p := range res.PainPoints {
			if slices.Contains(p.Terms, c.discount) {
				discount = &res.PainPoints[i]
			}
			if slices.Contains(p.Terms, c.late) {
				late = &res.PainPoints[i]
			}
		}
		if discount == nil || late == nil || discount == late {
			t.Fatalf("fa=%v: want the discount code and late parcels apart: %q", c.fa, termsOf(res))
		}
		if slices.Contains(discount.Terms, c.tracking) {
			t.Errorf("fa=%v: %q is a term of the discount code's pain point %q", c.fa, c.tracking, discount.Terms)
		}
		for _, p := range []*PainPoint{discount, late} {
			for _, id := range p.Members {
				if p == discount && strings.Contains(byID[id], c.tracking) {
					t.Errorf("fa=%v: a tracking-code text is a discount-code member: %q", c.fa, byID[id])
				}
				if strings.Contains(byID[id], c.login) {
					t.Errorf("fa=%v: a login-code text is a member of %q: %q", c.fa, p.Terms, byID[id])
				}
			}
		}
		in := 0
		for _, id := range late.Members {
			if strings.Contains(byID[id], c.tracking) {
				in++
			}
		}
		if in != 24 {
			t.Errorf("fa=%v: %d of 24 tracking-code texts in the late parcels' pain point %q", c.fa, in, late.Terms)
		}
	}
}
