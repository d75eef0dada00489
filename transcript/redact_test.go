package transcript

import "testing"

func TestRedact(t *testing.T) {
	tests := []struct {
		name, in, want string
		counts         Counts
	}{
		// e-mail
		{"email", "write to ali.rezaei+shop@mail.example.co.uk today", "write to [EMAIL] today", Counts{Email: 1}},
		{"email in persian", "ایمیلم sara_m@gmail.com است", "ایمیلم [EMAIL] است", Counts{Email: 1}},
		// Iranian mobiles
		{"mobile spaced", "call 0912 123 4567 now", "call [PHONE] now", Counts{Phone: 1}},
		{"mobile compact", "09121234567", "[PHONE]", Counts{Phone: 1}},
		{"mobile dashes", "0935-123-4567.", "[PHONE].", Counts{Phone: 1}},
		{"mobile 2-2 tail", "0912 123 45 67", "[PHONE]", Counts{Phone: 1}},
		{"mobile +98", "+98 912 123 4567", "[PHONE]", Counts{Phone: 1}},
		{"mobile +98 compact", "+989121234567", "[PHONE]", Counts{Phone: 1}},
		{"mobile 0098", "0098 912 1234567", "[PHONE]", Counts{Phone: 1}},
		{"mobile persian digits", "شماره‌ام ۰۹۱۲۱۲۳۴۵۶۷ هست", "شماره‌ام [PHONE] هست", Counts{Phone: 1}},
		{"mobile persian digits spaced", "با ۰۹۱۲ ۱۲۳ ۴۵۶۷ تماس بگیرید", "با [PHONE] تماس بگیرید", Counts{Phone: 1}},
		{"mobile arabic-indic digits", "٠٩١٢١٢٣٤٥٦٧", "[PHONE]", Counts{Phone: 1}},
		{"mobile +98 persian digits", "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷", "[PHONE]", Counts{Phone: 1}},
		{"mobile glued to persian word", "شماره۰۹۱۲۱۲۳۴۵۶۷", "شماره[PHONE]", Counts{Phone: 1}},
		// landlines and international
		{"tehran landline", "office 021-8888 8888", "office [PHONE]", Counts{Phone: 1}},
		{"landline compact", "02188888888", "[PHONE]", Counts{Phone: 1}},
		{"landline parens", "(021) 88888888", "[PHONE]", Counts{Phone: 1}},
		{"landline +98", "+98 21 8888 8888", "[PHONE]", Counts{Phone: 1}},
		{"us +1", "reach me at +1 (415) 555-2671!", "reach me at [PHONE]!", Counts{Phone: 1}},
		{"uk", "+44 20 7946 0958", "[PHONE]", Counts{Phone: 1}},
		{"us local", "(415) 555-2671 or 415.555.2671", "[PHONE] or [PHONE]", Counts{Phone: 2}},
		// cards and IDs
		{"card spaced", "card 6037 9975 1234 5678 please", "card [CARD] please", Counts{Card: 1}},
		{"card dashed", "6219-8610-1234-5678", "[CARD]", Counts{Card: 1}},
		{"card compact persian digits", "کارت ۶۰۳۷۹۹۷۵۱۲۳۴۵۶۷۸", "کارت [CARD]", Counts{Card: 1}},
		{"national id", "کد ملی من 0012345678 است", "کد ملی من [ID] است", Counts{ID: 1}},
		{"national id dashed", "ID 001-234567-8", "ID [ID]", Counts{ID: 1}},
		{"national id persian digits", "کد ملی: ۰۰۱۲۳۴۵۶۷۸", "کد ملی: [ID]", Counts{ID: 1}},
		{"mixed", "a@b.io, 09121234567, 0012345678", "[EMAIL], [PHONE], [ID]", Counts{Email: 1, Phone: 1, ID: 1}},
		// things that must stay
		{"years and prices", "In 2023 I paid 450,000 toman, in ۱۴۰۲ about ۵۰۰ هزار تومان", "", Counts{}},
		{"big price with separators", "قیمت ۱۲,۵۰۰,۰۰۰ ریال یا 1,250,000,000 rial", "", Counts{}},
		{"timestamps", "at 00:12:31 and [01:02:03.500] and 12:31", "", Counts{}},
		{"dates", "1402/05/12 and 2024-03-15", "", Counts{}},
		{"short numbers", "order 12345 and room 101, 9 people, 3.5 stars", "", Counts{}},
		{"long digit run", "tracking 123456789012345678901", "", Counts{}},
		{"eleven digits not phone", "12345678901", "", Counts{}},
		{"digits inside code", "SKU A1234567890B and v2.0912123", "", Counts{}},
		{"at sign without domain", "meet @ 5, @handle", "", Counts{}},
		{"decimal", "3.14159265358979", "", Counts{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := tt.want
			if want == "" {
				want = tt.in
			}
			got, c := Redact(tt.in)
			if got != want || c != tt.counts {
				t.Errorf("Redact(%q)\n got %q %+v\nwant %q %+v", tt.in, got, c, want, tt.counts)
			}
		})
	}
}

func TestParseRedact(t *testing.T) {
	// "ali@example.com: hi" is not a speaker turn ('@' is not allowed in names).
	in := "Interviewer: your number?\nAli: 0912 123 4567, and mail ali@example.com\nali@example.com: hi\n"
	tr := mustParse(t, "a.txt", []byte(in), Options{Redact: true})
	diffLines(t, show(tr.Utterances), []string{
		"Interviewer|-|your number?",
		"Ali|-|[PHONE], and mail [EMAIL] [EMAIL]: hi",
	})
	if want := (Counts{Phone: 1, Email: 2}); tr.Redactions != want {
		t.Errorf("counts = %+v, want %+v", tr.Redactions, want)
	}
	// Voice tags can carry any name, including a dial-in number.
	tr = mustParse(t, "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v +98 912 123 4567>سلام\n"), Options{Redact: true})
	diffLines(t, show(tr.Utterances), []string{"[PHONE]|1s|سلام"})
	if tr.Redactions.Total() != 1 {
		t.Errorf("total = %d, want 1", tr.Redactions.Total())
	}
}
