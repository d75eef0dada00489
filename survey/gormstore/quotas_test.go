package gormstore_test

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore"
	"github.com/safarhq/safar/survey/gormstore/pgtest"
)

const quotaDef = `{"slug":"quota","title":"Quotas","language":"en","pages":[{"questions":[
	{"id":"city","type":"single","text":"City?","options":["tehran","tabriz"]}]}],
	"quotas":[{"id":"tehran","question":"city","equals":"tehran","limit":%d},
	{"id":"store","touchpoint":"store","limit":100}]}`

func mustQuotaSurvey(t *testing.T, s *gormstore.Store, limit int) *survey.Survey {
	t.Helper()
	d, err := survey.ParseDefinition([]byte(fmt.Sprintf(quotaDef, limit)))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	p, err := s.EnsureProject(ctx, "demo", "Demo")
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
	if err := s.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	return sv
}

// complete builds a complete response from city, as the web layer does.
func complete(sv *survey.Survey, city, tp string) *survey.Response {
	a := survey.Answers{"city": {Choice: city}}
	return &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: uuid.NewString(), Touchpoint: tp,
		Status: survey.Complete, Source: "api", Answers: a, Quotas: sv.Definition.QuotasOf(a, tp)}
}

func mustCounts(t *testing.T, s *gormstore.Store, sv *survey.Survey) map[string]int {
	t.Helper()
	c, err := s.QuotaCounts(context.Background(), sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestQuotaLastSlotUnderConcurrency: with one slot left and many
// respondents completing at once, exactly one gets in; the others are kept
// as over_quota responses naming the quota, out of the complete counts.
func TestQuotaLastSlotUnderConcurrency(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustQuotaSurvey(t, s, 5)
		for range 4 {
			if _, _, err := s.SaveResponse(ctx, complete(sv, "tehran", "")); err != nil {
				t.Fatal(err)
			}
		}
		const racers = 40
		var wg sync.WaitGroup
		got := make([]*survey.Response, racers)
		errs := make([]error, racers)
		for i := range racers {
			wg.Go(func() {
				// A few from the store touchpoint, whose quota has room:
				// the tehran quota still turns them away.
				tp := ""
				if i%4 == 0 {
					tp = "store"
				}
				got[i], _, errs[i] = s.SaveResponse(ctx, complete(sv, "tehran", tp))
			})
		}
		wg.Wait()
		in, over := 0, 0
		for i, r := range got {
			if errs[i] != nil {
				t.Fatalf("racer %d: %v", i, errs[i])
			}
			switch {
			case r.Status == survey.Complete:
				in++
			case r.Status == survey.OverQuota && r.Quota == "tehran" && r.CompletedAt == nil:
				over++
			default:
				t.Fatalf("racer %d: status %s quota %q", i, r.Status, r.Quota)
			}
		}
		if in != 1 || over != racers-1 {
			t.Fatalf("got %d in and %d over quota, want 1 and %d", in, over, racers-1)
		}
		if n, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID, Status: survey.Complete}); n != 5 {
			t.Errorf("complete responses: got %d, want 5", n)
		}
		if n, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID}); n != 5 {
			t.Errorf("responses listed by default: got %d, want 5 (over_quota only when asked for)", n)
		}
		if n, _ := s.CountResponses(ctx, survey.ResponseFilter{SurveyID: sv.ID, Status: survey.OverQuota}); n != racers-1 {
			t.Errorf("over_quota responses: got %d, want %d", n, racers-1)
		}
		c := mustCounts(t, s, sv)
		// The store quota counts only the store respondent who got in (if
		// one did): a turned-away one gives its slot back.
		storeIn := 0
		for i, r := range got {
			if i%4 == 0 && r.Status == survey.Complete {
				storeIn++
			}
		}
		if c["tehran"] != 5 || c["store"] != storeIn {
			t.Errorf("counts: got %v, want tehran 5 and store %d", c, storeIn)
		}
		// A retry of a turned-away response changes nothing.
		var turned *survey.Response
		for _, r := range got {
			if r.Status == survey.OverQuota {
				turned = r
				break
			}
		}
		retry := complete(sv, "tehran", "")
		retry.ClientID = turned.ClientID
		again, created, err := s.SaveResponse(ctx, retry)
		if err != nil || created || again.Status != survey.OverQuota || again.ID != turned.ID || again.Quota != "tehran" {
			t.Fatalf("retry: got %+v created %v err %v, want the stored over_quota response", again, created, err)
		}
		// Respondents outside the full quota still complete, and a retry
		// of a complete one takes no second slot.
		tabriz := complete(sv, "tabriz", "store")
		if r, _, err := s.SaveResponse(ctx, tabriz); err != nil || r.Status != survey.Complete {
			t.Fatalf("tabriz: got %v %v, want complete", r, err)
		}
		if r, created, err := s.SaveResponse(ctx, tabriz); err != nil || created || r.Status != survey.Complete {
			t.Fatalf("tabriz again: got %v %v %v, want the stored one", r, created, err)
		}
		if c := mustCounts(t, s, sv); c["store"] != storeIn+1 {
			t.Errorf("store count after a retry: got %d, want %d", c["store"], storeIn+1)
		}
	})
}

// TestQuotaSomeSlotsLeft: 60 respondents complete at once with 25 slots
// left; exactly 25 get in, whichever way the writer groups them.
func TestQuotaSomeSlotsLeft(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustQuotaSurvey(t, s, 25)
		var wg sync.WaitGroup
		var mu sync.Mutex
		status := map[survey.ResponseStatus]int{}
		for range 60 {
			wg.Go(func() {
				r, _, err := s.SaveResponse(ctx, complete(sv, "tehran", ""))
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				status[r.Status]++
				mu.Unlock()
			})
		}
		wg.Wait()
		if status[survey.Complete] != 25 || status[survey.OverQuota] != 35 {
			t.Fatalf("got %v, want 25 complete and 35 over_quota", status)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 25 {
			t.Fatalf("count: got %d, want 25", c["tehran"])
		}
	})
}

