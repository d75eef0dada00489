package qdpx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func sample() *Project {
	u := GUID("user", "1")
	return &Project{
		Name: "Café <demo> & پروژه", Origin: "Safar", Created: time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC),
		Users: []User{{GUID: u, Name: "sara@example.com"}},
		Codes: []Code{{GUID: GUID("group", "pain_point"), Name: "pain_point", Children: []Code{
			{GUID: GUID("code", "1"), Name: "long wait", Description: "queues, delays \"quoted\"", Codable: true, Color: "#cc3300"},
			{GUID: GUID("code", "2"), Name: "قیمت بالا", Codable: true},
		}}},
		Sources: []Source{{
			GUID: GUID("source", "1"), Name: "interview 1.txt", Text: "Ali: صف خیلی طولانی بود\nSara: and the price?\n",
			Selections: []Selection{{GUID: GUID("sel", "1"), Start: 5, End: 22, Creator: u, Codings: []Coding{{GUID: GUID("coding", "1"), CodeGUID: GUID("code", "1"), Creator: u}}}},
		}},
	}
}

func writeSample(t *testing.T, p *Project) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteProject(&buf, p); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRoundTrip(t *testing.T) {
	p := sample()
	data := writeSample(t, p)
	got, skipped, err := ReadProject(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 {
		t.Errorf("skipped %v", skipped)
	}
	if !reflect.DeepEqual(got, p) {
		t.Errorf("round trip changed the project:\n got %+v\nwant %+v", got, p)
	}
	var qdc bytes.Buffer
	if err := WriteCodebook(&qdc, p.Codes, "Safar"); err != nil {
		t.Fatal(err)
	}
	codes, err := ReadCodebook(&qdc)
	if err != nil || !reflect.DeepEqual(codes, p.Codes) {
		t.Errorf("codebook round trip: %v\n got %+v\nwant %+v", err, codes, p.Codes)
	}
}

func TestGUIDStable(t *testing.T) {
	a, b := GUID("code", "1"), GUID("code", "1")
	if a != b || a == GUID("code", "2") || !guidRE.MatchString(a) || GUID("ab", "c") == GUID("a", "bc") {
		t.Errorf("GUID(code,1) = %s, %s; want stable, distinct and well formed", a, b)
	}
}

// TestSchema validates what WriteProject and WriteCodebook produce against
// the REFI-QDA XSDs (testdata) with xmllint.
func TestSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Skip("xmllint not installed (Debian: libxml2-utils)")
	}
	dir := t.TempDir()
	data := writeSample(t, sample())
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == "project.qde" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			os.WriteFile(filepath.Join(dir, "project.qde"), b, 0o644)
		}
	}
	var qdc bytes.Buffer
	WriteCodebook(&qdc, sample().Codes, "Safar")
	os.WriteFile(filepath.Join(dir, "codebook.qdc"), qdc.Bytes(), 0o644)
	for file, xsd := range map[string]string{"project.qde": "Project.xsd", "codebook.qdc": "Codebook.xsd"} {
		out, err := exec.Command(xmllint, "--noout", "--nonet", "--schema", filepath.Join("testdata", xsd), filepath.Join(dir, file)).CombinedOutput()
		if err != nil {
			t.Errorf("%s does not validate against %s: %v\n%s", file, xsd, err, out)
		}
	}
}

// zipOf builds a zip from name/content pairs.
func zipOf(t *testing.T, files ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < len(files); i += 2 {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: files[i], Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, files[i+1])
	}
	zw.Close()
	return buf.Bytes()
}

const qdeHead = `<?xml version="1.0" encoding="utf-8"?>`

func TestHostile(t *testing.T) {
	g := GUID("x")
	c := GUID("code")
	src := func(inner string) string {
		return qdeHead + `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="` + c + `" name="c" isCodable="true"/></Codes></CodeBook><Sources>` + inner + `</Sources></Project>`
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"not a zip", []byte("hello"), "not a zip"},
		{"no project.qde", zipOf(t, "a.txt", "x"), "project.qde missing"},
		{"path traversal", zipOf(t, "project.qde", src(""), "../../etc/passwd", "x"), "unsafe file name"},
		{"absolute path", zipOf(t, "project.qde", src(""), "/etc/passwd", "x"), "unsafe file name"},
		{"windows path", zipOf(t, "project.qde", src(""), `Sources\..\..\x.txt`, "x"), "unsafe file name"},
		{"zip bomb", zipOf(t, "project.qde", src(`<TextSource guid="`+g+`" name="s" plainTextPath="internal://big.txt"/>`), "Sources/big.txt", strings.Repeat("a", MaxSourceSize+1)), "expands to more than"},
		{"entities", zipOf(t, "project.qde", qdeHead+`<!DOCTYPE Project [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&lol2;"/>`), "DTD"},
		{"external entity", zipOf(t, "project.qde", qdeHead+`<!DOCTYPE p SYSTEM "file:///etc/passwd"><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>`), "DTD"},
		{"undeclared entity", zipOf(t, "project.qde", qdeHead+`<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>`), "XML"},
		{"malformed XML", zipOf(t, "project.qde", qdeHead+`<Project xmlns="urn:QDA-XML:project:1.0" name="x">`), "XML"},
		{"wrong root", zipOf(t, "project.qde", qdeHead+`<Project name="x"/>`), "name space"},
		{"outside file", zipOf(t, "project.qde", src(`<TextSource guid="`+g+`" name="s" plainTextPath="file:///etc/passwd"/>`)), "outside the archive"},
		{"internal traversal", zipOf(t, "project.qde", src(`<TextSource guid="`+g+`" name="s" plainTextPath="internal://../project.qde"/>`)), "not in the archive"},
		{"selection past the end", zipOf(t, "project.qde", src(`<TextSource guid="`+g+`" name="s"><PlainTextContent>short</PlainTextContent><PlainTextSelection guid="`+g+`" startPosition="2" endPosition="99"/></TextSource>`)), "spans 2-99"},
		{"unknown code", zipOf(t, "project.qde", src(`<TextSource guid="`+g+`" name="s"><PlainTextContent>short</PlainTextContent><PlainTextSelection guid="`+g+`" startPosition="0" endPosition="3"><Coding guid="`+g+`"><CodeRef targetGUID="`+GUID("nope")+`"/></Coding></PlainTextSelection></TextSource>`)), "not in the codebook"},
		{"bad guid", zipOf(t, "project.qde", qdeHead+`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="1" name="c" isCodable="true"/></Codes></CodeBook></Project>`), "not a GUID"},
		{"nameless code", zipOf(t, "project.qde", qdeHead+`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><CodeBook><Codes><Code guid="`+c+`" name=" " isCodable="true"/></Codes></CodeBook></Project>`), "no name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, _, err := ReadProject(bytes.NewReader(tt.data), int64(len(tt.data)))
			if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v (project %v); want ErrInvalid mentioning %q", err, p != nil, tt.want)
			}
		})
	}
}

func TestOtherSourcesSkipped(t *testing.T) {
	g := GUID("s")
	data := zipOf(t, "project.qde", qdeHead+`<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Sources><PictureSource guid="`+g+`" name="photo.jpg"/><TextSource guid="`+GUID("t")+`" name="t"><PlainTextContent>hello</PlainTextContent></TextSource></Sources></Project>`)
	p, skipped, err := ReadProject(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Sources) != 1 || p.Sources[0].Text != "hello" || len(skipped) != 1 || skipped[0].String() != `PictureSource "photo.jpg"` {
		t.Errorf("sources %+v skipped %v; want the text source read and the picture named as skipped", p.Sources, skipped)
	}
}
