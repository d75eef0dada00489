package demo

// A topic is a recurring complaint as customers vary it, in each language:
// a few ways (forms) of putting it, each composed of one part from every
// slot in turn, so the problem's key words recur across many variants the
// way they do in real feedback.
type topic struct {
	en, fa []form
}

// A form is one way of putting a complaint: a sentence is one part of each
// slot, concatenated (parts carry their own spacing and punctuation).
type form [][]string

// sentences is the number of distinct sentences the forms make.
func sentences(fs []form) int {
	n := 0
	for _, f := range fs {
		n += f.sentences()
	}
	return n
}

func (f form) sentences() int {
	n := 1
	for _, slot := range f {
		n *= len(slot)
	}
	return n
}

// sentence is the i-th sentence of the forms (0 <= i < sentences(fs)):
// one random number picks a whole sentence, uniformly over the variants.
func sentence(fs []form, i int) string {
	for _, f := range fs {
		n := f.sentences()
		if i >= n {
			i -= n
			continue
		}
		s := ""
		for _, slot := range f {
			n /= len(slot)
			s += slot[i/n]
			i %= n
		}
		return s
	}
	panic("demo: sentence index out of range")
}

var topics = map[string]topic{
	"late_delivery": {
		en: []form{
			{{"My order", "The package", "My parcel", "The delivery", "My last order"},
				{" arrived a week late", " was late again", " was delayed by three days", " took 9 days to arrive",
					" came days after the promised date", " is still not here after two weeks"},
				{".", " and nobody told me why.", " and the tracking never updated.", " even though the site said 2 days."}},
			{{"Late delivery", "Slow delivery", "Delayed delivery"}, {", again!!", " every single time.", ", as usual."}},
		},
		fa: []form{
			{{"سفارشم", "بسته‌ام", "مرسوله‌ام", "سفارش آخرم"},
				{" یک هفته دیر رسید", " باز هم دیر رسید", " سه روز تاخیر داشت", " یک هفته دیرتر از موعد رسید",
					" هنوز نرسیده", " یه هفته دیر اومد", " نه روز طول کشید تا برسد"},
				{".", " و کسی هم جواب نداد.", " و کد رهگیری هم به‌روز نمی‌شد.", "، با اینکه نوشته بود دو روزه."}},
			{{"تاخیر در ارسال", "ارسال با تاخیر", "دیر رسیدن سفارش"}, {"، باز هم!", "، مثل همیشه.", "."}},
		},
	},
	"discount_code": {
		en: []form{
			{{"The discount code", "My coupon code", "The promo code", "My discount code"},
				{" did not work at checkout", " was rejected every time", " never works on sale items",
					" from your Instagram post was invalid", " said it had expired"},
				{".", " and I paid full price.", ", so I left the cart.", " again."}},
		},
		fa: []form{
			{{"کد تخفیف", "کد تخفیفم", "کد تخفیفی که پیامک کردید", "کد تخفیف اینستاگرام"},
				{" موقع پرداخت کار نکرد", " هر بار رد شد", " روی کالاهای حراج اعمال نشد", " نامعتبر بود", " قبول نشد"},
				{".", " و مجبور شدم با قیمت کامل بخرم.", "، سبد خرید را ول کردم.", "، باز هم!"}},
		},
	},
	"price": {
		en: []form{
			{{"Prices", "Your prices", "The prices here", "Prices on the site"},
				{" are higher than in other shops", " went up a lot this month", " are too expensive", " keep going up"},
				{".", " and the discounts are fake.", " for what you get.", ", I can buy it cheaper elsewhere."}},
			{{"The shipping cost", "Shipping cost", "The shipping cost on small orders"},
				{" is too expensive", " is higher than the product", " went up again"},
				{".", ", so I order less often."}},
		},
		fa: []form{
			{{"قیمت‌ها", "قیمت‌هاتون", "قیمت کالاها"},
				{" از فروشگاه‌های دیگر گران‌تر است", " این ماه خیلی بالا رفت", " خیلی گران است", " هر هفته گران‌تر می‌شود", " خیلی گرونه"},
				{".", " و تخفیف‌ها هم واقعی نیست.", "، جای دیگر ارزان‌تر می‌خرم."}},
			{{"هزینهٔ ارسال", "هزینه ارسال", "هزینهٔ پست"},
				{" برای سفارش‌های کوچک خیلی گران است", " از خود کالا بیشتر شد", " خیلی زیاد است"},
				{".", "، برای همین کمتر سفارش می‌دهم."}},
		},
	},
	"instagram_dm": {
		en: []form{
			{{"Nobody answers", "You never answer", "No one replies to", "Nobody reads"},
				{" my Instagram DMs", " direct messages on Instagram", " my DM on Instagram"},
				{".", " anymore.", ", I only wanted a price.", " about prices."}},
		},
		fa: []form{
			{{"دایرکت اینستاگرام", "پیام‌هایم در دایرکت", "دایرکتم"},
				{" را کسی جواب نمی‌دهد", " را هیچ‌وقت جواب نمی‌دهید", " را خیلی دیر جواب می‌دهید", " را جواب نمی‌دن"},
				{".", "، دو روز منتظر قیمت ماندم.", " و تا چند روز خبری نیست.", "، فقط قیمت می‌خواستم."}},
		},
	},
	"website_search": {
		en: []form{
			{{"The website", "The site", "Your website", "The site on my phone"},
				{" is slow", " keeps freezing", " is so slow on mobile data", " takes forever to load"},
				{".", " and search never finds what I type.", ", and search results are useless.", " and I could not find the product."}},
			{{"Search", "The search"},
				{" never finds what I type", " shows the wrong products", " does not find a product even by its name"},
				{".", ", it is useless."}},
		},
		fa: []form{
			{{"سایت", "سایتتون", "سایت روی گوشی"},
				{" کند است", " مدام هنگ می‌کند", " با اینترنت موبایل خیلی کند است", " خیلی کنده"},
				{".", " و جست‌وجو چیزی پیدا نمی‌کند.", "، نتایج جست‌وجو به درد نمی‌خورد.", " و کالا را پیدا نکردم."}},
			{{"جست‌وجو", "جست‌وجوی سایت", "جستجو"},
				{" چیزی پیدا نمی‌کند", " کالای اشتباه نشان می‌دهد", " حتی با اسم کالا پیدا نمی‌کند"},
				{".", "، به درد نمی‌خورد."}},
		},
	},
	"payment": {
		en: []form{
			{{"Payment", "The payment", "My payment", "The payment gateway", "Checkout"},
				{" failed twice", " kept failing", " failed at the last step", " gave an error"},
				{".", " and the money was taken from my card.", " and I had to start over.", ", but my card was charged."}},
		},
		fa: []form{
			{{"پرداخت", "درگاه پرداخت", "پرداختم", "درگاه بانکی"},
				{" دو بار ناموفق بود", " مدام خطا می‌داد", " خطا داد", " وصل نشد"},
				{".", " و پول از حسابم کم شد.", " و مجبور شدم از اول سفارش بدهم.", " ولی پولش از کارتم رفت."}},
		},
	},
	"out_of_stock": {
		en: []form{
			{{"The item I wanted", "The size I needed", "The product I ordered"},
				{" was out of stock for weeks", " was shown as available but out of stock", " is never in stock"},
				{".", " and they cancelled my order.", " and there is no restock date."}},
			{{"Products shown as available are out of stock.", "They cancelled my order because it was out of stock."}},
		},
		fa: []form{
			{{"کالای مورد نظرم", "سایزی که می‌خواستم", "کالایی که سفارش دادم"},
				{" هفته‌ها ناموجود بود", " موجود نشان داده می‌شد ولی ناموجود بود", " هیچ‌وقت موجود نیست"},
				{".", " و سفارشم را لغو کردند.", "، از جای دیگر خریدم."}},
			{{"کالاهایی که موجود نشان داده می‌شوند ناموجودند.", "سفارشم را لغو کردند چون کالا موجود نبود."}},
		},
	},
	"app_usability": {
		en: []form{
			{{"The app", "Your app", "The new app"},
				{" is confusing for older people", " is hard to use", " keeps asking for a code when I log in", " logs me out all the time"},
				{".", " and the text is too small.", ", I prefer to call.", " and I gave up."}},
		},
		fa: []form{
			{{"اپلیکیشن", "اپ", "اپلیکیشنتون"},
				{" برای افراد مسن گیج‌کننده است", " خیلی سخته", " موقع ورود مدام کد می‌خواهد", " مدام از حسابم خارجم می‌کند"},
				{".", " و متن‌ها خیلی ریز است.", "، ترجیح می‌دهم تلفنی سفارش بدهم.", " و بی‌خیالش شدم."}},
		},
	},
	"support": {
		en: []form{
			{{"Support", "Customer support", "Your support team", "The call centre"},
				{" never answers the phone", " was rude and unhelpful", " did not solve my problem", " hung up on me"},
				{".", ", I called three times.", " and nobody called back."}},
		},
		fa: []form{
			{{"پشتیبانی", "پشتیبانی تلفنی", "تیم پشتیبانی"},
				{" هیچ‌وقت تلفن را جواب نمی‌دهد", " بی‌ادب بود و کمکی نکرد", " مشکلم را حل نکرد", " تلفن را قطع کرد"},
				{".", "، سه بار زنگ زدم.", " و کسی هم زنگ نزد."}},
		},
	},
	"packaging": {
		en: []form{
			{{"The box", "The packaging", "My gift"},
				{" was damaged", " was torn", " arrived crushed", " was broken"},
				{".", " and the glass inside was broken.", ", poor packaging."}},
			{{"There is no gift wrapping option.", "You have no gift wrapping."}},
		},
		fa: []form{
			{{"جعبه", "بسته‌بندی", "هدیه‌ام"},
				{" آسیب دیده بود", " پاره بود", " له شده رسید", " شکسته بود"},
				{".", " و لیوان داخلش هم شکسته بود.", "، بسته‌بندی خیلی ضعیف بود."}},
			{{"گزینهٔ کادوپیچی وجود ندارد.", "کادوپیچ ندارید."}},
		},
	},
	"returns": {
		en: []form{
			{{"Returning a product", "Exchanging the wrong size", "Getting a refund"},
				{" is very hard", " took more than a month", " was refused"},
				{".", ", there is no clear return policy.", " and nobody explained why."}},
		},
		fa: []form{
			{{"مرجوع کردن کالا", "عوض کردن سایز اشتباه", "بازگشت پول"},
				{" خیلی سخت است", " بیش از یک ماه طول کشید", " ممکن نشد"},
				{".", "، قانون مرجوعی روشن نیست.", " و کسی توضیح نداد."}},
		},
	},
}

