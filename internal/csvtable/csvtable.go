// Package csvtable reads a CSV export from any tool into a header and rows.
//
// Exports from survey tools and spreadsheets arrive in many shapes: UTF-8
// with or without a byte-order mark, UTF-16 from Excel's "Unicode text",
// Windows-1256 from spreadsheets on Persian Windows,
// semicolons in European locales, tabs, ragged rows and stray quotes. The
// reader accepts all of these and reports problems by line number and column
// name, so a consultant can fix the file rather than guess.
package csvtable

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/safarhq/safar/internal/textenc"
)

// Table is a parsed CSV file: one header row and the data rows below it.
type Table struct {
	Name      string     // file name (for error messages); may be empty
	Header    []string   // column names, trimmed of surrounding spaces
	Rows      [][]string // data rows; may be shorter or longer than Header
	Lines     []int      // Lines[i] is the 1-based file line where Rows[i] starts
	Delimiter rune       // the sniffed field delimiter
}

// ReadFile opens and parses the CSV file at path.
func ReadFile(path string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	t, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	t.Name = path
	return t, nil
}

// Read parses CSV from r. The encoding (textenc: UTF-8 or UTF-16 with or
// without a byte-order mark, else Windows-1256) and the delimiter (comma,
// semicolon or tab) are detected.
func Read(r io.Reader) (*Table, error) {
	sb := bufio.NewReaderSize(textenc.NewReader(r), 64<<10)
	sample, _ := sb.Peek(16 << 10)
	delim := sniffDelimiter(sample)

	cr := csv.NewReader(sb)
	cr.Comma = delim
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = false

	t := &Table{Delimiter: delim}
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, errors.New("empty file: no header row")
	}
	if err != nil {
		return nil, lineError(err)
	}
	for i, h := range header {
		header[i] = strings.TrimSpace(h)
	}
	t.Header = header
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, lineError(err)
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue // blank line inside the file
		}
		line, _ := cr.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	return t, nil
}

func lineError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Errorf("line %d, field %d: %w", pe.StartLine, pe.Column, pe.Err)
	}
	return err
}

// sniffDelimiter picks the candidate delimiter that occurs most often,
// outside quotes, on the first line of sample. Comma wins ties.
func sniffDelimiter(sample []byte) rune {
	counts := map[rune]int{}
	inQuote := false
	for _, b := range sample {
		if b == '"' {
			inQuote = !inQuote
			continue
		}
		if inQuote {
			continue
		}
		if b == '\n' {
			break
		}
		switch b {
		case ',', ';', '\t':
			counts[rune(b)]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// Col returns the index of the column called name. An exact match wins;
// otherwise a case-insensitive match is accepted. The error lists the
// available columns so the user can correct a typo.
func (t *Table) Col(name string) (int, error) {
	for i, h := range t.Header {
		if h == name {
			return i, nil
		}
	}
	for i, h := range t.Header {
		if strings.EqualFold(h, strings.TrimSpace(name)) {
			return i, nil
		}
	}
	quoted := make([]string, len(t.Header))
	for i, h := range t.Header {
		quoted[i] = fmt.Sprintf("%q", h)
	}
	return -1, fmt.Errorf("no column %q; available columns: %s", name, strings.Join(quoted, ", "))
}

// Value returns row i's field in column col, or "" when the row is short.
func (t *Table) Value(i, col int) string {
	if col < 0 || col >= len(t.Rows[i]) {
		return ""
	}
	return t.Rows[i][col]
}

// Line returns the 1-based file line where row i starts.
func (t *Table) Line(i int) int { return t.Lines[i] }
