package surveyimport

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"strings"

	"github.com/safarhq/safar/internal/csvtable"
)

// unknownFile is the refusal of a file in no survey format, saying what
// it looks like instead when that is clear (NotSurvey).
func unknownFile(raw, text []byte) error {
	if err := NotSurvey(raw, text); err != nil {
		return err
	}
	return failure("import_unknown")
}

// NotSurvey says what a file plainly not a survey definition is: a table
// of data (CSV, TSV, Excel's "Unicode text") or data records (JSON Lines),
// which researchers mistake for a survey, or a document or other binary
// file; nil when it is none of these. raw is the file as uploaded, text
// the same decoded to UTF-8.
func NotSurvey(raw, text []byte) error {
	_, err := csvtable.Sniff(raw[:min(len(raw), 8192)])
	var nt *csvtable.ErrNotTable
	if errors.As(err, &nt) {
		switch {
		case strings.HasPrefix(nt.Kind, "PDF"):
			return failure("import_looks_pdf")
		case strings.HasPrefix(nt.Kind, "legacy Office"):
			return failure("import_looks_office")
		}
		return failure("import_looks_binary")
	}
	if n := jsonRecords(text); n > 0 {
		return failure("import_looks_records", n)
	}
	if t, err := csvtable.Read(bytes.NewReader(text)); err == nil && len(t.Header) > 1 && len(t.Rows) > 0 && len(t.Rows[0]) == len(t.Header) {
		return failure("import_looks_table", len(t.Header), strings.Join(t.Header[:min(len(t.Header), 3)], ", "))
	}
	return nil
}

// jsonRecords counts the records of JSON Lines (two or more lines, each
// an object) or of a JSON array of objects; 0 when text is neither.
func jsonRecords(text []byte) int {
	b := bytes.TrimSpace(text)
	if bytes.HasPrefix(b, []byte("[")) {
		var recs []map[string]json.RawMessage
		if json.Unmarshal(b, &recs) != nil {
			return 0
		}
		return len(recs)
	}
	n := 0
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, MaxFileSize)
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec map[string]json.RawMessage
		if json.Unmarshal(line, &rec) != nil {
			return 0
		}
		n++
	}
	if n < 2 || sc.Err() != nil {
		return 0
	}
	return n
}
