package report

import (
	"strings"
	"testing"
	"unicode/utf16"
)

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
		{"(کامل) <۳", e + "(کامل) &lt;۳" + p},
		{"اپ کند است\n\nاصلا باز نمی‌شود.", e + "اپ کند است" + p + "\n\n" + e + "اصلا باز نمی‌شود." + p},
		{"The parcel was late.\nسفارشم دیر اومد.", "The parcel was late.\n" + e + "سفارشم دیر اومد." + p},
		{"iPhone من خراب شد.", "iPhone من خراب شد."},
		{"12 - café", "12 - café"},
		{"۲۵", "۲۵"},
		{"۱۰۹–۲۷۸", "۱۰۹–۲۷۸"},
		{"25-34", "25-34"},
	} {
		var enc rowEncoder
		got := string(enc.appendCell(nil, 0, 2, cellOf(tc.in)))
		if want := `<c r="A2" t="inlineStr"><is><t>` + tc.want + `</t></is></c>`; got != want {
			t.Errorf("%q is written %q, want %q", tc.in, got, want)
		}
	}
	// Text past Excel's limit is cut so that its marks fit too.
	long := strings.Repeat("سلام\n", maxCellChars/5+10)
	xml := string(appendInlineStr(nil, long))
	if n := len(utf16.Encode([]rune(xml))) - len(` t="inlineStr"><is><t></t></is></c>`); n > maxCellChars {
		t.Errorf("a long Persian answer is written %d UTF-16 units long, more than Excel's %d", n, maxCellChars)
	}
}
