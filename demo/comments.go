package demo

// A topic is a recurring complaint: several ways real customers put it, in
// each language, so the pain-point engine has paraphrases to group.
type topic struct {
	en, fa []string
}

var topics = map[string]topic{
	"late_delivery": {
		en: []string{"My order arrived a week late.", "Delivery was very late and nobody told me why.", "late delivery, again!!",
			"It took 9 days to arrive even though the site said 2 days.", "The courier never called and the parcel came days after the promised date.",
			"Shipping is slow, my package was delayed for a week.", "The delivery was late and the tracking never updated."},
		fa: []string{"سفارشم یک هفته دیر رسید.", "ارسال خیلی دیر بود و کسی هم جواب نداد.", "تاخیر در ارسال، باز هم!",
			"با اینکه نوشته بود دو روزه، نه روز طول کشید تا برسد.", "پیک اصلاً تماس نگرفت و بسته چند روز دیرتر از موعد رسید.",
			"ارسال کند است، بسته‌ام یک هفته تاخیر داشت.", "سفارش دیر رسید و کد رهگیری هم به‌روز نمی‌شد."},
	},
	"discount_code": {
		en: []string{"The discount code did not work at checkout.", "My coupon code was rejected every time.",
			"Discount codes never work on sale items.", "The promo code from your Instagram post was invalid."},
		fa: []string{"کد تخفیف موقع پرداخت کار نکرد.", "کد تخفیفم هر بار رد شد.",
			"کد تخفیف روی کالاهای حراج هیچ‌وقت اعمال نمی‌شود.", "کد تخفیفی که در پست اینستاگرام گذاشتید نامعتبر بود."},
	},
	"price": {
		en: []string{"Prices are higher than other shops.", "Too expensive, and the discounts are fake.", "Prices went up a lot this month.",
			"The shipping cost is too expensive for small orders."},
		fa: []string{"قیمت‌ها از فروشگاه‌های دیگر گران‌تر است.", "خیلی گران است و تخفیف‌ها واقعی نیست.", "قیمت‌ها این ماه خیلی بالا رفت.",
			"هزینهٔ ارسال برای سفارش‌های کوچک خیلی گران است."},
	},
	"instagram_dm": {
		en: []string{"Nobody answers Instagram direct messages for days.", "Slow replies on Instagram DM, I waited two days for a price.",
			"You never reply to DMs on Instagram."},
		fa: []string{"کسی تا چند روز دایرکت اینستاگرام را جواب نمی‌دهد.", "جواب دایرکت خیلی دیر می‌آید، دو روز منتظر قیمت ماندم.",
			"هیچ‌وقت دایرکت اینستاگرام را جواب نمی‌دهید."},
	},
	"website_search": {
		en: []string{"The website is slow and search never finds what I type.", "Search results are useless, I could not find the product.",
			"The site keeps freezing on my phone.", "The website is so slow on mobile data."},
		fa: []string{"سایت کند است و جست‌وجو چیزی پیدا نمی‌کند.", "نتایج جست‌وجو به درد نمی‌خورد، کالا را پیدا نکردم.",
			"سایت روی گوشی‌ام مدام هنگ می‌کند.", "سایت با اینترنت موبایل خیلی کند است."},
	},
	"payment": {
		en: []string{"Payment failed twice and the money was taken from my card.", "The payment gateway kept failing.",
			"Checkout failed at the payment step and I had to start over."},
		fa: []string{"پرداخت دو بار ناموفق بود و پول از حسابم کم شد.", "درگاه پرداخت مدام خطا می‌داد.",
			"موقع پرداخت خطا داد و مجبور شدم از اول سفارش بدهم."},
	},
	"out_of_stock": {
		en: []string{"Products shown as available are out of stock.", "The item I wanted was out of stock for weeks.",
			"They cancelled my order because it was out of stock."},
		fa: []string{"کالاهایی که موجود نشان داده می‌شوند ناموجودند.", "کالای مورد نظرم هفته‌ها ناموجود بود.",
			"سفارشم را لغو کردند چون کالا موجود نبود."},
	},
	"app_usability": {
		en: []string{"The app is confusing for older people and the text is too small.", "I can't log in to the app, it keeps asking for a code.",
			"The app is hard to use, I prefer to call."},
		fa: []string{"اپلیکیشن برای افراد مسن گیج‌کننده است و متن‌ها خیلی ریز است.", "نمی‌توانم وارد اپ شوم، مدام کد می‌خواهد.",
			"کار با اپ سخت است، ترجیح می‌دهم تلفنی سفارش بدهم."},
	},
	"support": {
		en: []string{"Support never answers the phone.", "Customer support was rude and unhelpful.", "I called support three times and nobody solved my problem."},
		fa: []string{"پشتیبانی هیچ‌وقت تلفن را جواب نمی‌دهد.", "پشتیبانی بی‌ادب بود و کمکی نکرد.", "سه بار با پشتیبانی تماس گرفتم و کسی مشکلم را حل نکرد."},
	},
	"packaging": {
		en: []string{"The box was damaged and the glass inside was broken.", "Poor packaging, my gift arrived crushed.",
			"There is no gift wrapping option.", "The packaging was torn when it arrived."},
		fa: []string{"جعبه آسیب دیده بود و لیوان داخلش شکسته بود.", "بسته‌بندی ضعیف بود و هدیه‌ام له شده رسید.",
			"گزینهٔ کادوپیچی وجود ندارد.", "بسته‌بندی موقع تحویل پاره بود."},
	},
	"returns": {
		en: []string{"Returning a product is very hard, they refused my return.", "The refund took more than a month.",
			"No clear return policy, I could not exchange the wrong size."},
		fa: []string{"مرجوع کردن کالا خیلی سخت است، مرجوعی مرا قبول نکردند.", "بازگشت پول بیش از یک ماه طول کشید.",
			"قانون مرجوعی روشن نیست، نتوانستم سایز اشتباه را عوض کنم."},
	},
}

// positive are remarks that voice no problem: the analysis must not turn
// them into pain points.
var positive = topic{
	en: []string{"Everything was great, thank you!", "No problems at all, fast and friendly.", "Nothing, I am happy with the service.",
		"The quality is excellent and the staff are kind."},
	fa: []string{"همه چیز عالی بود، ممنون!", "هیچ مشکلی نداشتم، سریع و خوش‌برخورد بودید.", "مشکلی نبود، از خدماتتان راضی هستم.",
		"کیفیت عالی است و کارکنان مهربان هستند."},
}

// wishes answer "what would make you shop more often?".
var wishes = topic{
	en: []string{"Faster delivery.", "More discounts for regular customers.", "Free shipping on small orders.", "A simpler app.",
		"Gift wrapping.", "Answering messages faster.", "Same-day delivery in my city.", "A loyalty programme."},
	fa: []string{"ارسال سریع‌تر.", "تخفیف بیشتر برای مشتری‌های ثابت.", "ارسال رایگان برای سفارش‌های کوچک.", "اپلیکیشن ساده‌تر.",
		"کادوپیچی.", "جواب دادن سریع‌تر به پیام‌ها.", "ارسال همان روز در شهر من.", "باشگاه مشتریان."},
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
