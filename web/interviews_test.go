package web_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
)

// interviewParams fills the interview routes' ids (:tid, :cid, :kid) with
// a transcript, code and coding of the workspace's project, made once.
func (w *workspace) interviewParams(path string) string {
	if !strings.Contains(path, ":tid") && !strings.Contains(path, ":cid") && !strings.Contains(path, ":kid") {
		return path
	}
	ctx := context.Background()
	ts, err := w.store.Transcripts(ctx, w.project.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	if len(ts) == 0 {
		tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "fixture.txt",
			Speakers:   []survey.Speaker{{Name: "Moderator", Moderator: true}},
			Utterances: []survey.Utterance{{Order: 1, Speaker: "Moderator", Text: "How was it?"}, {Order: 2, Speaker: "Sara", Text: "Slow delivery"}}}
		if err := w.store.CreateTranscript(ctx, tr); err != nil {
			w.t.Fatal(err)
		}
		code := &survey.Code{ProjectID: w.project.ID, Name: "fixture code"}
		if err := w.store.CreateCode(ctx, code); err != nil {
			w.t.Fatal(err)
		}
		full, _ := w.store.Transcript(ctx, tr.ID)
		if err := w.store.ApplyCode(ctx, &survey.Coding{ProjectID: w.project.ID, CodeID: code.ID, Source: survey.SourceUtterance, UtteranceID: full.Utterances[1].ID}); err != nil {
			w.t.Fatal(err)
		}
		ts = []*survey.Transcript{tr}
	}
	codes, _ := w.store.Codes(ctx, w.project.ID)
	ks, _ := w.store.CodedPassages(ctx, w.project.ID, 0)
	kid := "1"
	if len(ks) > 0 {
		kid = strconv.FormatInt(ks[0].ID, 10)
	}
	return strings.NewReplacer(":tid", strconv.FormatInt(ts[0].ID, 10), ":cid", strconv.FormatInt(codes[0].ID, 10), ":kid", kid).Replace(path)
}

