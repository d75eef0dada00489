package qdpx

import (
	"bytes"
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzReadProject: any bytes give a project whose every reference is
// resolved, or an ErrInvalid, never a panic.
func FuzzReadProject(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteProject(&buf, sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, _, err := ReadProject(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("error outside ErrInvalid: %v", err)
			}
			return
		}
		for _, s := range p.Sources {
			n := utf8.RuneCountInString(s.Text)
			for _, sel := range s.Selections {
				if sel.Start < 0 || sel.End > n || sel.End <= sel.Start {
					t.Fatalf("selection %d-%d of a %d-character text accepted", sel.Start, sel.End, n)
				}
			}
		}
	})
}

// FuzzReadCodebook: any bytes give codes with names and GUIDs, or an error.
func FuzzReadCodebook(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteCodebook(&buf, sample().Codes, "Safar"); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "b">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		codes, err := ReadCodebook(bytes.NewReader(data))
		if err != nil {
			return
		}
		Walk(codes, func(c Code, _ Code) {
			if !guidRE.MatchString(c.GUID) {
				t.Fatalf("code %q with guid %q accepted", c.Name, c.GUID)
			}
		})
	})
}
