package report

import "testing"

// TestRightToLeft: a line whose first letter is Persian, or that has no
// letter but Persian digits, is marked right to left, each line of a cell
// apart; Latin text, and digits alone in Latin, stay as they are.
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
		if got := rightToLeft(tc.in); got != tc.want {
			t.Errorf("rightToLeft(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
