package transcript

import (
	"errors"
	"io"
	"strings"
	"testing"
)

const sampleVTT = `WEBVTT - interview 3
Kind: captions

NOTE this is a comment
that spans two lines

STYLE
::cue { color: yellow }

1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Interviewer>How did you hear about us?</v>

2
00:00:04.500 --> 00:00:07.000
<v.loud Ali>From a friend,
on Instagram.</v>

00:00:07.000 --> 00:00:09.000
<v Ali><i>Really</i> &amp; truly.

intro-4
01:02.250 --> 01:05.000
<v Interviewer>Thanks.</v> <v Ali>Sure!</v>
`

const sampleSRT = "1\r\n00:00:01,000 --> 00:00:04,000\r\nInterviewer: How did you hear about us?\r\n\r\n" +
	"2\r\n00:00:04,500 --> 00:00:07,000 X1:40 X2:600\r\n<i>Ali: From a friend,</i>\r\non Instagram.\r\n\r\n" +
	"3\r\n00:00:07,000 --> 00:00:09,000\r\n{\\an8}No speaker here.\r\n\r\n" +
	"4\r\n00:01:02,250 --> 00:01:05,000\r\n- Thanks.\r\n- Sure!\r\n"

func TestParseVTT(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opt  Options
		want []string
	}{
		{"full sample", sampleVTT, Options{}, []string{
			"Interviewer|1s|How did you hear about us?",
			"Ali|4.5s|From a friend, on Instagram. Really & truly.",
			"Interviewer|1m2.25s|Thanks.",
			"Ali|1m2.25s|Sure!",
		}},
		{"keep cues", sampleVTT, Options{KeepCues: true}, []string{
			"Interviewer|1s|How did you hear about us?",
			"Ali|4.5s|From a friend, on Instagram.",
			"Ali|7s|Really & truly.",
			"Interviewer|1m2.25s|Thanks.",
			"Ali|1m2.25s|Sure!",
		}},
		{"zoom style name prefix", "WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.000\nمریم رضایی: سلام\n\n2\n00:00:02.000 --> 00:00:03.000\nمریم رضایی: خوبید؟\n", Options{},
			[]string{"مریم رضایی|0s|سلام خوبید؟"}},
		{"no speaker cues stay separate", "WEBVTT\n\n00:01.000 --> 00:02.000\nhello\n\n00:02.000 --> 00:03.000\nworld\n", Options{},
			[]string{"|1s|hello", "|2s|world"}},
		{"inline timestamps and classes", "WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v Bob><c.red>one</c> <00:00:02.000>two</v>\n", Options{},
			[]string{"Bob|1s|one two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.vtt", []byte(tt.in), tt.opt)
			if tr.Format != FormatVTT {
				t.Errorf("format = %q, want vtt", tr.Format)
			}
			diffLines(t, show(tr.Utterances), tt.want)
		})
	}
}

func TestParseSRT(t *testing.T) {
	tr := mustParse(t, "a.srt", []byte(sampleSRT), Options{})
	if tr.Format != FormatSRT {
		t.Errorf("format = %q, want srt", tr.Format)
	}
	diffLines(t, show(tr.Utterances), []string{
		"Interviewer|1s|How did you hear about us?",
		"Ali|4.5s|From a friend, on Instagram.",
		"|7s|No speaker here.",
		"|1m2.25s|Thanks.",
		"|1m2.25s|Sure!",
	})

	// A blank line inside a cue's text does not lose the rest of the cue.
	tr = mustParse(t, "b.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nAli: one\n\ntwo\n\n2\n00:00:03,000 --> 00:00:04,000\nBob: three\n"), Options{})
	diffLines(t, show(tr.Utterances), []string{"Ali|1s|one two", "Bob|3s|three"})
}

