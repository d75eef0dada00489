package qdpx

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// TestCodebookInUTF16: a codebook a Windows tool saved as UTF-16 (which
// it declares) reads as its UTF-8 twin; it was "XML syntax error: invalid
// UTF-8".
func TestCodebookInUTF16(t *testing.T) {
	p := sample()
	var qdc bytes.Buffer
	if err := WriteCodebook(&qdc, p.Codes, "Safar"); err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(qdc.String(), `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	for name, enc := range map[string]unicode.BOMPolicy{"with a byte-order mark": unicode.UseBOM, "without": unicode.IgnoreBOM} {
		u16, err := unicode.UTF16(unicode.LittleEndian, enc).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		codes, err := ReadCodebook(strings.NewReader(u16))
		if err != nil || !reflect.DeepEqual(codes, p.Codes) {
			t.Errorf("UTF-16 %s: %v\n got %+v\nwant %+v", name, err, codes, p.Codes)
		}
	}
}

// TestDataIsNotACodebook: a table or JSON Lines sent as a codebook or a
// project says what it is ("not a zip archive: zip: not a valid zip file"
// and "XML syntax error" did not).
func TestDataIsNotACodebook(t *testing.T) {
	table := []byte("code,description,group\nlate delivery,parcel came late,delivery\n")
	records := []byte("{\"code\":\"late\"}\n{\"code\":\"price\"}\n")
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"table", table, "a table of 3 columns (code, description, group…), not a REFI-QDA project"},
		{"records", records, "2 data records (JSON Lines or a list of objects), not a REFI-QDA project"},
	} {
		_, err := ReadCodebook(bytes.NewReader(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s as a codebook: %v, want %q", c.name, err, c.want)
		}
		_, _, err = ReadProject(bytes.NewReader(c.data), int64(len(c.data)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s as a project: %v, want %q", c.name, err, c.want)
		}
	}
}
