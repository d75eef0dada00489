package transcript

import "testing"

func TestGuessModerator(t *testing.T) {
	tests := []struct {
		name, in, want, reason string
	}{
		{"english role", "Ali: hi\nModerator: welcome\nSara: hello", "Moderator", "name"},
		{"role in parens", "Sara (Interviewer): ok\nAli: hi", "Sara (Interviewer)", "name"},
		{"persian role zwnj", "علی: سلام\nمصاحبه‌گر: خوش آمدید", "مصاحبه‌گر", "name"},
		{"persian role with space and arabic yeh", "مصاحبه گر: سلام\nرضا: سلام", "مصاحبه گر", "name"},
		{"persian facilitator", "تسهیل‌گر: شروع کنیم\nنگار: باشه", "تسهیل‌گر", "name"},
		{"persian facilitator no zwnj", "تسهیلگر: شروع کنیم\nنگار: باشه", "تسهیلگر", "name"},
		{"Q and A", "Q: why?\nA: price", "Q", "name"},
		{"most questions", "Sara: Where do you shop?\nAli: Online.\nSara: Why?\nAli: Cheaper. Is that odd?\nSara: And delivery?", "Sara", "questions"},
		{"persian question mark", "نگار: کجا؟\nرضا: خانه\nنگار: چرا؟\nرضا: ارزان است", "نگار", "questions"},
		{"tie gives no guess", "A: why?\nB: how?\nA: what?\nB: when?", "", ""},
		{"one question is not enough", "A: why?\nB: because", "", ""},
		{"single speaker", "A: why?\nA: how?", "", ""},
		{"host is a word not a substring", "Ghostly: why?\nBob: ok\nGhostly: how?", "Ghostly", "questions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.txt", []byte(tt.in), Options{})
			if tr.SuggestedModerator != tt.want || tr.ModeratorReason != tt.reason {
				t.Errorf("moderator = %q (%q), want %q (%q)", tr.SuggestedModerator, tr.ModeratorReason, tt.want, tt.reason)
			}
		})
	}
}
