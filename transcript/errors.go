package transcript

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentinel errors. Every error Parse returns is an *Error whose Kind is one
// of these, so callers can branch with errors.Is and show Error() to users.
var (
	ErrUnknownFormat = errors.New("format not recognised")
	ErrMalformed     = errors.New("malformed transcript")
	ErrEmpty         = errors.New("empty transcript")
	ErrTooLarge      = errors.New("file too large")
	ErrInvalidDocx   = errors.New("not a valid .docx document")
	// ErrDocxTextTooLarge and ErrTooManyUtterances are ErrTooLarge for a
	// limit other than the file size (errors.Is matches both).
	ErrDocxTextTooLarge  = fmt.Errorf("document text too large: %w", ErrTooLarge)
	ErrTooManyUtterances = fmt.Errorf("too many utterances: %w", ErrTooLarge)
	// ErrTable is ErrUnknownFormat for a table of data (a CSV, JSON Lines
	// or a workbook), which researchers send for a transcript.
	ErrTable = fmt.Errorf("a table, not a transcript: %w", ErrUnknownFormat)
)

// Error is a parse failure with a message fit for the person who uploaded
// the file, e.g. `interview.vtt: line 12: malformed cue timing "00:01 --> x": bad end time`.
type Error struct {
	File string // base name of the file, "" if unknown
	Line int    // 1-based line of the problem, 0 if not about one line
	Kind error  // ErrUnknownFormat, ErrMalformed, ErrEmpty, ErrTooLarge (or a more precise one) or ErrInvalidDocx
	Msg  string // human-readable description, without file and line
	// Problem is what is malformed (Kind ErrMalformed), by code, so a
	// caller can say it in its reader's language.
	Problem *Problem
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap makes errors.Is(err, ErrMalformed) and friends work.
func (e *Error) Unwrap() error { return e.Kind }

func malformed(line int, code string, args ...any) *Error {
	p := problem(code, args...)
	return &Error{Line: line, Kind: ErrMalformed, Msg: "malformed " + p.Error(), Problem: p}
}

// Problem is what is wrong in a malformed file: Messages[Code] is its
// English text and Args fill it in. An Arg may itself be a *Problem (a
// cue's timing says which of its times is wrong, and why).
type Problem struct {
	Code string
	Args []any
}

func (p *Problem) Error() string { return fmt.Sprintf(Messages[p.Code], p.Args...) }

func problem(code string, args ...any) *Problem { return &Problem{Code: code, Args: args} }

// Messages are the English texts of the problems of a malformed file, by
// code; the web layer keeps a translation of each.
var Messages = map[string]string{
	"tr_clock_fraction":   "bad fraction of a second",
	"tr_clock_form":       "want hh:mm:ss or mm:ss",
	"tr_clock_two_digits": "want two-digit minutes and seconds",
	"tr_clock_too_large":  "time too large",
	"tr_clock_minutes":    "minutes must be below 60",
	"tr_clock_seconds":    "seconds must be below 60",
	"tr_timing_arrow":     "want \"start --> end\"",
	"tr_timing_start":     "bad start time: %v",
	"tr_timing_no_end":    "missing end time",
	"tr_timing_end":       "bad end time: %v",
	"tr_timing_order":     "end time is before start time",
	"tr_srt_timing":       "subtitle timing %q: expected \"00:00:01,000 --> 00:00:04,000\"",
	"tr_srt_block":        "subtitle block: expected a cue number and a timing line, got %q",
	"tr_srt_timing_error": "subtitle timing %q: %v",
	"tr_vtt_header":       "WebVTT header: the file must start with \"WEBVTT\"",
	"tr_vtt_blank":        "WebVTT header: a blank line must separate the header from the first cue",
	"tr_vtt_cue":          "cue: expected a timing line like \"00:00:01.000 --> 00:00:04.000\" after %q",
	"tr_vtt_timing_error": "cue timing %q: %v",
	"tr_table":            "a %s file is a table of data, not a transcript: use .txt with \"Speaker: text\" lines, .vtt, .srt or .docx",
}

func tooLarge(file string, size int64) *Error {
	return &Error{File: file, Kind: ErrTooLarge, Msg: fmt.Sprintf(
		"file too large: %s; the limit is %s", humanSize(size), humanSize(MaxSize))}
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		s := fmt.Sprintf("%.1f", float64(n)/(1<<20))
		return strings.TrimSuffix(s, ".0") + " MiB"
	case n >= 1<<10:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// baseName keeps only the last path element of an (untrusted) upload name,
// whether it uses / or \ separators, without control characters, so it is
// safe in messages and logs.
func baseName(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, name)
	if r := []rune(name); len(r) > 100 {
		name = string(r[:100]) + "..."
	}
	return name
}
