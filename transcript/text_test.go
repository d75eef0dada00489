package transcript

import "testing"

func TestParseText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"speaker turns", "Interviewer: How do you buy?\nAli: Online, mostly.\n",
			[]string{"Interviewer|-|How do you buy?", "Ali|-|Online, mostly."}},
		{"continuation lines join", "Sara: first line\nstill Sara\n\nnew paragraph\nBob: hi",
			[]string{"Sara|-|first line still Sara\nnew paragraph", "Bob|-|hi"}},
		{"bracket timestamps", "[00:12:31] Sara: hello\n[00:12:40] Bob: hi there",
			[]string{"Sara|12m31s|hello", "Bob|12m40s|hi there"}},
		{"bare and paren timestamps", "00:00:05 Sara: a\n(01:10) Bob: b\n00:01:15 - Sara: c",
			[]string{"Sara|5s|a", "Bob|1m10s|b", "Sara|1m15s|c"}},
		{"time after name", "Sara [00:00:07]: a\nBob (1:02): b\nSara 00:02:00: c",
			[]string{"Sara|7s|a", "Bob|1m2s|b", "Sara|2m0s|c"}},
		{"otter header lines", "Speaker 1  0:05\nHello there.\n\nSpeaker 2  0:09\nHi.\nHow are you?",
			[]string{"Speaker 1|5s|Hello there.", "Speaker 2|9s|Hi. How are you?"}},
		{"time on its own line", "[00:00:03]\nSara: hi\n00:00:09\nBob: yo",
			[]string{"Sara|3s|hi", "Bob|9s|yo"}},
		{"fractional timestamp", "[00:00:01.500] Sara: hi", []string{"Sara|1.5s|hi"}},
		{"persian speakers", "مصاحبه‌گر: سلام، خودتان را معرفی کنید؟\nپاسخگو ۱: من علی هستم.\nادامه‌ی حرف",
			[]string{"مصاحبه‌گر|-|سلام، خودتان را معرفی کنید؟", "پاسخگو ۱|-|من علی هستم. ادامه‌ی حرف"}},
		{"persian colon variants and marks", "\u200fمریم\u200f： خوبم\nرضا﹕ عالی\nنگار :متشکرم",
			[]string{"مریم|-|خوبم", "رضا|-|عالی", "نگار|-|متشکرم"}},
		{"persian digits in timestamps", "[۰۰:۰۱:۰۵] سارا: سلام", []string{"سارا|1m5s|سلام"}},
		{"reported speech is not a speaker", "Sara: she told me\nand then he said: no way\nاو گفت: نه",
			[]string{"Sara|-|she told me and then he said: no way او گفت: نه"}},
		{"urls and clock text are not speakers", "Sara: see\nhttps://example.com/x\n10:30 is fine",
			[]string{"Sara|-|see https://example.com/x 10:30 is fine"}},
		{"no speakers: paragraphs", "First note.\nwrapped line\n\nSecond note.",
			[]string{"|-|First note. wrapped line", "|-|Second note."}},
		{"text before first speaker", "Interview 3, Tehran\n\nQ: Why?\nA: Price.",
			[]string{"|-|Interview 3, Tehran", "Q|-|Why?", "A|-|Price."}},
		{"empty turn dropped", "Sara:\nBob: hi", []string{"Bob|-|hi"}},
		{"timestamped text without speaker", "Sara: hi\n[00:00:09] and more",
			[]string{"Sara|-|hi", "|9s|and more"}},
		{"name with role in parens", "Sara (moderator): welcome", []string{"Sara (moderator)|-|welcome"}},
		{"second colon stays in text", "Bob: the ratio was 3:1, note: fine", []string{"Bob|-|the ratio was 3:1, note: fine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.txt", []byte(tt.in), Options{})
			if tr.Format != FormatText {
				t.Errorf("format = %q, want text", tr.Format)
			}
			diffLines(t, show(tr.Utterances), tt.want)
		})
	}
}

func TestParseTextSpeakersAndOrder(t *testing.T) {
	tr := mustParse(t, "a.txt", []byte("B: 1\nA: 2\nB: 3\nC: 4"), Options{})
	if got := tr.Speakers; len(got) != 3 || got[0] != "B" || got[1] != "A" || got[2] != "C" {
		t.Errorf("speakers = %q, want [B A C]", got)
	}
	for i, u := range tr.Utterances {
		if u.Order != i+1 {
			t.Errorf("utterance %d has Order %d", i, u.Order)
		}
	}
}

func TestTitle(t *testing.T) {
	for name, want := range map[string]string{
		"Focus group 1.docx": "Focus group 1", "interview.TXT": "interview", "call.vtt": "call", "clip.srt": "clip",
		"notes.md": "notes.md", ".txt": ".txt", "مصاحبه ۱.txt": "مصاحبه ۱", "v1.2 notes": "v1.2 notes",
	} {
		if got := Title(name); got != want {
			t.Errorf("Title(%q) = %q, want %q", name, got, want)
		}
	}
}
