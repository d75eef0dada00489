package analysis

import "testing"

// TestComplaintCuesInBothLanguages: the generic problems a customer of
// any service names (an error, a failure, a wrong or defective item,
// something lost, complicated or useless, a rude person, an app that
// hangs) mark a complaint in Persian as their English words do in
// English; a plain statement stays neutral in both.
func TestComplaintCuesInBothLanguages(t *testing.T) {
	lx := getLexicon()
	for _, c := range []struct {
		text string
		want float32
	}{
		{"the payment gave an error", 1},
		{"پرداخت مدام خطا داد", 1},
		{"the payment failed", 1},
		{"پرداخت ناموفق بود", 1},
		{"they sent the wrong size", 1},
		{"سایز اشتباه فرستادند", 1},
		{"the kettle was defective", 1},
		{"کتری معیوب بود", 1},
		{"my parcel got lost", 1},
		{"بسته‌ام گم شد", 1},
		{"the form is complicated", 1},
		{"فرم ثبت نام پیچیده است", 1},
		{"the app is confusing for older people", 1},
		{"اپلیکیشن برای افراد مسن گیج‌کننده است", 1},
		{"support was useless", 1},
		{"پشتیبانی بی‌فایده بود", 1},
		{"the agent was rude", 1},
		{"کارمند تلفنی بی‌ادب بود", 1},
		{"اپلیکیشن موقع پرداخت هنگ می‌کند", 1},
		{"the payment went through", neutralWeight},
		{"پرداخت انجام شد", neutralWeight},
	} {
		w, _ := clausePolarity(lx, tokenize(NormalizePersian(c.text)))
		if w != c.want {
			t.Errorf("%q: clause weight %v, want %v", c.text, w, c.want)
		}
	}
}
