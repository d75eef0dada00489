package csvtable

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/safarhq/safar/internal/textenc"
)

// Format is what the first bytes of a file say it is.
type Format int

const (
	CSV  Format = iota // text: CSV, TSV or semicolon-separated, any supported encoding
	Zip                // a zip archive: an .xlsx workbook or something else zipped
	JSON               // JSON Lines or an array of objects (ReadJSON)
)

// ErrNotTable says a file is neither a CSV nor a workbook. Its message is
// the one line a user sees, naming what the file looks like instead.
type ErrNotTable struct{ Kind string }

func (e *ErrNotTable) Error() string {
	return fmt.Sprintf("this looks like a %s file; export it as CSV or XLSX", e.Kind)
}

// ErrNoRows is returned by callers that need data when a table has a
// header but nothing below it.
var ErrNoRows = errors.New("no data rows below the header")

// Sniff classifies a file by its first bytes (a few KB are enough). JSON
// records are JSON; other text in UTF-8 or UTF-16 (with a byte-order mark
// or without) is CSV; a zip archive is Zip
// (the caller looks inside for a workbook); PDF, the old binary Office
// format and anything with control bytes are refused with *ErrNotTable.
func Sniff(head []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte("PK\x05\x06")):
		return Zip, nil
	case looksJSON(head):
		return JSON, nil
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return 0, &ErrNotTable{Kind: "PDF"}
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return 0, &ErrNotTable{Kind: "legacy Office (.xls/.doc)"}
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}),
		textenc.UTF16Order(head) != textenc.NotUTF16:
		return CSV, nil // UTF-16 text has NUL bytes by nature
	}
	control := 0
	for _, b := range head {
		switch {
		case b == 0:
			return 0, &ErrNotTable{Kind: "binary"}
		case b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != 0x1b && b != '\f':
			control++
		}
	}
	// A stray control character can sit in a respondent's text; a file
	// where they are common is not text.
	if control > 0 && control*100 > len(head) {
		return 0, &ErrNotTable{Kind: "binary"}
	}
	return CSV, nil
}
