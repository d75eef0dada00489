package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/storetest"
	"github.com/safarhq/safar/survey/surveytest"
	"github.com/safarhq/safar/web"
)

func get(t *testing.T, url string, header ...string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultTransport.RoundTrip(req) // no gzip added, no redirects followed
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

// TestServiceWorkerIsServedForRespondentPagesOnly: the worker comes from a
// stable URL, is revalidated on every registration, and its scope is /s/.
func TestServiceWorkerIsServedForRespondentPagesOnly(t *testing.T) {
	app := newTestApp(t, nil)
	resp, body := get(t, app.server.URL+"/s/sw.js")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /s/sw.js: %d", resp.StatusCode)
	}
	for h, want := range map[string]string{
		"Content-Type":           "text/javascript; charset=utf-8",
		"Cache-Control":          "no-cache",
		"Service-Worker-Allowed": "/s/",
		"X-Content-Type-Options": "nosniff",
	} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	if resp.Header.Get("Set-Cookie") != "" {
		t.Error("the service worker sets a cookie")
	}
	if !strings.Contains(body, `addEventListener("fetch"`) {
		t.Errorf("unexpected worker:\n%s", body)
	}
	// The survey page links the script that registers it.
	_, page := get(t, app.server.URL+"/s/all-types")
	if !strings.Contains(page, `data-offline="/static/offline.`) {
		t.Error("the survey page does not load offline.js")
	}
}

type bundle struct {
	Slug     string            `json:"slug"`
	Version  int               `json:"version"`
	Lang     string            `json:"lang"`
	Dir      string            `json:"dir"`
	Digits   string            `json:"digits"`
	Submit   string            `json:"submit"`
	Messages map[string]string `json:"messages"`
	Pages    []struct {
		HTML      string `json:"html"`
		Questions []struct {
			ID         string            `json:"id"`
			Type       string            `json:"type"`
			Required   bool              `json:"required"`
			ShowIf     *survey.Condition `json:"show_if"`
			Min, Max   *float64
			Statements []string `json:"statements"`
		} `json:"questions"`
	} `json:"pages"`
}

// TestOfflineBundle: every page, rendered with the survey page's own
// markup, with what page flow and validation need, in the survey's
// language; public (no cookie), cached by version, gone with the survey.
func TestOfflineBundle(t *testing.T) {
	app := newTestApp(t, func(d *survey.Definition) {
		if err := json.Unmarshal([]byte(`"Page <one> & \"two\""`), &d.Pages[0].Title); err != nil {
			t.Fatal(err)
		}
	})
	d := app.survey.Definition
	url := app.server.URL + "/s/all-types/offline.json"
	resp, body := get(t, url)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("GET offline.json: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp.Header.Get("Set-Cookie") != "" || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("headers: Set-Cookie %q, Cache-Control %q", resp.Header.Get("Set-Cookie"), resp.Header.Get("Cache-Control"))
	}
	var b bundle
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	if b.Slug != "all-types" || b.Submit != "/api/v1/surveys/all-types/responses" || len(b.Pages) != len(d.Pages) {
		t.Fatalf("bundle: slug %q submit %q, %d pages, want %d", b.Slug, b.Submit, len(b.Pages), len(d.Pages))
	}
	for pi, p := range d.Pages {
		bp := b.Pages[pi]
		if len(bp.Questions) != len(p.Questions) {
			t.Fatalf("page %d: %d questions, want %d", pi, len(bp.Questions), len(p.Questions))
		}
		for qi, q := range p.Questions {
			bq := bp.Questions[qi]
			if bq.ID != q.ID || bq.Type != string(q.Type) || bq.Required != q.Required || (q.ShowIf == nil) != (bq.ShowIf == nil) || len(bq.Statements) != len(q.Statements) {
				t.Errorf("page %d question %d: %+v, want %s %s required=%v", pi, qi, bq, q.ID, q.Type, q.Required)
			}
			if !strings.Contains(bp.HTML, `id="q-`+q.ID+`"`) || !strings.Contains(bp.HTML, `name="q.`+q.ID) {
				t.Errorf("page %d html lacks question %s", pi, q.ID)
			}
		}
	}
	if !strings.Contains(b.Pages[0].HTML, `<h2 class="page-title">Page &lt;one&gt; &amp; &#34;two&#34;</h2>`) {
		t.Errorf("page title not escaped:\n%s", b.Pages[0].HTML)
	}
	if strings.Contains(b.Pages[1].HTML, "<form") || strings.Contains(b.Pages[1].HTML, "<html") {
		t.Error("a page fragment holds a whole page")
	}
	for _, k := range []string{"next", "submit", "back", "err.required", "offline_saved", "offline_queued", "page_of", "err.min"} {
		if b.Messages[k] == "" || b.Messages[k] == k {
			t.Errorf("message %s missing: %q", k, b.Messages[k])
		}
	}
	if m := b.Messages["page_of"]; !strings.Contains(m, "{a}") || !strings.Contains(m, "{b}") {
		t.Errorf("page_of = %q, want placeholders", m)
	}

	// Unchanged: 304 by ETag.
	if r2, _ := get(t, url, "If-None-Match", resp.Header.Get("ETag")); r2.StatusCode != http.StatusNotModified {
		t.Errorf("same ETag: %d, want 304", r2.StatusCode)
	}
	// Closed and draft surveys have no bundle.
	ctx := context.Background()
	if err := app.store.SetSurveyStatus(ctx, app.survey.ID, survey.Closed); err != nil {
		t.Fatal(err)
	}
	if r, _ := get(t, url); r.StatusCode != http.StatusGone {
		t.Errorf("closed survey: %d, want 410", r.StatusCode)
	}
	if r, _ := get(t, app.server.URL+"/s/no-such/offline.json"); r.StatusCode != http.StatusNotFound {
		t.Errorf("unknown survey: %d, want 404", r.StatusCode)
	}
}