// upload posts a multipart form with one file, as the upload form does.
func (b *browser) upload(path, name string, data []byte, fields url.Values, declaredLength int64) *browser {
	b.w.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("csrf", b.csrf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	fw, _ := mw.CreateFormFile("file", name)
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", "http://safar.test"+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	if declaredLength > 0 {
		req.ContentLength = declaredLength
	}
	for _, c := range b.jar.Cookies(req.URL) {
		req.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	b.w.srv.Handler().ServeHTTP(rec, req)
	b.status, b.body, b.header = rec.Code, rec.Body.String(), rec.Result().Header
	return b
}

// docxBomb is a small .docx whose document.xml unpacks past MaxDocxXMLSize.
func docxBomb(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	f, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	f.Write(bytes.Repeat([]byte("<w:p><w:r><w:t>a</w:t></w:r></w:p>"), transcript.MaxDocxXMLSize/34+1))
	zw.Close()
	return buf.Bytes()
}

func (w *workspace) pid() string { return strconv.FormatInt(w.project.ID, 10) }

func (w *workspace) transcripts() []*survey.Transcript {
	w.t.Helper()
	ts, err := w.store.Transcripts(context.Background(), w.project.ID)
	if err != nil {
		w.t.Fatal(err)
	}
	return ts
}

func TestTranscriptUploadErrorsStoreNothing(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	path := "/app/projects/" + w.pid() + "/transcripts"
	b.get(path).want(http.StatusOK, `enctype="multipart/form-data"`, `name="redact"`, "10 MiB")
	// Issue 21: 950,000 short lines made a 904 MB page; now the import
	// stops at the cap and says so. With -short (the race detector's pass
	// in .ci/run) the file is just past the cap: parsing 950,000 lines
	// took over a minute under the race detector.
	lines := 950_000
	if testing.Short() {
		lines = transcript.MaxUtterances + 2
	}

	cases := []struct {
		name     string
		file     string
		data     []byte
		declared int64
		status   int
		want     []string
	}{
		{"declared body over the limit", "big.txt", []byte("A: hi\n"), 50 << 20, http.StatusRequestEntityTooLarge, []string{"File too large: 50 MiB; the limit is 10 MiB"}},
		{"file over the limit", "big.txt", bytes.Repeat([]byte("A: hi\n"), transcript.MaxSize/6+1), 0, http.StatusRequestEntityTooLarge, []string{"big.txt: File too large", "the limit is 10 MiB"}},
		{"unknown format", "report.pdf", []byte("%PDF-1.4 \x00\x01\x02 binary"), 0, http.StatusUnprocessableEntity, []string{"report.pdf: Format not recognised"}},
		{"malformed line", "a.vtt", []byte("WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nhi\n"), 0, http.StatusUnprocessableEntity, []string{"a.vtt: Line 4: malformed cue timing"}},
		{"no file", "", nil, 0, http.StatusUnprocessableEntity, []string{"Choose a transcript file"}},
		{fmt.Sprintf("%d lines", lines), "long.txt", bytes.Repeat([]byte("A: hi\nB: ho\n"), lines/2), 0, http.StatusRequestEntityTooLarge, []string{"long.txt: This transcript has more than 20000 utterances"}},
		// A docx within 10 MiB whose text unpacks past 32 MiB names that limit, not the file size.
		{"docx bomb", "bomb.docx", docxBomb(t), 0, http.StatusRequestEntityTooLarge, []string{"bomb.docx: The document&#39;s text expands beyond 32 MiB"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if tc.file == "" {
				b.post(path, url.Values{})
			} else {
				b.upload(path, tc.file, tc.data, nil, tc.declared)
			}
			b.want(tc.status, append([]string{"nothing was stored"}, tc.want...)...)
			if n := len(w.transcripts()); n != 0 {
				t.Fatalf("%d transcripts stored after a failed upload", n)
			}
		})
	}
	// Anonymous uploads are refused, even too-large ones, before anything is read.
	anon := w.browser()
	anon.upload(path, "big.txt", []byte("A: hi\n"), nil, 50<<20)
	if anon.status != http.StatusUnauthorized {
		t.Errorf("anonymous upload: status %d, want 401", anon.status)
	}
	// A viewer may not upload.
	v := w.login("view@example.com")
	v.upload(path, "a.txt", []byte("A: hi\n"), nil, 0)
	if v.status != http.StatusForbidden {
		t.Errorf("viewer upload: status %d, want 403", v.status)
	}
}

// TestMalformedTranscriptInTheReadersLanguage: a Persian researcher's
// broken subtitle file says what is wrong in Persian, down to the bad time
// (it was the parser's English after the Persian "فایل خراب است:").
func TestMalformedTranscriptInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	path := "/app/projects/" + w.pid() + "/transcripts"
	for _, tc := range []struct {
		file, data, want, en string
	}{
		{"a.vtt", "WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nhi\n", "زمان‌بندی بخش «00:00:01.000 --&gt; 00:00:0x.000»: زمان پایان نادرست است: دقیقه و ثانیه باید دورقمی باشند", "bad end time"},
		{"b.vtt", "1\n00:00:01.000 --> 00:00:02.000\nhi\n", "فایل باید با «WEBVTT» آغاز شود", "must start with"},
		{"c.srt", "1\n00:00:02,000 --> 00:00:01,000\nhi\n", "زمان پایان پیش از زمان آغاز است", "end time is before"},
	} {
		b.upload(path, tc.file, []byte(tc.data), nil, 0).want(http.StatusUnprocessableEntity, tc.file+": ", "فایل خراب است: ", tc.want)
		if strings.Contains(b.body, tc.en) || strings.Contains(b.body, "malformed") {
			t.Errorf("%s: the Persian page says %q", tc.file, tc.en)
		}
	}
	// The line it names reads in the reader's digits ("سطر ۴", not "سطر 4"),
	// the file's name as written.
	b.upload(path, "a4.vtt", []byte("WEBVTT\n\n1\n00:00:01.000 --> 00:00:0x.000\nhi\n"), nil, 0).want(http.StatusUnprocessableEntity, "a4.vtt: سطر ۴: ")
}