// TestQuotaCountsFollowDefinitionAndDeletes: counts are rebuilt when the
// quotas change, and a deleted complete response gives its slot back.
func TestQuotaCountsFollowDefinitionAndDeletes(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustQuotaSurvey(t, s, 3)
		var first *survey.Response
		for i, city := range []string{"tehran", "tehran", "tabriz", "tabriz", "tabriz"} {
			r, _, err := s.SaveResponse(ctx, complete(sv, city, ""))
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = r
			}
		}
		// A partial response falls into no count.
		part := complete(sv, "tehran", "")
		part.Status = survey.Partial
		if _, _, err := s.SaveResponse(ctx, part); err != nil {
			t.Fatal(err)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 2 || c["store"] != 0 {
			t.Fatalf("counts: got %v, want tehran 2", c)
		}
		if err := s.DeleteResponse(ctx, first.ID); err != nil {
			t.Fatal(err)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 1 {
			t.Fatalf("after deleting a tehran response: got %v, want tehran 1", c)
		}
		// The quota now counts tabriz: rebuilt from the responses.
		d, err := survey.ParseDefinition([]byte(fmt.Sprintf(quotaDef, 3)))
		if err != nil {
			t.Fatal(err)
		}
		d.Quotas[0].Equals = ptr("tabriz")
		if _, err := s.UpdateDefinition(ctx, sv.ID, d); err != nil {
			t.Fatal(err)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 3 {
			t.Fatalf("after the quota moved to tabriz: got %v, want 3", c)
		}
		sv.Definition = d
		if r, _, err := s.SaveResponse(ctx, complete(sv, "tabriz", "")); err != nil || r.Status != survey.OverQuota {
			t.Fatalf("a fourth tabriz: got %v %v, want over_quota", r, err)
		}
		// Raising the limit keeps the counts and lets the next one in.
		d.Quotas[0].Limit = 4
		if _, err := s.UpdateDefinition(ctx, sv.ID, d); err != nil {
			t.Fatal(err)
		}
		sv.Definition = d
		if r, _, err := s.SaveResponse(ctx, complete(sv, "tabriz", "")); err != nil || r.Status != survey.Complete {
			t.Fatalf("with limit 4: got %v %v, want complete", r, err)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 4 {
			t.Fatalf("counts: got %v, want 4", c)
		}
		// Imported complete responses count, past the limit too.
		imp := []*survey.Response{complete(sv, "tabriz", ""), complete(sv, "tabriz", "store")}
		if err := s.SaveResponses(ctx, imp); err != nil {
			t.Fatal(err)
		}
		if c := mustCounts(t, s, sv); c["tehran"] != 6 || c["store"] != 1 {
			t.Fatalf("after import: got %v, want tehran 6 and store 1", c)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// TestQuotaAcrossProcesses: two servers on one PostgreSQL database, each
// with its own writer, race for the last 3 slots; the row lock on the
// quota's count keeps the limit.
func TestQuotaAcrossProcesses(t *testing.T) {
	dsn := os.Getenv(pgtest.Env)
	if dsn == "" {
		t.Skipf("set %s to run", pgtest.Env)
	}
	schemaDSN, drop := pgtest.TempSchema(t, dsn)
	t.Cleanup(drop)
	ctx := context.Background()
	var stores [2]*gormstore.Store
	for i := range stores {
		s, err := gormstore.Open(ctx, schemaDSN, gormstore.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		stores[i] = s
	}
	sv := mustQuotaSurvey(t, stores[0], 3)
	var wg sync.WaitGroup
	var mu sync.Mutex
	in := 0
	for i := range 40 {
		wg.Go(func() {
			r, _, err := stores[i%2].SaveResponse(ctx, complete(sv, "tehran", ""))
			if err != nil {
				t.Error(err)
				return
			}
			if r.Status == survey.Complete {
				mu.Lock()
				in++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if in != 3 {
		t.Fatalf("%d got in, want 3", in)
	}
	if c := mustCounts(t, stores[1], sv); c["tehran"] != 3 {
		t.Fatalf("count: got %d, want 3", c["tehran"])
	}
}

// TestQuotaWebhookEvents: a response turned away by a quota is announced
// as response.updated with status over_quota, never as completed.
func TestQuotaWebhookEvents(t *testing.T) {
	forEachStore(t, func(t *testing.T, s *gormstore.Store) {
		ctx := context.Background()
		sv := mustQuotaSurvey(t, s, 1)
		hook := mustWebhook(t, s, sv, survey.WebhookEvents...)
		in, over := complete(sv, "tehran", ""), complete(sv, "tehran", "")
		for _, r := range []*survey.Response{in, over} {
			if _, _, err := s.SaveResponse(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		ps := payloads(t, s, hook)
		if len(ps) != 2 {
			t.Fatalf("%d messages, want 2: %v", len(ps), ps)
		}
		for i, want := range []struct{ typ, client, status string }{
			{survey.EventResponseCompleted, in.ClientID, "complete"},
			{survey.EventResponseUpdated, over.ClientID, "over_quota"},
		} {
			data, _ := ps[i]["data"].(map[string]any)
			if ps[i]["type"] != want.typ || data["client_id"] != want.client || data["status"] != want.status {
				t.Errorf("message %d: %v, want %s of %s with status %s", i, ps[i], want.typ, want.client, want.status)
			}
		}
	})
}