func TestParseDOCX(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string
	}{
		{"speaker paragraphs", para("Interviewer: ", "How do you ", "pay?") + para("Ali: By card.") + para("") + para("And cash sometimes."),
			[]string{"Interviewer|-|How do you pay?", "Ali|-|By card.\nAnd cash sometimes."}},
		{"persian with timestamps", para("[00:01:02] مصاحبه‌گر: از کجا خرید می‌کنید؟") + para("[00:01:09] رضا: از اینستاگرام"),
			[]string{"مصاحبه‌گر|1m2s|از کجا خرید می‌کنید؟", "رضا|1m9s|از اینستاگرام"}},
		{"tabs breaks and deleted text", `<w:p><w:r><w:t>Sara:</w:t><w:tab/><w:t>one</w:t><w:br/><w:t>two</w:t><w:delText>gone</w:delText></w:r></w:p>`,
			[]string{"Sara|-|one two"}},
		{"transcript table", `<w:tbl>` +
			`<w:tr><w:tc>` + para("Time") + `</w:tc><w:tc>` + para("Speaker") + `</w:tc><w:tc>` + para("Text") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + para("00:00:05") + `</w:tc><w:tc>` + para("Moderator") + `</w:tc><w:tc>` + para("Welcome.") + para("Ready?") + `</w:tc></w:tr>` +
			`<w:tr><w:tc>` + para("00:00:09") + `</w:tc><w:tc>` + para("Nima") + `</w:tc><w:tc>` + para("Yes.") + `</w:tc></w:tr>` +
			`</w:tbl>`,
			[]string{"Moderator|5s|Welcome. Ready?", "Nima|9s|Yes."}},
		{"no speakers", para("Notes from the store visit.") + para("Queue was long."),
			[]string{"|-|Notes from the store visit.", "|-|Queue was long."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.docx", docx(t, tt.body), Options{})
			if tr.Format != FormatDOCX || tr.Encoding != EncodingDOCX {
				t.Errorf("format, encoding = %q, %q; want docx, docx", tr.Format, tr.Encoding)
			}
			diffLines(t, show(tr.Utterances), tt.want)
		})
	}
}

func TestEncodings(t *testing.T) {
	const text = "مصاحبه‌گر: سلام، چطور خرید می‌کنید؟\r\nپاسخگو: معمولاً از سایت.\r\n"
	want := []string{"مصاحبه‌گر|-|سلام، چطور خرید می‌کنید؟", "پاسخگو|-|معمولاً از سایت."}
	const en = "Interviewer: Hello there\nAli: Hi\n"
	wantEn := []string{"Interviewer|-|Hello there", "Ali|-|Hi"}
	tests := []struct {
		name string
		data []byte
		enc  Encoding
		want []string
	}{
		{"utf-8", []byte(text), EncodingUTF8, want},
		{"utf-8 bom", append([]byte("\xef\xbb\xbf"), text...), EncodingUTF8BOM, want},
		{"utf-16le bom", utf16Bytes(text, false, true), EncodingUTF16LE, want},
		{"utf-16be bom", utf16Bytes(text, true, true), EncodingUTF16BE, want},
		{"utf-16le no bom persian", utf16Bytes(text, false, false), EncodingUTF16LE, want},
		{"utf-16be no bom persian", utf16Bytes(text, true, false), EncodingUTF16BE, want},
		{"utf-16le no bom english", utf16Bytes(en, false, false), EncodingUTF16LE, wantEn},
		{"utf-16be no bom english", utf16Bytes(en, true, false), EncodingUTF16BE, wantEn},
		// Windows-1256 has no Persian yeh (U+06CC); old files use the Arabic one.
		{"windows-1256", win1256(t, strings.ReplaceAll(text, "ی", "ي")), EncodingWindows1256,
			[]string{strings.ReplaceAll(want[0], "ی", "ي"), strings.ReplaceAll(want[1], "ی", "ي")}},
		{"old mac line endings", []byte("A: one\rB: two\r"), EncodingUTF8, []string{"A|-|one", "B|-|two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := mustParse(t, "a.txt", tt.data, Options{})
			if tr.Encoding != tt.enc {
				t.Errorf("encoding = %q, want %q", tr.Encoding, tt.enc)
			}
			diffLines(t, show(tr.Utterances), tt.want)
		})
	}
	// Subtitle formats go through the same decoder.
	tr := mustParse(t, "a.vtt", utf16Bytes("WEBVTT\n\n00:01.000 --> 00:02.000\n<v علی>سلام\n", false, true), Options{})
	diffLines(t, show(tr.Utterances), []string{"علی|1s|سلام"})
	tr = mustParse(t, "a.srt", win1256(t, "1\n00:00:01,000 --> 00:00:02,000\nعلي: سلام\n"), Options{})
	diffLines(t, show(tr.Utterances), []string{"علي|1s|سلام"})
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name, file, in string
		want           Format
	}{
		{"vtt saved as txt", "x.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n", FormatVTT},
		{"srt saved as txt", "x.txt", "\n1\n00:00:01,000 --> 00:00:02,000\nhi\n", FormatSRT},
		{"no extension", "transcript", "A: hi", FormatText},
		{"upper-case extension", "X.SRT", "1\n00:00:01,000 --> 00:00:02,000\nhi\n", FormatSRT},
		{"windows path", `C:\Users\me\notes.md`, "A: hi", FormatText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tr := mustParse(t, tt.file, []byte(tt.in), Options{}); tr.Format != tt.want {
				t.Errorf("format = %q, want %q", tr.Format, tt.want)
			}
		})
	}
	if tr := mustParse(t, "a.docx", docx(t, para("A: hi")), Options{}); tr.Format != FormatDOCX {
		t.Errorf("docx detected as %q", tr.Format)
	}
	if tr := mustParse(t, "renamed.txt", docx(t, para("A: hi")), Options{}); tr.Format != FormatDOCX {
		t.Errorf("docx renamed to .txt detected as %q", tr.Format)
	}
	if tr := mustParse(t, "a.txt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n"), Options{Format: FormatText}); tr.Format != FormatText {
		t.Errorf("forced format ignored: %q", tr.Format)
	}
}

