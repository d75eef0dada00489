package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// TestUploadsInAnyEncoding: a survey definition saved as Notepad's
// "Unicode" (UTF-16, no byte-order mark) or on Persian Windows
// (Windows-1256) is imported or uploaded with its Persian text, as the
// CLI reads such tables; a data table or JSON Lines sent where a survey is
// expected is refused saying what it is, in the reader's language. Before,
// UTF-16 was "not a survey file", Windows-1256 came in as "\uFFFD" and a
// table was "not a survey file" without saying why.
func TestUploadsInAnyEncoding(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	def := func(slug string) string {
		return `{"slug":"` + slug + `","title":"نظرسنجي خريد","language":"fa","pages":[{"questions":[{"id":"a","type":"short_text","text":"چرا؟"}]}]}`
	}
	utf16 := func(s string) []byte {
		out, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(s)
		return []byte(out)
	}
	cp1256 := func(s string) []byte {
		out, err := charmap.Windows1256.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(out)
	}
	title := func(slug string) string {
		t.Helper()
		sv, err := w.store.SurveyBySlug(context.Background(), slug)
		if err != nil {
			t.Fatalf("%s not imported: %v", slug, err)
		}
		return sv.Definition.Title.String()
	}
	imp := "/app/projects/" + w.pid() + "/surveys"
	b.upload(imp, "u16.json", utf16(def("u16")), nil, 0).wantRedirect("/app/surveys/u16")
	b.upload(imp, "win.json", cp1256(def("win")), nil, 0).wantRedirect("/app/surveys/win")
	for _, slug := range []string{"u16", "win"} {
		if got := title(slug); got != "نظرسنجي خريد" {
			t.Errorf("%s: title %q", slug, got)
		}
	}
	// The definition page takes a new version in UTF-16 too.
	edited := strings.Replace(def("u16"), "نظرسنجي خريد", "ویرایش دوم", 1)
	b.upload("/app/surveys/u16/definition", "u16.json", utf16(edited), nil, 0).wantRedirect("/app/surveys/u16?saved=1")
	if got := title("u16"); got != "ویرایش دوم" {
		t.Errorf("after the UTF-16 edit the title is %q", got)
	}

	// So does a definition's edit, typed or uploaded, and the builder's
	// import ("json: unknown field id" said nothing of what the file was).
	jsonl := []byte("{\"id\":1,\"text\":\"دیر رسید\"}\n{\"id\":2,\"text\":\"خوب\"}\n")
	b.upload("/app/surveys/u16/definition", "reviews.jsonl", jsonl, nil, 0).want(http.StatusUnprocessableEntity, "reviews.jsonl</code>: ۲ رکورد داده است")
	b.upload("/app/surveys/u16/builder", "reviews.jsonl", jsonl, url.Values{"op": {"import_json"}}, 0).want(http.StatusUnprocessableEntity, "reviews.jsonl</code>: ۲ رکورد داده است")

	b.upload(imp, "reviews.jsonl", []byte("{\"id\":1,\"text\":\"دیر رسید\"}\n{\"id\":2,\"text\":\"خوب\"}\n"), nil, 0).
		want(http.StatusUnprocessableEntity, "۲ رکورد داده است (JSON Lines یا فهرستی از شیءها)، نه پرسشنامه")
	b.upload(imp, "answers.csv", cp1256("id,نظر\n1,ارسال دير بود\n"), nil, 0).
		want(http.StatusUnprocessableEntity, "جدولی با ۲ ستون است (id, نظر…)، نه پرسشنامه", "1,ارسال دير بود") // kept in the box, readable
}

// TestTranscriptUploadsInAnyEncodingAndTables: an interview typed on
// Persian Windows (Windows-1256) or saved as UTF-16 without a byte-order
// mark comes in readable; a table sent as a transcript says it is a table
// (a workbook was "not a valid .docx document", a CSV "format not
// recognised").
func TestTranscriptUploadsInAnyEncodingAndTables(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	up := "/app/projects/" + w.pid() + "/transcripts"
	const text = "مصاحبه‌گر: تجربه خريد شما چطور بود؟\nمشتري: ارسال خيلي دير رسيد.\n"
	win, err := charmap.Windows1256.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(text)
	for name, data := range map[string]string{"win.txt": win, "u16.txt": u16} {
		b.upload(up, name, []byte(data), nil, 0).wantRedirect(up + "/")
	}
	ts, err := w.store.Transcripts(context.Background(), w.survey.ProjectID)
	if err != nil || len(ts) != 2 {
		t.Fatalf("transcripts: %d, %v", len(ts), err)
	}
	for _, tr := range ts {
		full, err := w.store.Transcript(context.Background(), tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(full.Utterances) != 2 || full.Utterances[1].Text != "ارسال خيلي دير رسيد." {
			t.Errorf("%s: utterances %+v", tr.Title, full.Utterances)
		}
	}
	var book bytes.Buffer
	zw := zip.NewWriter(&book)
	f, _ := zw.Create("xl/workbook.xml")
	f.Write([]byte("<workbook/>"))
	zw.Close()
	b.upload(up, "answers.xlsx", book.Bytes(), nil, 0).want(http.StatusUnprocessableEntity, "پروندهٔ \u200e.xlsx جدول داده است، نه متن مصاحبه")
	b.upload(up, "answers.csv", []byte("id,text\n1,late\n"), nil, 0).want(http.StatusUnprocessableEntity, "پروندهٔ \u200e.csv جدول داده است")
}

// TestCodebookImportSaysATableIsATable: a codebook kept in a spreadsheet
// and sent as a CSV is refused saying it is a table, in the reader's
// language ("not a zip archive: zip: not a valid zip file" before).
func TestCodebookImportSaysATableIsATable(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	b.get("/app/projects/" + w.pid() + "/codes").want(http.StatusOK)
	b.upload("/app/projects/"+w.pid()+"/qdpx/import", "codes.csv", []byte("code,description,group\nlate delivery,parcel came late,delivery\n"), nil, 0).
		want(http.StatusUnprocessableEntity, "جدولی با ۳ ستون است (code, description, group…)، نه پروژهٔ REFI-QDA")
}
