package csvtable

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16LE(s string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFF, 0xFE})
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, binary.LittleEndian, u)
	}
	return b.Bytes()
}

func utf16BE(s string) []byte {
	var b bytes.Buffer
	b.Write([]byte{0xFE, 0xFF})
	for _, u := range utf16.Encode([]rune(s)) {
		binary.Write(&b, binary.BigEndian, u)
	}
	return b.Bytes()
}

func TestRead(t *testing.T) {
	const plain = "id,text\n1,ارسال دیر بود\n2,\"late, very late\"\n"
	want := [][]string{{"1", "ارسال دیر بود"}, {"2", "late, very late"}}
	tests := []struct {
		name  string
		in    []byte
		delim rune
		want  [][]string
	}{
		{"utf8", []byte(plain), ',', want},
		{"utf8 bom", append([]byte{0xEF, 0xBB, 0xBF}, plain...), ',', want},
		{"utf16le bom", utf16LE(plain), ',', want},
		{"utf16be bom", utf16BE(plain), ',', want},
		{"utf16le without bom", utf16LE(plain)[2:], ',', want},
		// Excel on Persian Windows saves "CSV" in Windows-1256, whose yeh
		// is the Arabic ي; the analysis normalises it.
		{"windows-1256", []byte("id;text\n1;\xc7\xd1\xd3\xc7\xe1 \xcf\xed\xd1 \xc8\xe6\xcf\n2;\"late, very late\"\n"), ';',
			[][]string{{"1", "ارسال دير بود"}, {"2", "late, very late"}}},
		{"semicolon", []byte("id;text\n1;ارسال دیر بود\n2;\"late, very late\"\n"), ';', want},
		{"tab", []byte("id\ttext\n1\tارسال دیر بود\n2\tlate, very late\n"), '\t', want},
		{"crlf and blank line", []byte("id,text\r\n1,ارسال دیر بود\r\n\r\n2,\"late, very late\"\r\n"), ',', want},
		{"ragged", []byte("id,text\n1\n2,b,extra\n"), ',', [][]string{{"1"}, {"2", "b", "extra"}}},
		{"lazy quotes", []byte("id,text\n1,say \"hi\" now\n"), ',', [][]string{{"1", `say "hi" now`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tb, err := Read(bytes.NewReader(tc.in))
			if err != nil {
				t.Fatalf("Read: %v", err)
			}
			if tb.Delimiter != tc.delim {
				t.Errorf("delimiter = %q, want %q", tb.Delimiter, tc.delim)
			}
			if !reflect.DeepEqual(tb.Header, []string{"id", "text"}) {
				t.Errorf("header = %q", tb.Header)
			}
			if !reflect.DeepEqual(tb.Rows, tc.want) {
				t.Errorf("rows = %q, want %q", tb.Rows, tc.want)
			}
		})
	}
}

func TestLinesAndValue(t *testing.T) {
	tb, err := Read(strings.NewReader("id,text\n1,\"two\nlines\"\n2,x\n3\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := tb.Lines, []int{2, 4, 5}; !reflect.DeepEqual(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
	if got := tb.Value(2, 1); got != "" {
		t.Errorf("Value on short row = %q, want empty", got)
	}
}

func TestCol(t *testing.T) {
	tb, err := Read(strings.NewReader("ID, Review Text ,Rating\n"))
	if err != nil {
		t.Fatal(err)
	}
	if i, err := tb.Col("Review Text"); err != nil || i != 1 {
		t.Errorf("Col(Review Text) = %d, %v", i, err)
	}
	if i, err := tb.Col("rating"); err != nil || i != 2 {
		t.Errorf("Col(rating) = %d, %v", i, err)
	}
	_, err = tb.Col("comment")
	if err == nil || !strings.Contains(err.Error(), `"comment"`) || !strings.Contains(err.Error(), `"Review Text"`) {
		t.Errorf("Col(comment) error = %v, want it to name the missing and available columns", err)
	}
}

func TestErrors(t *testing.T) {
	if _, err := Read(strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty input error = %v", err)
	}
	_, err := ReadFile(filepath.Join(t.TempDir(), "missing.csv"))
	if err == nil {
		t.Error("ReadFile on a missing file: no error")
	}
	p := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(p, []byte("a,b\n1,2\n3,\"unterminated\n"), 0o644)
	tb, err := ReadFile(p)
	if err != nil && !strings.Contains(err.Error(), "line 3") {
		t.Errorf("error %v does not name line 3", err)
	}
	if err == nil && tb.Name != p {
		t.Errorf("Name = %q", tb.Name)
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head []byte
		want Format
		err  string
	}{
		{"utf-8 csv", []byte("id,text\n1,ارسال\n"), CSV, ""},
		{"csv with an escape in a comment", []byte("id,text\n1,\"red \x1b[31m text\"\n"), CSV, ""},
		{"utf-16", utf16LE("id\ttext\n1\tlate\n"), CSV, ""},
		{"utf-16 without a byte-order mark", utf16LE("id\ttext\n1\tlate\n")[2:], CSV, ""},
		{"xlsx or other zip", []byte("PK\x03\x04\x14\x00"), Zip, ""},
		{"pdf", []byte("%PDF-1.4\n"), 0, "this looks like a PDF file; export it as CSV or XLSX"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0, "this looks like a binary file; export it as CSV or XLSX"},
		{"control bytes", bytes.Repeat([]byte("a\x02\x03"), 50), 0, "binary"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Sniff(tc.head)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want error %q", err, tc.err)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Errorf("got %v, %v; want %v", got, err, tc.want)
			}
		})
	}
}