// TestTranscriptSpeakersSuggestModerator: without a role name, the speaker
// screen pre-ticks the guessed moderator and says why.
func TestTranscriptSpeakersSuggestModerator(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.pid()
	text := "Nina: Welcome. Let us go round the table, Omid first.\nOmid: My order came late.\nNina: Parisa, you next.\n" +
		"Parisa: The box was crushed.\nNina: Reza, please.\nReza: Support never answered.\nNina: Thank you all.\n"
	b.upload("/app/projects/"+pid+"/transcripts", "group.txt", []byte(text), nil, 0)
	if b.status != http.StatusSeeOther {
		t.Fatalf("upload: status %d; body %.1000s", b.status, b.body)
	}
	b.get(b.header.Get("Location")).want(http.StatusOK, `value="Nina" checked`, `class="badge">suggested`,
		"opens the conversation and hands the floor around")
	if strings.Count(b.body, " checked") != 1 {
		t.Errorf("want one speaker ticked, got %d", strings.Count(b.body, " checked"))
	}
}

func TestTranscriptUploadRedactAndMapSpeakers(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.pid()
	text := "Interviewer: How did you order?\nسارا: از اینستاگرام. شماره‌ام 0912 123 4567 است.\nInterviewer: Anything else?\nAli: Mail me at ali@example.com, the courier was late.\n"
	b.upload("/app/projects/"+pid+"/transcripts", "group.txt", []byte(text), url.Values{"redact": {"1"}}, 0)
	if b.status != http.StatusSeeOther {
		t.Fatalf("upload: status %d; body %.1000s", b.status, b.body)
	}
	loc := b.header.Get("Location")
	if !strings.Contains(loc, "imported=1") || !strings.Contains(loc, "redacted=2") {
		t.Fatalf("redirect %q: want imported=1&redacted=2", loc)
	}
	ts := w.transcripts()
	if len(ts) != 1 || ts[0].Redactions != 2 {
		t.Fatalf("transcripts: %+v", ts)
	}
	tid := strconv.FormatInt(ts[0].ID, 10)
	b.get(loc).want(http.StatusOK, "2 personal data items were replaced", `value="Interviewer" checked`, `name="participant"`)

	// Attributes are offered with the survey's demographic question ids.
	b.want(http.StatusOK, `name="attr.age"`, `name="attr.city"`, `<option value="Shiraz">`)
	b.post("/app/projects/"+pid+"/participants", url.Values{"pseudonym": {"P-Ali"}, "attr.city": {"Shiraz"},
		"attr_name": {"Customer Type", ""}, "attr_value": {"new", ""}, "back": {"/app/projects/" + pid + "/transcripts/" + tid + "/edit"}}).
		wantRedirect("/app/projects/" + pid + "/transcripts/" + tid + "/edit")
	parts, _ := w.store.Participants(context.Background(), w.project.ID)
	if len(parts) != 1 || parts[0].Attributes["city"] != "Shiraz" || parts[0].Attributes["customer_type"] != "new" {
		t.Fatalf("participant: %+v", parts)
	}
	ali := strconv.FormatInt(parts[0].ID, 10)

	full, _ := w.store.Transcript(context.Background(), ts[0].ID)
	form := url.Values{"moderator": {"Interviewer"}}
	for _, sp := range full.Speakers {
		form.Add("speaker", sp.Name)
		switch sp.Name {
		case "Ali":
			form.Add("participant", ali)
		case "سارا":
			form.Add("participant", "new")
		default:
			form.Add("participant", "")
		}
	}
	b.post("/app/projects/"+pid+"/transcripts/"+tid+"/speakers", form).wantRedirect("/app/projects/" + pid + "/transcripts/" + tid)
	full, _ = w.store.Transcript(context.Background(), ts[0].ID)
	for _, sp := range full.Speakers {
		switch sp.Name {
		case "Interviewer":
			if !sp.Moderator || sp.ParticipantID != nil {
				t.Errorf("moderator: %+v", sp)
			}
		case "Ali":
			if sp.Moderator || sp.ParticipantID == nil || strconv.FormatInt(*sp.ParticipantID, 10) != ali {
				t.Errorf("Ali: %+v", sp)
			}
		case "سارا":
			if sp.ParticipantID == nil {
				t.Errorf("Sara not mapped to a new participant: %+v", sp)
			}
		}
	}
	b.get("/app/projects/"+pid+"/transcripts/"+tid).want(http.StatusOK, "utt-moderator", "[PHONE]", "(<bdi>P-Ali</bdi>)", `class="badge">moderator`)
	if strings.Contains(b.body, "0912") || strings.Contains(b.body, "ali@example.com") {
		t.Error("redacted data shown")
	}
	// An unknown speaker or participant is refused.
	b.post("/app/projects/"+pid+"/transcripts/"+tid+"/speakers", url.Values{"speaker": {"Nobody"}, "participant": {""}}).want(http.StatusNotFound)
	b.post("/app/projects/"+pid+"/transcripts/"+tid+"/speakers", url.Values{"speaker": {"Ali"}, "participant": {"99999"}}).want(http.StatusNotFound)
}

