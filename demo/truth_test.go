package demo_test

import (
	"fmt"
	"testing"

	"github.com/safarhq/safar/demo"
)

// TestTopics: the truth behind a demo answer is the complaints it says,
// in either language, in Arabic letters or cut to a clause.
func TestTopics(t *testing.T) {
	tests := []struct{ text, want string }{
		{"My order arrived a week late. Also, the discount code did not work at checkout.", "[discount_code late_delivery]"},
		{"سفارشم يك هفته دير رسيد.", "[late_delivery]"},
		{"دایرکتم را خیلی دیر جواب می‌دهید", "[instagram_dm]"},
		{"The package was delayed by three days and nobody told me why.", "[late_delivery]"},
		{"and the tracking never updated", "[late_delivery]"},
		{"مرسوله‌ام هنوز نرسیده ضمناً کد تخفیف اینستاگرام قبول نشد.", "[discount_code late_delivery]"},
		{"The delivery", "[]"},
		{"Everything was great, thank you!", "[]"},
	}
	for _, tc := range tests {
		if got := fmt.Sprint(demo.Topics(tc.text)); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.text, got, tc.want)
		}
	}
}
