package web_test

import (
	"archive/zip"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
)

func TestResponsesExportSAV(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("view@example.com") // viewers may download
	b.get("/app/surveys/"+w.survey.Slug+"/responses").want(http.StatusOK, "export.sav")
	b.get("/app/surveys/" + w.survey.Slug + "/export.sav?status=complete").want(http.StatusOK)
	if !strings.HasPrefix(b.body, "$FL2") {
		t.Fatalf("not an SPSS system file: %q", b.body[:min(len(b.body), 16)])
	}
	if cd := b.header.Get("Content-Disposition"); !strings.Contains(cd, w.survey.Slug+"-responses.sav") {
		t.Errorf("Content-Disposition %q", cd)
	}
	for _, want := range []string{"Your age group", "Sara", w.resp.ID} {
		if !strings.Contains(b.body, want) {
			t.Errorf("the .sav lacks %q", want)
		}
	}
}

func TestResponsesExportTripleS(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("view@example.com")
	b.get("/app/surveys/" + w.survey.Slug + "/export-triple-s.zip?status=complete").want(http.StatusOK)
	z, err := zip.NewReader(strings.NewReader(b.body), int64(len(b.body)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	if want := []string{w.survey.Slug + ".sss", w.survey.Slug + ".asc"}; !slices.Equal(names, want) {
		t.Errorf("zip holds %v, want %v", names, want)
	}
}

// TestImportSurveyFromOtherTool uploads a Qualtrics export on the project
// page: the survey is created as a draft and the report says what was
// approximated and left out; a broken file names itself and stores nothing.
func TestImportSurveyFromOtherTool(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	qsf, err := os.ReadFile("../interop/surveyimport/testdata/qualtrics.qsf")
	if err != nil {
		t.Fatal(err)
	}
	path := "/app/projects/" + w.pid() + "/surveys"
	b.upload(path, "visit.qsf", qsf, nil, 0).want(http.StatusCreated, "Imported from qualtrics", "/app/surveys/store-visit-feedback",
		"7 questions mapped", "descriptive text is not a question")
	b.get("/app/surveys/store-visit-feedback").want(http.StatusOK, "How did you hear about us?")
	b.upload(path, "broken.qsf", []byte(`{"SurveyEntry": {`), nil, 0).want(http.StatusUnprocessableEntity, "broken.qsf (qualtrics)</code>: not valid Qualtrics JSON")
	b.upload(path, "visit.qsf", qsf, nil, 0).want(http.StatusUnprocessableEntity, "another survey already uses this slug")
}

// TestImportSurveyProblemsInTheReadersLanguage: a survey file the project
// page cannot import says why in Persian on the Persian page (it was the
// importer's English), naming the file.
func TestImportSurveyProblemsInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	path := "/app/projects/" + w.pid() + "/surveys"
	for _, tc := range []struct {
		name, file, want, en string
	}{
		{"notes.txt", "hello", "پرسشنامه‌ای نیست که Safar بشناسد", "not a survey file"},
		{"data.xml", "<root/>", "ساختار پرسشنامهٔ LimeSurvey", "not a LimeSurvey"},
		{"broken.qsf", `{"SurveyEntry": {`, "JSON معتبر کوالتریکس نیست", "not valid Qualtrics"},
		{"empty.json", `{"title":"x","pages":[{"elements":[{"type":"html","name":"h"}]}]}`, "هیچ پرسشی از آن وارد نشد", "no question in it"},
	} {
		b.upload(path, tc.name, []byte(tc.file), nil, 0).want(http.StatusUnprocessableEntity, tc.name, tc.want)
		if strings.Contains(b.body, tc.en) {
			t.Errorf("%s: the Persian page says %q", tc.name, tc.en)
		}
	}
}

// TestImportReportInTheReadersLanguage: the report of a survey imported
// from another tool says what was approximated and left out in Persian on
// the Persian page, each question's name isolated and the numbers in
// Persian digits (it listed the importer's English sentences).
func TestImportReportInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com") // Persian digits
	qsf, err := os.ReadFile("../interop/surveyimport/testdata/qualtrics.qsf")
	if err != nil {
		t.Fatal(err)
	}
	b.upload("/app/projects/"+w.pid()+"/surveys", "visit.qsf", qsf, nil, 0).want(http.StatusCreated,
		"\u2068Q7 (DB/TB)\u2069: متن توصیفی پرسش نیست",
		"\u2068Q8 (RO/DND)\u2069: Safar چنین نوع پرسشی ندارد",
		"\u2068Q4 (Matrix/Likert)\u2069: نقاط مقیاس به ترتیب ستون‌ها ۱ تا ۳ ذخیره می‌شوند",
		"گزینهٔ «Other» با جعبهٔ متن")
	for _, en := range []string{"descriptive text", "no such question type", "scale points", "text box"} {
		if strings.Contains(b.body, en) {
			t.Errorf("the Persian page says %q", en)
		}
	}
	sjs := `{"title": "r", "pages": [{"elements": [{"type": "rating", "name": "sat", "rateMin": 0.5, "rateMax": 20}]}]}`
	b.upload("/app/projects/"+w.pid()+"/surveys", "r.json", []byte(sjs), nil, 0).want(http.StatusCreated,
		"\u2068sat (rating)\u2069: امتیاز ۰٫۵ تا ۲۰ پرسش عددی شد")
}

// TestProblemsKeepQuotedDigits: with Persian digits on, a problem's own
// numbers are Persian but the ids and GUIDs it quotes keep their digits,
// so the researcher finds them in the file («q1», not «q۱»).
func TestProblemsKeepQuotedDigits(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com") // Persian digits
	def := `{"slug": "dup", "title": "x", "pages": [{"questions": [{"id": "q1", "type": "short_text", "text": "a"}, {"id": "q1", "type": "short_text", "text": "b"}, {"id": "q2", "type": "likert", "text": "c", "scale": {"points": 20}}]}]}`
	b.upload("/app/projects/"+w.pid()+"/surveys", "dup.json", []byte(def), nil, 0).want(http.StatusUnprocessableEntity, "«q1» تکراری است", "(اکنون: ۲۰)")
	guid := "00000000-0000-0000-0000-000000000001"
	qdc := `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="` + guid + `" name="a" isCodable="true"/><Code guid="` + guid + `" name="b" isCodable="true"/></Codes></CodeBook>`
	b.get("/app/projects/" + w.pid() + "/codes").want(http.StatusOK)
	b.upload("/app/projects/"+w.pid()+"/qdpx/import", "twice.qdc", []byte(qdc), nil, 0).want(http.StatusUnprocessableEntity, "guid "+guid+" دو بار")
}
