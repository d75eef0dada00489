package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

// fuzzServer serves the all-types survey, published, from a fresh store.
func fuzzServer(f *testing.F, cfg web.Config) (http.Handler, *gormstore.Store, *survey.Survey) {
	store := storetest.MustOpenTemp(f)
	p, err := store.EnsureProject(context.Background(), "fuzz", "")
	if err != nil {
		f.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(f), Status: survey.Published}
	if err := store.CreateSurvey(context.Background(), sv); err != nil {
		f.Fatal(err)
	}
	cfg.Store, cfg.Logger = store, slog.New(slog.NewTextHandler(io.Discard, nil))
	srv, err := web.New(cfg)
	if err != nil {
		f.Fatal(err)
	}
	return srv.Handler(), store, sv
}

// FuzzSubmitSurveyPage posts arbitrary form bodies to a respondent page
// (POST /s/{slug}, parsed by parsePage): whatever arrives, the answer is a
// page or a redirect, never a 500 or a panic, and nothing typed comes back
// as live HTML.
//
//	go test ./web -run '^$' -fuzz FuzzSubmitSurveyPage -fuzztime 30s
func FuzzSubmitSurveyPage(f *testing.F) {
	h, _, sv := fuzzServer(f, web.Config{})
	path := "/s/" + sv.Slug

	f.Add("page=0&q.age=25-34&q.channels=instagram&q.channels=other&q.channels.other=A+billboard&q.city=Shiraz")
	f.Add("page=0&q.age=%3Cscript%3Ealert(1)%3C%2Fscript%3E&q.city=%22%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E")
	f.Add("page=1&q.insta_often=%DB%B4&q.rating=9&q.nps=-1&q.orders=1e999&q.first_order=2025-02-30")
	f.Add("page=2&q.site.find=4&q.site.nope=1&q.nickname=%3Cscript%3Ealert(1)%3C%2Fscript%3E&q.problem=%00%FF")
	f.Add("page=99&rid=not-a-uuid&q.age=&&&==&%zz")
	f.Add("page=-1&website=http%3A%2F%2Fspam")
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 64<<10 {
			return
		}
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		switch {
		case w.Code >= 500:
			t.Fatalf("status %d for %q:\n%s", w.Code, body, w.Body)
		case bytes.Contains(bytes.ToLower(w.Body.Bytes()), []byte("<script>alert")),
			bytes.Contains(bytes.ToLower(w.Body.Bytes()), []byte("<img src=x")):
			t.Fatalf("typed markup came back live for %q:\n%s", body, w.Body)
		}
	})
}

// FuzzAPISubmit posts arbitrary bodies to the JSON API (decoded with
// goccy/go-json, then survey.DecodeAnswers): the answer is 201, 200, 400,
// 413 or 422, never a 500 or a panic, and every 201 stored a response that
// validates.
//
//	go test ./web -run '^$' -fuzz FuzzAPISubmit -fuzztime 30s
func FuzzAPISubmit(f *testing.F) {
	h, store, sv := fuzzServer(f, web.Config{SubmitRatePerIP: -1, SubmitRatePerSurvey: -1})
	ctx := context.Background()
	path := "/api/v1/surveys/" + sv.Slug + "/responses"
	f.Add(validBody)
	f.Add(`{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5f","answers":{"age":"25-34","rating":"۲","nps":"1e999","problem":"\u0000\ud800"}}`)
	f.Add(`{"client_id":"6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d60","answers":{"age":{"value":"other","other":1},"site":{"find":"4"}},"extra":1}`)
	f.Add(`{"client_id":1,"answers":[]}`)
	f.Add(`{"answers":{"orders":-0.0e-0,"channels":["instagram","instagram"]}} trailing`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, body string) {
		if len(body) > 64<<10 {
			return
		}
		req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		switch w.Code {
		case http.StatusCreated:
			var reply struct{ ID string }
			if err := json.Unmarshal(w.Body.Bytes(), &reply); err != nil {
				t.Fatalf("201 reply %q: %v", w.Body, err)
			}
			r, err := store.ResponseByID(ctx, reply.ID)
			if err != nil {
				t.Fatalf("201 for %q but not stored: %v", body, err)
			}
			if err := sv.Definition.ValidateResponse(r.Answers); err != nil {
				t.Fatalf("201 for %q stored answers that do not validate: %v", body, err)
			}
		case http.StatusOK, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("status %d for %q:\n%s", w.Code, body, w.Body)
		}
	})
}
