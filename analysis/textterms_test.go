package analysis

import "testing"

// TestReadKey: the model reads a word of a topic under its key, and no
// stop word, conjugated verb, negator, intensifier or number.
func TestReadKey(t *testing.T) {
	tests := []struct {
		word, key string
		read      bool
	}{
		{"messages", "messag", true},
		{"order", "order", true},
		{"کالای", "کالا", true}, // the ezafe comes off; the caller judges the key
		{"اپلیکیشن‌ها", "اپلیکیشن", true},
		{"product", "", false},
		{"wanted", "", false},
		{"no", "", false},
		{"never", "", false},
		{"very", "", false},
		{"می‌خواستم", "", false},
		{"می‌کنید", "", false},
		{"رسیدن", "", false},
		{"کالا", "", false},
		{"خیلی", "", false},
		{"2", "", false},
		{"two words", "", false},
	}
	for _, tc := range tests {
		key, read := ReadKey(tc.word)
		if key != tc.key || read != tc.read {
			t.Errorf("ReadKey(%q) = %q, %v; want %q, %v", tc.word, key, read, tc.key, tc.read)
		}
	}
}
