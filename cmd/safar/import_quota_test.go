package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestImportedResponsesCountTowardQuotas: responses collected elsewhere
// fill the quotas they fall into, so the web stops at the right number.
func TestImportedResponsesCountTowardQuotas(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	def := strings.Replace(string(surveytest.AllTypesJSON), `"pages": [`,
		`"quotas": [{"id": "young", "question": "age", "one_of": ["18-24", "25-34"], "limit": 2}, {"id": "sms", "touchpoint": "sms", "limit": 5}],
  "pages": [`, 1)
	if code, out, errs := runSafar(t, db, "import", "survey", "--publish", writeFile(t, "q.json", def)); code != 0 {
		t.Fatalf("import survey: %d %q %q", code, out, errs)
	}
	csvText := "response_id,Your age group,rating,nps,touchpoint,status\n" +
		"r1,25-34,2,6,instagram,complete\n" +
		"r2,18-24,5,10,sms,complete\n" +
		"r3,18-24,5,10,sms,complete\n" + // past the limit: imported anyway, counted
		"r4,50+,4,9,sms,complete\n" +
		"r5,25-34,,,sms,partial\n" // partial: counts toward nothing
	if code, out, errs := runSafar(t, db, "import", "responses", "--survey", "all-types", writeFile(t, "r.csv", csvText)); code != 0 {
		t.Fatalf("import responses: %d %q %q", code, out, errs)
	}
	ctx := context.Background()
	st, err := gormstore.Open(ctx, db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sv, err := st.SurveyBySlug(ctx, "all-types")
	if err != nil {
		t.Fatal(err)
	}
	c, err := st.QuotaCounts(ctx, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c["young"] != 3 || c["sms"] != 3 {
		t.Fatalf("quota counts %v, want young 3 and sms 3", c)
	}
}
