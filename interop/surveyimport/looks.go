package surveyimport

import (
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
	switch shape := csvtable.Describe(text); {
	case shape.Records > 0:
		return failure("import_looks_records", shape.Records)
	case len(shape.Columns) > 0:
		return failure("import_looks_table", len(shape.Columns), strings.Join(shape.Columns[:min(len(shape.Columns), 3)], ", "))
	}
	return nil
}
