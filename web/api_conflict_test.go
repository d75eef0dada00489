package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestAPISubmitDoesNotReplaceAWebPartial: the client id in a respondent's
// resume link, sent to the API, used to overwrite their answers with 200.
func TestAPISubmitDoesNotReplaceAWebPartial(t *testing.T) {
	app := newTestApp(t, nil)
	ctx := context.Background()
	partial := &survey.Response{SurveyID: app.survey.ID, SurveyVersion: 1, ClientID: "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e",
		Status: survey.Partial, Source: "web", Page: 1, Answers: survey.Answers{"age": {Choice: "18-24"}}}
	if _, _, err := app.store.SaveResponse(ctx, partial); err != nil {
		t.Fatal(err)
	}
	status, body := app.api("POST", "/api/v1/surveys/all-types/responses", validBody)
	if status != http.StatusConflict || !strings.Contains(body["error"].(string), "in progress") {
		t.Fatalf("API submit with a web partial's client id: %d %v, want 409 naming the response in progress", status, body)
	}
	rs := app.responses()
	if len(rs) != 1 || rs[0].Status != survey.Partial || rs[0].Source != "web" || rs[0].Answers["age"].Choice != "18-24" || len(rs[0].Answers) != 1 {
		t.Fatalf("the partial changed: %+v", rs)
	}
	// The respondent carries on and finishes through the pages as before.
	partial.Answers["city"] = survey.Value{Text: "Shiraz"}
	if _, created, err := app.store.SaveResponse(ctx, partial); err != nil || created {
		t.Fatalf("the web respondent's next page: created=%v err=%v", created, err)
	}
}
