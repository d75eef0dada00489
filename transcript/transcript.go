// Package transcript turns interview and focus-group transcript files into
// ordered utterances (speaker, optional start time, text).
//
// It reads plain text with "Speaker: text" turns, WebVTT, SRT and .docx, in
// UTF-8 (with or without BOM), UTF-16 (LE/BE, with or without BOM) and
// Windows-1256, the encoding of old Persian Notepad and Word files. It can
// redact e-mail addresses, phone numbers and card- and national-ID-like digit
// runs on the way in. Parsing is all or nothing: a file either yields a whole
// transcript or a typed *Error, never a partial result, so callers can store
// the result in one transaction.
//
// The package imports the standard library, golang.org/x/text and the
// survey domain (the stored form of a transcript, Stored), so the CLI, the
// web layer and tests can all use it directly.
package transcript

import (
	"fmt"
	"io"
	"time"
)

// MaxSize is the largest input Parse accepts, in bytes. Interview transcripts
// are far smaller; the limit protects the server from accidental uploads.
const MaxSize = 10 << 20 // 10 MiB

// MaxDocxXMLSize caps the uncompressed size of word/document.xml inside a
// .docx, so a small zip cannot expand into gigabytes (a zip bomb).
const MaxDocxXMLSize = 32 << 20 // 32 MiB

// MaxUtterances caps the utterances of one transcript. A two-hour focus
// group has a few thousand; 10 MiB of one-word lines would be a million,
// which no researcher reads and which made a 904 MB page.
const MaxUtterances = 20_000

// Format is a transcript file format.
type Format string

// Supported formats. FormatAuto asks Parse to detect the format.
const (
	FormatAuto Format = ""
	FormatText Format = "text"
	FormatVTT  Format = "vtt"
	FormatSRT  Format = "srt"
	FormatDOCX Format = "docx"
)

// Encoding names the character encoding a file was decoded from.
type Encoding string

// Encodings Parse detects. EncodingAuto asks Parse to detect it.
const (
	EncodingAuto        Encoding = ""
	EncodingUTF8        Encoding = "utf-8"
	EncodingUTF8BOM     Encoding = "utf-8-bom"
	EncodingUTF16LE     Encoding = "utf-16le"
	EncodingUTF16BE     Encoding = "utf-16be"
	EncodingWindows1256 Encoding = "windows-1256"
	EncodingDOCX        Encoding = "docx" // XML inside a .docx is always Unicode
)

// Options control Parse. The zero value detects format and encoding, merges
// consecutive subtitle cues of the same speaker and does not redact.
type Options struct {
	// Format forces a format instead of detecting it from name and content.
	Format Format
	// Encoding forces a text encoding instead of detecting it (ignored for .docx).
	Encoding Encoding
	// Redact replaces personal data in text and speaker names; see Redact.
	Redact bool
	// KeepCues keeps every VTT/SRT cue as its own utterance. By default
	// consecutive cues of the same named speaker merge into one turn.
	KeepCues bool
}

// Utterance is one turn of speech.
type Utterance struct {
	Order    int           // 1-based position in the transcript
	Speaker  string        // "" when the file does not say who spoke
	Start    time.Duration // offset from the start of the recording; valid if HasStart
	HasStart bool
	Text     string
}

// Transcript is a parsed file.
type Transcript struct {
	Format     Format
	Encoding   Encoding
	Utterances []Utterance
	// Speakers are the distinct non-empty speaker names in order of first appearance.
	Speakers []string
	// SuggestedModerator is a guess of the interviewer/moderator ("" if no
	// guess), for the speaker-mapping screen to pre-select. It is only a
	// suggestion: a researcher confirms it. ModeratorReason says why
	// ("name", "turn-taking" or "questions"; see GuessModerator).
	SuggestedModerator string
	ModeratorReason    string
	// Redactions counts what Options.Redact replaced.
	Redactions Counts
}

// Parse parses one transcript file. name is used for the extension and in
// error messages; data is the whole file. Errors are *Error values that
// match ErrUnknownFormat, ErrMalformed, ErrEmpty, ErrTooLarge or
// ErrInvalidDocx with errors.Is.
func Parse(name string, data []byte, opt Options) (*Transcript, error) {
	file := baseName(name)
	if len(data) > MaxSize {
		return nil, tooLarge(file, int64(len(data)))
	}
	t, err := parse(name, data, opt)
	if err != nil {
		if e, ok := err.(*Error); ok && e.File == "" {
			e.File = file
		}
		return nil, err
	}
	return t, nil
}

// ParseReader reads at most MaxSize bytes from r and parses them like Parse.
// A longer input fails with ErrTooLarge without reading the rest.
func ParseReader(name string, r io.Reader, opt Options) (*Transcript, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("transcript: reading %s: %w", baseName(name), err)
	}
	if len(data) > MaxSize {
		return nil, tooLarge(baseName(name), int64(len(data)))
	}
	return Parse(name, data, opt)
}

func parse(name string, data []byte, opt Options) (*Transcript, error) {
	format := opt.Format
	if format == FormatAuto {
		f, err := detectFormat(name, data)
		if err != nil {
			return nil, err
		}
		format = f
	}
	t := &Transcript{Format: format}
	var (
		utts []Utterance
		err  error
	)
	switch format {
	case FormatDOCX:
		t.Encoding = EncodingDOCX
		var text string
		if text, err = docxText(data); err != nil {
			return nil, err
		}
		utts = parseText(text)
	case FormatText, FormatVTT, FormatSRT:
		var text string
		text, t.Encoding, err = decode(data, opt.Encoding)
		if err != nil {
			return nil, err
		}
		if opt.Format == FormatAuto && format == FormatText {
			// Content beats a .txt extension: WebVTT and SRT are often saved as .txt.
			format = sniffText(text, format)
			t.Format = format
		}
		switch format {
		case FormatVTT:
			utts, err = parseVTT(text, opt.KeepCues)
		case FormatSRT:
			utts, err = parseSRT(text, opt.KeepCues)
		default:
			utts = parseText(text)
		}
		if err != nil {
			return nil, err
		}
	default:
		return nil, &Error{Kind: ErrUnknownFormat, Msg: fmt.Sprintf("format not recognised: unknown format %q", string(format))}
	}
	if err := finish(t, utts, opt); err != nil {
		return nil, err
	}
	return t, nil
}