// TestOfflineBundlePersian: a Persian survey's bundle speaks Persian.
func TestOfflineBundlePersian(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	d := surveytest.TwentyFa(t)
	sv := &survey.Survey{Definition: d, Status: survey.Published}
	if err := store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	_, body := get(t, ts.URL+"/s/"+d.Slug+"/offline.json")
	var b bundle
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatal(err)
	}
	if b.Lang != "fa" || b.Dir != "rtl" || b.Digits != "fa" {
		t.Errorf("lang %q dir %q digits %q", b.Lang, b.Dir, b.Digits)
	}
	if got := b.Messages["offline_saved"]; got != "روی این گوشی ذخیره شد؛ وقتی به اینترنت وصل شوید ارسال می‌شود." {
		t.Errorf("offline_saved = %q", got)
	}
}

// TestOfflineSubmitFinishesTheWebPartial: a phone that lost its connection
// half way sends the rest with source "offline" and the client id of its
// pages: one response, complete, not a 409 and not a second response.
func TestOfflineSubmitFinishesTheWebPartial(t *testing.T) {
	app := newTestApp(t, nil)
	ctx := context.Background()
	const id = "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e"
	partial := &survey.Response{SurveyID: app.survey.ID, SurveyVersion: 1, ClientID: id,
		Status: survey.Partial, Source: survey.SourceWeb, Page: 1, Answers: survey.Answers{"age": {Choice: "18-24"}}}
	if _, _, err := app.store.SaveResponse(ctx, partial); err != nil {
		t.Fatal(err)
	}
	offline := strings.Replace(validBody, `"touchpoint"`, `"source": "offline", "touchpoint"`, 1)
	tests := []struct {
		name, body string
		want       int
	}{
		{"unknown source", strings.Replace(validBody, `"touchpoint"`, `"source": "phone", "touchpoint"`, 1), http.StatusUnprocessableEntity},
		{"api source", strings.Replace(validBody, `"touchpoint"`, `"source": "api", "touchpoint"`, 1), http.StatusConflict},
		{"offline", offline, http.StatusOK},
		{"offline again", offline, http.StatusOK},
	}
	for _, tt := range tests {
		status, body := app.api("POST", "/api/v1/surveys/all-types/responses", tt.body)
		if status != tt.want {
			t.Errorf("%s: %d %v, want %d", tt.name, status, body, tt.want)
		}
	}
	rs := app.responses()
	if len(rs) != 1 || rs[0].Status != survey.Complete || rs[0].Source != survey.SourceOffline || rs[0].Answers["age"].Choice != "25-34" {
		t.Fatalf("stored: %+v", rs)
	}
}

