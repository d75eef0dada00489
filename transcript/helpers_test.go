package transcript

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// show renders utterances compactly for got/want comparisons:
// "Speaker|1m2s|text", with "-" for an unknown start.
func show(utts []Utterance) []string {
	out := make([]string, len(utts))
	for i, u := range utts {
		start := "-"
		if u.HasStart {
			start = u.Start.String()
		}
		out[i] = fmt.Sprintf("%s|%s|%s", u.Speaker, start, u.Text)
	}
	return out
}

func diffLines(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("utterances:\ngot:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func mustParse(tb testing.TB, name string, data []byte, opt Options) *Transcript {
	tb.Helper()
	tr, err := Parse(name, data, opt)
	if err != nil {
		tb.Fatalf("Parse(%q): %v", name, err)
	}
	return tr
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func win1256(tb testing.TB, s string) []byte {
	tb.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		tb.Fatalf("encode windows-1256: %v", err)
	}
	return b
}

// docxXML wraps body XML in a WordprocessingML document.
func docxXML(body string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		body + `</w:body></w:document>`
}

// para builds a paragraph of one or more runs.
func para(runs ...string) string {
	var b strings.Builder
	b.WriteString("<w:p>")
	for _, r := range runs {
		fmt.Fprintf(&b, `<w:r><w:t xml:space="preserve">%s</w:t></w:r>`, xmlEscape(r))
	}
	b.WriteString("</w:p>")
	return b.String()
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}

// zipFiles builds a zip archive in memory.
func zipFiles(tb testing.TB, files map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "xl/workbook.xml", "other.txt"} {
		content, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func docx(tb testing.TB, body string) []byte {
	tb.Helper()
	return zipFiles(tb, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml":   docxXML(body),
	})
}
