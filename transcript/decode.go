package transcript

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"

	"github.com/safarhq/safar/internal/textenc"
)

// decode turns raw file bytes into a UTF-8 string with "\n" line endings.
//
// Detection order: a BOM (UTF-8, UTF-16 LE/BE); then BOM-less UTF-16 by the
// pattern of high bytes (ASCII gives 0x00 and Persian 0x06 in every other
// byte); then valid UTF-8; anything else is read as Windows-1256, which maps
// every byte, so the last step is a check that the result looks like text.
func decode(data []byte, forced Encoding) (string, Encoding, error) {
	enc := forced
	if enc == EncodingAuto {
		enc = detectEncoding(data)
	}
	var (
		s   string
		err error
	)
	switch enc {
	case EncodingUTF8, EncodingUTF8BOM:
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		s = strings.ToValidUTF8(string(data), "\uFFFD")
	case EncodingUTF16LE:
		s, err = decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), trimBOM(data, "\xff\xfe"))
	case EncodingUTF16BE:
		s, err = decodeWith(xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM), trimBOM(data, "\xfe\xff"))
	case EncodingWindows1256:
		s, err = decodeWith(charmap.Windows1256, data)
	default:
		return "", "", &Error{Kind: ErrUnknownFormat, Msg: fmt.Sprintf("format not recognised: unsupported encoding %q", string(enc))}
	}
	if err != nil {
		return "", "", &Error{Kind: ErrUnknownFormat, Msg: "format not recognised: cannot decode text as " + string(enc)}
	}
	if looksBinary(s) {
		return "", "", &Error{Kind: ErrUnknownFormat, Msg: "format not recognised: the file is not text (binary content)"}
	}
	return normalizeNewlines(s), enc, nil
}

func decodeWith(e encoding.Encoding, data []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(data)
	return string(out), err
}

func trimBOM(data []byte, bom string) []byte { return bytes.TrimPrefix(data, []byte(bom)) }

func detectEncoding(data []byte) Encoding {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		return EncodingUTF8BOM
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		return EncodingUTF16LE
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		return EncodingUTF16BE
	}
	switch textenc.UTF16Order(data) {
	case textenc.LittleEndian:
		return EncodingUTF16LE
	case textenc.BigEndian:
		return EncodingUTF16BE
	}
	if utf8.Valid(data) {
		return EncodingUTF8
	}
	return EncodingWindows1256
}

// looksBinary reports whether the start of s has too many control
// characters to be a transcript (e.g. a PDF or an image renamed to .txt).
func looksBinary(s string) bool {
	if len(s) > 8192 {
		s = s[:8192]
	}
	var ctl, total int
	for _, r := range s {
		total++
		if r == 0 || (unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f\v\x1b\u0085", r)) {
			ctl++
		}
	}
	return total > 0 && ctl*20 > total // more than 5%
}

// normalizeNewlines converts CRLF, CR and Unicode line/paragraph separators
// to "\n", drops NULs and a leading U+FEFF left over after decoding.
func normalizeNewlines(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if !strings.ContainsAny(s, "\r\x00\u2028\u2029\u0085") {
		return s
	}
	r := strings.NewReplacer("\r\n", "\n", "\r", "\n", "\u2028", "\n", "\u2029", "\n", "\u0085", "\n", "\x00", "")
	return r.Replace(s)
}
