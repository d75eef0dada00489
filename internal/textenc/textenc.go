// Package textenc turns the bytes of a text file from any tool a
// researcher uses into UTF-8.
//
// Files arrive as UTF-8 (with or without a byte-order mark), UTF-16 from
// Excel's "Unicode text" (with or without one), and, from spreadsheets
// and older tools on Persian Windows, Windows-1256. The detection order is
// the same for every reader in Safar: a BOM; BOM-less UTF-16 by the
// pattern of its high bytes; valid UTF-8; anything else is Windows-1256,
// which maps every byte.
package textenc

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Order is the byte order of UTF-16 text found without a byte-order mark.
type Order int

const (
	NotUTF16 Order = iota
	LittleEndian
	BigEndian
)

// UTF16Order recognises BOM-less UTF-16 by its high bytes: in Latin or
// Persian text most code points are U+00xx or U+06xx, so one byte of each
// pair is 0x00 or 0x06, a pattern UTF-8 and Windows-1256 text never show.
func UTF16Order(data []byte) Order {
	n := min(len(data), 8192) &^ 1
	if n < 4 {
		return NotUTF16
	}
	var hiEven, hiOdd int // high-looking bytes at even / odd offsets
	for i := 0; i < n; i += 2 {
		if data[i] == 0x00 || data[i] == 0x06 {
			hiEven++
		}
		if data[i+1] == 0x00 || data[i+1] == 0x06 {
			hiOdd++
		}
	}
	pairs := n / 2
	switch {
	case hiOdd*10 >= pairs*4 && hiEven*20 < pairs:
		return LittleEndian
	case hiEven*10 >= pairs*4 && hiOdd*20 < pairs:
		return BigEndian
	}
	return NotUTF16
}

// window is how much text after the first non-ASCII byte decides between
// UTF-8 and Windows-1256.
const window = 64 << 10

// NewReader returns r decoded to UTF-8, with any byte-order mark removed.
// It streams: the choice between UTF-8 and Windows-1256 is made at the
// first non-ASCII byte, from the 64 KiB that follow it, so a file whose
// first rows are plain ASCII (a header, ids, numbers) is still read right.
func NewReader(r io.Reader) io.Reader {
	br := bufio.NewReaderSize(r, window)
	head, _ := br.Peek(4096)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		br.Discard(3)
		return br
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// The BOM tells the decoder the byte order; it is removed.
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
	}
	switch UTF16Order(head) {
	case LittleEndian:
		return transform.NewReader(br, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewDecoder())
	case BigEndian:
		return transform.NewReader(br, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewDecoder())
	}
	return &autoReader{br: br}
}

// Bytes is data decoded to UTF-8 as NewReader decodes it, for a file
// already read whole (a survey definition, an upload).
func Bytes(data []byte) []byte {
	out, err := io.ReadAll(NewReader(bytes.NewReader(data)))
	if err != nil { // the decoders replace what they cannot read; reading memory does not fail
		return data
	}
	return out
}

// autoReader passes ASCII through until the first byte above it, then
// reads on as UTF-8 when the window from there is valid UTF-8, else as
// Windows-1256.
type autoReader struct {
	br *bufio.Reader
	r  io.Reader // the decision, nil until made
}

func (a *autoReader) Read(p []byte) (int, error) {
	if a.r != nil {
		return a.r.Read(p)
	}
	if len(p) == 0 {
		return 0, nil
	}
	buf, err := a.br.Peek(a.br.Size())
	i := 0
	for i < len(buf) && buf[i] < utf8.RuneSelf {
		i++
	}
	if i == 0 && len(buf) > 0 {
		a.r = a.br
		w := buf[:min(len(buf), window)]
		if !validUTF8Prefix(w, err != nil && len(w) == len(buf)) {
			a.r = transform.NewReader(a.br, charmap.Windows1256.NewDecoder())
		}
		return a.r.Read(p)
	}
	if i == 0 {
		return 0, err
	}
	n := copy(p, buf[:i])
	a.br.Discard(n)
	return n, nil
}

// validUTF8Prefix reports whether w is valid UTF-8, allowing the start of
// a rune cut at its end unless w is the end of the file.
func validUTF8Prefix(w []byte, atEOF bool) bool {
	if !atEOF {
		for k := len(w) - 1; k >= 0 && k >= len(w)-utf8.UTFMax; k-- {
			if utf8.RuneStart(w[k]) {
				if !utf8.FullRune(w[k:]) {
					w = w[:k]
				}
				break
			}
		}
	}
	return utf8.Valid(w)
}
