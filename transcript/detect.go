package transcript

import (
	"bytes"
	"fmt"
	"path"
	"strings"
)

// detectFormat picks a format from the file's content and extension.
// Content wins where it is unambiguous (a zip is a .docx; "WEBVTT" starts a
// WebVTT file); the extension decides otherwise.
func detectFormat(name string, data []byte) (Format, error) {
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(baseName(name), `\`, "/")))
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		// A workbook is a zip too; a Word document holds word/document.xml.
		if bytes.Contains(data, []byte("xl/workbook.xml")) && !bytes.Contains(data, []byte("word/document.xml")) {
			return "", table(".xlsx")
		}
		return FormatDOCX, nil
	}
	switch ext {
	case ".csv", ".tsv", ".xlsx", ".xls", ".ods", ".json", ".jsonl", ".ndjson":
		return "", table(ext)
	case ".vtt", ".webvtt":
		return FormatVTT, nil
	case ".srt":
		return FormatSRT, nil
	case ".docx":
		return FormatDOCX, nil
	case ".txt", ".text", ".md", "":
		return FormatText, nil // sniffText may still find VTT or SRT inside
	case ".doc", ".rtf", ".odt", ".pdf", ".pages":
		return "", &Error{Kind: ErrUnknownFormat, Msg: fmt.Sprintf(
			"format not recognised: %s files are not supported; save the document as .docx or .txt", ext)}
	}
	return "", &Error{Kind: ErrUnknownFormat, Msg: fmt.Sprintf(
		"format not recognised: %q; supported are .txt, .vtt, .srt and .docx", ext)}
}

func table(ext string) *Error {
	p := problem("tr_table", ext)
	return &Error{Kind: ErrTable, Msg: "format not recognised: " + p.Error(), Problem: p}
}

// sniffText looks inside a text file for WebVTT or SRT structure.
func sniffText(s string, fallback Format) Format {
	if hasVTTHeader(firstLine(s)) {
		return FormatVTT
	}
	// SRT: the first non-blank line is a cue number and the next a timing line.
	lines := strings.SplitN(strings.TrimLeft(s, " \t\n"), "\n", 3)
	if len(lines) >= 2 && isCueNumber(lines[0]) && strings.Contains(lines[1], "-->") {
		return FormatSRT
	}
	return fallback
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func hasVTTHeader(line string) bool {
	rest, ok := strings.CutPrefix(strings.TrimPrefix(line, "\uFEFF"), "WEBVTT")
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}
