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

// TestAnswerRightToLeft: a Responses cell, in either workbook, has each
// line whose first letter is Persian marked right to left, whatever comes
// before that letter; a line whose first letter is English, or with no
// letter at all (a number, a date, a band of Persian digits), is left as
// the respondent wrote it.
func TestAnswerRightToLeft(t *testing.T) {
	const e, p = rtlEmbed, popEmbed
	for _, tc := range []struct{ in, want string }{
		{"سفارشم دیر اومد.", e + "سفارشم دیر اومد." + p},
		{"۲ بار زنگ زدم، کسی جواب نداد.", e + "۲ بار زنگ زدم، کسی جواب نداد." + p},
		{"“سفارشم دیر اومد.”", e + "“سفارشم دیر اومد.”" + p},
		{"(کامل)", e + "(کامل)" + p},
		{"اپ کند است\n\nاصلا باز نمی‌شود.", e + "اپ کند است" + p + "\n\n" + e + "اصلا باز نمی‌شود." + p},
		{"The parcel was late.\nسفارشم دیر اومد.\n", "The parcel was late.\n" + e + "سفارشم دیر اومد." + p + "\n"},
		{"iPhone من خراب شد.", "iPhone من خراب شد."},
		{"12 - café", "12 - café"},
		{"۲۵", "۲۵"},
		{"۱۰۹–۲۷۸", "۱۰۹–۲۷۸"},
		{"25-34", "25-34"},
		{"", ""},
	} {
		if got := cellOf(tc.in); got.kind != textCell || got.text != tc.want {
			t.Errorf("cellOf(%q) = %q, want %q", tc.in, got.text, tc.want)
		}
	}
	if w, want := cellOf("سفارشم دیر اومد.").width(), textWidth("سفارشم دیر اومد."); w != want {
		t.Errorf("a marked answer is %v wide, want %v (the marks are invisible)", w, want)
	}
}
