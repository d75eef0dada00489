package qdpx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/internal/textenc"
)

// Limits on what a .qdpx may expand to. They are checked while reading,
// never trusted from the zip headers.
const (
	MaxEntries    = 10000    // files in the zip
	MaxQDESize    = 32 << 20 // project.qde, uncompressed
	MaxTotalSize  = 256 << 20
	MaxSourceSize = 16 << 20 // one source's text
)

// ErrInvalid is matched by every error about the file's content.
var ErrInvalid = errors.New("invalid REFI-QDA file")

// Error is a problem with a file's content. Its Code names its text in
// Messages and Args fill it in, so a caller can say it in its reader's
// language; Error() is the English text.
type Error struct {
	Code string
	Args []any
}

func (e *Error) Error() string {
	return ErrInvalid.Error() + ": " + fmt.Sprintf(Messages[e.Code], e.Args...)
}

func (e *Error) Is(target error) bool { return target == ErrInvalid }

func invalid(code string, args ...any) error { return &Error{Code: code, Args: args} }

// Skipped is something a read or an import leaves out of a file, by code
// (a key of Messages) and its arguments, so a caller can say it in its
// reader's language; String is the English line.
type Skipped struct {
	Code string
	Args []any
}

func (s Skipped) String() string { return fmt.Sprintf(Messages[s.Code], s.Args...) }

// Messages are the English texts of the problems a file can have, by code.
var Messages = map[string]string{
	"qdpx_skip_source":        "%s %q",
	"qdpx_skip_selection":     "selection %d-%d of %q covers no text",
	"qdpx_not_zip":            "not a zip archive: %v",
	"qdpx_looks_table":        "a table of %d columns (%s…), not a REFI-QDA project (.qdpx) or codebook (.qdc): export the codebook from your QDA software",
	"qdpx_looks_records":      "%d data records (JSON Lines or a list of objects), not a REFI-QDA project (.qdpx) or codebook (.qdc)",
	"qdpx_too_many_files":     "%d files in the archive, at most %d",
	"qdpx_unsafe_name":        "unsafe file name in the archive: %q",
	"qdpx_no_qde":             "project.qde missing from the archive",
	"qdpx_project_root":       "project.qde: root element is {%s}%s, want {%s}Project",
	"qdpx_source_missing":     "source %q: %s is not in the archive",
	"qdpx_source_outside":     "source %q: its text is outside the archive (%s)",
	"qdpx_source_no_text":     "source %q has neither PlainTextContent nor plainTextPath",
	"qdpx_source_utf8":        "source %q: text is not UTF-8",
	"qdpx_entry":              "%s: %v",
	"qdpx_entry_too_large":    "%s expands to more than %d MiB",
	"qdpx_xml":                "XML: %v",
	"qdpx_dtd":                "XML declares a DTD (<!DOCTYPE>); entities are not accepted",
	"qdpx_codebook_too_large": "codebook larger than %d MiB",
	"qdpx_codebook_root":      "root element is {%s}%s, want {%s}CodeBook",
	"qdpx_code_guid":          "code %q: guid %q is not a GUID",
	"qdpx_code_guid_twice":    "code %q: guid %s used twice",
	"qdpx_code_no_name":       "code %s has no name",
	"qdpx_source_guid":        "source %q: guid %q is not a GUID",
	"qdpx_selection_span":     "source %q: selection %s spans %d-%d of a %d-character text",
	"qdpx_selection_code":     "source %q: selection %s refers to code %s, which is not in the codebook",
}

var guidRE = regexp.MustCompile(`^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$`)

