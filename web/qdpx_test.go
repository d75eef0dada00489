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