func TestParseErrors(t *testing.T) {
	defer func(old int64) { docxXMLLimit = old }(docxXMLLimit)
	docxXMLLimit = 64 << 10
	bigXML := docxXML(para(strings.Repeat("a", 1<<20)))
	tests := []struct {
		name, file string
		data       []byte
		opt        Options
		kind       error
		line       int
		msg        string // substring of Error()
	}{
		{"pdf", "a.pdf", []byte("%PDF-1.4"), Options{}, ErrUnknownFormat, 0, "a.pdf: format not recognised: .pdf files are not supported"},
		{"hostile file name", "../../x\n\x1b[31m.pdf", []byte("%PDF"), Options{}, ErrUnknownFormat, 0, "x[31m.pdf: format not recognised"},
		{"unknown extension", "a.rtf2", []byte("a,b"), Options{}, ErrUnknownFormat, 0, `format not recognised: ".rtf2"`},
		// Tables say they are tables (a workbook was "not a valid .docx").
		{"csv", "a.csv", []byte("a,b"), Options{}, ErrTable, 0, "a.csv: format not recognised: a .csv file is a table of data, not a transcript"},
		{"json lines", "reviews.jsonl", []byte("{\"a\":1}\n"), Options{}, ErrUnknownFormat, 0, "a .jsonl file is a table of data"},
		{"workbook", "notes.docx", zipFiles(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), Options{}, ErrTable, 0, "notes.docx: format not recognised: a .xlsx file is a table of data"},
		{"binary as txt", "a.txt", []byte("\x00\x01\x02\x03\x04\x05\x07\x08\x0e\x0f\x10\x11"), Options{}, ErrUnknownFormat, 0, "not text"},
		{"png as txt", "a.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"), make([]byte, 64)...), Options{}, ErrUnknownFormat, 0, "not text"},
		{"empty", "a.txt", nil, Options{}, ErrEmpty, 0, "a.txt: empty transcript"},
		{"whitespace only", "a.txt", []byte(" \n\t\n\xef\xbb\xbf"), Options{}, ErrEmpty, 0, "empty transcript"},
		{"speakers without text", "a.txt", []byte("A:\nB:\n"), Options{}, ErrEmpty, 0, "empty transcript"},
		{"too large", "big.txt", make([]byte, MaxSize+1), Options{}, ErrTooLarge, 0, "big.txt: file too large: 10 MiB; the limit is 10 MiB"},
		{"vtt without header", "a.vtt", []byte("00:01.000 --> 00:02.000\nhi\n"), Options{}, ErrMalformed, 1, `line 1: malformed WebVTT header`},
		{"vtt bad end time", "a.vtt", []byte("WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nhi\n"), Options{}, ErrMalformed, 4, `a.vtt: line 4: malformed cue timing "00:00:01.000 --> 00:00:0x.000": bad end time`},
		{"vtt seconds over 59", "a.vtt", []byte("WEBVTT\n\n00:00:61.000 --> 00:01:02.000\nhi\n"), Options{}, ErrMalformed, 3, "seconds must be below 60"},
		{"vtt end before start", "a.vtt", []byte("WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nhi\n"), Options{}, ErrMalformed, 3, "end time is before start"},
		{"vtt block without timing", "a.vtt", []byte("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n\nstray text\n"), Options{}, ErrMalformed, 6, "expected a timing line"},
		{"vtt cue glued to header", "a.vtt", []byte("WEBVTT\n00:01.000 --> 00:02.000\nhi\n"), Options{}, ErrMalformed, 2, "blank line must separate"},
		{"vtt header only", "a.vtt", []byte("WEBVTT\n\nNOTE nothing\n"), Options{}, ErrEmpty, 0, "empty transcript"},
		{"srt bad timing", "a.srt", []byte("1\n00:00:01,000 --> 00:00:02,000\nhi\n\n2\n00:00:03,000 -> 00:00:04,000\nho\n"), Options{}, ErrMalformed, 6, `line 6: malformed subtitle timing "00:00:03,000 -> 00:00:04,000"`},
		{"srt garbage first block", "a.srt", []byte("hello\nworld\n"), Options{}, ErrMalformed, 1, "expected a cue number"},
		{"srt missing end", "a.srt", []byte("1\n00:00:01,000 -->\nhi\n"), Options{}, ErrMalformed, 2, "missing end time"},
		{"docx not zip", "a.docx", []byte("just text"), Options{}, ErrInvalidDocx, 0, "a.docx: not a valid .docx document: the file is not a zip"},
		{"docx without document.xml", "a.docx", zipFiles(t, map[string]string{"other.txt": "x"}), Options{}, ErrInvalidDocx, 0, "word/document.xml is missing"},
		{"docx broken xml", "a.docx", zipFiles(t, map[string]string{"word/document.xml": "<w:document><w:p>"}), Options{}, ErrInvalidDocx, 0, "word/document.xml"},
		{"docx zip bomb", "a.docx", zipFiles(t, map[string]string{"word/document.xml": bigXML}), Options{}, ErrDocxTextTooLarge, 0, "a.docx: the document text expands beyond the limit of 64 KiB when unpacked"},
		{"forced docx on text", "a.txt", []byte("A: b"), Options{Format: FormatDOCX}, ErrInvalidDocx, 0, "not a zip"},
		{"unknown forced encoding", "a.txt", []byte("A: b"), Options{Encoding: "latin1"}, ErrUnknownFormat, 0, `unsupported encoding "latin1"`},
		{"docx empty", "a.docx", docx(t, para("")+para("  ")), Options{}, ErrEmpty, 0, "empty transcript"},
		{"too many utterances", "long.txt", []byte(strings.Repeat("A: hi\nB: ho\n", MaxUtterances/2+1)), Options{}, ErrTooManyUtterances, 0, "long.txt: more than 20000 utterances, the limit per transcript"},
		{"too many utterances is too large", "long.txt", []byte(strings.Repeat("A: hi\nB: ho\n", MaxUtterances/2+1)), Options{}, ErrTooLarge, 0, "split the file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, err := Parse(tt.file, tt.data, tt.opt)
			if err == nil {
				t.Fatalf("Parse succeeded with %d utterances, want error %v", len(tr.Utterances), tt.kind)
			}
			if tr != nil {
				t.Errorf("Parse returned a transcript along with error %v", err)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("error %q is not %v", err, tt.kind)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T is not *Error", err)
			}
			if e.Line != tt.line {
				t.Errorf("line = %d, want %d (%v)", e.Line, tt.line, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
		})
	}
}

func TestParseReaderLimit(t *testing.T) {
	_, err := ParseReader("big.txt", io.LimitReader(endless{}, MaxSize+1), Options{})
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	tr, err := ParseReader("ok.txt", strings.NewReader("A: x\n"), Options{})
	if err != nil || len(tr.Utterances) != 1 {
		t.Fatalf("ParseReader = %v, %v", tr, err)
	}
}

// endless reads as an endless stream of "A: x\n".
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "A: x\n"[i%5]
	}
	return len(p), nil
}
