package report

import "testing"

// TestRightToLeft: in a Persian workbook a line whose first letter is
// Persian, or that has no letter but Persian digits, is marked right to
// left, each line of a cell apart; Latin text, and digits alone in Latin,
// stay as they are. In an English workbook only lines that start with a
// Persian letter are marked.
func TestRightToLeft(t *testing.T) {
	const e, p = rtlEmbed, popEmbed
	for _, tc := range []struct{ in, want string }{
		{"خالص مروجان (NPS)", e + "خالص مروجان (NPS)" + p},
		{"۲۵ تا ۳۴", e + "۲۵ تا ۳۴" + p},
		{"۱۷ آذر ۱۴۰۵", e + "۱۷ آذر ۱۴۰۵" + p},
		{"«بسته‌ام دیر رسید.»", e + "«بسته‌ام دیر رسید.»" + p},
		{"۱۰۹–۲۷۸", e + "۱۰۹–۲۷۸" + p},
		{"• پیک زنگ نزد\n• late", e + "• پیک زنگ نزد" + p + "\n• late"},
		{"app: بله (×۲٫۱)", "app: بله (×۲٫۱)"},
		{"“My parcel was late.”", "“My parcel was late.”"},
		{"25-34", "25-34"},
		{"", ""},
	} {
		if got := rightToLeft(tc.in, true); got != tc.want {
			t.Errorf("rightToLeft(%q, rtl) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"سفارشم دیر اومد.", e + "سفارشم دیر اومد." + p},
		{"The parcel was late.\nسفارشم دیر اومد.", "The parcel was late.\n" + e + "سفارشم دیر اومد." + p},
		{"• ورود مدام (12)", "• ورود مدام (12)"},
		{"“سفارشم دیر اومد.”", "“سفارشم دیر اومد.”"},
	} {
		if got := rightToLeft(tc.in, false); got != tc.want {
			t.Errorf("rightToLeft(%q, ltr) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
