package web_test

import (
	"context"
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

// TestAPIRefusesNULOnBothStores: a NUL in an answer gave PostgreSQL's raw
// error as a 500 (SQLite stored it); both now answer 422 naming the
// question.
func TestAPIRefusesNULOnBothStores(t *testing.T) {
	for name, open := range map[string]func(testing.TB) *gormstore.Store{"sqlite": storetest.MustOpenTemp, "postgres": storetest.MustOpenPostgres} {
		t.Run(name, func(t *testing.T) {
			store := open(t)
			ctx := context.Background()
			p, _ := store.EnsureProject(ctx, "test", "")
			if err := store.CreateSurvey(ctx, &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}); err != nil {
				t.Fatal(err)
			}
			srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
			if err != nil {
				t.Fatal(err)
			}
			ts := httptest.NewServer(srv.Handler())
			defer ts.Close()
			app := &testApp{t: t, server: ts}
			body := strings.Replace(validBody, `"nickname": "Sara"`, `"nickname": "Sa\u0000ra"`, 1)
			status, reply := app.api("POST", "/api/v1/surveys/all-types/responses", body)
			errs, _ := reply["errors"].(map[string]any)
			if status != http.StatusUnprocessableEntity || !strings.Contains(errs["nickname"].(string), "NUL") {
				t.Fatalf("answer with NUL: %d %v, want 422 naming nickname", status, reply)
			}
		})
	}
}

// TestResponsesSearchRefusesNUL: the researcher's search box answers 400
// naming the field instead of passing a NUL to the database.
func TestResponsesSearchRefusesNUL(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	b.get("/app/surveys/"+w.survey.Slug+"/responses?q=a%00b").want(http.StatusBadRequest, "search text (q)")
	b.get("/app/surveys/"+w.survey.Slug+"/export.csv?tp=%00").want(http.StatusBadRequest, "touchpoint filter (tp)")
	b.get("/app/surveys/" + w.survey.Slug + "/responses?q=parcel").want(http.StatusOK)
}
