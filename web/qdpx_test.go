package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

func TestQDPXExportImport(t *testing.T) {
	w := newWorkspace(t)
	w.codedTranscript(shopTexts[:4], map[int]string{0: "wait", 1: "wait", 3: "صف"}, w.userID("res@example.com"))
	b := w.login("res@example.com")
	pid := w.pid()
	b.get("/app/projects/"+pid+"/codes").want(http.StatusOK, "export.qdpx", "codebook.qdc", `action="/app/projects/`+pid+`/qdpx/import"`)
	b.get("/app/projects/" + pid + "/export.qdpx").want(http.StatusOK)
	if cd := b.header.Get("Content-Disposition"); !strings.Contains(cd, `filename="shop.qdpx"`) {
		t.Errorf("Content-Disposition %q", cd)
	}
	qdpxFile := []byte(b.body)
	if _, err := zip.NewReader(bytes.NewReader(qdpxFile), int64(len(qdpxFile))); err != nil {
		t.Fatalf("download is not a zip: %v", err)
	}
	b.get("/app/projects/"+pid+"/codebook.qdc").want(http.StatusOK, `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"`, `name="wait"`, `name="صف"`)

	ctx := context.Background()
	other := &survey.Project{Name: "copy", Title: "Copy"}
	if err := w.store.CreateProject(ctx, other); err != nil {
		t.Fatal(err)
	}
	path := fmt.Sprintf("/app/projects/%d/qdpx/import", other.ID)
	b.get(fmt.Sprintf("/app/projects/%d/codes", other.ID)).want(http.StatusOK)
	b.upload(path, "evil.qdpx", []byte("PK\x03\x04 not really"), nil, 0).want(http.StatusUnprocessableEntity, "Nothing was imported", "not a zip")
	b.upload(path, "big.qdpx", bytes.Repeat([]byte("x"), 33<<20), nil, 0).want(http.StatusRequestEntityTooLarge, "Nothing was imported", "32 MiB")
	if codes, _ := w.store.Codes(ctx, other.ID); len(codes) != 0 {
		t.Fatalf("a bad file stored %d codes", len(codes))
	}
	// The admin imports; the codings stay the researcher's, named in the file.
	admin := w.login("admin@example.com")
	admin.get(fmt.Sprintf("/app/projects/%d/codes", other.ID)).want(http.StatusOK)
	admin.upload(path, "shop.qdpx", qdpxFile, nil, 0).want(http.StatusOK, "Imported 2 codes, ", " sources and 3 coded segments.")
	ps, _ := w.store.CodedPassages(ctx, other.ID, 0)
	if len(ps) != 3 || ps[0].Origin != survey.OriginImported || ps[0].CreatedBy != w.userID("res@example.com") {
		t.Fatalf("imported codings = %+v; want 3, imported, coded by the researcher", ps)
	}
	got := map[string]bool{}
	for _, p := range ps {
		got[p.Code.Name+": "+p.Quote] = true
	}
	for _, want := range []string{"wait: " + shopTexts[0], "wait: " + shopTexts[1], "صف: " + shopTexts[3]} {
		if !got[want] {
			t.Errorf("after the round trip, no %q in %v", want, got)
		}
	}
	viewer := w.login("view@example.com")
	viewer.get(fmt.Sprintf("/app/projects/%d/codes", other.ID)).want(http.StatusOK)
	if strings.Contains(viewer.body, "qdpx/import") {
		t.Error("a viewer sees the import form")
	}
}

// TestQDPXProblemsInTheReadersLanguage: a Persian researcher's refused
// REFI-QDA file says what is wrong in Persian (it was English after the
// Persian "nothing was imported").
func TestQDPXProblemsInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	path := "/app/projects/" + w.pid() + "/qdpx/import"
	b.get("/app/projects/" + w.pid() + "/codes").want(http.StatusOK)
	for _, tc := range []struct {
		name, file, want, en string
	}{
		{"evil.qdpx", "PK\x03\x04 not really", "بایگانی zip نیست", "not a zip"},
		{"dtd.qdc", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><CodeBook/>`, "XML یک DTD", "declares a DTD"},
		{"nameless.qdc", `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="00000000-0000-0000-0000-000000000001" name=" " isCodable="true"/></Codes></CodeBook>`, "نام ندارد", "has no name"},
	} {
		b.upload(path, tc.name, []byte(tc.file), nil, 0).want(http.StatusUnprocessableEntity, "چیزی وارد نشد", tc.want)
		if strings.Contains(b.body, tc.en) || strings.Contains(b.body, "invalid REFI-QDA") {
			t.Errorf("%s: the Persian page says %q", tc.name, tc.en)
		}
	}
}

// TestQDPXSkippedInTheReadersLanguage: what a REFI-QDA import leaves out
// (a picture source, a coded selection over blank lines) is listed in
// Persian on the Persian page, with its numbers in the reader's digits
// (it listed "selection 7-8 of "notes" covers no text").
func TestQDPXSkippedInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	g := func(n int) string { return fmt.Sprintf("00000000-0000-0000-0000-%012d", n) }
	qde := `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">` +
		`<CodeBook><Codes><Code guid="` + g(1) + `" name="wait" isCodable="true"/></Codes></CodeBook><Sources>` +
		`<PictureSource guid="` + g(2) + `" name="photo.jpg"/>` +
		`<TextSource guid="` + g(3) + `" name="notes"><PlainTextContent>hello` + "\n\n\n" + `world</PlainTextContent>` +
		`<PlainTextSelection guid="` + g(4) + `" startPosition="7" endPosition="8"><Coding guid="` + g(5) + `"><CodeRef targetGUID="` + g(1) + `"/></Coding></PlainTextSelection>` +
		`</TextSource></Sources></Project>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, _ := zw.Create("project.qde")
	f.Write([]byte(qde))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	b := w.login("fa@example.com") // Persian digits
	b.get("/app/projects/" + w.pid() + "/codes").want(http.StatusOK)
	b.upload("/app/projects/"+w.pid()+"/qdpx/import", "p.qdpx", buf.Bytes(), nil, 0).want(http.StatusOK,
		"وارد نشد:", "منبع PictureSource «photo.jpg»", "بخش ۷ تا ۸ از «notes» روی هیچ متنی نیست")
	for _, en := range []string{"covers no text", `PictureSource &#34;photo.jpg&#34;`} {
		if strings.Contains(b.body, en) {
			t.Errorf("the Persian page says %q", en)
		}
	}
}
