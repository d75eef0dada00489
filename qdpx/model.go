// Package qdpx reads and writes the REFI-QDA exchange formats that NVivo,
// ATLAS.ti, MAXQDA and QualCoder share: a project (.qdpx, a zip holding
// project.qde and the sources' plain text under sources/) and a codebook
// alone (.qdc). It follows the REFI-QDA 1.5 standard and its schemas
// (urn:QDA-XML:project:1.0, urn:QDA-XML:codebook:1.0) for text sources,
// codes and coded text selections; pictures, audio, video, cases,
// variables, sets and notes are outside what Safar exchanges.
//
// Reading is defensive: a .qdpx comes from anywhere. Entry names are
// checked (no absolute paths or ".."), sizes are bounded while
// decompressing (not trusted from headers), DTDs are refused so no entity
// is ever expanded, and every reference (code, user, source file, text
// position) is resolved before a Project is returned, so a caller stores
// all of it or none.
//
// It imports only the standard library.
package qdpx

import (
	"crypto/sha1"
	"fmt"
	"time"
)

// Namespaces of the two documents.
const (
	ProjectNS  = "urn:QDA-XML:project:1.0"
	CodebookNS = "urn:QDA-XML:codebook:1.0"
)

// Project is a REFI-QDA project: users, a code tree and text sources with
// their coded selections.
type Project struct {
	Name    string
	Origin  string // the software that wrote it
	Created time.Time
	Users   []User
	Codes   []Code
	Sources []Source
}

// User is a coder.
type User struct {
	GUID string
	Name string
}

// Code is a code of the codebook; a code that is not Codable only groups
// its children.
type Code struct {
	GUID        string
	Name        string
	Description string
	Color       string // #rrggbb, optional
	Codable     bool
	Children    []Code
}

// Source is a text source: a transcript, interview notes, or the open
// answers to one survey question.
type Source struct {
	GUID        string
	Name        string
	Description string
	Text        string
	Creator     string // user GUID, optional
	Created     time.Time
	Selections  []Selection
}

// Selection is a span of a source's text, in Unicode code points from
// the start of the text, End exclusive.
type Selection struct {
	GUID    string
	Start   int
	End     int
	Creator string
	Created time.Time
	Codings []Coding
}

// Coding applies a code to a selection.
type Coding struct {
	GUID     string
	CodeGUID string
	Creator  string
	Created  time.Time
}

// GUID derives a stable identifier from parts (a name-based UUID, version
// 5 layout over SHA-1), so exporting the same project twice gives the same
// GUIDs and a re-import can recognise its own codes.
func GUID(parts ...string) string {
	h := sha1.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s;", len(p), p)
	}
	b := h.Sum(nil)[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// Walk calls fn for every code of the tree, parents before children, with
// the top-level ancestor of each (the code itself at the top).
func Walk(codes []Code, fn func(c Code, top Code)) {
	var walk func([]Code, *Code)
	walk = func(cs []Code, top *Code) {
		for _, c := range cs {
			t := top
			if t == nil {
				t = &c
			}
			fn(c, *t)
			walk(c.Children, t)
		}
	}
	walk(codes, nil)
}
