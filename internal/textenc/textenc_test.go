package textenc

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestNewReader(t *testing.T) {
	// Windows-1256 has Arabic yeh (ي) where Persian keyboards now type ی;
	// the analysis normalises one to the other.
	const text = "id,comment\n1,\"ارسال خيلي دير بود، café\"\n2,کيفيت پايين\n"
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	utf16bom, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	cp1256, err := charmap.Windows1256.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	// A long ASCII start: the decision is made where the first Persian
	// letter stands, well past the first buffer.
	asciiHead := strings.Repeat("0,plain ascii row\n", 8000)
	cpLate, _ := charmap.Windows1256.NewEncoder().String(asciiHead + text)
	for _, c := range []struct {
		name, in, want string
	}{
		{"utf-8", text, text},
		{"utf-8 with BOM", "\xef\xbb\xbf" + text, text},
		{"utf-16 with BOM", utf16bom, text},
		{"utf-16le without BOM", utf16le, text},
		{"utf-16be without BOM", utf16be, text},
		{"windows-1256", cp1256, text},
		{"windows-1256 after 140 KB of ASCII", cpLate, asciiHead + text},
		{"utf-8 after 140 KB of ASCII", asciiHead + text, asciiHead + text},
		{"ascii", "a,b\n1,2\n", "a,b\n1,2\n"},
		{"empty", "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			// One byte at a time too: the decision must not depend on how the
			// file arrives.
			for _, r := range []io.Reader{strings.NewReader(c.in), iotest.OneByteReader(strings.NewReader(c.in))} {
				got, err := io.ReadAll(NewReader(r))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, []byte(c.want)) {
					t.Fatalf("got %q…, want %q…", got[:min(len(got), 60)], c.want[:min(len(c.want), 60)])
				}
			}
		})
	}
}

func TestUTF8RuneCutAtTheWindowEdge(t *testing.T) {
	// A valid UTF-8 file whose 64 KiB window ends inside a Persian letter
	// is UTF-8, not Windows-1256.
	s := "€" + strings.Repeat("د", window) // 3 bytes, then 2 each: the window ends inside a letter
	got, err := io.ReadAll(NewReader(strings.NewReader(s)))
	if err != nil || string(got) != s {
		t.Fatalf("UTF-8 cut at the window was not read as UTF-8 (err %v)", err)
	}
}
