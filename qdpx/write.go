package qdpx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"time"
)

// WriteProject writes p as a .qdpx: project.qde plus one UTF-8 text file
// per source under Sources/ (referenced as internal://GUID.txt).
func WriteProject(w io.Writer, p *Project) error {
	zw := zip.NewWriter(w)
	x := xProject{Name: p.Name, Origin: p.Origin, Created: xmlTime(p.Created)}
	if len(p.Users) > 0 {
		x.Users = &xUsers{}
		for _, u := range p.Users {
			x.Users.User = append(x.Users.User, xUser{GUID: u.GUID, Name: u.Name})
		}
	}
	if len(p.Codes) > 0 {
		x.CodeBook = &xCodeBook{Codes: xCodes{Code: toXCodes(p.Codes)}}
	}
	if len(p.Sources) > 0 {
		x.Sources = &xSources{}
	}
	for _, s := range p.Sources {
		file := s.GUID + ".txt"
		f, err := zw.CreateHeader(&zip.FileHeader{Name: "Sources/" + file, Method: zip.Deflate, Modified: time.Now().UTC()})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, s.Text); err != nil {
			return err
		}
		xs := xTextSource{GUID: s.GUID, Name: s.Name, PlainTextPath: "internal://" + file, Creator: s.Creator, Created: xmlTime(s.Created), Description: s.Description}
		for _, sel := range s.Selections {
			xsel := xSelection{GUID: sel.GUID, Start: sel.Start, End: sel.End, Creator: sel.Creator, Created: xmlTime(sel.Created)}
			for _, c := range sel.Codings {
				xsel.Coding = append(xsel.Coding, xCoding{GUID: c.GUID, Creator: c.Creator, Created: xmlTime(c.Created), CodeRef: xCodeRef{Target: c.CodeGUID}})
			}
			xs.Selection = append(xs.Selection, xsel)
		}
		x.Sources.TextSource = append(x.Sources.TextSource, xs)
	}
	f, err := zw.CreateHeader(&zip.FileHeader{Name: "project.qde", Method: zip.Deflate, Modified: time.Now().UTC()})
	if err != nil {
		return err
	}
	if err := writeXML(f, x); err != nil {
		return fmt.Errorf("qdpx: write project.qde: %w", err)
	}
	return zw.Close()
}

// WriteCodebook writes codes as a .qdc codebook.
func WriteCodebook(w io.Writer, codes []Code, origin string) error {
	return writeXML(w, xCodebookDoc{Origin: origin, Codes: xCodes{Code: toXCodes(codes)}})
}

func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