var draftKeyRE = regexp.MustCompile(`name="draft" value="([^"]+)"`)

func TestInterviewNotesDraftAndSave(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.pid()
	b.get("/app/projects/"+pid+"/interviews/new").want(http.StatusOK, `id="interview-form"`, `name="line_text"`, `name="line_emotion"`, "interviews.", `value="website"`)
	m := draftKeyRE.FindStringSubmatch(b.body)
	if m == nil {
		t.Fatal("no draft key on the form")
	}
	key := m[1]
	form := url.Values{"draft": {key}, "new_pseudonym": {"نگار"}, "date": {"2026-11-20"}, "interviewer": {"Neda"},
		"stage": {"purchase"}, "touchpoint": {"website"}, "other_touchpoints": {"call centre"},
		"line_text": {"پرداخت با کارت سخت بود", "", "The courier was friendly"}, "line_emotion": {"negative", "", "positive"},
		"line_codes": {"payment, checkout", "", "courier"}}

	// Autosave: JSON with the CSRF header, as static/interviews.js sends it.
	draft := func(f url.Values, token string) *browser {
		return b.do("POST", "/app/projects/"+pid+"/interviews/draft", f, "X-CSRF-Token", token, "Accept", "application/json")
	}
	draft(form, "forged").want(http.StatusForbidden)
	draft(form, b.csrf).want(http.StatusOK, `"saved"`)
	var got map[string]string
	if err := json.Unmarshal([]byte(b.body), &got); err != nil || got["draft"] != key {
		t.Fatalf("draft answer %s: %v", b.body, err)
	}
	bad := url.Values{"draft": {"../x"}}
	draft(bad, b.csrf).want(http.StatusUnprocessableEntity)

	// The draft comes back after a dropped connection, and is listed.
	b.get("/app/projects/"+pid+"/interviews/new?draft="+key).want(http.StatusOK, "پرداخت با کارت سخت بود", "The courier was friendly", `value="نگار"`, "call centre")
	b.get("/app/projects/"+pid+"/transcripts").want(http.StatusOK, "interviews/new?draft="+key)
	// Reloading the blank form (the URL the page was opened at) offers the
	// draft; the draft being edited does not offer itself.
	b.get("/app/projects/"+pid+"/interviews/new").want(http.StatusOK, `class="drafts"`, "interviews/new?draft="+key)
	b.get("/app/projects/" + pid + "/interviews/new?draft=" + key).want(http.StatusOK)
	if strings.Contains(b.body, `class="drafts"`) {
		t.Error("the open draft lists itself")
	}
	// Another user cannot read it.
	w.login("admin@example.com").get("/app/projects/" + pid + "/interviews/new?draft=" + key).want(http.StatusNotFound)

	// Without JavaScript: the "save draft" button.
	noJS := url.Values{"action": {"draft"}}
	for k, v := range form {
		noJS[k] = v
	}
	noJS.Set("interviewer", "Neda R.")
	b.post("/app/projects/"+pid+"/interviews", noJS).wantRedirect("/app/projects/" + pid + "/interviews/new?draft=" + key + "&saved=1")
	b.get("/app/projects/"+pid+"/interviews/new?draft="+key+"&saved=1").want(http.StatusOK, "Draft saved.", `value="Neda R."`)

	// A bad form keeps what was typed.
	badForm := url.Values{"draft": {key}, "date": {"20/11/2026"}, "line_text": {"kept text"}, "line_emotion": {"negative"}, "line_codes": {""}}
	b.post("/app/projects/"+pid+"/interviews", badForm).want(http.StatusUnprocessableEntity, "kept text", "Enter a date as YYYY-MM-DD", "Choose a participant")
	if n := len(w.transcripts()); n != 0 {
		t.Fatalf("invalid notes stored: %d", n)
	}

	b.post("/app/projects/"+pid+"/interviews", form)
	if b.status != http.StatusSeeOther {
		t.Fatalf("save: status %d; %.1500s", b.status, b.body)
	}
	ts := w.transcripts()
	if len(ts) != 1 || ts[0].Kind != survey.KindInterview || ts[0].Interviewer != "Neda" || ts[0].Stage != "purchase" ||
		strings.Join(ts[0].Touchpoints, "|") != "website|call centre" || ts[0].Date == nil {
		t.Fatalf("interview: %+v", ts)
	}
	full, _ := w.store.Transcript(context.Background(), ts[0].ID)
	if len(full.Utterances) != 2 || full.Utterances[0].Emotion != "negative" || full.Utterances[0].Speaker != "نگار" {
		t.Fatalf("lines: %+v", full.Utterances)
	}
	codes, _ := w.store.Codes(context.Background(), w.project.ID)
	if len(codes) != 3 {
		t.Fatalf("codes: %+v", codes)
	}
	res, _ := w.store.UserByEmail(context.Background(), "res@example.com")
	if ds, _ := w.store.Drafts(context.Background(), w.project.ID, res.ID); len(ds) != 0 {
		t.Errorf("draft kept after save: %+v", ds)
	}
	page := b.header.Get("Location")
	b.get(page).want(http.StatusOK, "پرداخت با کارت سخت بود", "emo-negative", "checkout")
	// The touchpoints are a list in the page's punctuation.
	b.want(http.StatusOK, "<dd><bdi>website</bdi>, <bdi>call centre</bdi></dd>")
	w.login("fa@example.com").get(page).want(http.StatusOK, "<dd><bdi>website</bdi>، <bdi>call centre</bdi></dd>")
}

