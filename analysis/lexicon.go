package analysis

import "strings"

// This file is Safar's own curated lexicon. It is small on purpose: a word
// belongs here only when it is common in customer feedback and its meaning
// in that setting is stable. Anything outside the lexicon still reaches the
// pain-point list through the noun fallback in extract.go.

// A concept is a customer-experience aspect that paraphrases share:
// "late delivery", "it arrived a week late" and "تاخیر در ارسال" all name
// delivery. Its id is the pain point's stable Key.
type concept struct {
	id     string
	en, fa string // readable labels
	// Terms are space-separated; "_" joins a multiword term. A "~" marks a
	// weak term: one that names the aspect only in a corpus that also
	// names it plainly ("small" means fit in clothing reviews, not in a
	// hearing on childcare; see activeConcepts).
	enTerms,
	faTerms string
}

var concepts = []concept{
	{"taste", "Taste / flavour", "طعم و مزه",
		"taste tasted tasteless flavor flavour flavorless bland aftertaste ~smell ~smelly ~stale ~bitter ~salty ~sour",
		"طعم مزه بو بدمزه بیمزه بیطعم تلخ شور ترش زهم گس طعمش مزش مزه‌اش خوشمزه خوش_طعم بدطعم ادویه عطر عطرش عطری بدبو بد_بو ~شیرین ~شیرینه ~تند ~مصنوعی"},
	{"quality", "Product quality", "کیفیت",
		"quality cheap cheaply flimsy defect defective pilling pilled unravel seam seams stitching stitch ~hole ~rip ~ripped ~tear ~torn ~construction ~zipper ~button ~durable ~broke ~broken ~apart ~made",
		"کیفیت بیکیفیت بی_کیفیت جنس فاسد خراب کپک کپکزده مونده کهنه تاریخ تاریخ_انقضا انقضا منقضی تقلبی اصل تازه سفت شکسته ریز درشت آب آبکی سوسک شپشک شن سنگ رنگ بافت نرم"},
	{"price", "Price / value for money", "قیمت و ارزش خرید",
		"price priced expensive overpriced worth pricey ~money ~cost ~costly ~value ~pay ~paid",
		"قیمت قیمتش ارزش_خرید ارزش گران گرون گرونه گرانه گرونتر گرانتر پول هزینه تخفیف نمی‌ارزه نمیارزه نمیارزد ارزون ارزان"},
	{"packaging", "Packaging", "بسته‌بندی",
		"packaging package packaged ~box ~wrapped ~wrapping ~bag ~bottle ~lid ~seal ~sealed ~leak ~leaking ~leaked ~crushed ~dented",
		"بسته‌بندی بستهبندی بسته_بندی بسته قوطی پاکت شیشه جعبه کارتن پلمپ پلمب نشتی نشت پاره له درب کیسه ظرف"},
	{"delivery", "Delivery / shipping", "ارسال و تحویل",
		"delivery deliver delivered shipping ship shipped shipment courier tracking arrive arrived late delay delayed ~arrival",
		"ارسال ارسالش تحویل پست پیک رسید رسیده دیر تاخیر تأخیر نرسید نرسیده نیومد نیومده دستم حمل حمل_و_نقل یخ یخش منجمد انجماد یخزدایی آب_شده اب_شده ذوب فرستاده فرستادن بفرستید بفرسته فرستادید مامور"},
	{"nutrition", "Nutritional value", "ارزش غذایی",
		"nutrition nutritional calorie calories preservative additive protein ~sugar ~sugary ~fat ~fatty ~unhealthy ~healthy",
		"ارزش_غذایی کالری چربی نگهدارنده مواد_نگهدارنده نگه_دارنده افزودنی پروتئین ~قند ~شکر ~چرب ~سالم ~مضر ~روغن ~نمک"},
	{"fit", "Sizing / fit", "سایز و اندازه",
		"size sizing sized fit fitting fitted baggy oversized sleeve ~small ~large ~big ~tight ~loose ~huge ~petite ~length ~short ~long ~waist ~bust ~chest ~shoulder ~hip ~arm ~torso ~tiny ~snug ~roomy",
		"سایز ~اندازه ~تنگ ~گشاد ~کوچیک ~کوچک ~بزرگ ~کوتاه ~بلند"},
	{"fabric", "Fabric / material", "پارچه و جنس",
		"fabric material polyester cotton linen wool lining ~thin ~sheer ~see_through ~itchy ~scratchy ~stiff ~synthetic ~transparent",
		"پارچه"},
	{"style", "Look / cut", "ظاهر و مدل",
		"unflattering flattering frumpy boxy shapeless maternity ~tent ~sack ~pregnant ~look ~looked ~style ~design ~cut ~shape ~pattern ~print ~weird ~odd ~awkward",
		"~ظاهر ~مدل ~طرح"},
	{"color", "Colour vs. picture", "رنگ و تصویر",
		"color colour pictured faded washed_out ~picture ~photo ~image ~dull",
		"~عکس ~تصویر"},
	{"service", "Customer service", "پشتیبانی و خدمات",
		"customer_service customer_support customer_care representative unhelpful support dm dms ~service ~staff ~agent ~rep ~rude ~helpful ~answer ~answered ~respond ~response ~reply ~replies ~message ~messages ~call ~called ~phone ~email",
		"پشتیبانی پاسخگو پاسخگویی جواب تماس خدمات کارمند برخورد بی‌ادب بی_ادب"},
	{"wait", "Waiting time", "زمان انتظار",
		"waited waiting queue ~wait ~slow ~forever ~hour",
		"معطل معطلی صف کند"},
	{"app", "Website / app", "سایت و اپلیکیشن",
		"website site app login checkout crash crashed bug freezing ~search ~application ~error ~page ~load ~loading",
		"سایت اپ اپلیکیشن برنامه اپلیکیشنش ورود صفحه باگ خطا"},
	{"payment", "Payment / billing", "پرداخت",
		"payment billing invoice ~bill ~charge ~charged",
		"پرداخت درگاه فاکتور"},
	{"stock", "Availability / stock", "موجودی کالا",
		"stock out_of_stock unavailable sold_out ~available ~cancelled ~canceled",
		"موجودی ناموجود ~موجود ~لغو"},
	{"returns", "Returns / refunds", "مرجوعی و بازگشت پول",
		"refund refunded returns ~return ~returned ~returning ~exchange",
		"مرجوع مرجوعی بازگشت_پول تعویض ~بازگشت"},
}

