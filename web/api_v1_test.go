package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestAPIListsResponsesPageByPage(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	// Five more complete responses, an hour apart, before the fixture's two
	// (the complete one at 23:00 and the partial one at 22:00 yesterday).
	for i := range 5 {
		if _, _, err := w.store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "p" + itoa(int64(i)),
			Status: survey.Complete, Source: "api", StartedAt: w.resp.StartedAt.Add(-time.Duration(i+2) * time.Hour), Answers: surveytest.FullAnswers()}); err != nil {
			t.Fatal(err)
		}
	}
	key, _ := w.newKey("view@example.com", survey.ScopeResponsesRead)
	a := w.apiClient(key)
	base := "/api/v1/surveys/" + w.survey.Slug + "/responses"

	var ids []string
	next := base + "?limit=3&status=complete"
	for pages := 0; next != ""; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		code, body, _ := a.call("GET", next, "")
		if code != http.StatusOK {
			t.Fatalf("GET %s: %d %v", next, code, body)
		}
		for _, r := range body["responses"].([]any) {
			m := r.(map[string]any)
			if m["status"] != "complete" || m["answers"].(map[string]any)["age"] != "25-34" {
				t.Errorf("response %v", m)
			}
			ids = append(ids, m["id"].(string))
		}
		next, _ = body["next"].(string)
		if pages == 0 {
			// A response arriving while the client pages does not shift
			// the pages: the next link is pinned to the first call's time.
			if _, _, err := w.store.SaveResponse(ctx, &survey.Response{SurveyID: w.survey.ID, SurveyVersion: 1, ClientID: "late",
				Status: survey.Complete, Source: "api", StartedAt: time.Now().UTC().Add(time.Second), Answers: surveytest.FullAnswers()}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(ids) != 6 || ids[0] != w.resp.ID {
		t.Fatalf("paged %d complete responses (%v), want 6, newest first (%s)", len(ids), ids, w.resp.ID)
	}
	seen := map[string]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("response %s listed twice", id)
		}
		seen[id] = true
	}

	for _, tt := range []struct {
		name, query string
		want        int
	}{
		{"partial only", "?status=partial", 1},
		{"since", "?since=" + w.resp.StartedAt.Add(-3*time.Hour).Format(time.RFC3339) + "&until=" + w.resp.StartedAt.Add(time.Minute).Format(time.RFC3339), 4}, // the fixture's two, two of the five
		{"until", "?until=" + w.resp.StartedAt.Add(-90*time.Minute).Format(time.RFC3339), 5},
		{"offset past the end", "?offset=100", 0},
	} {
		code, body, _ := a.call("GET", base+tt.query, "")
		if n := len(body["responses"].([]any)); code != http.StatusOK || n != tt.want || body["next"] != nil {
			t.Errorf("%s: %d, %d responses, next %v; want %d", tt.name, code, n, body["next"], tt.want)
		}
	}
	for _, tt := range []struct{ query, field string }{
		{"?status=done", "status"}, {"?since=yesterday", "since"}, {"?limit=0", "limit"}, {"?limit=1001", "limit"}, {"?offset=-1", "offset"},
	} {
		code, body, _ := a.call("GET", base+tt.query, "")
		errs, _ := body["errors"].(map[string]any)
		if code != http.StatusUnprocessableEntity || errs[tt.field] == nil {
			t.Errorf("%s: %d %v, want 422 naming %s", tt.query, code, body, tt.field)
		}
	}

	code, body, _ := a.call("GET", base+"/"+w.resp.ID, "")
	if code != http.StatusOK || body["id"] != w.resp.ID || body["touchpoint"] != "website" {
		t.Errorf("one response: %d %v", code, body)
	}
	if code, _, _ := a.call("GET", base+"/no-such-id", ""); code != http.StatusNotFound {
		t.Errorf("unknown response: %d", code)
	}
	if code, _, _ := a.call("GET", "/api/v1/surveys/nope/responses", ""); code != http.StatusNotFound {
		t.Errorf("unknown survey: %d", code)
	}
}

const apiSurveyJS = `{"title": "Checkout", "pages": [{"name": "p1", "elements": [
	{"type": "radiogroup", "name": "channel", "title": "Where did you buy?", "choices": ["web", "store"]},
	{"type": "html", "name": "info", "html": "<b>hi</b>"}]}]}`

