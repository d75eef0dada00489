package web

import (
	"fmt"
	"io"
	"strings"

	"github.com/safarhq/safar/interop/surveyimport"
	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
)

// The problems a survey definition can have (the builder, a JSON import,
// a definition edit), a webhook's, a survey file's from another tool, a
// REFI-QDA file's and a malformed transcript's, merged into appCatalog as
// "err."+code like the answer problems. The English texts are their
// packages' own (survey.Messages, surveyimport.Messages, qdpx.Messages,
// transcript.Messages); the Persian ones are here. A test checks every
// such code has both.

func init() {
	for code, msg := range survey.Messages {
		if strings.HasPrefix(code, "def_") || strings.HasPrefix(code, "hook_") {
			appCatalog["en"]["err."+code] = msg
		}
	}
	for _, messages := range []map[string]string{surveyimport.Messages, qdpx.Messages, transcript.Messages} {
		for code, msg := range messages {
			appCatalog["en"]["err."+code] = msg
		}
	}
	for code, msg := range problemMessagesFa {
		appCatalog["fa"]["err."+code] = msg
	}
}

// problemText is a definition or answer problem in the reader's language:
// its code's text with its arguments (a question type by its name), or
// its English message when it has no code. digits writes the text's own
// numbers (a line, a limit) in the reader's digits; the ids, values and
// names it quotes keep theirs, so «q1» never becomes «q۱», which the
// researcher would not find in the file.
func problemText(lang string, fe survey.FieldError, digits func(string) string) string {
	if fe.Code == "" {
		return fe.Message
	}
	if lang != "fa" {
		lang = "en"
	}
	return localized(lang, appCatalog[lang]["err."+fe.Code], fe.Args, digits)
}

// localized is format, a text in lang, with its arguments: a question
// type by its name, the text's own numbers in the reader's digits.
func localized(lang, format string, args []any, digits func(string) string) string {
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case survey.QuestionType:
			if lang == "fa" {
				a = appText(lang, "qtype."+string(v))
			}
		case int, int64:
			a = written(digits(fmt.Sprint(v)))
		}
		out[i] = a
	}
	return fmt.Sprintf(digits(format), out...)
}

// written is a number already written in the reader's digits: it prints
// as itself under any verb, %d included.
type written string

func (w written) Format(f fmt.State, _ rune) { io.WriteString(f, string(w)) }

