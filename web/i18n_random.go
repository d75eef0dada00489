package web

// Builder labels for random order and scale end labels (docs/survey-format.md).
func init() {
	for k, v := range map[string]string{
		"field_randomize_page": "Show this page's questions in a random order (fixed per respondent)",
		"field_randomize":      "Random order (fixed per respondent; “Other” stays last)",
		"field_pinned":         "Kept at the end of the random order: values, comma-separated (e.g. none)",
		"field_scale_low":      "What the lowest point means (optional)",
		"field_scale_high":     "What the highest point means (optional)",
		"order_shown":          "Order shown to this respondent",
	} {
		appCatalog["en"][k] = v
	}
	for k, v := range map[string]string{
		"field_randomize_page": "نمایش پرسش‌های این صفحه به ترتیب تصادفی (برای هر پاسخ‌دهنده ثابت)",
		"field_randomize":      "ترتیب تصادفی (برای هر پاسخ‌دهنده ثابت؛ «سایر» آخر می‌ماند)",
		"field_pinned":         "گزینه‌هایی که آخر می‌مانند: مقدارها، جدا با ویرگول (مثلاً none)",
		"field_scale_low":      "معنای پایین‌ترین نقطه (اختیاری)",
		"field_scale_high":     "معنای بالاترین نقطه (اختیاری)",
		"order_shown":          "ترتیبی که این پاسخ‌دهنده دید",
	} {
		appCatalog["fa"][k] = v
	}
}
