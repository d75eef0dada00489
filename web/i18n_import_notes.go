package web

import (
	"strconv"
	"strings"

	"github.com/safarhq/safar/interop/surveyimport"
)

// importNotes are the lines of a survey import's report (what was mapped,
// approximated or left out) by code: the English ones are the importer's
// own (surveyimport.Notes), the Persian ones are here. They are not in
// appCatalog: some quote XLSForm's ${q}, which the catalog would read as
// its own variable.
var importNotes = map[string]map[string]string{"en": surveyimport.Notes, "fa": importNotesFa}

// importNoteText is a line of a survey import's report in the reader's
// language. The item it is about (a question, a row) is isolated, so a
// Latin name and its brackets keep their order in a Persian sentence.
func importNoteText(lang string, n surveyimport.Note, digits func(string) string) string {
	if lang != "fa" {
		lang = "en"
	}
	args := make([]any, len(n.Args))
	for i, a := range n.Args {
		switch v := a.(type) {
		case surveyimport.Note:
			a = "\u2068" + importNoteText(lang, v, digits) + "\u2069"
		case float64: // Persian digits take the Persian decimal separator
			s := strconv.FormatFloat(v, 'g', -1, 64)
			if p := digits(s); p != s {
				s = strings.Replace(p, ".", "٫", 1)
			}
			a = written(s)
		}
		args[i] = a
	}
	return localized(lang, importNotes[lang][n.Code], args, digits)
}

var importNotesFa = map[string]string{
	"note_mapped":             "%s ← %s",
	"note_language":           "زبان پرسشنامه «%s»: پرسشنامه‌های Safar فارسی یا انگلیسی‌اند؛ انگلیسی گذاشته شد",
	"note_no_type":            "%s: Safar چنین نوع پرسشی ندارد",
	"note_qsf_item":           "%s (%s/%s)",
	"note_qsf_undefined":      "%s: در بلوکی نام برده شده اما تعریف نشده است",
	"note_qsf_layout":         "%s: چیدمان چندگزینه‌ای «%s» پشتیبانی نمی‌شود",
	"note_qsf_text_box":       "%s: گزینهٔ «%s» با جعبهٔ متن، گزینهٔ «سایر (بنویسید)» Safar می‌شود",
	"note_qsf_form":           "%s: هر فیلد فرم یک پرسش متن کوتاه می‌شود",
	"note_qsf_text_layout":    "%s: چیدمان ورود متن «%s» متن کوتاه شد",
	"note_qsf_matrix_kind":    "%s: فقط ماتریس لیکرت تک‌پاسخی پشتیبانی می‌شود (این یکی %s/%s است)",
	"note_qsf_matrix_empty":   "%s: ماتریس گزاره و دست‌کم دو نقطهٔ مقیاس می‌خواهد",
	"note_qsf_matrix_scale":   "%s: نقاط مقیاس به ترتیب ستون‌ها 1 تا %d ذخیره می‌شوند",
	"note_qsf_slider":         "%s: لغزنده پرسش عددی شد",
	"note_qsf_descriptive":    "%s: متن توصیفی پرسش نیست",
	"note_qsf_meta":           "%s: فرادادهٔ کوالتریکس است و پرسیده نمی‌شود",
	"note_qsf_logic":          "%s: منطق نمایشش بیش از «گزینه‌ای از پرسشی پیشین انتخاب شده باشد» است؛ پرسش همیشه نشان داده می‌شود",
	"note_sjs_item":           "%s (%s)",
	"note_sjs_repeat":         "%s: پنل تکرارشونده یک بار پرسیده می‌شود",
	"note_sjs_boolean":        "%s: کلید بله/خیر دو گزینه شد",
	"note_sjs_input_type":     "%s: ورودی از نوع «%s» متن کوتاه شد",
	"note_sjs_matrix_scale":   "%s: ستون‌ها به ترتیب خود نقاط مقیاس 1 تا %d شدند",
	"note_sjs_boxes":          "%s: هر یک از %d جعبه‌اش یک پرسش متن کوتاه شد",
	"note_sjs_unknown_type":   "%s: نوع پرسش ناشناخته است",
	"note_sjs_matrix_empty":   "%s: ماتریس ردیف و دست‌کم دو ستون می‌خواهد",
	"note_sjs_condition":      "%s: شرط «%s» (فقط {question} = 'value'، anyof [...] و empty نگه داشته می‌شوند)؛ پرسش همیشه نشان داده می‌شود",
	"note_sjs_rate_values":    "%s: مقدارهای امتیاز نقاط 1 تا %d طیف لیکرت شدند",
	"note_sjs_rating_points":  "%s: امتیاز %v تا %v با نقاط 1 تا %d ذخیره می‌شود",
	"note_sjs_rating_number":  "%s: امتیاز %v تا %v پرسش عددی شد",
	"note_lss_item":           "%s (نوع %s)",
	"note_lss_list_comment":   "%s: جعبهٔ توضیح کنار فهرست نگه داشته نشد",
	"note_lss_choice_comment": "%s: جعبهٔ توضیح کنار هر گزینه نگه داشته نشد",
	"note_lss_answer_scale":   "%s: کدهای پاسخ به ترتیب خود نقاط مقیاس 1 تا %d شدند",
	"note_lss_boxes":          "%s: هر یک از %d جعبه‌اش پرسشی جدا شد",
	"note_lss_display":        "%s: نمایش متن پرسش نیست",
	"note_lss_no_type":        "%s: Safar چنین نوع پرسشی ندارد (معادله، رتبه‌بندی، بارگذاری پرونده، آرایهٔ دومقیاسی یا آرایهٔ متنی)",
	"note_lss_array_empty":    "%s: آرایه زیرپرسش و دست‌کم دو پاسخ می‌خواهد",
	"note_lss_list_empty":     "%s: فهرستی بی‌گزینه است",
	"note_lss_relevance":      "%s: معادلهٔ شرط «%s» (فقط QCODE == \"value\" روی پرسشی پیشین نگه داشته می‌شود)؛ پرسش همیشه نشان داده می‌شود",
	"note_xls_item":           "سطر %d «%s» (%s)",
	"note_xls_languages":      "ستون «%s»: فعلاً هر پرسشنامه یک زبان دارد؛ متن‌های «%s» به کار رفت",
	"note_xls_repeat":         "%s: تکرار یک بار پرسیده می‌شود",
	"note_xls_metadata":       "%s: فرادادهٔ دستگاه است و پرسیده نمی‌شود",
	"note_xls_no_choices":     "%s: فهرست «%s» گزینه‌ای ندارد",
	"note_xls_range":          "%s: بازه پرسش عددی شد",
	"note_xls_datetime":       "%s: تاریخ و ساعت فقط تاریخ شد",
	"note_xls_note":           "%s: یادداشت پرسش نیست",
	"note_xls_calculation":    "%s: فرادادهٔ دستگاه یا محاسبه است و پرسیده نمی‌شود",
	"note_xls_relevant":       "%s: شرط relevant «%s» (فقط ${q} = 'v'، selected(${q}, 'v') و ${q} = '' روی پرسشی پیشین نگه داشته می‌شوند)؛ پرسش همیشه نشان داده می‌شود",
}
