package analysis

import (
	"fmt"
	"sort"
	"strings"
)

// Packs are optional domain vocabularies a researcher turns on
// (PainPointOptions.Pack, `safar painpoints --pack retail`). Off by default:
// the engine discovers problems from the corpus alone. With a pack on, a
// discovered term that the pack knows (an English or Persian word for one
// of its concepts) seeds that concept's group, which then carries the
// concept's id as key and its name as label; every other term is grouped
// as usual.

// PackNames lists the packs FindPainPoints accepts.
func PackNames() []string {
	names := make([]string, 0, len(packs))
	for n := range packs {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var packs = map[string][]concept{"retail": concepts}

// checkPack returns the pack's concepts, nil for "", or an error naming the
// packs there are.
func checkPack(name string) ([]concept, error) {
	if name == "" {
		return nil, nil
	}
	if p, ok := packs[name]; ok {
		return p, nil
	}
	return nil, fmt.Errorf("unknown pack %q: want one of %s", name, strings.Join(PackNames(), ", "))
}

// packConcept returns the 1-based concept of a term written surf, or 0.
func packConcept(surf string) int {
	lx := getLexicon()
	toks := tokenize(NormalizePersian(surf))
	for i := range toks {
		if e, n := lx.lookup(toks, i); n > 0 && e.concept > 0 && !e.weak {
			return e.concept
		}
	}
	return 0
}

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