// ReadProject reads a .qdpx of size bytes from r. Text sources come with
// their text; other source kinds are skipped (Skipped names them).
func ReadProject(r io.ReaderAt, size int64) (p *Project, skipped []Skipped, err error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		head := make([]byte, min(size, describeLimit))
		n, _ := r.ReadAt(head, 0)
		if derr := notQDA(head[:n], int64(n) < size); derr != nil {
			return nil, nil, derr
		}
		return nil, nil, invalid("qdpx_not_zip", err)
	}
	if len(zr.File) > MaxEntries {
		return nil, nil, invalid("qdpx_too_many_files", len(zr.File), MaxEntries)
	}
	budget := int64(MaxTotalSize)
	files := map[string]*zip.File{}
	var qde *zip.File
	for _, f := range zr.File {
		name := f.Name
		if strings.Contains(name, "\\") || strings.HasPrefix(name, "/") || strings.Contains(name, ":") ||
			path.Clean(name) != strings.TrimSuffix(name, "/") || strings.HasPrefix(path.Clean(name), "..") {
			return nil, nil, invalid("qdpx_unsafe_name", name)
		}
		if strings.EqualFold(name, "project.qde") {
			qde = f
		}
		files[strings.ToLower(name)] = f
	}
	if qde == nil {
		return nil, nil, invalid("qdpx_no_qde")
	}
	data, err := readEntry(qde, MaxQDESize, &budget)
	if err != nil {
		return nil, nil, err
	}
	var x xProject
	if err := decodeXML(data, &x); err != nil {
		return nil, nil, err
	}
	if x.XMLName.Space != ProjectNS {
		return nil, nil, invalid("qdpx_project_root", x.XMLName.Space, x.XMLName.Local, ProjectNS)
	}
	p = &Project{Name: x.Name, Origin: x.Origin, Created: parseTime(x.Created)}
	if x.Users != nil {
		for _, u := range x.Users.User {
			p.Users = append(p.Users, User{GUID: u.GUID, Name: u.Name})
		}
	}
	if x.CodeBook != nil {
		p.Codes = fromXCodes(x.CodeBook.Codes.Code)
	}
	if x.Sources != nil {
		for _, o := range x.Sources.Other {
			skipped = append(skipped, Skipped{"qdpx_skip_source", []any{o.XMLName.Local, o.Name}})
		}
		for _, xs := range x.Sources.TextSource {
			s, err := readSource(xs, files, &budget)
			if err != nil {
				return nil, nil, err
			}
			p.Sources = append(p.Sources, s)
		}
	}
	if err := p.check(); err != nil {
		return nil, nil, err
	}
	return p, skipped, nil
}

func readSource(xs xTextSource, files map[string]*zip.File, budget *int64) (Source, error) {
	s := Source{GUID: xs.GUID, Name: xs.Name, Description: xs.Description, Creator: xs.Creator, Created: parseTime(xs.Created)}
	switch {
	case xs.Content != nil:
		s.Text = *xs.Content
	case strings.HasPrefix(xs.PlainTextPath, "internal://"):
		name := strings.TrimPrefix(xs.PlainTextPath, "internal://")
		f := files["sources/"+strings.ToLower(name)]
		if f == nil || strings.Contains(name, "/") {
			return s, invalid("qdpx_source_missing", xs.Name, xs.PlainTextPath)
		}
		data, err := readEntry(f, MaxSourceSize, budget)
		if err != nil {
			return s, err
		}
		s.Text = string(bytes.TrimPrefix(data, []byte("\ufeff")))
	case xs.PlainTextPath != "":
		return s, invalid("qdpx_source_outside", xs.Name, xs.PlainTextPath)
	default:
		return s, invalid("qdpx_source_no_text", xs.Name)
	}
	if !utf8.ValidString(s.Text) {
		return s, invalid("qdpx_source_utf8", xs.Name)
	}
	for _, xsel := range xs.Selection {
		sel := Selection{GUID: xsel.GUID, Start: xsel.Start, End: xsel.End, Creator: xsel.Creator, Created: parseTime(xsel.Created)}
		for _, c := range xsel.Coding {
			sel.Codings = append(sel.Codings, Coding{GUID: c.GUID, CodeGUID: c.CodeRef.Target, Creator: c.Creator, Created: parseTime(c.Created)})
		}
		s.Selections = append(s.Selections, sel)
	}
	return s, nil
}

// readEntry decompresses f, failing once it passes limit bytes or the
// archive's remaining budget: a zip bomb stops after limit bytes.
func readEntry(f *zip.File, limit int64, budget *int64) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, invalid("qdpx_entry", f.Name, err)
	}
	defer rc.Close()
	limit = min(limit, *budget)
	data, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		return nil, invalid("qdpx_entry", f.Name, err)
	}
	if int64(len(data)) > limit {
		return nil, invalid("qdpx_entry_too_large", f.Name, limit>>20)
	}
	*budget -= int64(len(data))
	return data, nil
}

