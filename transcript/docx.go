package transcript

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// docxText extracts the paragraphs of word/document.xml as lines of text,
// which then go through the plain-text parser ("Speaker: text" prefixes,
// timestamps). Table rows become one line each: two cells read as
// "Speaker: text", three cells whose first is a time as "[time] Speaker: text",
// so the common "time | speaker | text" transcript table works.
//
// The XML is read through a limit of MaxDocxXMLSize bytes whatever the zip
// header claims, so a zip bomb fails instead of filling memory.
// docxXMLLimit is MaxDocxXMLSize; tests lower it to keep zip bombs cheap.
var docxXMLLimit int64 = MaxDocxXMLSize

func docxText(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", &Error{Kind: ErrInvalidDocx, Msg: "not a valid .docx document: the file is not a zip archive"}
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
			break
		}
	}
	if doc == nil {
		return "", &Error{Kind: ErrInvalidDocx, Msg: "not a valid .docx document: word/document.xml is missing"}
	}
	if doc.UncompressedSize64 > uint64(docxXMLLimit) {
		return "", docxTooLarge()
	}
	rc, err := doc.Open()
	if err != nil {
		return "", &Error{Kind: ErrInvalidDocx, Msg: "not a valid .docx document: " + err.Error()}
	}
	defer rc.Close()
	lr := &io.LimitedReader{R: rc, N: docxXMLLimit + 1}
	text, err := docxParagraphs(lr)
	if lr.N <= 0 {
		return "", docxTooLarge()
	}
	if err != nil {
		return "", &Error{Kind: ErrInvalidDocx, Msg: "not a valid .docx document: word/document.xml: " + err.Error()}
	}
	return text, nil
}

func docxTooLarge() *Error {
	return &Error{Kind: ErrDocxTextTooLarge, Msg: fmt.Sprintf(
		"the document text expands beyond the limit of %s when unpacked", humanSize(docxXMLLimit))}
}

// docxParagraphs walks WordprocessingML: w:t text runs, w:tab, w:br/w:cr
// line breaks, w:p paragraph ends, w:tbl/w:tr/w:tc tables. Deleted text
// (w:delText) and field instructions (w:instrText) are skipped because they
// are not elements the walker collects.
func docxParagraphs(r io.Reader) (string, error) {
	dec := xml.NewDecoder(r)
	var (
		out      strings.Builder
		para     strings.Builder // current paragraph
		cells    []string        // cells of the current outermost table row
		cell     strings.Builder
		inText   bool
		tblDepth int
		sawDoc   bool
	)
	endPara := func() {
		p := strings.TrimSpace(para.String())
		para.Reset()
		if tblDepth > 0 {
			if p != "" {
				if cell.Len() > 0 {
					cell.WriteByte(' ')
				}
				cell.WriteString(p)
			}
			return
		}
		if p != "" {
			out.WriteString(p)
			out.WriteString("\n\n") // paragraphs: a blank line apart, as in a text file
		}
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "document":
				sawDoc = true
			case "t":
				inText = true
			case "tab":
				para.WriteByte('\t')
			case "br", "cr":
				if tblDepth > 0 {
					para.WriteByte(' ')
				} else {
					para.WriteByte('\n')
				}
			case "noBreakHyphen":
				para.WriteByte('-')
			case "tbl":
				tblDepth++
			case "tr":
				if tblDepth == 1 {
					cells = cells[:0]
				}
			case "tc":
				if tblDepth == 1 {
					cell.Reset()
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				endPara()
			case "tc":
				if tblDepth == 1 {
					cells = append(cells, strings.TrimSpace(cell.String()))
					cell.Reset()
				}
			case "tr":
				if tblDepth == 1 {
					out.WriteString(rowLine(cells))
					out.WriteByte('\n')
				}
			case "tbl":
				tblDepth--
				if tblDepth == 0 {
					out.WriteByte('\n')
				}
			}
		case xml.CharData:
			if inText {
				para.Write(t)
			}
		}
	}
	if !sawDoc {
		return "", errors.New("no w:document element")
	}
	return out.String(), nil
}

// rowLine turns a table row into one transcript line.
func rowLine(cells []string) string {
	var nonEmpty []string
	for _, c := range cells {
		if c != "" {
			nonEmpty = append(nonEmpty, c)
		}
	}
	header := len(nonEmpty) > 0
	for _, c := range nonEmpty {
		header = header && tableHeaderWords[strings.ToLower(c)]
	}
	switch {
	case header:
		return ""
	case len(nonEmpty) == 2 && validName(nonEmpty[0]):
		return nonEmpty[0] + ": " + nonEmpty[1]
	case len(nonEmpty) == 3 && isClock(nonEmpty[0]) && validName(nonEmpty[1]):
		return "[" + nonEmpty[0] + "] " + nonEmpty[1] + ": " + nonEmpty[2]
	}
	return strings.Join(nonEmpty, " ")
}

func isClock(s string) bool {
	s = strings.Trim(s, "[]() ")
	_, err := parseClock(s)
	return err == nil
}

// tableHeaderWords are column titles of transcript tables; a row made only of
// them is a header, not a turn.
var tableHeaderWords = map[string]bool{
	"speaker": true, "name": true, "text": true, "time": true, "timestamp": true, "start": true,
	"transcript": true, "utterance": true, "گوینده": true, "نام": true, "متن": true, "زمان": true, "سخنران": true,
}