var problemMessagesFa = map[string]string{
	"def_json_type":               "سطر %d: %s باید از نوع %s باشد، نه %s",
	"def_json_unknown_field":      "سطر %d: فیلد ناشناختهٔ %s (شاید نامش غلط نوشته شده است)",
	"def_json_at":                 "سطر %d: JSON خوانا نیست (%v)",
	"def_json":                    "JSON خوانا نیست (%v)",
	"def_json_trailing":           "پس از شیء پرسشنامه دادهٔ اضافه آمده است",
	"def_slug":                    "باید ۱ تا ۶۳ نویسه از حروف کوچک لاتین، رقم یا خط تیره باشد و با حرف یا رقم آغاز شود (اکنون: «%s»)",
	"def_empty":                   "خالی است",
	"def_resume_days":             "نباید منفی باشد",
	"def_no_pages":                "خالی است: پرسشنامه دست‌کم یک صفحه می‌خواهد",
	"def_too_many_pages":          "صفحه‌ها بیش از اندازه‌اند (%d، سقف %d)",
	"def_duplicate_id":            "«%s» تکراری است (در %s هم آمده)",
	"def_too_many_questions":      "پرسش‌ها بیش از اندازه‌اند (%d، سقف %d)",
	"def_id":                      "باید با حرف لاتین آغاز شود و فقط حرف لاتین، رقم، _ یا - داشته باشد (اکنون: «%s»)",
	"def_type":                    "نوع ناشناخته «%s» (یکی از %s)",
	"def_role":                    "نقش ناشناخته «%s»",
	"def_stage":                   "مرحلهٔ ناشناخته «%s»",
	"def_dropdown_other":          "در فهرست کشویی نمی‌شود؛ تک‌گزینه‌ای یا چندگزینه‌ای را به کار ببرید",
	"def_options_unused":          "فقط پرسش‌های تک‌گزینه‌ای، چندگزینه‌ای و فهرست کشویی گزینه دارند",
	"def_other_unused":            "فقط پرسش‌های تک‌گزینه‌ای و چندگزینه‌ای «سایر» دارند",
	"def_touchpoint_type":         "پرسش نقطهٔ تماس باید تک‌گزینه‌ای، چندگزینه‌ای یا فهرست کشویی باشد: گزینه‌هایش نقاط تماس‌اند",
	"def_pin_unused":              "اثری ندارد: ترتیب این پرسش تصادفی نیست",
	"def_randomize_unused":        "فقط پرسش‌های تک‌گزینه‌ای، چندگزینه‌ای، فهرست کشویی و ماتریس ترتیب تصادفی دارند؛ «%s» ندارد",
	"def_no_statements":           "خالی است: ماتریس گزاره می‌خواهد",
	"def_statements_unused":       "فقط پرسش‌های ماتریس گزاره دارند",
	"def_min_max":                 "از بیشینه بزرگ‌تر است",
	"def_min_unused":              "فقط پرسش‌های عددی کمینه و بیشینه دارند",
	"def_max_length":              "باید از ۰ تا %d باشد",
	"def_short_length":            "حداکثر %d نویسه: چند کلمه که پرسش را نام ببرد",
	"def_scale_missing":           "نیامده: «%s» مقیاس می‌خواهد ({\"points\": N})",
	"def_points":                  "باید از ۲ تا ۱۱ باشد (اکنون: %d)",
	"def_points_fixed":            "«%s» همیشه %d نقطه دارد (اکنون: %d): تعداد نقاط را ننویسید",
	"def_scale_unused":            "فقط پرسش‌های طیف موافقت، ماتریس، امتیاز و NPS مقیاس دارند",
	"def_labels":                  "%d برچسب برای %d نقطه: برای هر نقطه یک برچسب بدهید یا هیچ",
	"def_labels_and_ends":         "یا برای همهٔ نقاط برچسب بدهید یا برای دو سر مقیاس، نه هر دو",
	"def_too_many_options":        "بیش از اندازه (%d، سقف %d)",
	"def_empty_value":             "مقدار خالی است",
	"def_value_spaces":            "مقدار «%s» در آغاز یا پایان فاصله دارد",
	"def_duplicate_value":         "مقدار «%s» تکراری است",
	"def_value_other":             "مقدار «%s» از آنِ گزینهٔ «سایر» است",
	"def_condition":               "دقیقاً یکی از equals، one_of یا not_answered را بدهید",
	"def_condition_later":         "«%s» پس از این پرسش می‌آید: شرط نمایش باید به پرسشی پیشین اشاره کند",
	"def_no_question":             "پرسشی با شناسهٔ «%s» نیست",
	"def_not_option":              "«%s» از گزینه‌های %s نیست",
	"def_condition_matrix":        "نمی‌تواند به پرسش ماتریس وابسته باشد",
	"def_keep_question":           "حذف نمی‌شود: پرسشنامه پاسخ دارد (به جای آن با شرط نمایش پنهانش کنید یا از پرسشنامه رونوشت بگیرید)",
	"def_keep_type":               "نوعش از «%s» به «%s» تغییر نمی‌کند: پرسشنامه پاسخ دارد",
	"def_keep_option":             "گزینهٔ «%s» حذف نمی‌شود: پرسشنامه پاسخ دارد",
	"def_keep_other":              "«سایر» برداشته نمی‌شود: پرسشنامه پاسخ دارد",
	"def_keep_statement":          "گزارهٔ «%s» حذف نمی‌شود: پرسشنامه پاسخ دارد",
	"def_keep_scale":              "مقیاس تغییر نمی‌کند: پرسشنامه پاسخ دارد",
	"def_language":                "زبان ناشناخته «%s» (یکی از %s)",
	"def_language_conflict":       "«%s» با languages نمی‌خواند که زبان نخست (پیش‌فرض) آن «%s» است: فقط یکی از این دو را بدهید",
	"def_language_twice":          "«%s» دو بار آمده است",
	"def_text_other_lang":         "متنی به زبان «%s» دارد اما تنها زبان پرسشنامه «%s» است: «%s» را به زبان‌ها بیفزایید یا آن متن را بردارید",
	"def_text_unlisted_lang":      "متنی به زبان «%s» دارد اما «%s» از زبان‌های پرسشنامه (%s) نیست",
	"def_translation_missing":     "ترجمهٔ «%s» ندارد",
	"def_pipe_unknown":            "{{%s}} را می‌آورد اما پرسشی با شناسهٔ «%s» نیست",
	"def_pipe_intro":              "{{%s}} را می‌آورد اما عنوان و توضیح پرسشنامه پیش از هر پاسخی دیده می‌شوند",
	"def_pipe_same_page":          "{{%s}} را می‌آورد که در همین صفحه است: فقط پاسخ‌های صفحه‌های پیشین آوردنی‌اند",
	"def_pipe_later":              "{{%s}} را می‌آورد که پس از این می‌آید: فقط پاسخ‌های صفحه‌های پیشین آوردنی‌اند",
	"def_pipe_matrix":             "{{%s}} را می‌آورد که پرسش ماتریس است و یک پاسخ تنها ندارد؛ پرسش دیگری را بیاورید",
	"def_too_many_quotas":         "سهمیه‌ها بیش از اندازه‌اند (%d، سقف %d)",
	"def_quota_limit":             "دست‌کم باید ۱ باشد (اکنون: %d)",
	"def_quota_both":              "یا پرسش را بدهید یا نقطهٔ تماس را، نه هر دو",
	"def_quota_touchpoint":        "«%s» در آغاز یا پایان فاصله یا نویسهٔ نامعتبر دارد",
	"def_quota_touchpoint_values": "سهمیهٔ نقطهٔ تماس equals یا one_of نمی‌گیرد: مقدارش همان نقطهٔ تماس است",
	"def_quota_target":            "پرسش (با equals یا one_of) یا نقطهٔ تماس را بدهید",
	"def_quota_type":              "«%s» پرسش «%s» است: سهمیه پرسش تک‌گزینه‌ای، چندگزینه‌ای یا فهرست کشویی می‌خواهد",
	"def_quota_values":            "دقیقاً یکی از equals یا one_of را بدهید",
	"def_bad_text":                "نویسه‌هایی دارد که خواندنی نیستند (NUL یا UTF-8 نامعتبر)",
	"def_slug_taken":              "پرسشنامهٔ دیگری همین نشانی (%s) را دارد",

	"hook_url":       "باید نشانی کامل http یا https باشد",
	"hook_scheme":    "باید http یا https باشد، نه «%s»",
	"hook_userinfo":  "نباید نام کاربری یا گذرواژه داشته باشد؛ به جای آن با کلید امضا امضا می‌شود",
	"hook_url_long":  "بیش از ۲۰۰۰ نویسه است",
	"hook_no_events": "دست‌کم یک رویداد انتخاب کنید",
	"hook_event":     "رویداد ناشناخته «%s» (رویدادها: %s)",

	"import_too_large":         "%d بایت است؛ سقف پروندهٔ پرسشنامه %d مگابایت است",
	"import_xml_not_lss":       "پروندهٔ XML است اما ساختار پرسشنامهٔ LimeSurvey (‎.lss) نیست",
	"import_unknown":           "پرسشنامه‌ای نیست که Safar بشناسد: JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS، ‎.lss لایم‌سروی یا ‎.xlsx با قالب XLSForm می‌خواهد",
	"import_looks_table":       "جدولی با %d ستون است (%s…)، نه پرسشنامه: پرسشنامهٔ صفحه‌گسترده با قالب XLSForm و پسوند ‎.xlsx می‌آید؛ وگرنه Safar، JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS یا ‎.lss لایم‌سروی می‌گیرد",
	"import_looks_records":     "%d رکورد داده است (JSON Lines یا فهرستی از شیءها)، نه پرسشنامه: Safar، JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS، ‎.lss لایم‌سروی یا ‎.xlsx با قالب XLSForm می‌گیرد",
	"import_looks_pdf":         "سند PDF است، نه پرسشنامه: پرسشنامه را از ابزار خودش به صورت JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS، ‎.lss لایم‌سروی یا ‎.xlsx با قالب XLSForm بگیرید",
	"import_looks_office":      "پروندهٔ قدیمی آفیس (‎.xls یا ‎.doc) است: XLSForm را با پسوند ‎.xlsx ذخیره کنید؛ Safar، JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS یا ‎.lss لایم‌سروی هم می‌گیرد",
	"import_looks_binary":      "متن نیست و محتوای دودویی دارد، پس پرسشنامه نیست: Safar، JSON پرسشنامهٔ Safar، ‎.qsf کوالتریکس، JSON پرسشنامهٔ SurveyJS، ‎.lss لایم‌سروی یا ‎.xlsx با قالب XLSForm می‌گیرد",
	"import_xlsx":              "کاربرگ‌هایش خوانده نشدند (%v)",
	"import_no_questions":      "هیچ پرسشی از آن وارد نشد (موارد کنارگذاشته را ببینید)",
	"import_lss_xml":           "XML معتبر LimeSurvey نیست: %v",
	"import_lss_no_questions":  "جدول <questions> پرسشی ندارد",
	"import_qsf_json":          "JSON معتبر کوالتریکس نیست: %v",
	"import_qsf_question":      "SurveyElements[%d] (پرسش %s): %v",
	"import_qsf_blocks":        "SurveyElements[%d] (بلوک‌ها): %v",
	"import_qsf_no_blocks":     "بلوک پرسشی (عنصر BL) پیدا نشد",
	"import_sjs_json":          "JSON معتبر SurveyJS نیست: %v",
	"import_xlsform_no_survey": "کاربرگ «survey» ندارد: XLSForm کاربرگ‌های survey، choices و settings دارد",
	"import_xlsform_no_type":   "کاربرگ survey ستون «type» ندارد",

	"qdpx_not_zip":            "بایگانی zip نیست: %v",
	"qdpx_looks_table":        "جدولی با %d ستون است (%s…)، نه پروژهٔ REFI-QDA (‎.qdpx) یا کدنامه (‎.qdc): کدنامه را از نرم‌افزار تحلیل کیفی خود بگیرید",
	"qdpx_looks_records":      "%d رکورد داده است (JSON Lines یا فهرستی از شیءها)، نه پروژهٔ REFI-QDA (‎.qdpx) یا کدنامه (‎.qdc)",
	"qdpx_too_many_files":     "%d پرونده در بایگانی است، سقف %d",
	"qdpx_unsafe_name":        "نام پرونده‌ای در بایگانی ناامن است: «%s»",
	"qdpx_no_qde":             "project.qde در بایگانی نیست",
	"qdpx_project_root":       "project.qde: عنصر ریشه {%s}%s است، باید {%s}Project باشد",
	"qdpx_source_missing":     "منبع «%s»: %s در بایگانی نیست",
	"qdpx_source_outside":     "منبع «%s»: متنش بیرون از بایگانی است (%s)",
	"qdpx_source_no_text":     "منبع «%s» نه PlainTextContent دارد نه plainTextPath",
	"qdpx_source_utf8":        "منبع «%s»: متنش UTF-8 نیست",
	"qdpx_entry":              "%s خوانده نشد: %v",
	"qdpx_entry_too_large":    "%s پس از گشودن از %d مگابایت بزرگ‌تر می‌شود",
	"qdpx_xml":                "XML خوانا نیست: %v",
	"qdpx_dtd":                "XML یک DTD (<!DOCTYPE>) اعلام می‌کند؛ entityها پذیرفته نمی‌شوند",
	"qdpx_codebook_too_large": "کدنامه از %d مگابایت بزرگ‌تر است",
	"qdpx_codebook_root":      "عنصر ریشه {%s}%s است، باید {%s}CodeBook باشد",
	"qdpx_code_guid":          "کد «%s»: guid «%s» یک GUID نیست",
	"qdpx_code_guid_twice":    "کد «%s»: guid %s دو بار به کار رفته است",
	"qdpx_code_no_name":       "کد %s نام ندارد",
	"qdpx_source_guid":        "منبع «%s»: guid «%s» یک GUID نیست",
	"qdpx_selection_span":     "منبع «%s»: بخش %s از نویسهٔ %d تا %d است اما متن %d نویسه دارد",
	"tr_clock_fraction":       "کسر ثانیه نادرست است",
	"tr_clock_form":           "زمان باید hh:mm:ss یا mm:ss باشد",
	"tr_clock_two_digits":     "دقیقه و ثانیه باید دورقمی باشند",
	"tr_clock_too_large":      "زمان بیش از اندازه بزرگ است",
	"tr_clock_minutes":        "دقیقه باید کمتر از ۶۰ باشد",
	"tr_clock_seconds":        "ثانیه باید کمتر از ۶۰ باشد",
	"tr_timing_arrow":         "باید «آغاز --> پایان» باشد",
	"tr_timing_start":         "زمان آغاز نادرست است: %v",
	"tr_timing_no_end":        "زمان پایان نیامده است",
	"tr_timing_end":           "زمان پایان نادرست است: %v",
	"tr_timing_order":         "زمان پایان پیش از زمان آغاز است",
	"tr_srt_timing":           "زمان‌بندی زیرنویس «%s»: باید مانند «00:00:01,000 --> 00:00:04,000» باشد",
	"tr_srt_block":            "بلوک زیرنویس: شمارهٔ بخش و سطر زمان‌بندی می‌خواهد، اما «%s» آمده است",
	"tr_srt_timing_error":     "زمان‌بندی زیرنویس «%s»: %v",
	"tr_vtt_header":           "سرآغاز WebVTT: فایل باید با «WEBVTT» آغاز شود",
	"tr_vtt_blank":            "سرآغاز WebVTT: میان سرآغاز و نخستین بخش یک سطر خالی لازم است",
	"tr_vtt_cue":              "بخش: پس از «%s» سطر زمان‌بندی‌ای مانند «00:00:01.000 --> 00:00:04.000» می‌خواهد",
	"tr_vtt_timing_error":     "زمان‌بندی بخش «%s»: %v",
	"tr_table":                "پروندهٔ ‎%s جدول داده است، نه متن مصاحبه: از ‎.txt با سطرهای «گوینده: متن»، ‎.vtt، ‎.srt یا ‎.docx استفاده کنید",

	"qdpx_skip_source":    "منبع %s «%s» (فقط منابع متنی وارد می‌شوند)",
	"qdpx_skip_selection": "بخش %d تا %d از «%s» روی هیچ متنی نیست",
	"qdpx_selection_code": "منبع «%s»: بخش %s به کد %s اشاره می‌کند که در کدنامه نیست",
}