// decodeXML refuses any DTD (so no entity is declared, let alone
// expanded) and decodes strictly.
//
// The XML may come as UTF-16 or Windows-1256 (textenc), as a tool on
// Windows may save it; it is UTF-8 once decoded, whatever it declares.
func decodeXML(data []byte, v any) error {
	dec := xml.NewDecoder(bytes.NewReader(textenc.Bytes(data)))
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	for {
		tok, err := dec.Token()
		if err != nil {
			return invalid("qdpx_xml", err)
		}
		if d, ok := tok.(xml.Directive); ok && bytes.HasPrefix(bytes.TrimSpace(bytes.ToUpper(d)), []byte("DOCTYPE")) {
			return invalid("qdpx_dtd")
		}
		if se, ok := tok.(xml.StartElement); ok {
			if err := dec.DecodeElement(v, &se); err != nil {
				return invalid("qdpx_xml", err)
			}
			return nil
		}
	}
}

// describeLimit is how much of a file that is no archive is read to say
// what it is instead.
const describeLimit = 1 << 20

// notQDA says what a file sent as a project or codebook is when it is
// plainly data, a table or JSON records, which a researcher may mistake
// for a codebook; nil otherwise. cut says data is the start of a longer
// file, so its last line may be cut short.
func notQDA(data []byte, cut bool) error {
	text := textenc.Bytes(data)
	if i := bytes.LastIndexByte(text, '\n'); cut && i > 0 {
		text = text[:i]
	}
	switch shape := csvtable.Describe(text); {
	case shape.Records > 0:
		return invalid("qdpx_looks_records", shape.Records)
	case len(shape.Columns) > 0:
		return invalid("qdpx_looks_table", len(shape.Columns), strings.Join(shape.Columns[:min(len(shape.Columns), 3)], ", "))
	}
	return nil
}

// ReadCodebook reads a .qdc codebook (at most MaxQDESize bytes).
func ReadCodebook(r io.Reader) ([]Code, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxQDESize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxQDESize {
		return nil, invalid("qdpx_codebook_too_large", MaxQDESize>>20)
	}
	var x xCodebookDoc
	if err := decodeXML(data, &x); err != nil {
		if derr := notQDA(data, false); derr != nil {
			return nil, derr
		}
		return nil, err
	}
	if x.XMLName.Space != CodebookNS && x.XMLName.Space != ProjectNS {
		return nil, invalid("qdpx_codebook_root", x.XMLName.Space, x.XMLName.Local, CodebookNS)
	}
	codes := fromXCodes(x.Codes.Code)
	seen := map[string]bool{}
	if err := checkCodes(codes, seen); err != nil {
		return nil, err
	}
	return codes, nil
}

func checkCodes(codes []Code, seen map[string]bool) error {
	var err error
	Walk(codes, func(c Code, _ Code) {
		switch {
		case err != nil:
		case !guidRE.MatchString(c.GUID):
			err = invalid("qdpx_code_guid", c.Name, c.GUID)
		case seen[strings.ToLower(c.GUID)]:
			err = invalid("qdpx_code_guid_twice", c.Name, c.GUID)
		case strings.TrimSpace(c.Name) == "":
			err = invalid("qdpx_code_no_name", c.GUID)
		}
		seen[strings.ToLower(c.GUID)] = true
	})
	return err
}

// check resolves every reference of a project read from a file.
func (p *Project) check() error {
	codes := map[string]bool{}
	if err := checkCodes(p.Codes, codes); err != nil {
		return err
	}
	for _, s := range p.Sources {
		if !guidRE.MatchString(s.GUID) {
			return invalid("qdpx_source_guid", s.Name, s.GUID)
		}
		n := utf8.RuneCountInString(s.Text)
		for _, sel := range s.Selections {
			if sel.Start < 0 || sel.End <= sel.Start || sel.End > n {
				return invalid("qdpx_selection_span", s.Name, sel.GUID, sel.Start, sel.End, n)
			}
			for _, c := range sel.Codings {
				if !codes[strings.ToLower(c.CodeGUID)] {
					return invalid("qdpx_selection_code", s.Name, sel.GUID, c.CodeGUID)
				}
			}
		}
	}
	return nil
}
