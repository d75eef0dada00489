package web

import (
	"strings"

	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// catalog holds every string the respondent pages show, per language. A
// test checks that both languages have the same keys.
var catalog = map[string]map[string]string{
	"en": {
		"progress":            "Progress",
		"language":            "Language",
		"nps_low":             "0 = not at all likely",
		"nps_high":            "10 = extremely likely",
		"page_of":             "Page %s of %s",
		"fix_errors":          "Please check the answers marked below.",
		"next":                "Next",
		"back":                "Back",
		"submit":              "Submit",
		"required":            "required",
		"please_specify":      "Please specify:",
		"choose":              "Choose…",
		"leave_empty":         "Leave this field empty",
		"resume_hint":         "Need a break? Your answers are saved.",
		"resume_link":         "Link to continue later",
		"thanks_title":        "Thank you!",
		"thanks_body":         "Your answers have been received.",
		"already_title":       "You have already answered",
		"already_body":        "Thank you, your answers were received earlier.",
		"closed_title":        "This survey is closed",
		"closed_body":         "It no longer accepts answers. Thank you for your interest.",
		"notfound_title":      "Survey not found",
		"notfound_body":       "Please check the link you were given.",
		"error_title":         "Something went wrong",
		"error_body":          "Please try again in a moment. Your earlier answers are saved.",
		"toolarge_title":      "Too much text",
		"toolarge_body":       "Your answer is longer than we can accept. Please go back and shorten it.",
		"err.required":        "Please answer this question.",
		"err.unknown":         "This question is not part of the survey.",
		"err.choose_one":      "Please choose one option.",
		"err.choose_list":     "Please choose from the list.",
		"err.not_option":      "Please choose one of the options shown.",
		"err.chosen_twice":    "An option was chosen twice.",
		"err.other_missing":   "Please say what “other” means.",
		"err.other_unchosen":  "You wrote an “other” answer: please also tick “Other”.",
		"err.other_too_long":  "Please keep “other” under %d characters.",
		"err.scale":           "Please choose a point on the scale.",
		"err.scale_range":     "Please choose a whole number from %d to %d.",
		"err.number":          "Please enter a number.",
		"err.min":             "Please enter at least %s.",
		"err.max":             "Please enter at most %s.",
		"err.text":            "Please enter text.",
		"err.too_long":        "Too long: %d characters, the limit is %d.",
		"err.bad_text":        "This text contains characters we cannot read.",
		"err.date":            "Please enter a date (year-month-day).",
		"err.matrix":          "Please rate each statement.",
		"err.no_statement":    "Unknown statement.",
		"err.statement_range": "Please rate each statement on the scale.",
		"err.matrix_all":      "Please rate every statement.",
		// Offline phones (offline.go, static/offline.js); {n} is filled in there.
		"offline_notice":     "No connection: you can keep answering. Your answers stay on this phone.",
		"offline_saved":      "Saved on this phone; will be sent when you are online.",
		"offline_queued":     "Responses waiting on this phone: {n}",
		"offline_sent":       "Your answers have been sent. Thank you!",
		"offline_quota_full": "Thank you. We already have enough answers from people like you, so yours will not be counted.",
		"offline_rejected":   "The survey did not accept some answers saved on this phone (it may have closed or changed).",
		"offline_new":        "Start a new response",
	},
	"fa": {
		"progress":            "پیشرفت",
		"language":            "زبان",
		"nps_low":             "0 = اصلاً",
		"nps_high":            "10 = حتماً",
		"page_of":             "صفحهٔ %s از %s",
		"fix_errors":          "لطفاً پاسخ‌های مشخص‌شده را بررسی کنید.",
		"next":                "بعدی",
		"back":                "قبلی",
		"submit":              "ارسال",
		"required":            "الزامی",
		"please_specify":      "لطفاً بنویسید:",
		"choose":              "انتخاب کنید…",
		"leave_empty":         "این فیلد را خالی بگذارید",
		"resume_hint":         "نیاز به استراحت دارید؟ پاسخ‌های شما ذخیره شده است.",
		"resume_link":         "پیوند ادامه در زمانی دیگر",
		"thanks_title":        "سپاسگزاریم!",
		"thanks_body":         "پاسخ‌های شما دریافت شد.",
		"already_title":       "شما قبلاً پاسخ داده‌اید",
		"already_body":        "سپاس، پاسخ‌های شما پیش‌تر دریافت شده است.",
		"closed_title":        "این پرسشنامه بسته شده است",
		"closed_body":         "دیگر پاسخی پذیرفته نمی‌شود. از توجه شما سپاسگزاریم.",
		"notfound_title":      "پرسشنامه پیدا نشد",
		"notfound_body":       "لطفاً پیوندی را که دریافت کرده‌اید بررسی کنید.",
		"error_title":         "خطایی رخ داد",
		"error_body":          "لطفاً چند لحظهٔ دیگر دوباره تلاش کنید. پاسخ‌های قبلی شما ذخیره شده است.",
		"toolarge_title":      "متن بیش از حد طولانی است",
		"toolarge_body":       "پاسخ شما از حد مجاز طولانی‌تر است. لطفاً برگردید و آن را کوتاه‌تر کنید.",
		"err.required":        "لطفاً به این پرسش پاسخ دهید.",
		"err.unknown":         "این پرسش جزو پرسشنامه نیست.",
		"err.choose_one":      "لطفاً یک گزینه را انتخاب کنید.",
		"err.choose_list":     "لطفاً از فهرست انتخاب کنید.",
		"err.not_option":      "لطفاً یکی از گزینه‌های نمایش‌داده‌شده را انتخاب کنید.",
		"err.chosen_twice":    "یک گزینه دو بار انتخاب شده است.",
		"err.other_missing":   "لطفاً بنویسید منظورتان از «سایر» چیست.",
		"err.other_unchosen":  "پاسخی برای «سایر» نوشته‌اید؛ لطفاً گزینهٔ «سایر» را هم انتخاب کنید.",
		"err.other_too_long":  "لطفاً «سایر» را کمتر از %d نویسه بنویسید.",
		"err.scale":           "لطفاً یک نقطه از مقیاس را انتخاب کنید.",
		"err.scale_range":     "لطفاً عددی صحیح از %d تا %d انتخاب کنید.",
		"err.number":          "لطفاً یک عدد وارد کنید.",
		"err.min":             "لطفاً دست‌کم %s وارد کنید.",
		"err.max":             "لطفاً حداکثر %s وارد کنید.",
		"err.text":            "لطفاً متن وارد کنید.",
		"err.too_long":        "بیش از حد طولانی: %d نویسه، حد مجاز %d است.",
		"err.bad_text":        "این متن نویسه‌هایی دارد که قابل خواندن نیست.",
		"err.date":            "لطفاً یک تاریخ وارد کنید (سال-ماه-روز).",
		"err.matrix":          "لطفاً به هر گزاره امتیاز دهید.",
		"err.no_statement":    "گزارهٔ ناشناخته.",
		"err.statement_range": "لطفاً به هر گزاره روی مقیاس امتیاز دهید.",
		"err.matrix_all":      "لطفاً به همهٔ گزاره‌ها امتیاز دهید.",
		"offline_notice":      "اتصال برقرار نیست: می‌توانید به پاسخ دادن ادامه دهید. پاسخ‌ها روی این گوشی می‌مانند.",
		"offline_saved":       "روی این گوشی ذخیره شد؛ وقتی به اینترنت وصل شوید ارسال می‌شود.",
		"offline_queued":      "پاسخ‌های در انتظار ارسال روی این گوشی: {n}",
		"offline_sent":        "پاسخ‌های شما ارسال شد. سپاسگزاریم!",
		"offline_quota_full":  "سپاسگزاریم. به اندازهٔ کافی از افرادی مانند شما پاسخ داریم، بنابراین پاسخ شما شمرده نمی‌شود.",
		"offline_rejected":    "پرسشنامه برخی از پاسخ‌های ذخیره‌شده روی این گوشی را نپذیرفت (ممکن است بسته یا تغییر کرده باشد).",
		"offline_new":         "شروع یک پاسخ تازه",
	},
}

// translate returns the message key in lang, formatted with args when it
// has verbs (a translation may leave some out). A missing key shows
// itself, so a gap is visible rather than blank.
func translate(lang, key string, args ...any) string {
	s := lookup(loadPrinters().respondent, catalog, lang, key, args)
	if lang == "fa" {
		s = persianDigits(s)
	}
	return s
}

// lookup formats key through lang's printer. Without args the text is
// returned as written, so a literal "%" needs no escaping.
func lookup(ps map[string]*message.Printer, texts map[string]map[string]string, lang, key string, args []any) string {
	p, ok := ps[lang]
	if !ok {
		lang, p = "en", ps["en"]
	}
	if len(args) == 0 {
		if s, ok := texts[lang][key]; ok {
			return s
		}
	}
	// Counts are written without grouping, as everywhere else on the
	// pages ("20000 utterances"); plural forms are still chosen by them.
	for i, a := range args {
		switch n := a.(type) {
		case int:
			args[i] = number.Decimal(n, number.NoSeparator())
		case int64:
			args[i] = number.Decimal(n, number.NoSeparator())
		}
	}
	return p.Sprintf(key, args...)
}

// persianDigits writes ASCII digits as Persian ones, but for those of
// Latin names.
func persianDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	var out strings.Builder
	out.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isDigit(s[j]) == isDigit(s[i]) {
			j++
		}
		// The digits of a Latin name stay: a letter touches them
		// ("v1", "2xx", "base64") or a hyphen joins them to one
		// ("UTF-8", "Windows-1256"). (ASCII bytes never occur inside
		// a multi-byte UTF-8 character.)
		latin := i > 0 && isLatin(s[i-1]) || j < len(s) && isLatin(s[j]) || i > 1 && s[i-1] == '-' && isLatin(s[i-2])
		if !isDigit(s[i]) || latin {
			out.WriteString(s[i:j])
		} else {
			for k := i; k < j; k++ {
				out.WriteRune('۰' + rune(s[k]-'0'))
			}
		}
		i = j
	}
	return out.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLatin(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