// positive are remarks that voice no problem: the analysis must not turn
// them into pain points.
var positive = topic{
	en: []form{{{"Everything was great, thank you!", "No problems at all, fast and friendly.", "Nothing, I am happy with the service.",
		"The quality is excellent and the staff are kind."}}},
	fa: []form{{{"همه چیز عالی بود، ممنون!", "هیچ مشکلی نداشتم، سریع و خوش‌برخورد بودید.", "مشکلی نبود، از خدماتتان راضی هستم.",
		"کیفیت عالی است و کارکنان مهربان هستند."}}},
}

// wishes answer "what would make you shop more often?".
var wishes = topic{
	en: []form{{{"Faster delivery.", "More discounts for regular customers.", "Free shipping on small orders.", "A simpler app.",
		"Gift wrapping.", "Answering messages faster.", "Same-day delivery in my city.", "A loyalty programme."}}},
	fa: []form{{{"ارسال سریع‌تر.", "تخفیف بیشتر برای مشتری‌های ثابت.", "ارسال رایگان برای سفارش‌های کوچک.", "اپلیکیشن ساده‌تر.",
		"کادوپیچی.", "جواب دادن سریع‌تر به پیام‌ها.", "ارسال همان روز در شهر من.", "باشگاه مشتریان."}}},
}

// typeTopics are the complaints each hidden type tends to voice, most
// typical first; weights are relative.
var typeTopics = [][]weighted{
	typeBargain: {{"discount_code", 5}, {"price", 4}, {"instagram_dm", 4}, {"late_delivery", 2}, {"payment", 2}},
	typeBusy:    {{"late_delivery", 7}, {"website_search", 4}, {"payment", 2}, {"support", 2}, {"out_of_stock", 1}},
	typeLoyal:   {{"app_usability", 4}, {"out_of_stock", 4}, {"support", 1}, {"late_delivery", 1}},
	typeGift:    {{"packaging", 6}, {"returns", 4}, {"late_delivery", 2}, {"price", 1}},
}

type weighted struct {
	key    string
	weight float64
}
