package csvtable

import (
	"bufio"
	"bytes"
	"encoding/json"
)

// Shape is what a file looks like as data, so that a reader expecting
// something else (a survey, a codebook) can say what it was sent.
type Shape struct {
	Records int      // JSON records: two or more lines of objects, or an array of objects
	Columns []string // a delimited table's header: two or more columns, a row below of as many
}

// Describe reads UTF-8 text for a Shape: the zero Shape when it is neither
// records nor a table.
func Describe(text []byte) Shape {
	if n := jsonRecords(text); n > 0 {
		return Shape{Records: n}
	}
	if bytes.HasPrefix(bytes.TrimSpace(text), []byte("<")) {
		return Shape{} // markup, whatever commas its lines hold
	}
	if t, err := Read(bytes.NewReader(text)); err == nil && len(t.Header) > 1 && len(t.Rows) > 0 && len(t.Rows[0]) == len(t.Header) {
		return Shape{Columns: t.Header}
	}
	return Shape{}
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
	sc.Buffer(nil, len(b)+1)
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