func TestCodingMergeAndCSV(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.pid()
	ctx := context.Background()
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "fg.txt",
		Utterances: []survey.Utterance{{Order: 1, Speaker: "Sara", Text: "=HYPERLINK(\"http://evil\") the app crashed at checkout"}}}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	full, _ := w.store.Transcript(ctx, tr.ID)
	uid := strconv.FormatInt(full.Utterances[0].ID, 10)

	b.get("/app/projects/"+pid+"/codes").want(http.StatusOK, "No codes yet")
	b.post("/app/projects/"+pid+"/codes", url.Values{"name": {"crash"}, "group": {"pain_point"}, "description": {"App failures"}}).wantRedirect("/app/projects/" + pid + "/codes")
	b.post("/app/projects/"+pid+"/codes", url.Values{"name": {"crash"}, "group": {"pain_point"}}).want(http.StatusUnprocessableEntity, "already a code with this name")
	b.post("/app/projects/"+pid+"/codes", url.Values{"name": {"x"}, "group": {"nonsense"}}).want(http.StatusUnprocessableEntity, "Choose a group")
	codes, _ := w.store.Codes(ctx, w.project.ID)
	crash := strconv.FormatInt(codes[0].ID, 10)

	// A span of an utterance, by its exact words.
	b.post("/app/projects/"+pid+"/codings", url.Values{"utterance": {uid}, "code": {crash}, "quote": {"the app crashed"}}).wantRedirect("/app/projects/" + pid + "/codes/" + crash)
	b.post("/app/projects/"+pid+"/codings", url.Values{"utterance": {uid}, "code": {crash}, "quote": {"not in the text"}}).want(http.StatusUnprocessableEntity)
	// A passage that is not in the text says so and links back to the
	// text, and the new code typed with it is not made.
	back := "/app/projects/" + pid + "/transcripts/" + strconv.FormatInt(tr.ID, 10) + "#u" + uid
	b.post("/app/projects/"+pid+"/codings", url.Values{"utterance": {uid}, "new_code": {"checkout bug"}, "quote": {"not in the text"}, "back": {back}}).
		want(http.StatusUnprocessableEntity, "the passage typed is not word for word in the text", `<a href="`+back+`">Back to the text</a>`)
	if codes, _ := w.store.Codes(ctx, w.project.ID); len(codes) != 1 {
		t.Errorf("a coding refused for its passage left a code: %+v", codes)
	}
	// An open survey answer, with a new code.
	b.post("/app/projects/"+pid+"/codings", url.Values{"response": {w.resp.ID}, "question": {"problem"}, "new_code": {"late delivery"}, "back": {"/app/projects/" + pid + "/answers"}}).
		wantRedirect("/app/projects/" + pid + "/answers")
	b.get("/app/projects/"+pid+"/answers").want(http.StatusOK, "The parcel arrived a week late", "late delivery")
	if strings.Contains(b.body, "2025-03-21") {
		t.Error("a date answer listed as an open answer")
	}
	// Typing an existing code's name (the datalist) reuses the code.
	b.post("/app/projects/"+pid+"/codings", url.Values{"utterance": {uid}, "new_code": {" crash "}}).wantRedirect("/app/projects/" + pid + "/codes/" + crash)
	codes, _ = w.store.Codes(ctx, w.project.ID)
	if len(codes) != 2 {
		t.Fatalf("codes after coding by name: %+v", codes)
	}
	var late string
	for _, c := range codes {
		if c.Name == "late delivery" {
			late = strconv.FormatInt(c.ID, 10)
		}
	}
	// Rename and regroup, then merge "late delivery" into "crash".
	b.post("/app/projects/"+pid+"/codes/"+late, url.Values{"name": {"delivery delay"}, "group": {"pain_point"}, "description": {"late parcels"}}).wantRedirect("/app/projects/" + pid + "/codes")
	b.get("/app/projects/"+pid+"/codes").want(http.StatusOK, "delivery delay", "late parcels", "Pain point")
	b.post("/app/projects/"+pid+"/codes/"+late+"/merge", url.Values{"into": {late}}).want(http.StatusUnprocessableEntity)
	b.post("/app/projects/"+pid+"/codes/"+late+"/merge", url.Values{"into": {crash}}).wantRedirect("/app/projects/" + pid + "/codes/" + crash)
	b.get("/app/projects/"+pid+"/codes/"+crash).want(http.StatusOK, "the app crashed", "The parcel arrived", "fg.txt", "Survey answer")
	if strings.Contains(b.body, "<script>alert(1)") {
		t.Error("answer text not escaped")
	}
	b.get("/app/projects/" + pid + "/codes/" + late).want(http.StatusNotFound)

	b.get("/app/projects/" + pid + "/coded.csv?code=" + crash).want(http.StatusOK)
	if ct := b.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
		t.Errorf("Content-Type %q", ct)
	}
	if !strings.Contains(b.body, `"'=HYPERLINK(""http://evil"") the app crashed at checkout"`) {
		t.Errorf("formula not escaped in CSV:\n%s", b.body)
	}
	if !strings.Contains(b.body, ",the app crashed,") || !strings.Contains(b.body, "crash,pain_point,transcript,fg.txt,Sara") {
		t.Errorf("CSV rows:\n%s", b.body)
	}

	// Removing a coding.
	ks, _ := w.store.CodedPassages(ctx, w.project.ID, 0)
	b.post("/app/projects/"+pid+"/codings/"+strconv.FormatInt(ks[0].ID, 10)+"/delete", nil).wantRedirect("/app/projects/" + pid + "/codes")
	if after, _ := w.store.CodedPassages(ctx, w.project.ID, 0); len(after) != len(ks)-1 {
		t.Errorf("codings after remove: %d, want %d", len(after), len(ks)-1)
	}
}

