package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestExportAndDeleteRespondent is a data access and erasure request: the
// export holds the respondent's answers beside the question texts, found by
// response id or by client id; after DeleteResponse nothing of theirs is
// left, neither the response nor any answer row.
func TestExportAndDeleteRespondent(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	ctx := context.Background()
	store, err := openStore(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	p, _ := store.EnsureProject(ctx, "privacy", "")
	sv := &survey.Survey{ProjectID: p.ID, Definition: surveytest.AllTypes(t), Status: survey.Published}
	if err := store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, cid := range []string{"client-a", "client-b"} {
		r, _, err := store.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: 1, ClientID: cid,
			Status: survey.Complete, Answers: surveytest.FullAnswers()})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	store.Close()

	for _, id := range []string{ids[0], "client-a"} {
		code, out, errs := runSafar(t, db, "export", "respondent", "--survey", sv.Slug, "--id", id)
		if code != 0 {
			t.Fatalf("export %s: exit %d: %s", id, code, errs)
		}
		var got struct {
			ResponseID string `json:"response_id"`
			ClientID   string `json:"client_id"`
			Answers    []struct {
				Text   string          `json:"question"`
				Answer json.RawMessage `json:"answer"`
			} `json:"answers"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("export is not JSON: %v\n%s", err, out)
		}
		if got.ResponseID != ids[0] || got.ClientID != "client-a" || len(got.Answers) != len(surveytest.FullAnswers()) {
			t.Fatalf("export by %s: %+v", id, got)
		}
		if got.Answers[0].Text == "" {
			t.Fatalf("export has no question texts: %+v", got.Answers[0])
		}
	}

	store, err = openStore(ctx, db, false)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.DeleteResponse(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	var left int64
	if err := store.DB().Raw("SELECT COUNT(*) FROM responses WHERE id = ?", ids[0]).Scan(&left).Error; err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Fatalf("%d rows with the deleted response's answers left", left)
	}
	if n, _ := store.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}); n != 1 {
		t.Fatalf("responses after deleting one of two: %d", n)
	}
	code, _, errs := runSafar(t, db, "export", "respondent", "--survey", sv.Slug, "--id", "client-a")
	if code == 0 || !strings.Contains(errs, "no response") {
		t.Fatalf("export after delete: exit %d, %q", code, errs)
	}
}
