package report

// labels holds every fixed text the workbook shows, so a Persian workbook has
// Persian sheet names and headings and an English one English. Sheet names
// must stay within Excel's 31 characters and avoid : \ / ? * [ ].
type labels struct {
	// sheet names
	SheetSummary, SheetPersonas, SheetPainPoints, SheetTouchpoints, SheetJourney,
	SheetCharts, SheetResponses, SheetPassages, SheetCodebook string

	NoData, NoMetrics, NoResponses, NoPassages, NoCodes, NoPersonas, NoPainPoints, NoTouchpoints, NoJourney,
	NoStages, NoEmotion string

	// summary; Survey heads a survey's slug where Project heads a project's name
	Survey,
	Study, Project, Language, LanguageName, Generated, GeneratedJalali, Period, PeriodJalali,
	Responses, Partial, Interviews, Transcripts, HeadlineMetrics, Metric, Value, CILow, CIHigh, N,
	NPS, CSAT, Effort, TopPainPoints, Quote, PersonasAtGlance string
	// a top pain point's voices against the others (Sprintf formats take a
	// number of points already in the workbook's digits)
	LessSatisfied, MoreSatisfied string

	// personas and pain points
	Persona, Everyone, Size, Share, Traits, Column, RestShare, Lift, Significant, Yes, No,
	Goals, Touchpoints, PainPoints, Quotes, Rank, Label, Reach, SayLabel, Severity, Priority, SatisfactionGap,
	Personas, Stages, Examples, Sources string

	// how far to trust the personas (Sprintf formats take ints)
	Trust, Verdict, VerdictStable, VerdictModerate, VerdictUnstable, VerdictUnmeasured,
	PersonasK, KByBIC, KFallback, KFixed, Stability, Lowest, Highest, Resamples, Entropy,
	ModelRespondents, Subsample, SubsampleNote string

	// touchpoints and journey (UsageNote, ShareOfWriters and MorePainPoints
	// take a count written by Count)
	Touchpoint, Stage, Usage, UsageNote, Satisfaction, Emotion, EmotionN, Opportunities, Unplaced,
	ShareOfWriters, MorePainPoints,
	JourneyOf, EmotionCurve string

	// charts
	PriorityChart, SharesChart string

	// passages and codebook
	Source, Speaker, Codes, Text, Code, Parent, Description, PassagesCount string
}

var english = labels{
	SheetSummary: "Summary", SheetPersonas: "Personas", SheetPainPoints: "Pain points",
	SheetTouchpoints: "Touchpoints", SheetJourney: "Journey map", SheetCharts: "Charts",
	SheetResponses: "Responses", SheetPassages: "Coded passages", SheetCodebook: "Codebook",

	NoData:        "No data yet.",
	NoMetrics:     "No NPS, satisfaction or effort question in this data.",
	NoResponses:   "No data yet: no responses have been collected.",
	NoPassages:    "No data yet: no interview or transcript passages have been coded.",
	NoCodes:       "No data yet: the codebook is empty.",
	NoPersonas:    "No data yet: personas appear once enough responses are analysed.",
	NoPainPoints:  "No data yet: no pain points found.",
	NoTouchpoints: "No data yet: no touchpoint usage recorded.",
	NoJourney:     "No data yet: no journey map built.",
	NoStages:      "No journey map: nothing in these data is tied to a journey stage.",
	NoEmotion:     "No emotion curve: no satisfaction rating is tied to a journey stage.",

	Survey: "Survey",
	Study:  "Study", Project: "Project", Language: "Language", LanguageName: "English",
	Generated: "Generated", GeneratedJalali: "Generated (Jalali)", Period: "Data collected",
	PeriodJalali: "Data collected (Jalali)", Responses: "Complete responses (analysed)",
	Partial: "Partial (Responses sheet only)", Interviews: "Interviews",
	Transcripts: "Transcripts", HeadlineMetrics: "Headline metrics", Metric: "Metric", Value: "Value",
	CILow: "95% CI low", CIHigh: "95% CI high", N: "n", NPS: "Net Promoter Score (NPS)",
	CSAT: "Customer satisfaction (CSAT)", Effort: "Customer effort (CES)",
	TopPainPoints: "Top pain points", Quote: "In a respondent's words", PersonasAtGlance: "Personas at a glance",
	LessSatisfied: "Satisfaction %s points below the others",
	MoreSatisfied: "Satisfaction %s points above the others",

	Persona: "Persona", Everyone: "All respondents", Size: "Size", Share: "Share", Traits: "Distinctive traits",
	Column: "Question", RestShare: "Share of others", Lift: "Lift", Significant: "Significant", Yes: "yes", No: "no",
	Goals: "Goals", Touchpoints: "Touchpoints", PainPoints: "Pain points", Quotes: "Quotes",
	Rank: "Rank", Label: "Pain point", Reach: "Reach", SayLabel: "Say the label", Severity: "Severity", Priority: "Priority",
	SatisfactionGap: "Satisfaction against the others (points of 100)",
	Personas:        "Personas", Stages: "Stages", Examples: "Example quotes", Sources: "Sources",

	Trust:             "How far to trust these personas",
	Verdict:           "Verdict",
	VerdictStable:     "Stable: fits on resampled data agree, so these personas are well supported.",
	VerdictModerate:   "Moderately stable: treat the smaller personas with care.",
	VerdictUnstable:   "Unstable: the data do not support %d distinct personas.",
	VerdictUnmeasured: "Stability was not measured for this run.",
	PersonasK:         "Personas (k)",
	KByBIC:            "chosen automatically: lowest BIC among k = %d–%d",
	KFallback:         "chosen automatically: no k in %d–%d gave every persona the minimum share, so the smallest was kept",
	KFixed:            "set by the user",
	Stability:         "Stability (mean ARI)", Lowest: "lowest", Highest: "highest",
	Resamples:        "Bootstrap resamples",
	Entropy:          "Entropy R² (1 = clear)",
	ModelRespondents: "Respondents in the model",
	Subsample:        "k chosen on a subsample of",
	SubsampleNote:    "respondents (seeded random draw); the chosen model was then fitted on all respondents",

	Touchpoint: "Touchpoint", Stage: "Stage", Usage: "Used by (share of respondents)", Satisfaction: "Satisfaction (mean, 0–100)",
	UsageNote: "Each share is the part of these %s respondents who used that touchpoint at that stage: they chose it in a question about the stage, or rated it where the survey asks only its users (on a condition, or leaving it allowed); a rating everyone must answer counts in satisfaction only. One person can use several, so a stage's shares need not add up to 100%%.",
	Emotion:   "Emotion (0–100)", EmotionN: "Emotion n", Opportunities: "Opportunities",
	Unplaced: "Pain points at no one stage", ShareOfWriters: "Share of the %s who wrote",
	JourneyOf: "Journey map", EmotionCurve: "Emotion curve", MorePainPoints: "%s more on the Pain points sheet",

	PriorityChart: "Pain-point priority", SharesChart: "Persona shares",

	Source: "Source", Speaker: "Speaker", Codes: "Codes", Text: "Text", Code: "Code",
	Parent: "Parent code", Description: "Description", PassagesCount: "Passages",
}