func TestSearchPersianAndEnglish(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	pid := w.pid()
	ctx := context.Background()
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "جلسه ۱",
		Speakers: []survey.Speaker{{Name: "مصاحبه‌گر", Moderator: true}},
		Utterances: []survey.Utterance{
			{Order: 1, Speaker: "مصاحبه‌گر", Text: "از کیفیت پشتیبانی بگویید"},
			{Order: 2, Speaker: "مریم", Text: "کیفیت پشتیبانی اصلاً خوب نیست"},
			{Order: 3, Speaker: "John", Text: "The COURIER never called"},
		}}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	search := func(q string) *browser { return b.get("/app/projects/" + pid + "/search?q=" + url.QueryEscape(q)) }
	// Typed with Arabic yeh and kaf (كيفيت), stored with Persian ی and ک.
	search("كيفيت پشتيباني").want(http.StatusOK, "کیفیت پشتیبانی اصلاً خوب نیست", "از کیفیت پشتیبانی بگویید", "مصاحبه‌گر", `dir="rtl"`)
	search("courier").want(http.StatusOK, "The COURIER never called")
	search("PARCEL").want(http.StatusOK, "The parcel arrived a week late", w.survey.Slug)
	search("2025-03").want(http.StatusOK, "چیزی پیدا نشد") // a date answer is not open text
	search("").want(http.StatusOK)
	if strings.Contains(b.body, "چیزی پیدا نشد") {
		t.Error("an empty query searched")
	}
}

