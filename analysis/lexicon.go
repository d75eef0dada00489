package analysis

import "strings"

// This file is Safar's own generic language knowledge for English and
// Persian: complaint and praise cue words, intensifiers, negators and
// stopwords. It names no domain: what a pain point can be is discovered
// from the corpus (terms.go); domain vocabularies live in optional packs
// (pack.go).

// Cue kinds.
const (
	cueNeg     = 1 << iota // a complaint word: "late", "بد"
	cuePos                 // a praise word: "great", "خوب"
	cueStrong              // very negative: "terrible", "افتضاح"
	cueIntens              // an intensifier: "very", "خیلی"
	cueNegator             // a negation: "not", "نه", "نبود"
	cueNegNoun             // a bad thing whose negation is praise: "problem", "مشکل"
	cueWeak                // a weak complaint ("small", "زیاد"): counts half
	cueAny                 // a word for "anything to say": negated, a non-answer ("not applicable", "موردی نبود"), else nothing
)

var enCues = map[int]string{
	cueNeg: "bad poor poorly disappointed disappointing disappointment unfortunately sadly broken broke damaged " +
		"defective wrong missing cheap cheaply weird odd strange awkward ugly hate hated dislike annoying " +
		"frustrating useless waste difficult hard confusing complicated slow expensive overpriced late delay delayed " +
		"rude dirty smelly uncomfortable unflattering boxy frumpy shapeless thin sheer itchy scratchy flimsy " +
		"returned return returning tight huge baggy stale bland tasteless crash crashed error fail failed unhelpful " +
		"ripped torn hole unravel pilling pilled faded lose lost see_through crushed dented leak leaking leaked wrinkled stiff " +
		"mistake lack lacking unclear bureaucratic burden shortage die dies died drain drains drained peel peeling peeled crack cracked cracking overheat overheats overheating " +
		"worse scam fraud fake misleading incorrect inaccurate unprofessional incompetent unreliable unusable buggy glitch glitches glitchy laggy overcharged outdated",
	cueWeak: "small large big short long loose less too odd",
	cueStrong: "terrible awful horrible worst disgusting horrendous garbage junk nightmare unacceptable ridiculous " +
		"fuck fucking fucked shit shitty crap crappy sucks sucked bullshit pathetic atrocious",
	cuePos:     "good great love loved lovely beautiful perfect perfectly nice excellent amazing comfortable soft flattering cute gorgeous pretty happy recommend fast quick easy helpful friendly fine best awesome fantastic glad wonderful worth like liked fit fits enjoy enjoyed well satisfied pleased cant_wait cannot_wait didnt_wait",
	cueIntens:  "very really so extremely terribly awfully totally completely absolutely super incredibly way too at_all horribly",
	cueNegator: "not no never n't nothing none hardly barely without dont didnt doesnt isnt wasnt cant cannot wont",
	cueNegNoun: "problem problems issue issues complaint complaints trouble",
	cueAny:     "applicable comment comments opinion",
}

var faCues = map[int]string{
	cueNeg: "بد بده بدی بدترین بدتر افتضاح افتضاحه داغون خراب خرابه فاسد کهنه مونده بدمزه بیمزه بیطعم بدطعم تلخ شور زهم " +
		"بیکیفیت بی_کیفیت گران گرانه گرون گرونه گرونتر گرانتر دیر تاخیر تأخیر پاره شکسته نشتی نشت له ضعیف پایین " +
		"مزخرف آشغال اشغال متاسفانه متأسفانه ناراضی ناراضیم تقلبی کثیف کپک کپکزده منقضی ضایع افت نمی‌ارزه نمیارزه نمیارزد " +
		"نرسید نرسیده نیومد نیومده مضر چرب آبکی سفت ترش بیخود بی‌خود کلاهبرداری ناامید پشیمون پشیمان پشیمونم " +
		"حیف بیمزست بدبو شپشک سوسک گند گندیده بیات ریخته خرد ناراحت نامطبوع مصنوعی غیرطبیعی بدبو بد_بو باز_شده آب_شده اب_شده نقص ذوب مناسفانه بدرد_نمیخوره",
	cueWeak:    "شیرین شیرینه تند زیاد زیادی کم کوچیک کوچک ریز درشت تنگ گشاد کوتاه",
	cueStrong:  "افتضاح افتضاحه افتضاحی بدترین مزخرف آشغال اشغال کلاهبرداری گند گندیده",
	cuePos:     "خوب خوبه خوبی خوبیه عالی عالیه بی‌نظیر بینظیر خوشمزه خوشمزست خوشمزس خوش_طعم راضی راضیم ممنون مرسی تازه ارزان ارزون مناسب مناسبه سریع بموقع به_موقع سالم تمیز دوست پیشنهاد توصیه بهترین محشر فوقالعاده لذیذ مقرون عالیی خوشم جالب جالبی جذاب جذابیت جذابیتی تعریفی بدرد به_درد قابل_قبول",
	cueIntens:  "خیلی اصلا اصلاً واقعا واقعاً بسیار کاملا کاملاً خیلیی شدیدا بشدت به_شدت زیادی هیچ_وجه",
	cueNegator: "نه هیچ بدون فاقد نیس نیست نیستش نیستن نیستند نبود نبودن نبودند نداره ندارد نداشت نداشتن نداشتم نداشته نکرد نکرده نکردم نشد نشده نباشه نخرید نخرین نخرید نخواهد",
	cueNegNoun: "مواد_نگهدارنده مشکل مشکلی ایراد ایرادی عیب عیبی نگهدارنده شکایت",
	cueAny:     "مورد موردی نظر نظری ذهن ذهنم",
}

