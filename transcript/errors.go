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
)

// Error is a parse failure with a message fit for the person who uploaded
// the file, e.g. `interview.vtt: line 12: malformed cue timing "00:01 --> x": bad end time`.
type Error struct {
	File string // base name of the file, "" if unknown
	Line int    // 1-based line of the problem, 0 if not about one line
	Kind error  // ErrUnknownFormat, ErrMalformed, ErrEmpty, ErrTooLarge (or a more precise one) or ErrInvalidDocx
	Msg  string // human-readable description, without file and line
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

func malformed(line int, format string, args ...any) *Error {
	return &Error{Line: line, Kind: ErrMalformed, Msg: "malformed " + fmt.Sprintf(format, args...)}
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