// Cue kinds.
const (
	cueNeg     = 1 << iota // a complaint word: "late", "بد"
	cuePos                 // a praise word: "great", "خوب"
	cueStrong              // very negative: "terrible", "افتضاح"
	cueIntens              // an intensifier: "very", "خیلی"
	cueNegator             // a negation: "not", "نه", "نبود"
	cueNegNoun             // a bad thing whose negation is praise: "problem", "مشکل"
	cueWeak                // a weak complaint ("small", "زیاد"): counts half
)

var enCues = map[int]string{
	cueNeg: "bad poor poorly disappointed disappointing disappointment unfortunately sadly broken broke damaged " +
		"defective wrong missing cheap cheaply weird odd strange awkward ugly hate hated dislike annoying " +
		"frustrating useless waste difficult hard confusing complicated slow expensive overpriced late delay delayed " +
		"rude dirty smelly uncomfortable unflattering boxy frumpy shapeless thin sheer itchy scratchy flimsy " +
		"returned return returning tight huge baggy stale bland tasteless crash crashed error fail failed unhelpful " +
		"ripped torn hole unravel pilling pilled faded lose lost see_through crushed dented leak leaking leaked wrinkled stiff " +
		"mistake lack lacking unclear bureaucratic burden shortage",
	cueWeak:    "small large big short long loose less too odd",
	cueStrong:  "terrible awful horrible worst disgusting horrendous garbage junk nightmare unacceptable ridiculous",
	cuePos:     "good great love loved lovely beautiful perfect perfectly nice excellent amazing comfortable soft flattering cute gorgeous pretty happy recommend fast quick easy helpful friendly fine best awesome fantastic glad wonderful worth like liked fit fits enjoy enjoyed well satisfied pleased cant_wait cannot_wait didnt_wait",
	cueIntens:  "very really so extremely terribly awfully totally completely absolutely super incredibly way too at_all horribly",
	cueNegator: "not no never n't nothing none hardly barely without dont didnt doesnt isnt wasnt cant cannot wont",
	cueNegNoun: "problem problems issue issues complaint complaints trouble",
}