// faVerbs are positive verb forms; "ن" + one of them is a negated verb.
var faVerbs = strings.Fields("داره دارد داشت داشتم داشتن داشته بود بودن بودم بودند است هست هستش کرد کرده کردم کنید کنم شد شده شدم میشه رسید رسیده خرید خریدم خرین گیرید گرفتم زنید خورید خوردم ارزه ارزد ارزید اومد امد آمد یومد دیدم باشه پسندیدم دیدیم میده داد دادم کنه کنین خرید خرم")

// Stopwords: function words, pronouns, auxiliaries and the verbs and nouns
// that carry no topic in any domain ("told", "thing", "product").
var enStop = setOf("a an the and or but if then than that this these those it its it's i me my we our you your he she " +
	"they them their his her is are was were be been being am do does did have has had having of to in on at by for " +
	"with about as into from up down out over under again very so too just also only really much more most some any " +
	"all each other such own same can will would should could may might must what which who whom when where why how " +
	"there here get got one ones thing things stuff lot lots bit way item items product products " +
	"person people everyone someone something anything everything nothing nobody anyone somebody " +
	"yes okay ok well oh think thought know knew say said says saying tell told telling ask asked asking " +
	"going go goes went gone come came coming see saw seen make made makes let lets want wanted need needed " +
	"like sure point put take took taken give gave given try tried trying use used using seem seemed " +
	"even still back ever again anymore around away off since while after before until because though although " +
	"another every both either neither many few several enough quite rather pretty almost already " +
	"him herself himself itself myself ourselves themselves yourself us im ive id youre theyre dont " +
	"first second last next new old whole half per via yet else instead maybe perhaps probably " +
	"today yesterday tomorrow now then ago always often sometimes usually once twice times time " +
	"there's it's that's what's he's she's here's let's who's where's i'm you're we're they're i've you've " +
	"we've they've i'd you'd we'd they'd i'll you'll we'll they'll " +
	"two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million " +
	"within across along among upon onto toward towards behind beyond throughout inside outside near against despite " +
	"unless whether however otherwise anyway regarding according including except besides rather " +
	"sit sits sat seem seems become became becomes happen happens happened mean means meant consider considered " +
	"actually certainly definitely especially simply likely basically honestly generally particularly " +
	"whole entire overall general particular certain various different similar such kind sort type lot " +
	"feel feels felt feeling hope hoped hoping wish wished guess")

var faStop = setOf("و در به از که این آن اون این‌ها را رو با برای تا هم یا اما ولی اگر اگه چون چه چی چرا کی کجا " +
	"من تو او ما شما آنها اونا ایشان خودم خود خودش خودشون هر همه همین همون یک یه دو سه چند بعد قبل الان هنوز " +
	"است هست بود شد شده میشه کرد کرده کردم داره دارد داشت باشه بوده نیز دیگه دیگر خیلی بسیار واقعا اصلا کاملا " +
	"محصول کالا خرید خریدم خریدیم گرفتم سفارش بار دفعه بارها مورد نظر نظرم بنظرم واسه برا ی ای اینو اونو " +
	"فقط حتی ولیکن منتها البته مثل مثلا بیشتر کمتر یکم یکی اینکه چیزی چیز هیچی " +
	"هستش هستن هستند بودن بودند شدم شدن شدند کنید کنم کنه کنند کنین کردن کردیم دارم داریم دارن دادم داد " +
	"میکنم میکنه میشد بشه نمیشه گفت گفتم گفتن باید نباید شاید توی تو روی زیر پیش بین همچنین چطور چگونه " +
	"تمام ضمنا ضمن درضمن همچنین بعلاوه کسی انجام کشید کشیده چهار پنج شش هفت هشت ده صد هزار میلیون تر ترین نسبت انگار بهتر بدتر همیشه استفاده توجه حس فکر کلا کل دار بس شاید میتونه میتونید " +
	"بی اش ها های هم_که ازش بهش اینه اونه اینم ماه روز سال هفته وقتی موقع بازم باز")

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

