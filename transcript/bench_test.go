package transcript

import (
	"fmt"
	"strings"
	"testing"
)

// benchTranscript builds a ~1 MB mixed English/Persian transcript with
// timestamps, continuation lines and some personal data.
func benchTranscript(size int) []byte {
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		h, m, s := i/3600%100, i/60%60, i%60
		switch i % 4 {
		case 0:
			fmt.Fprintf(&b, "[%02d:%02d:%02d] Interviewer: How did you find the store, and what would you change?\n", h, m, s)
		case 1:
			fmt.Fprintf(&b, "[%02d:%02d:%02d] Participant %d: The queue was long and the staff did not answer on 021-8888 8888.\n", h, m, s, i%7)
			b.WriteString("We paid 450,000 toman in 2023 and came back twice.\n")
		case 2:
			fmt.Fprintf(&b, "[%02d:%02d:%02d] مصاحبه‌گر: تجربه‌ی شما از خرید اینترنتی چطور بود؟\n", h, m, s)
		case 3:
			fmt.Fprintf(&b, "[%02d:%02d:%02d] پاسخگو: ارسال دیر رسید و پشتیبانی با شماره‌ی ۰۹۱۲۱۲۳۴۵۶۷ جواب نداد.\n", h, m, s)
		}
	}
	return []byte(b.String())
}

func BenchmarkParse1MB(b *testing.B) {
	data := benchTranscript(1 << 20)
	for _, bc := range []struct {
		name string
		opt  Options
	}{{"plain", Options{}}, {"redact", Options{Redact: true}}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse("bench.txt", data, bc.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkRedact(b *testing.B) {
	text := string(benchTranscript(64 << 10))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Redact(text)
	}
}