var faCues = map[int]string{
	cueNeg: "بد بده بدی بدترین بدتر افتضاح افتضاحه داغون خراب خرابه فاسد کهنه مونده بدمزه بیمزه بیطعم بدطعم تلخ شور زهم " +
		"بیکیفیت بی_کیفیت گران گرانه گرون گرونه گرونتر گرانتر دیر تاخیر تأخیر پاره شکسته نشتی نشت له ضعیف پایین " +
		"مزخرف آشغال اشغال متاسفانه متأسفانه ناراضی ناراضیم تقلبی کثیف کپک کپکزده منقضی ضایع افت نمی‌ارزه نمیارزه نمیارزد " +
		"نرسید نرسیده نیومد نیومده مضر چرب آبکی سفت ترش بیخود بی‌خود کلاهبرداری ناامید پشیمون پشیمان پشیمونم " +
		"حیف بیمزست بدبو شپشک سوسک گند گندیده بیات ریخته خرد ناراحت نامطبوع مصنوعی غیرطبیعی بدبو بد_بو باز_شده آب_شده اب_شده نقص ذوب مناسفانه بدرد_نمیخوره",
	cueWeak:    "شیرین شیرینه تند زیاد زیادی کم کوچیک کوچک ریز درشت تنگ گشاد کوتاه",
	cueStrong:  "افتضاح افتضاحه افتضاحی بدترین مزخرف آشغال اشغال کلاهبرداری گند گندیده",
	cuePos:     "خوب خوبه خوبی خوبیه عالی عالیه بی‌نظیر بینظیر خوشمزه خوشمزست خوشمزس خوش_طعم راضی راضیم ممنون مرسی تازه ارزان ارزون مناسب مناسبه سریع بموقع به_موقع سالم تمیز دوست پیشنهاد توصیه بهترین محشر فوقالعاده لذیذ مقرون عالیی خوشم جالب جالبی جذاب جذابیت جذابیتی تعریفی بدرد به_درد",
	cueIntens:  "خیلی اصلا اصلاً واقعا واقعاً بسیار کاملا کاملاً خیلیی شدیدا بشدت به_شدت زیادی هیچ_وجه",
	cueNegator: "نه هیچ بدون فاقد نیس نیست نیستش نیستن نیستند نبود نبودن نبودند نداره ندارد نداشت نداشتن نداشتم نداشته نکرد نکرده نکردم نشد نشده نباشه نخرید نخرین نخرید نخواهد",
	cueNegNoun: "مواد_نگهدارنده مشکل مشکلی ایراد ایرادی عیب عیبی نگهدارنده شکایت",
}

// faVerbs are positive verb forms; "ن" + one of them is a negated verb.
var faVerbs = strings.Fields("داره دارد داشت داشتم داشتن داشته بود بودن بودم بودند است هست هستش کرد کرده کردم کنید کنم شد شده شدم میشه رسید رسیده خرید خریدم خرین گیرید گرفتم زنید خورید خوردم ارزه ارزد ارزید اومد امد آمد یومد دیدم باشه پسندیدم دیدیم میده داد دادم کنه کنین خرید خرم")

// Stopwords: curated for customer feedback. English list after the usual
// function words; Persian list written for colloquial review text.
var enStop = setOf("a an the and or but if then than that this these those it its it's i me my we our you your he she " +
	"they them their his her is are was were be been being am do does did have has had having of to in on at by for " +
	"with about as into from up down out over under again very so too just also only really much more most some any " +
	"all each other such own same can will would should could may might must what which who whom when where why how " +
	"there here get got one ones thing things lot bit way item product order ordered purchase purchased bought buy " +
	"dress top shirt sweater skirt pants jeans jacket blouse retailer review reviewer time day week month year size " +
	"person people everyone someone something anything minister member members chair committee government " +
	"yes okay ok well oh think know say said going go see make made let want like sure point question questions")

var faStop = setOf("و در به از که این آن اون این‌ها را رو با برای تا هم یا اما ولی اگر اگه چون چه چی چرا کی کجا " +
	"من تو او ما شما آنها اونا ایشان خودم خود خودش خودشون هر همه همین همون یک یه دو سه چند بعد قبل الان هنوز " +
	"است هست بود شد شده میشه کرد کرده کردم داره دارد داشت باشه بوده نیز دیگه دیگر خیلی بسیار واقعا اصلا کاملا " +
	"محصول کالا جنس خرید خریدم خریدیم گرفتم سفارش بار دفعه بارها مورد نظر نظرم بنظرم واسه برا ی ای اینو اونو " +
	"دیجی‌کالا دیجیکالا دیجی کالا فقط حتی ولیکن منتها البته مثل مثلا بیشتر کمتر یکم یکی اینکه چیزی چیز هیچی")

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Clause separators besides punctuation: a contrast starts a new clause.
var clauseBreakEn = setOf("but however although though except whereas unfortunately")
var clauseBreakFa = setOf("ولی اما ولیکن منتها فقط متاسفانه متأسفانه البته")