// Generic complaint words judge without naming a problem ("bad",
// "disappointing", "بد"): they mark a complaint but never become a term or a
// label. The other complaint words ("late", "rude", "دیر") name the problem
// and may.
var genericNeg = setOf("bad poor poorly disappoint disappointed disappointing disappointment unfortunately sadly " +
	"wrong weird odd strange awkward hate hated dislike annoying frustrating useless waste difficult hard " +
	"confusing complicated mistake lack lacking unclear less too " +
	"بد بده بدی بدترین بدتر افتضاح افتضاحه داغون ضعیف پایین مزخرف آشغال اشغال متاسفانه متأسفانه مناسفانه " +
	"ناراضی ناراضیم بیخود بی‌خود ناامید پشیمون پشیمان پشیمونم حیف ناراحت زیاد زیادی کم")

var genericNegKeys = func() map[string]bool {
	m := map[string]bool{}
	for w := range genericNeg {
		m[w] = true
		m[stemEn(w)] = true
		m[faKey(w)] = true
	}
	return m
}()

func genericCue(t token) bool {
	return genericNegKeys[t.key] || genericNegKeys[t.text]
}

// Discourse markers: a preposition and a noun that together only steer
// the talk ("of course", "at least", "in terms of", "in fact", "در
// واقع"), and the downtoners "a little", "a bit" ("a little slow"). The
// noun is then no topic; said otherwise it may be one ("golf course", "the
// terms of the loan", "جای خالی"). "A little girl" reads as a marker too,
// so a label skips a term only when most of its uses are inside one.
var discourse = map[string]map[string]bool{
	"course": setOf("of"), "least": setOf("at"), "terms": setOf("in"), "fact": setOf("in"),
	"case": setOf("in"), "example": setOf("for"), "instance": setOf("for"), "general": setOf("in"),
	"particular": setOf("in"), "moment": setOf("at"), "place": setOf("take takes took taking taken in"),
	"sense": setOf("makes make made"), "little": setOf("a"), "bit": setOf("a"), "واقع": setOf("در"), "عنوان": setOf("به"), "طرفی": setOf("از"),
	"هرحال": setOf("به"), "حاضر": setOf("حال"), "جای": setOf("به از"),
}

// downtoners soften what follows ("کمی تلخ", a little bitter; "slightly
// small") and name nothing: no label shows them. They stay in the model,
// as the discourse markers do.
var downtoners = setOf("slightly somewhat کمی یکمی")

// labelPraise are praise words the clause polarity does not read ("the food
// is decent, but..."): said in a complaint corpus they grant something, so
// no label shows them as a word of its own. Only the labels read them: as
// cues they would move the clauses' polarity and the grouping.
var labelPraise = func() map[string]bool {
	m := map[string]bool{}
	for w := range setOf("decent okay ok acceptable adequate reasonable معقول قشنگ خوشگل") {
		m[w], m[stemEn(w)], m[faKey(w)] = true, true, true
	}
	return m
}()

// praises reports whether a term holds a praise word of labelPraise.
func praises(t *term) bool {
	for _, p := range t.parts {
		if labelPraise[p] {
			return true
		}
	}
	return labelPraise[t.key]
}

// prepositionWith: words that with the next word make a preposition ("due
// to the servers", "prior to release", "owing to"): said so, the word is no
// topic; said otherwise it may be one ("payment due", "the due date").
var prepositionWith = map[string]map[string]bool{
	"due": setOf("to"), "prior": setOf("to"), "owing": setOf("to"),
}

// discourseAt reports whether the word at i ends a discourse marker or
// begins a preposition of two words.
func discourseAt(toks []token, i int) bool {
	if prev := discourse[toks[i].text]; prev != nil && i > 0 && toks[i-1].punct == 0 && prev[toks[i-1].text] {
		return true
	}
	next := prepositionWith[toks[i].text]
	return next != nil && i+1 < len(toks) && next[toks[i+1].text]
}
