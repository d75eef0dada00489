package csvtable

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/safarhq/safar/internal/textenc"
)

// looksJSON reports whether a file's first bytes open JSON records: an
// array ("[" then "{" or "]") or an object (JSON Lines: "{" then a key or
// "}"). A CSV header never starts so.
func looksJSON(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	if len(head) < 2 || head[0] != '[' && head[0] != '{' {
		return false
	}
	rest := bytes.TrimLeft(head[1:], " \t\r\n")
	if len(rest) == 0 {
		return false
	}
	if head[0] == '[' {
		return rest[0] == '{' || rest[0] == ']'
	}
	return rest[0] == '"' || rest[0] == '}'
}

// ReadJSON reads records as a table: JSON Lines (one object per line) or
// one array of objects, as review sites, APIs and data libraries export
// them. The columns are the objects' keys in the order first seen; a value
// is its text (a number as written, true or false, "" for null), a nested
// object or array its JSON. A record that is not an object, or JSON that
// does not parse, is an error naming its line.
func ReadJSON(r io.Reader) (*Table, error) {
	br := bufio.NewReaderSize(textenc.NewReader(r), 64<<10)
	head, _ := br.Peek(4096)
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 {
		return nil, errors.New("empty file: no records")
	}
	lr := &lineReader{r: br}
	dec := json.NewDecoder(lr)
	t := &Table{Delimiter: ','}
	col := map[string]int{}
	add := func() error {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("line %d: %w", lr.lineAt(dec.InputOffset()), err)
		}
		line := lr.lineAt(dec.InputOffset() - int64(len(raw)))
		keys, vals, err := objectFields(raw)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		row := make([]string, len(t.Header))
		for j, k := range keys {
			i, ok := col[k]
			if !ok {
				i = len(t.Header)
				col[k] = i
				t.Header = append(t.Header, k)
				row = append(row, "")
			}
			row[i] = cellText(vals[j])
		}
		t.Rows = append(t.Rows, row)
		t.Lines = append(t.Lines, line)
		return nil
	}
	if head[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("line 1: %w", err)
		}
	}
	for dec.More() {
		if err := add(); err != nil {
			return nil, err
		}
	}
	if head[0] == '[' {
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("line %d: the array is not closed", lr.lineAt(dec.InputOffset()))
		}
	}
	return t, nil
}

// objectFields reads raw as one object: its keys in order (a repeated key
// keeps its first place and its last value) and their values.
func objectFields(raw json.RawMessage) (keys []string, vals []json.RawMessage, err error) {
	if len(raw) == 0 || raw[0] != '{' {
		return nil, nil, errors.New(`each record must be an object ({"text": "..."})`)
	}
	d := json.NewDecoder(bytes.NewReader(raw))
	d.Token() // {
	at := map[string]int{}
	for d.More() {
		k, err := d.Token()
		if err != nil {
			return nil, nil, err
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return nil, nil, err
		}
		key := k.(string)
		if i, ok := at[key]; ok {
			vals[i] = v
			continue
		}
		at[key] = len(keys)
		keys, vals = append(keys, key), append(vals, v)
	}
	return keys, vals, nil
}

// cellText is a JSON value as a table cell.
func cellText(v json.RawMessage) string {
	switch {
	case len(v) == 0, string(v) == "null":
		return ""
	case v[0] == '"':
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	case v[0] == '{' || v[0] == '[':
		var b bytes.Buffer
		if json.Compact(&b, v) == nil {
			return b.String()
		}
	}
	return string(v)
}

// lineReader notes where lines start in what it reads, so that a
// record's line can be told from the decoder's offset.
type lineReader struct {
	r      io.Reader
	starts []int64 // offsets where lines 2, 3, ... start
	off    int64
}

func (l *lineReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for i, b := range p[:n] {
		if b == '\n' {
			l.starts = append(l.starts, l.off+int64(i)+1)
		}
	}
	l.off += int64(n)
	return n, err
}

// lineAt is the 1-based line of byte offset off.
func (l *lineReader) lineAt(off int64) int {
	return 1 + sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}
