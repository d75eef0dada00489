package study

import (
	"fmt"
	"testing"
)

// TestTextAnchors: numbers in any digits or counted in words before a time
// unit, time units in their forms, and Latin-script words inside Persian
// read the same in both languages; an English text's words count only when
// a Persian text uses them in Latin script.
func TestTextAnchors(t *testing.T) {
	known := map[string]bool{"@iphone": true}
	tests := []struct{ text, want string }{
		{"It took 9 days to arrive even though the site said 2 days.", "[#9 ~day #2 ~day]"},
		{"با اینکه نوشته بود دو روزه، نه روز طول کشید تا برسد.", "[#2 ~day #9 ~day]"},
		{"My order arrived a week late.", "[#1 ~week]"},
		{"سفارشم یک هفته دیر رسید و ۳ بار زنگ زدم", "[#1 ~week #3]"},
		{"کالای مورد نظرم هفته‌ها ناموجود بود.", "[~week]"},
		{"سفارشم يك هفته ديرتر رسيد", "[#1 ~week]"}, // older keyboards' Arabic letters
		{"نه، راضی نیستم", "[]"},                    // "نه" is "no" here, not nine
		{"صفحه پرداخت در iPhone باز نمی‌شود", "[@iphone]"},
		{"The iPhone app crashes at checkout", "[@iphone]"},
	}
	for _, tc := range tests {
		var got []string
		textAnchors(tc.text, known, func(a string) { got = append(got, a) })
		if fmt.Sprint(got) != tc.want {
			t.Errorf("%q: %v, want %s", tc.text, got, tc.want)
		}
	}
}