func TestSuggestedCodesFromPainPoints(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.pid()
	ctx := context.Background()
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "fg.txt",
		Speakers: []survey.Speaker{{Name: "Moderator", Moderator: true}},
		Utterances: []survey.Utterance{
			{Order: 1, Speaker: "Moderator", Text: "Was the delivery late? The delivery is always late, right?"},
			{Order: 2, Speaker: "Ann", Text: "The delivery was very late and slow."},
			{Order: 3, Speaker: "Bob", Text: "My delivery arrived late, terrible shipping."},
			{Order: 4, Speaker: "Cem", Text: "Delivery was late again, so slow."},
		}}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	b.get("/app/projects/"+pid+"/suggestions").want(http.StatusOK, "Suggested codes", `name="decision" value="accepted"`, "The delivery was very late")
	if strings.Contains(b.body, "Was the delivery late?") {
		t.Error("the moderator's words were suggested")
	}
	m := regexp.MustCompile(`name="utterance" value="(\d+)">\s*<input type="hidden" name="key" value="([^"]+)">\s*<input type="hidden" name="label" value="([^"]+)">`).FindStringSubmatch(b.body)
	if m == nil {
		t.Fatalf("no suggestion form:\n%.3000s", b.body)
	}
	b.post("/app/projects/"+pid+"/suggestions", url.Values{"utterance": {m[1]}, "key": {m[2]}, "label": {m[3]}, "decision": {"accepted"}}).wantRedirect("/app/projects/" + pid + "/suggestions")
	codes, _ := w.store.Codes(ctx, w.project.ID)
	if len(codes) != 1 || codes[0].Group != survey.GroupPainPoint || codes[0].Uses != 1 {
		t.Fatalf("accepted suggestion: %+v", codes)
	}
	b.get("/app/projects/" + pid + "/suggestions").want(http.StatusOK)
	again := regexp.MustCompile(`name="utterance" value="` + m[1] + `">\s*<input type="hidden" name="key" value="` + regexp.QuoteMeta(m[2]) + `"`)
	if again.MatchString(b.body) {
		t.Error("a decided suggestion is offered again")
	}
	b.post("/app/projects/"+pid+"/suggestions", url.Values{"utterance": {m[1]}, "key": {m[2]}, "decision": {"maybe"}}).want(http.StatusUnprocessableEntity)
}

// TestInterviewRoutesNeedCSRF: every state-changing interview route
// refuses a request without the session's token.
func TestInterviewRoutesNeedCSRF(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	for _, path := range []string{
		"/app/projects/:pid/transcripts", "/app/projects/:pid/transcripts/:tid/speakers", "/app/projects/:pid/participants",
		"/app/projects/:pid/interviews", "/app/projects/:pid/interviews/draft", "/app/projects/:pid/codes",
		"/app/projects/:pid/codes/:cid", "/app/projects/:pid/codes/:cid/merge", "/app/projects/:pid/codings",
		"/app/projects/:pid/codings/:kid/delete", "/app/projects/:pid/suggestions",
	} {
		p := w.params(w.interviewParams(path))
		b.do("POST", p, url.Values{"name": {"x"}, "pseudonym": {"x"}, "csrf": {"forged"}})
		if b.status != http.StatusForbidden {
			t.Errorf("POST %s with a forged token: status %d, want 403", path, b.status)
		}
	}
	if codes, _ := w.store.Codes(context.Background(), w.project.ID); len(codes) != 1 {
		t.Errorf("codes changed without a token: %+v", codes)
	}
}
