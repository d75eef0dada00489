package qdpx

import (
	"encoding/xml"
	"time"
)

// The XML shapes of project.qde and .qdc, elements in the schemas'
// sequence order (encoding/xml writes fields in declaration order).

type xProject struct {
	XMLName  xml.Name   `xml:"urn:QDA-XML:project:1.0 Project"`
	Name     string     `xml:"name,attr"`
	Origin   string     `xml:"origin,attr,omitempty"`
	Created  string     `xml:"creationDateTime,attr,omitempty"`
	Users    *xUsers    `xml:"Users"`
	CodeBook *xCodeBook `xml:"CodeBook"`
	Sources  *xSources  `xml:"Sources"`
}

type xUsers struct {
	User []xUser `xml:"User"`
}

type xUser struct {
	GUID string `xml:"guid,attr"`
	Name string `xml:"name,attr,omitempty"`
}

type xCodeBook struct {
	Codes xCodes `xml:"Codes"`
}

// xCodebookDoc is a .qdc file.
type xCodebookDoc struct {
	XMLName xml.Name `xml:"urn:QDA-XML:codebook:1.0 CodeBook"`
	Origin  string   `xml:"origin,attr,omitempty"`
	Codes   xCodes   `xml:"Codes"`
}

type xCodes struct {
	Code []xCode `xml:"Code"`
}

type xCode struct {
	GUID        string  `xml:"guid,attr"`
	Name        string  `xml:"name,attr"`
	Codable     bool    `xml:"isCodable,attr"`
	Color       string  `xml:"color,attr,omitempty"`
	Description string  `xml:"Description,omitempty"`
	Code        []xCode `xml:"Code"`
}

type xSources struct {
	TextSource []xTextSource `xml:"TextSource"`
	// Other kinds are read only to say they were skipped.
	Other []struct {
		XMLName xml.Name
		Name    string `xml:"name,attr"`
	} `xml:",any"`
}

type xTextSource struct {
	GUID          string       `xml:"guid,attr"`
	Name          string       `xml:"name,attr,omitempty"`
	PlainTextPath string       `xml:"plainTextPath,attr,omitempty"`
	Creator       string       `xml:"creatingUser,attr,omitempty"`
	Created       string       `xml:"creationDateTime,attr,omitempty"`
	Description   string       `xml:"Description,omitempty"`
	Content       *string      `xml:"PlainTextContent"`
	Selection     []xSelection `xml:"PlainTextSelection"`
}

type xSelection struct {
	GUID    string    `xml:"guid,attr"`
	Start   int       `xml:"startPosition,attr"`
	End     int       `xml:"endPosition,attr"`
	Creator string    `xml:"creatingUser,attr,omitempty"`
	Created string    `xml:"creationDateTime,attr,omitempty"`
	Coding  []xCoding `xml:"Coding"`
}

type xCoding struct {
	GUID    string   `xml:"guid,attr"`
	Creator string   `xml:"creatingUser,attr,omitempty"`
	Created string   `xml:"creationDateTime,attr,omitempty"`
	CodeRef xCodeRef `xml:"CodeRef"`
}

type xCodeRef struct {
	Target string `xml:"targetGUID,attr"`
}

func toXCodes(cs []Code) []xCode {
	out := make([]xCode, len(cs))
	for i, c := range cs {
		out[i] = xCode{GUID: c.GUID, Name: c.Name, Codable: c.Codable, Color: c.Color, Description: c.Description, Code: toXCodes(c.Children)}
	}
	return out
}

func fromXCodes(xs []xCode) []Code {
	if len(xs) == 0 {
		return nil
	}
	out := make([]Code, len(xs))
	for i, x := range xs {
		out[i] = Code{GUID: x.GUID, Name: x.Name, Codable: x.Codable, Color: x.Color, Description: x.Description, Children: fromXCodes(x.Code)}
	}
	return out
}

// xmlTime writes a time as xsd:dateTime (UTC), or nothing for the zero time.
func xmlTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02T15:04:05Z")
}

// parseTime reads an xsd:dateTime; tools write it with or without a zone.
func parseTime(s string) time.Time {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
