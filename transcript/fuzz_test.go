package transcript

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkTranscript asserts the invariants every successful Parse keeps.
func checkTranscript(t *testing.T, tr *Transcript, err error) {
	t.Helper()
	if err != nil {
		var e *Error
		if tr != nil {
			t.Fatalf("transcript returned with error %v", err)
		}
		if !errors.As(err, &e) || e.Kind == nil || e.Msg == "" {
			t.Fatalf("error %#v is not a complete *Error", err)
		}
		return
	}
	if len(tr.Utterances) == 0 {
		t.Fatal("success with no utterances")
	}
	seen := map[string]bool{}
	for _, s := range tr.Speakers {
		if s == "" || seen[s] {
			t.Fatalf("bad speaker list %q", tr.Speakers)
		}
		seen[s] = true
	}
	next, met := 0, map[string]bool{}
	for i, u := range tr.Utterances {
		if u.Order != i+1 {
			t.Fatalf("utterance %d has Order %d", i, u.Order)
		}
		if strings.TrimSpace(u.Text) == "" || !utf8.ValidString(u.Text) || !utf8.ValidString(u.Speaker) {
			t.Fatalf("bad utterance %+v", u)
		}
		if u.Start < 0 || (!u.HasStart && u.Start != 0) {
			t.Fatalf("bad start in %+v", u)
		}
		if u.Speaker != "" {
			if !seen[u.Speaker] {
				t.Fatalf("speaker %q missing from %q", u.Speaker, tr.Speakers)
			}
			if !met[u.Speaker] { // first appearances come in list order
				if tr.Speakers[next] != u.Speaker {
					t.Fatalf("speakers %q not in order of appearance", tr.Speakers)
				}
				met[u.Speaker] = true
				next++
			}
		}
	}
	if next != len(tr.Speakers) {
		t.Fatalf("speakers %q include names no utterance has", tr.Speakers)
	}
	if tr.SuggestedModerator != "" && !seen[tr.SuggestedModerator] {
		t.Fatalf("moderator %q is not a speaker", tr.SuggestedModerator)
	}
}

func fuzzParse(f *testing.F, name string, seeds ...[]byte) {
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, data []byte, redact bool) {
		tr, err := Parse(name, data, Options{Redact: redact})
		checkTranscript(t, tr, err)
		if err == nil && redact {
			for _, u := range tr.Utterances {
				if _, c := Redact(u.Text); c.Total() != 0 {
					t.Fatalf("redacted text %q still has %+v", u.Text, c)
				}
			}
		}
	})
}

func FuzzParseText(f *testing.F) {
	fuzzParse(f, "f.txt",
		[]byte("Interviewer: hi?\nAli: 0912 123 4567\ncontinued\n\n[00:01:02] Sara: ok"),
		[]byte("مصاحبه‌گر: سلام؟\nپاسخگو: خوبم"),
		[]byte("Speaker 1  0:05\nHello.\n\n00:00:09\nB: x"),
		utf16Bytes("A: b\nC: d", false, true),
		utf16Bytes("علی: سلام", true, false),
		[]byte("\xe3\xd5\xc7\xcd\xc8\xe5: \xd3\xe1\xc7\xe3"), // Windows-1256
		[]byte(""), []byte("\x00\x01"))
}

func FuzzParseVTT(f *testing.F) {
	fuzzParse(f, "f.vtt", []byte(sampleVTT),
		[]byte("WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>x</v> <v B>y"),
		[]byte("WEBVTT\n\nNOTE x\n\n1\n00:00:01.000 --> 00:00:00.500\nbad"),
		[]byte("WEBVTT\n\n00:01.000 --> 00:02.000 line:0\nمریم: سلام\n- <v"))
}

func FuzzParseSRT(f *testing.F) {
	fuzzParse(f, "f.srt", []byte(sampleSRT),
		[]byte("1\n00:00:01,000 --> 00:00:02,000\nA: x\n\ny\n"),
		[]byte("1\n00:00:01,000 -> x\n"))
}

func FuzzParseDOCX(f *testing.F) {
	f.Add(docx(f, para("A: hi")+para("B: ho")), false)
	f.Add(docx(f, `<w:tbl><w:tr><w:tc>`+para("00:01")+`</w:tc><w:tc>`+para("A")+`</w:tc><w:tc>`+para("x")+`</w:tc></w:tr></w:tbl>`), false)
	f.Add(zipFiles(f, map[string]string{"word/document.xml": "<w:document><w:p>"}), false)
	f.Fuzz(func(t *testing.T, data []byte, redact bool) {
		tr, err := Parse("f.docx", data, Options{Redact: redact})
		checkTranscript(t, tr, err)
	})
}

// FuzzDocumentXML fuzzes the XML inside a valid zip, which random zip bytes
// rarely reach.
func FuzzDocumentXML(f *testing.F) {
	f.Add(docxXML(para("A: hi") + para("B: ho")))
	f.Add(docxXML(`<w:tbl><w:tr><w:tc><w:tbl><w:tr><w:tc>` + para("x") + `</w:tc></w:tr></w:tbl></w:tc></w:tr></w:tbl>`))
	f.Fuzz(func(t *testing.T, xml string) {
		data := zipFiles(t, map[string]string{"word/document.xml": xml})
		tr, err := Parse("f.docx", data, Options{})
		checkTranscript(t, tr, err)
	})
}

func FuzzRedact(f *testing.F) {
	for _, s := range []string{
		"call 0912 123 4567 or +98 912 123 4567, mail a@b.io",
		"کارت ۶۰۳۷ ۹۹۷۵ ۱۲۳۴ ۵۶۷۸ و کد ملی ۰۰۱۲۳۴۵۶۷۸",
		"In 2023 I paid 450,000 at 00:12:31",
		"+1 (415) 555-2671 021-8888 8888 001-234567-8",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, c := Redact(s)
		if c.Total() == 0 && out != s {
			t.Fatalf("nothing counted but text changed: %q -> %q", s, out)
		}
		if c.Total() > 0 && out == s {
			t.Fatalf("counted %+v but text unchanged", c)
		}
		if utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of valid input: %q", out)
		}
		tags := strings.Count(out, TagEmail) - strings.Count(s, TagEmail) +
			strings.Count(out, TagPhone) - strings.Count(s, TagPhone) +
			strings.Count(out, TagCard) - strings.Count(s, TagCard) +
			strings.Count(out, TagID) - strings.Count(s, TagID)
		if tags != c.Total() {
			t.Fatalf("%d new tags for counts %+v: %q -> %q", tags, c, s, out)
		}
		if again, c2 := Redact(out); c2.Total() != 0 || again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q (%+v)", s, out, again, c2)
		}
	})
}