// TestOfflineQueueReplay: a phone comes back online with 300 queued
// responses and sends them all, eight at a time, as fast as the server
// lets it (the default rate limits; on 429 the client waits the
// Retry-After, here on a fake clock), then sends every one again (its
// acknowledgements were lost). 300 responses are stored, each once.
// With -short (the race detector's pass in .ci/run) the queue holds 90:
// still eight senders at once, and past the 60-submission burst.
func TestOfflineQueueReplay(t *testing.T) {
	store := storetest.MustOpenTemp(t)
	d := surveytest.AllTypes(t)
	sv := &survey.Survey{Definition: d, Status: survey.Published}
	if err := store.CreateSurvey(context.Background(), sv); err != nil {
		t.Fatal(err)
	}
	var clock atomic.Int64
	clock.Store(time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC).UnixNano())
	srv, err := web.New(web.Config{Store: store, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
		Now: func() time.Time { return time.Unix(0, clock.Load()) }})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	n := 300
	if testing.Short() {
		n = web.DefaultSubmitBurstPerIP + 30
	}
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("00000000-0000-4000-8000-%012d", i)
	}
	var limited atomic.Int64
	send := func(id string) int {
		body := strings.Replace(validBody, "6f1c3a52-8b0e-4c41-9d7e-2f5a1b3c4d5e", id, 1)
		body = strings.Replace(body, `"touchpoint"`, `"source": "offline", "touchpoint"`, 1)
		for range 100 {
			resp, err := http.Post(ts.URL+"/api/v1/surveys/all-types/responses", "application/json", strings.NewReader(body))
			if err != nil {
				t.Error(err)
				return 0
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusTooManyRequests {
				return resp.StatusCode
			}
			limited.Add(1)
			secs, _ := strconv.Atoi(resp.Header.Get("Retry-After"))
			clock.Add(int64(max(secs, 1)) * int64(time.Second)) // the phone waits
		}
		return http.StatusTooManyRequests
	}
	replay := func(want int) map[int]int {
		got := map[int]int{}
		var mu sync.Mutex
		var wg sync.WaitGroup
		work := make(chan string)
		for range 8 {
			wg.Go(func() {
				for id := range work {
					st := send(id)
					mu.Lock()
					got[st]++
					mu.Unlock()
				}
			})
		}
		for _, id := range ids {
			work <- id
		}
		close(work)
		wg.Wait()
		if got[want] != n {
			t.Errorf("replay: statuses %v, want %d × %d", got, n, want)
		}
		return got
	}
	replay(http.StatusCreated)
	if limited.Load() == 0 {
		t.Errorf("%d submissions at once were never rate limited: the limit is not exercised", n)
	}
	replay(http.StatusOK)
	seen := map[string]int{}
	err = store.EachResponse(context.Background(), survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error {
		seen[r.ClientID]++
		if r.Status != survey.Complete || r.Source != survey.SourceOffline {
			t.Errorf("%s: %s from %s", r.ClientID, r.Status, r.Source)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Errorf("%d responses stored, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s stored %d times", id, k)
		}
	}
	t.Logf("%d of the requests were answered 429 and retried", limited.Load())
}

// TestOfflineBundlePerLanguage: a bilingual survey has one offline bundle
// per listed language (?lang=), the default one otherwise, and a queued
// submission's language is what the stored response records; an old
// queued item without a language still goes through, in the default.
func TestOfflineBundlePerLanguage(t *testing.T) {
	app := newBilingualApp(t)
	tests := []struct {
		query, lang, dir, title, thanks string
	}{
		{"", "fa", "rtl", "درباره شما", "از همراهی شما سپاسگزاریم."},
		{"?lang=en", "en", "ltr", "About you", "Thank you for your help."},
		{"?lang=fa", "fa", "rtl", "درباره شما", "از همراهی شما سپاسگزاریم."},
		{"?lang=de", "fa", "rtl", "درباره شما", "از همراهی شما سپاسگزاریم."},
	}
	etags := map[string]string{}
	for _, tt := range tests {
		resp, body := get(t, app.server.URL+"/s/shop-bilingual/offline.json"+tt.query)
		var b bundle
		if err := json.Unmarshal([]byte(body), &b); err != nil {
			t.Fatalf("%q: %v", tt.query, err)
		}
		if b.Lang != tt.lang || b.Dir != tt.dir || !strings.Contains(b.Pages[0].HTML, tt.title) || b.Messages["thanks_body"] != tt.thanks {
			t.Errorf("%q: lang %q dir %q thanks %q, page 0:\n%s", tt.query, b.Lang, b.Dir, b.Messages["thanks_body"], b.Pages[0].HTML)
		}
		if tt.lang == "en" && (strings.Contains(b.Pages[0].HTML, "تهران") || !strings.Contains(b.Pages[0].HTML, "Tehran") || b.Messages["next"] != "Next") {
			t.Errorf("English bundle holds Persian text or buttons: next %q\n%s", b.Messages["next"], b.Pages[0].HTML)
		}
		if prev, ok := etags[tt.lang]; ok && prev != resp.Header.Get("ETag") {
			t.Errorf("%q: ETag %s, want the %s bundle's %s", tt.query, resp.Header.Get("ETag"), tt.lang, prev)
		}
		etags[tt.lang] = resp.Header.Get("ETag")
	}
	if etags["fa"] == etags["en"] {
		t.Error("both languages share one ETag")
	}

	submit := func(extra string) (int, map[string]any) {
		return app.api("POST", "/api/v1/surveys/shop-bilingual/responses",
			`{"client_id":"`+uuid.NewString()+`","source":"offline",`+extra+`"answers":{"city":"tabriz","sat":2}}`)
	}
	if status, body := submit(`"language":"en",`); status != http.StatusCreated || body["language"] != "en" {
		t.Errorf("offline submit in English: %d %v", status, body)
	}
	if status, body := submit(``); status != http.StatusCreated || body["language"] != "fa" {
		t.Errorf("old queued item without a language: %d %v, want 201 in fa", status, body)
	}
	langs := map[string]int{}
	for _, r := range app.responses() {
		if r.Source != survey.SourceOffline {
			t.Errorf("response %s: source %q", r.ID, r.Source)
		}
		langs[r.Language]++
	}
	if langs["en"] != 1 || langs["fa"] != 1 {
		t.Errorf("stored languages %v, want en 1, fa 1", langs)
	}
}

// TestOfflineSubmitOrder: an offline phone shuffles randomised items
// itself and sends the order it showed; the API stores that order (also
// over a web partial's computed one) after checking each entry is a
// permutation of the items of a randomised page or question, and refuses
// it from any other source.
func TestOfflineSubmitOrder(t *testing.T) {
	app := newTestApp(t, func(d *survey.Definition) {
		rd, err := survey.ParseDefinition([]byte(randomDef))
		if err != nil {
			t.Fatal(err)
		}
		*d = *rd
	})
	// The bundle says what the phone shuffles, and which items stay last.
	_, raw := get(t, app.server.URL+"/s/order-test/offline.json")
	var b struct {
		Pages []struct {
			Randomize bool `json:"randomize"`
			Questions []struct {
				ID        string   `json:"id"`
				Randomize bool     `json:"randomize"`
				Pinned    []string `json:"pinned"`
			} `json:"questions"`
		} `json:"pages"`
	}
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		t.Fatal(err)
	}
	if len(b.Pages) != 2 || b.Pages[0].Randomize || !b.Pages[1].Randomize ||
		!b.Pages[0].Questions[2].Randomize || fmt.Sprint(b.Pages[0].Questions[2].Pinned) != "[none]" ||
		b.Pages[0].Questions[1].Randomize || !b.Pages[1].Questions[3].Randomize || b.Pages[1].Questions[3].Pinned != nil {
		t.Errorf("bundle's random order: %+v", b.Pages)
	}

	const path = "/api/v1/surveys/order-test/responses"
	const answers = `"answers":{"city":"thr","brand":"b2","stars":4,"channel":["app"]}`
	shown := `{"brand":["b3","b1","b6","b2","b5","b4","none"],"pages[1]":["agree","visit","channel","stars"],"channel":["store","web","phone","app","other"]}`
	body := func(id, source, order string) string {
		b := `{"client_id":"` + id + `","source":"` + source + `",` + answers
		if order != "" {
			b += `,"order":` + order
		}
		return b + "}"
	}
	tests := []struct {
		name, source, order string
		want                int
		field               string // named in the 422
	}{
		{"offline with the order shown", "offline", shown, http.StatusCreated, ""},
		{"offline, only the first page's order (the rest never shown)", "offline", `{"brand":["b6","b5","b4","b3","b2","b1","none"]}`, http.StatusCreated, ""},
		{"an api submit may not say what was shown", "api", shown, http.StatusUnprocessableEntity, "order"},
		{"an item missing", "offline", `{"brand":["b3","b1","b6","b2","b5","none"]}`, http.StatusUnprocessableEntity, "order.brand"},
		{"an item twice", "offline", `{"brand":["b3","b1","b6","b2","b5","b5","none"]}`, http.StatusUnprocessableEntity, "order.brand"},
		{"an unknown item", "offline", `{"channel":["store","web","phone","app","fax"]}`, http.StatusUnprocessableEntity, "order.channel"},
		{"other left out", "offline", `{"channel":["store","web","phone","app"]}`, http.StatusUnprocessableEntity, "order.channel"},
		{"a question not randomised", "offline", `{"city":["shz","thr"]}`, http.StatusUnprocessableEntity, "order.city"},
		{"a page not randomised", "offline", `{"pages[0]":["name","city","brand"]}`, http.StatusUnprocessableEntity, "order.pages[0]"},
		{"a page's questions missing one", "offline", `{"pages[1]":["agree","visit","channel"]}`, http.StatusUnprocessableEntity, "order.pages[1]"},
	}
	stored := map[string]string{} // client id -> order sent
	for _, tt := range tests {
		id := uuid.NewString()
		status, reply := app.api("POST", path, body(id, tt.source, tt.order))
		if status != tt.want {
			t.Errorf("%s: %d %v, want %d", tt.name, status, reply, tt.want)
			continue
		}
		if tt.field != "" && !strings.Contains(fmt.Sprint(reply), tt.field) {
			t.Errorf("%s: the reply does not name %s: %v", tt.name, tt.field, reply)
		}
		if status == http.StatusCreated {
			stored[id] = tt.order
		}
	}

	// A web partial (its pages shown in the order computed from the
	// client id) finished offline: the order the phone showed is stored.
	const id = "0b8e6c1a-3d2f-4a5b-9c7d-1e2f3a4b5c6d"
	ctx := context.Background()
	partial := &survey.Response{SurveyID: app.survey.ID, SurveyVersion: app.survey.Version, ClientID: id,
		Status: survey.Partial, Source: survey.SourceWeb, Page: 1, Answers: survey.Answers{"city": {Choice: "thr"}},
		Order: app.survey.Definition.OrderFor(id)}
	if _, _, err := app.store.SaveResponse(ctx, partial); err != nil {
		t.Fatal(err)
	}
	if status, reply := app.api("POST", path, body(id, "offline", shown)); status != http.StatusOK {
		t.Fatalf("offline finish of a web partial: %d %v", status, reply)
	}
	stored[id] = shown

	rs := app.responses()
	if len(rs) != len(stored) {
		t.Fatalf("%d responses stored, want %d", len(rs), len(stored))
	}
	for _, r := range rs {
		var want survey.ItemOrder
		if err := json.Unmarshal([]byte(stored[r.ClientID]), &want); err != nil {
			t.Fatal(err)
		}
		got, _ := json.Marshal(r.Order)
		wantJSON, _ := json.Marshal(want)
		if string(got) != string(wantJSON) || r.Status != survey.Complete {
			t.Errorf("response %s: status %s, order %s, want the order shown %s", r.ClientID, r.Status, got, wantJSON)
		}
	}
}