func TestAPIManagesSurveys(t *testing.T) {
	w := newWorkspace(t)
	key, _ := w.newKey("res@example.com", survey.ScopeSurveysWrite)
	a := w.apiClient(key)
	def := strings.Replace(string(surveytest.AllTypesJSON), `"slug": "all-types"`, `"slug": "api-made"`, 1)

	code, body, _ := a.call("POST", "/api/v1/projects/shop/surveys", def)
	sv, _ := body["survey"].(map[string]any)
	if code != http.StatusCreated || sv["slug"] != "api-made" || sv["status"] != "draft" || body["report"].(map[string]any)["format"] != "safar" {
		t.Fatalf("create from Safar JSON: %d %v", code, body)
	}
	code, body, _ = a.call("POST", "/api/v1/projects/shop/surveys?filename=checkout.json", apiSurveyJS)
	rep, _ := body["report"].(map[string]any)
	if code != http.StatusCreated || rep["format"] != "surveyjs" || !strings.Contains(mustJSON(t, rep["dropped"]), "info") {
		t.Fatalf("create from SurveyJS: %d %v", code, body)
	}
	for _, tt := range []struct {
		name, path, body string
		status           int
		want             string // in the reply
	}{
		{"taken slug", "/api/v1/projects/shop/surveys", def, 422, "slug"},
		{"not a survey", "/api/v1/projects/shop/surveys?filename=notes.txt", "hello", 422, "notes.txt"},
		{"broken definition", "/api/v1/projects/shop/surveys", `{"slug": "x y", "questions": []}`, 422, "questions"},
		{"unknown project", "/api/v1/projects/nope/surveys", def, 404, "not found"},
	} {
		code, body, _ := a.call("POST", tt.path, tt.body)
		if code != tt.status || !strings.Contains(mustJSON(t, body), tt.want) {
			t.Errorf("%s: %d %v, want %d mentioning %q", tt.name, code, body, tt.status, tt.want)
		}
	}

	// Replace the definition: a new version; the slug cannot change, and
	// the live survey (with responses) cannot lose an answered question.
	edited := strings.Replace(string(surveytest.AllTypesJSON), `"Every question type"`, `"Every type, edited"`, 1)
	code, body, _ = a.call("PUT", "/api/v1/surveys/all-types/definition", edited)
	if code != http.StatusOK || body["version"] != float64(2) || body["title"] != "Every type, edited" {
		t.Fatalf("replace definition: %d %v", code, body)
	}
	code, body, _ = a.call("PUT", "/api/v1/surveys/all-types/definition", def)
	if errs, _ := body["errors"].(map[string]any); code != 422 || errs["slug"] == nil {
		t.Errorf("changed slug: %d %v", code, body)
	}
	noAge := strings.Replace(edited, `"id": "age"`, `"id": "age_group"`, 1)
	if code, body, _ := a.call("PUT", "/api/v1/surveys/all-types/definition", noAge); code != 422 {
		t.Errorf("dropping an answered question: %d %v", code, body)
	}

	for _, tt := range []struct {
		body   string
		status int
		want   survey.Status
	}{
		{`{"status": "published"}`, 200, survey.Published},
		{`{"status": "closed"}`, 200, survey.Closed},
		{`{"status": "deleted"}`, 422, survey.Closed},
		{`{"state": "published"}`, 422, survey.Closed},
	} {
		code, body, _ := a.call("POST", "/api/v1/surveys/api-made/status", tt.body)
		got, _ := w.store.SurveyBySlug(context.Background(), "api-made")
		if code != tt.status || got.Status != tt.want {
			t.Errorf("status %s: %d %v, stored %s; want %d, %s", tt.body, code, body, got.Status, tt.status, tt.want)
		}
	}
	// Closed through the API: respondents see it closed at once.
	if code, _, _ := w.apiClient("").call("GET", "/api/v1/surveys/api-made", ""); code != http.StatusGone {
		t.Errorf("closed survey's definition: %d, want 410", code)
	}

	// A key with only responses:read changes nothing.
	readKey, _ := w.newKey("res@example.com", survey.ScopeResponsesRead)
	if code, _, _ := w.apiClient(readKey).call("PUT", "/api/v1/surveys/all-types/definition", edited); code != http.StatusForbidden {
		t.Errorf("read key replacing a definition: %d", code)
	}
}
