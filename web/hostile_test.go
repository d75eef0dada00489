package web_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// Nothing a respondent types ever runs: script payloads in every kind of
// field come back escaped on the page, are stored byte for byte, and never
// reach the log.

const payload = `<script>alert("x")</script><img src=x onerror=alert(1)>'"&` + "\u202e"

type hostileApp struct {
	h     http.Handler
	store *gormstore.Store
	logs  *bytes.Buffer
	sv    *survey.Survey
}

func newHostileApp(t *testing.T) *hostileApp {
	t.Helper()
	store := storetest.MustOpenTemp(t)
	ctx := context.Background()
	p, _ := store.EnsureProject(ctx, "hostile", "")
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		SurveyCacheTTL: -1})
	if err != nil {
		t.Fatal(err)
	}
	return &hostileApp{h: srv.Handler(), store: store, logs: &logs, sv: sv}
}

// post sends a respondent form with the resume cookie of clientID.
func (a *hostileApp) post(clientID string, form url.Values) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/s/"+a.sv.Slug, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "safar_" + a.sv.Slug, Value: clientID})
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	return w
}

func mustNotContainLiveMarkup(t *testing.T, where string, body string) {
	t.Helper()
	for _, live := range []string{`<script>alert`, `<img src=x`, `onerror=alert(1)>`} {
		if strings.Contains(body, live) {
			t.Fatalf("%s: typed markup %q came back unescaped", where, live)
		}
	}
}

func (a *hostileApp) mustKeepLogsClean(t *testing.T) {
	t.Helper()
	for _, bit := range []string{"alert", "onerror", "<script"} {
		if strings.Contains(a.logs.String(), bit) {
			t.Fatalf("respondent text reached the log:\n%s", a.logs)
		}
	}
}