var persian = labels{
	SheetSummary: "خلاصه", SheetPersonas: "پرسوناها", SheetPainPoints: "نقاط درد",
	SheetTouchpoints: "نقاط تماس", SheetJourney: "نقشه سفر", SheetCharts: "نمودارها",
	SheetResponses: "پاسخ‌ها", SheetPassages: "بخش‌های کدگذاری‌شده", SheetCodebook: "کدنامه",

	NoData:        "هنوز داده‌ای نیست.",
	NoMetrics:     "در این داده‌ها پرسش NPS، رضایت یا میزان تلاش نیست.",
	NoResponses:   "هنوز داده‌ای نیست: پاسخی گردآوری نشده است.",
	NoPassages:    "هنوز داده‌ای نیست: بخشی از مصاحبه‌ها یا متن‌ها کدگذاری نشده است.",
	NoCodes:       "هنوز داده‌ای نیست: کدنامه خالی است.",
	NoPersonas:    "هنوز داده‌ای نیست: پرسوناها پس از تحلیل پاسخ‌های کافی ساخته می‌شوند.",
	NoPainPoints:  "هنوز داده‌ای نیست: نقطه دردی یافت نشد.",
	NoTouchpoints: "هنوز داده‌ای نیست: استفاده‌ای از نقاط تماس ثبت نشده است.",
	NoJourney:     "هنوز داده‌ای نیست: نقشه سفری ساخته نشده است.",
	NoStages:      "نقشه سفری نیست: چیزی در این داده‌ها به مرحله‌ای از سفر مربوط نیست.",
	NoEmotion:     "منحنی احساسی نیست: هیچ پرسش رضایتی به مرحله‌ای از سفر مربوط نیست.",

	Survey: "پرسشنامه",
	Study:  "مطالعه", Project: "پروژه", Language: "زبان", LanguageName: "فارسی",
	Generated: "تاریخ تهیه (میلادی)", GeneratedJalali: "تاریخ تهیه (شمسی)", Period: "بازه گردآوری (میلادی)",
	PeriodJalali: "بازه گردآوری (شمسی)", Responses: "پاسخ‌های کامل (تحلیل‌شده)",
	Partial: "ناتمام (فقط در برگه پاسخ‌ها)", Interviews: "مصاحبه‌ها",
	Transcripts: "متن‌های پیاده‌شده", HeadlineMetrics: "شاخص‌های اصلی", Metric: "شاخص", Value: "مقدار",
	CILow: "حد پایین بازه اطمینان ۹۵٪", CIHigh: "حد بالای بازه اطمینان ۹۵٪", N: "تعداد",
	NPS: "خالص مروجان (NPS)", CSAT: "رضایت مشتری (CSAT)", Effort: "تلاش مشتری (CES)",
	TopPainPoints: "مهم‌ترین نقاط درد", Quote: "از زبان پاسخ‌دهنده", PersonasAtGlance: "پرسوناها در یک نگاه",
	LessSatisfied: "رضایت %s امتیاز کمتر از دیگران",
	MoreSatisfied: "رضایت %s امتیاز بیشتر از دیگران",

	Persona: "پرسونا", Everyone: "همه پاسخ‌دهندگان", Size: "تعداد", Share: "سهم", Traits: "ویژگی‌های متمایز",
	Column: "پرسش", RestShare: "سهم دیگران", Lift: "نسبت", Significant: "معنادار", Yes: "بله", No: "خیر",
	Goals: "اهداف", Touchpoints: "نقاط تماس", PainPoints: "نقاط درد", Quotes: "نقل‌قول‌ها",
	Rank: "رتبه", Label: "نقطه درد", Reach: "گستره", SayLabel: "عین عبارت را می‌گویند", Severity: "شدت", Priority: "اولویت",
	SatisfactionGap: "رضایت در برابر دیگران (امتیاز از ۱۰۰)",
	Personas:        "پرسوناها", Stages: "مراحل", Examples: "نمونه نقل‌قول‌ها", Sources: "منابع",

	Trust:             "تا چه اندازه می‌توان به این پرسوناها اعتماد کرد",
	Verdict:           "جمع‌بندی",
	VerdictStable:     "پایدار: برازش‌ها روی داده‌های بازنمونه‌گیری‌شده هم‌خوان‌اند، پس این پرسوناها پشتوانهٔ خوبی دارند.",
	VerdictModerate:   "نسبتاً پایدار: با پرسوناهای کوچک‌تر با احتیاط برخورد کنید.",
	VerdictUnstable:   "ناپایدار: داده‌ها از %d پرسونای متمایز پشتیبانی نمی‌کنند.",
	VerdictUnmeasured: "پایداری در این اجرا سنجیده نشد.",
	PersonasK:         "تعداد پرسوناها (k)",
	KByBIC:            "انتخاب خودکار: کمترین BIC در میان k = %d تا %d",
	KFallback:         "انتخاب خودکار: هیچ k از %d تا %d به همه پرسوناها حداقل سهم را نداد، پس کوچک‌ترین نگه داشته شد",
	KFixed:            "تعیین‌شده توسط کاربر",
	Stability:         "پایداری (میانگین ARI)", Lowest: "کمترین", Highest: "بیشترین",
	Resamples:        "بازنمونه‌های بوت‌استرپ",
	Entropy:          "R² آنتروپی (۱ = روشن)",
	ModelRespondents: "پاسخ‌دهندگان در مدل",
	Subsample:        "انتخاب k روی زیرنمونه‌ای از",
	SubsampleNote:    "پاسخ‌دهنده (نمونه‌گیری تصادفی با بذر ثابت)؛ سپس مدل انتخاب‌شده روی همه پاسخ‌دهندگان برازش شد",

	Touchpoint: "نقطه تماس", Stage: "مرحله", Usage: "استفاده‌کنندگان (سهم از پاسخ‌دهندگان)", Satisfaction: "رضایت (میانگین، ۰ تا ۱۰۰)",
	UsageNote: "هر سهم، بخشی از این %s پاسخ‌دهنده است که در آن مرحله از آن نقطه تماس استفاده کرده‌اند: آن را در پرسشی دربارهٔ آن مرحله برگزیده‌اند، یا به آن امتیاز داده‌اند آنجا که پرسشنامه فقط از کاربرانش می‌پرسد (با شرط نمایش، یا بی‌آنکه پاسخ اجباری باشد)؛ امتیازی که همه باید بدهند فقط در رضایت شمرده می‌شود. هر نفر می‌تواند از چند نقطه تماس استفاده کند، پس جمع سهم‌های یک مرحله لزوماً ۱۰۰٪ نیست.",
	Emotion:   "احساس (۰ تا ۱۰۰)", EmotionN: "تعداد احساس", Opportunities: "فرصت‌ها",
	Unplaced: "نقاط درد بی‌مرحله", ShareOfWriters: "سهم از %s نفر نویسنده",
	JourneyOf: "نقشه سفر", EmotionCurve: "منحنی احساس", MorePainPoints: "%s نقطه درد دیگر در برگه نقاط درد",

	PriorityChart: "اولویت نقاط درد", SharesChart: "سهم پرسوناها",

	Source: "منبع", Speaker: "گوینده", Codes: "کدها", Text: "متن", Code: "کد",
	Parent: "کد والد", Description: "توضیح", PassagesCount: "تعداد بخش‌ها",
}

func labelsFor(lang string) labels {
	if lang == "fa" {
		return persian
	}
	return english
}

// yesNo shows the persona engine's "yes"/"no" (one option of a
// multiple-choice question chosen or not) in the workbook's language; any
// other value as it is.
func (lb labels) yesNo(v string) string {
	switch v {
	case "yes":
		return lb.Yes
	case "no":
		return lb.No
	}
	return v
}
