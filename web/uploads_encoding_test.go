package web_test

import (
	"context"
	"net/http"
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

	b.upload(imp, "reviews.jsonl", []byte("{\"id\":1,\"text\":\"دیر رسید\"}\n{\"id\":2,\"text\":\"خوب\"}\n"), nil, 0).
		want(http.StatusUnprocessableEntity, "۲ رکورد داده است (JSON Lines یا فهرستی از شیءها)، نه پرسشنامه")
	b.upload(imp, "answers.csv", cp1256("id,نظر\n1,ارسال دير بود\n"), nil, 0).
		want(http.StatusUnprocessableEntity, "جدولی با ۲ ستون است (id, نظر…)، نه پرسشنامه", "1,ارسال دير بود") // kept in the box, readable
}