func TestPayloadsInEveryFieldAreEscapedAndStoredVerbatim(t *testing.T) {
	a := newHostileApp(t)
	const cid = "0b7e6f8a-2c44-4d1e-9a3b-5c6d7e8f9a0b"

	// Page 1: the payload as an option value (not an option), as "other"
	// text and as a dropdown value. The page comes back with the problems,
	// the typed text in its field, escaped.
	w := a.post(cid, url.Values{"page": {"0"}, "rid": {cid}, "q.age": {payload}, "q.channels": {"other"},
		"q.channels.other": {payload}, "q.city": {payload}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("page 1 with bad choices: status %d", w.Code)
	}
	body := w.Body.String()
	mustNotContainLiveMarkup(t, "page 1", body)
	if !strings.Contains(body, html.EscapeString("<script>alert(")) && !strings.Contains(body, "&lt;script&gt;alert(") {
		t.Fatalf("page 1: the typed other text is not shown back (escaped)")
	}

	// Page 1 valid, with the payload as the "other" text: stored.
	w = a.post(cid, url.Values{"page": {"0"}, "rid": {cid}, "q.age": {"25-34"}, "q.channels": {"other"}, "q.channels.other": {payload}})
	if w.Code != http.StatusSeeOther {
		t.Fatalf("page 1: status %d\n%s", w.Code, w.Body)
	}
	// Page 2: payload in the number, date, text fields and as a matrix
	// statement; the number and date do not parse, so the page comes back
	// with everything typed, escaped, and the text answers still there.
	tooLong := strings.Repeat("ب", survey.DefaultShortLimit+1)
	w = a.post(cid, url.Values{"page": {"1"}, "rid": {cid}, "q.rating": {"2"}, "q.nps": {"6"}, "q.orders": {payload},
		"q.first_order": {payload}, "q.site.find": {payload}, "q.site." + payload: {"3"}, "q.nickname": {tooLong}, "q.problem": {payload}})
	if w.Code != http.StatusUnprocessableEntity {
		t.Fatalf("page 2 with bad values: status %d", w.Code)
	}
	body = w.Body.String()
	mustNotContainLiveMarkup(t, "page 2", body)
	if !strings.Contains(body, tooLong) {
		t.Error("page 2: the too-long nickname was not shown back for editing")
	}
	if n := strings.Count(body, "&lt;script&gt;alert("); n < 2 {
		t.Errorf("page 2: the typed texts are shown back escaped %d times, want at least 2 (number and long text)", n)
	}

	// Page 2 valid, payload in both text answers: the response completes
	// and the store holds the text byte for byte.
	w = a.post(cid, url.Values{"page": {"1"}, "rid": {cid}, "q.rating": {"2"}, "q.nps": {"6"}, "q.nickname": {payload[:30]}, "q.problem": {payload}})
	if w.Code != http.StatusSeeOther || !strings.Contains(w.Header().Get("Location"), "thanks") {
		t.Fatalf("page 2: status %d, location %q\n%s", w.Code, w.Header().Get("Location"), w.Body)
	}
	r, err := a.store.ResponseByClientID(context.Background(), a.sv.ID, cid)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Answers["problem"].Text; got != payload {
		t.Errorf("stored long text: got %q, want %q", got, payload)
	}
	if got := r.Answers["channels"].Other; got != payload {
		t.Errorf("stored other text: got %q, want %q", got, payload)
	}
	a.mustKeepLogsClean(t)
}

func TestPayloadsThroughTheAPIAreStoredVerbatim(t *testing.T) {
	a := newHostileApp(t)
	js := strings.NewReplacer(`"`, `\"`, "\u202e", `\u202e`).Replace(payload)
	body := fmt.Sprintf(`{"client_id":"1c7e6f8a-2c44-4d1e-9a3b-5c6d7e8f9a0b","touchpoint":%q,"answers":{"age":"25-34",
		"channels":{"values":["other"],"other":"%s"},"rating":2,"nps":6,"nickname":"%s","problem":"%s"}}`, "email", js, js[:40], js)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/surveys/"+a.sv.Slug+"/responses", strings.NewReader(body))
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	if w.Code != http.StatusCreated {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("content type %q: a browser must not render the echo as HTML", ct)
	}
	r, err := a.store.ResponseByClientID(context.Background(), a.sv.ID, "1c7e6f8a-2c44-4d1e-9a3b-5c6d7e8f9a0b")
	if err != nil {
		t.Fatal(err)
	}
	if r.Answers["problem"].Text != payload || r.Answers["channels"].Other != payload {
		t.Fatalf("stored %q / %q, want the payload verbatim", r.Answers["problem"].Text, r.Answers["channels"].Other)
	}
	// Invalid answers: the error names the field, and the log stays clean.
	req = httptest.NewRequest(http.MethodPost, "/api/v1/surveys/"+a.sv.Slug+"/responses",
		strings.NewReader(`{"client_id":"2c7e6f8a-2c44-4d1e-9a3b-5c6d7e8f9a0b","answers":{"age":"<script>alert(1)</script>","rating":2,"nps":6}}`))
	w = httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), `"age"`) {
		t.Fatalf("invalid choice: %d %s", w.Code, w.Body)
	}
	a.mustKeepLogsClean(t)
}

func TestTooManyAnswersAreRefusedByName(t *testing.T) {
	a := newHostileApp(t)
	var sb strings.Builder
	sb.WriteString(`{"client_id":"3c7e6f8a-2c44-4d1e-9a3b-5c6d7e8f9a0b","answers":{`)
	for i := range 5000 {
		fmt.Fprintf(&sb, `"q%d":1,`, i)
	}
	sb.WriteString(`"age":"25-34"}}`)
	req := httptest.NewRequest(http.MethodPost, "/api/v1/surveys/"+a.sv.Slug+"/responses", strings.NewReader(sb.String()))
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, req)
	if w.Code != http.StatusUnprocessableEntity || !strings.Contains(w.Body.String(), "but this survey has") {
		t.Fatalf("5001 answers: %d %s", w.Code, w.Body)
	}
	if len(w.Body.String()) > 1000 {
		t.Fatalf("the refusal lists every made-up answer (%d bytes)", w.Body.Len())
	}
}
