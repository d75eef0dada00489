package web

// Strings of the survey builder's add-here controls, show_if picker,
// reordering and phone preview, merged into appCatalog like codingCatalog.

func init() {
	for lang, m := range builderCatalog {
		for k, v := range m {
			appCatalog[lang][k] = v
		}
	}
}

var builderCatalog = map[string]map[string]string{
	"en": {
		"builder_preview_update": "Update preview",
		"builder_preview_page":   "Page shown",
		"builder_preview_help":   "This draft on a phone, as respondents will see it (answers typed here are not stored). It follows your edits; without JavaScript press “Update preview”.",
		"builder_preview_frame":  "Phone preview of the draft",
		"builder_move_breaks":    "Not moved: “%[1]s” is shown depending on the answer to “%[2]s”, which would then come after it. Move “%[2]s” first, or change the condition.",
		"drag_hint":              "Drag to move (with the keyboard: the Move buttons)",
		"move_page_up":           "Move page up",
		"move_page_down":         "Move page down",
		"op_picked":              "answer is one of the ticked",
		"show_if_pick":           "Values that show this question",
		"show_if_none_earlier":   "The first question has no earlier question to depend on.",
		"field_default_lang":     "Default language",
		"remove_lang":            "Remove",
		"add_lang_which":         "Another language",
		"add_lang":               "Add language",
		"translations_missing":   "Texts without a translation: %d. Empty fields are marked; the survey cannot be saved until every text is translated.",
		"translation_missing":    "missing",
		"builder_preview_lang":   "Language shown",
	},
	"fa": {
		"builder_preview_update": "به‌روزرسانی پیش‌نمایش",
		"builder_preview_page":   "صفحهٔ نمایش‌داده‌شده",
		"builder_preview_help":   "این پیش‌نویس روی گوشی، همان‌گونه که پاسخ‌دهندگان می‌بینند (پاسخ‌هایی که اینجا وارد شود ذخیره نمی‌شود). با ویرایش‌های شما به‌روز می‌شود؛ بدون جاوااسکریپت «به‌روزرسانی پیش‌نمایش» را بزنید.",
		"builder_preview_frame":  "پیش‌نمایش گوشیِ پیش‌نویس",
		"builder_move_breaks":    "جابه‌جا نشد: «%[1]s» بسته به پاسخ «%[2]s» نمایش داده می‌شود که در آن صورت پس از آن می‌آمد. نخست «%[2]s» را جابه‌جا کنید یا شرط را تغییر دهید.",
		"drag_hint":              "برای جابه‌جایی بکشید (با صفحه‌کلید: دکمه‌های بالا و پایین)",
		"move_page_up":           "صفحه بالا",
		"move_page_down":         "صفحه پایین",
		"op_picked":              "پاسخ یکی از گزینه‌های تیک‌خورده است",
		"show_if_pick":           "مقدارهایی که این پرسش را نشان می‌دهند",
		"show_if_none_earlier":   "نخستین پرسش، پرسش پیشینی ندارد که به آن وابسته باشد.",
		"field_default_lang":     "زبان پیش‌فرض",
		"remove_lang":            "حذف",
		"add_lang_which":         "زبانی دیگر",
		"add_lang":               "افزودن زبان",
		"translations_missing":   "متن‌های بی‌ترجمه: %d. فیلدهای خالی نشانه‌گذاری شده‌اند؛ تا همهٔ متن‌ها ترجمه نشوند پرسشنامه ذخیره نمی‌شود.",
		"translation_missing":    "خالی",
		"builder_preview_lang":   "زبان نمایش",
	},
}
