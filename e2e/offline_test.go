package e2e

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
)

// setOnline switches the phone's network: the tab's requests and its
// service worker's (Network.emulateNetworkConditionsByRule), navigator.onLine
// with its online/offline events (Network.overrideNetworkState), and, to be
// sure nothing gets through another way, the server itself, which drops
// every connection while the phone is "offline".
func (a *app) setOnline(t *testing.T, tab context.Context, online bool) {
	t.Helper()
	if !online {
		a.sim.down.Store(true)
		a.ts.CloseClientConnections()
	}
	do(t, tab, "network", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		sw := !online
		if _, err := cdp.Call(ctx, tg, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			EmulateOfflineServiceWorker: &sw,
			MatchedNetworkConditions:    []*network.Conditions{{Offline: !online, DownloadThroughput: -1, UploadThroughput: -1}},
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, network.OverrideNetworkState, network.OverrideNetworkStateParams{
			Offline: !online, DownloadThroughput: -1, UploadThroughput: -1,
		})
		return err
	}))
	if online {
		a.sim.down.Store(false)
	}
}

// waitFor polls a JavaScript expression (which may return a promise) until
// it is true.
func waitFor(t *testing.T, tab context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tab, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAsValue, chromedp.EvalAwaitPromise))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("waiting for %s: %s never held", what, expr)
}

// evalAwait evaluates an expression that returns a promise, once.
func evalAwait(t *testing.T, tab context.Context, expr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tab, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAsValue, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
}

// offlineReady: the service worker controls the page and the cache holds
// the first page, the bundle and the page's assets.
const offlineReady = `(async () => {
  if (!navigator.serviceWorker.controller) return false;
  const c = await caches.open("safar-offline");
  const keys = (await c.keys()).map(r => new URL(r.url).pathname);
  const slug = location.pathname.split("/")[2];
  const assets = [...document.querySelectorAll('link[rel="stylesheet"], script[src]')].map(e => e.getAttribute("href") || e.getAttribute("src"));
  return keys.includes("/s/" + slug) && keys.includes("/s/" + slug + "/offline.json") && assets.every(a => keys.includes(a));
})()`

const queuedJS = `new Promise(ok => { const r = indexedDB.open("safar"); r.onsuccess = () => {
  const q = r.result.transaction("queue").objectStore("queue").count(); q.onsuccess = () => ok(q.result); }; })`

func (a *app) count(t *testing.T, slug string) (n int, srcs []string) {
	t.Helper()
	err := a.store.EachResponse(context.Background(), survey.ResponseFilter{SurveyID: a.surveys[slug].ID}, func(r *survey.Response) error {
		n++
		srcs = append(srcs, string(r.Status)+"/"+r.Source)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n, srcs
}

// TestOfflineRespondent is the offline story on the Persian
// survey: the first page loads online; the phone loses its signal; the
// respondent makes a mistake, fixes it, answers all three pages (show_if
// across pages and on the same page), reloads with no connection and
// carries on, and sees that the answers are saved on the phone; when the
// signal returns the response arrives once, exactly as entered.
func TestOfflineRespondent(t *testing.T) {
	a := startApp(t)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open the survey", chromedp.Navigate(a.url+journeyURL), chromedp.WaitVisible(chromedp.CSS("button.primary")))
	waitFor(t, tab, "the survey to be kept for offline use", offlineReady)

	a.setOnline(t, tab, false)
	if eval[bool](t, tab, `navigator.onLine`) {
		t.Fatal("navigator.onLine is still true")
	}
	// Page 1: the required question forgotten, the message beside it.
	do(t, tab, "type a name", chromedp.SendKeys(chromedp.CSS("#i-name"), mixedName))
	do(t, tab, "next", chromedp.Click(chromedp.CSS("button.primary")), chromedp.WaitVisible(chromedp.CSS(".alert")))
	if got := eval[string](t, tab, `document.querySelector("#q-channel .error").textContent`); got != "لطفاً به این پرسش پاسخ دهید." {
		t.Errorf("message beside the missing answer = %q", got)
	}
	// The notice follows an IndexedDB read: wait for it (under load it
	// lands after the error message).
	waitFor(t, tab, "the offline notice", `((document.querySelector("#offline-status") || {}).textContent || "").includes("اتصال برقرار نیست")`)
	do(t, tab, "fix page 1",
		chromedp.Click(chromedp.CSS(`#q-channel input[value="instagram"]`)),
		chromedp.Click(chromedp.CSS(`#q-heard input[value="friend"]`)),
		chromedp.Click(chromedp.CSS(`#q-heard input[value="other"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="q.heard.other"]`), otherText),
		chromedp.Click(chromedp.CSS("button.primary")),
	)
	// Page 2: shown because of page 1's answer, in Persian digits.
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-insta")))
	if got := eval[string](t, tab, `document.querySelector(".step").textContent`); !strings.Contains(got, "۲ از ۳") {
		t.Errorf("progress = %q, want page ۲ of ۳", got)
	}
	do(t, tab, "answer page 2",
		chromedp.Click(chromedp.CSS(`#q-insta label.pt:has(input[value="4"])`)),
		chromedp.Click(chromedp.CSS(`#q-rating label.pt:has(input[value="2"])`)),
		chromedp.SendKeys(chromedp.CSS("#i-orders"), "۱۲"),
	)
	// Back and forth keeps the answers.
	do(t, tab, "back", chromedp.Click(chromedp.CSS(`button[value="back"]`)), chromedp.WaitVisible(chromedp.CSS("#q-channel")))
	if !eval[bool](t, tab, `document.querySelector('#q-channel input[value="instagram"]').checked`) {
		t.Error("page 1's answer lost on going back")
	}
	do(t, tab, "next again", chromedp.Click(chromedp.CSS("button.primary")), chromedp.WaitVisible(chromedp.CSS("#q-insta")))
	if got := eval[string](t, tab, `document.querySelector("#i-orders").value`); got != "۱۲" {
		t.Errorf("orders after back and next = %q", got)
	}
	do(t, tab, "page 3", chromedp.Click(chromedp.CSS("button.primary")), chromedp.WaitVisible(chromedp.CSS("#q-nps")))

	// A reload with no connection: the same page, from the phone.
	do(t, tab, "reload offline", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#q-nps")))
	if got := eval[string](t, tab, `document.querySelector(".step").textContent`); !strings.Contains(got, "۳ از ۳") {
		t.Errorf("after the reload: %q, want page ۳ of ۳", got)
	}
	if eval[bool](t, tab, `document.querySelector("#q-why").offsetParent !== null`) {
		t.Error("the show_if question is visible before the score is picked")
	}
	do(t, tab, "answer page 3",
		chromedp.Click(chromedp.CSS(`#q-nps label.pt:has(input[value="3"])`)),
		chromedp.WaitVisible(chromedp.CSS("#i-why")),
		chromedp.SendKeys(chromedp.CSS("#i-why"), whyText),
		chromedp.SetValue(chromedp.CSS("#i-city"), "shiraz"),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#offline-done")),
	)
	if got := eval[string](t, tab, `document.querySelector("#offline-done .saved").textContent`); got != "روی این گوشی ذخیره شد؛ وقتی به اینترنت وصل شوید ارسال می‌شود." {
		t.Errorf("saved message = %q", got)
	}
	waitFor(t, tab, "the queued count", `(document.querySelector("#offline-status")||{}).textContent === "پاسخ‌های در انتظار ارسال روی این گوشی: ۱"`)
	saveScreenshot(t, tab, "fa-360-offline-saved")
	if n, _ := a.count(t, "journey-fa"); n != 0 {
		t.Fatalf("%d responses reached the server while it was unreachable", n)
	}
	waitFor(t, tab, "one queued response", queuedJS+`.then(n => n === 1)`)

	// The signal returns: the "online" event sends the queue.
	a.setOnline(t, tab, true)
	waitFor(t, tab, "the response to be sent", `document.querySelector("#offline-done.sent") !== null`)
	if got := eval[string](t, tab, `document.querySelector("#offline-done .saved").textContent`); got != "پاسخ‌های شما ارسال شد. سپاسگزاریم!" {
		t.Errorf("sent message = %q", got)
	}
	r, got := a.answers("journey-fa")
	n := func(f float64) *float64 { return &f }
	want := survey.Answers{
		"channel": {Choice: "instagram"},
		"heard":   {Choices: []string{"friend", "other"}, Other: otherText},
		"name":    {Text: mixedName},
		"insta":   {Number: n(4)},
		"rating":  {Number: n(2)},
		"orders":  {Number: n(12)},
		"nps":     {Number: n(3)},
		"why":     {Text: whyText},
		"city":    {Choice: "shiraz"},
	}
	if wantJSON := mustJSON(t, want); got != wantJSON {
		t.Errorf("stored answers:\n got %s\nwant %s", got, wantJSON)
	}
	if r.Status != survey.Complete || r.Source != survey.SourceOffline {
		t.Errorf("response %s from %q, want complete from offline", r.Status, r.Source)
	}
	// Another page load sends nothing twice.
	do(t, tab, "reload online", chromedp.Navigate(a.url+journeyURL), chromedp.WaitVisible(chromedp.CSS("button.primary")))
	waitFor(t, tab, "an empty queue", queuedJS+`.then(n => n === 0)`)
	if n, srcs := a.count(t, "journey-fa"); n != 1 {
		t.Errorf("%d responses stored (%v), want 1", n, srcs)
	}
}

// TestOfflineMidway: the respondent answers page 1 online (the server
// keeps it as a partial response), then the signal drops while page 2 is
// posted: the service worker shows the phone's copy of the survey instead
// of an error, the respondent finishes, and when the signal returns the
// partial response is completed: one response, not two.
func TestOfflineMidway(t *testing.T) {
	a := startApp(t)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open the survey", chromedp.Navigate(a.url+"/s/demo-en"), chromedp.WaitVisible(chromedp.CSS("button.primary")))
	waitFor(t, tab, "the survey to be kept for offline use", offlineReady)
	do(t, tab, "answer page 1", chromedp.Click(chromedp.CSS(`#q-age_group input[value="25-34"]`)))
	submit(t, tab, "button.primary")
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-heard_from")))
	waitFor(t, tab, "the script to follow page 2", `(JSON.parse(localStorage.getItem("safar.draft.demo-en")) || {}).page === 1`)
	if n, srcs := a.count(t, "demo-en"); n != 1 || srcs[0] != "partial/web" {
		t.Fatalf("after page 1 online: %d responses %v, want one partial/web", n, srcs)
	}
	// Only the server goes away: navigator.onLine stays true, the post
	// fails, and the service worker answers.
	a.sim.down.Store(true)
	a.ts.CloseClientConnections()
	do(t, tab, "answer page 2", chromedp.Click(chromedp.CSS(`#q-heard_from input[value]`)))
	do(t, tab, "post page 2", chromedp.Click(chromedp.CSS("button.primary")))
	waitFor(t, tab, "the phone's copy of the survey", `document.documentElement.hasAttribute("data-offline") && document.querySelector("#offline-status:not(.hidden)") !== null`)
	// Answer whatever the remaining pages ask, as a hurried respondent
	// would: the first option of every question, text where text is asked.
	for range 10 {
		if eval[bool](t, tab, `document.querySelector("#offline-done") !== null`) {
			break
		}
		eval[bool](t, tab, `(() => {
		  document.querySelectorAll("fieldset.q:not(.hidden)").forEach(fs => {
		    const first = fs.querySelector('input[type=radio], input[type=checkbox]');
		    if (first && !fs.querySelector("input:checked")) first.click();
		    fs.querySelectorAll("fieldset.mrow").forEach(r => { const i = r.querySelector("input"); if (!r.querySelector("input:checked")) i.click(); });
		    const sel = fs.querySelector("select"); if (sel && !sel.value) { sel.value = sel.options[1].value; sel.dispatchEvent(new Event("change", {bubbles: true})); }
		    fs.querySelectorAll('input[type=text]:not([name$=".other"]), textarea').forEach(i => { if (!i.value) i.value = i.inputMode === "decimal" ? "3" : "ok"; });
		    fs.querySelectorAll('input[type=date]').forEach(i => { if (!i.value) i.value = "2026-01-02"; });
		  });
		  document.querySelectorAll('label.other:not(.hidden) input').forEach(i => { if (!i.value) i.value = "something"; });
		  document.querySelector("button.primary").click();
		  return true;
		})()`)
		time.Sleep(500 * time.Millisecond)
	}
	do(t, tab, "saved on the phone", chromedp.WaitVisible(chromedp.CSS("#offline-done")))
	if n, srcs := a.count(t, "demo-en"); n != 1 || srcs[0] != "partial/web" {
		t.Fatalf("while unreachable: %d responses %v", n, srcs)
	}
	a.sim.down.Store(false)
	eval[bool](t, tab, `dispatchEvent(new Event("online")) || true`) // the signal returns
	waitFor(t, tab, "the response to be sent", `document.querySelector("#offline-done.sent") !== null`)
	r, answers := a.answers("demo-en")
	if r.Status != survey.Complete || r.Source != survey.SourceOffline || !strings.Contains(answers, `"age_group":"25-34"`) {
		t.Errorf("stored %s from %q: %s", r.Status, r.Source, answers)
	}
}

// TestOfflineQueueBacksOff: a phone comes back with 30 responses queued
// while the server is struggling (its first two submits answer 503 with
// Retry-After: 1). The phone waits before each retry, then sends the whole
// queue one at a time; all 30 are stored, each once, and the queue is empty.
func TestOfflineQueueBacksOff(t *testing.T) {
	const n = 30
	a := startApp(t)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open the survey", chromedp.Navigate(a.url+journeyURL), chromedp.WaitVisible(chromedp.CSS("button.primary")))
	waitFor(t, tab, "the survey to be kept for offline use", offlineReady)
	a.sim.failSubmits.Store(2)
	a.sim.mu.Lock()
	a.sim.submitTimes = nil
	a.sim.mu.Unlock()
	// Queue 30 responses as offline.js does, then announce the signal.
	evalAwait(t, tab, `new Promise(ok => {
	  const r = indexedDB.open("safar");
	  r.onsuccess = () => {
	    const tx = r.result.transaction("queue", "readwrite"), st = tx.objectStore("queue");
	    for (let i = 0; i < `+strconv.Itoa(n)+`; i++) {
	      st.put({client_id: "00000000-0000-4000-8000-" + String(i).padStart(12, "0"), slug: "journey-fa",
	        url: "/api/v1/surveys/journey-fa/responses", touchpoint: "store", language: "fa",
	        answers: {channel: "store", rating: 3, nps: 9, name: "پاسخ " + i}, queued_at: Date.now() + i, attempts: 0, next_try: 0});
	    }
	    tx.oncomplete = () => { dispatchEvent(new Event("online")); ok(true); };
	  };
	})`)
	deadline := time.Now().Add(60 * time.Second)
	for {
		if k, _ := a.count(t, "journey-fa"); k == n || time.Now().After(deadline) {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	waitFor(t, tab, "an empty queue", queuedJS+`.then(k => k === 0)`)
	k, srcs := a.count(t, "journey-fa")
	if k != n {
		t.Fatalf("%d responses stored, want %d", k, n)
	}
	for _, s := range srcs {
		if s != "complete/offline" {
			t.Fatalf("a response is %s, want complete/offline", s)
		}
	}
	a.sim.mu.Lock()
	times := append([]time.Time(nil), a.sim.submitTimes...)
	a.sim.mu.Unlock()
	if len(times) != n+2 {
		t.Errorf("%d submits for %d responses and 2 refusals, want %d: something was sent twice or not retried", len(times), n, n+2)
	}
	// The retries waited: 2 s then 4 s of backoff (less 25% jitter), and
	// nothing else was sent meanwhile; later sends are spaced out rather
	// than a burst.
	for i, want := range []time.Duration{1500 * time.Millisecond, 3 * time.Second} {
		if i+1 < len(times) {
			if gap := times[i+1].Sub(times[i]); gap < want {
				t.Errorf("retry %d came %v after the refusal, want at least %v", i+1, gap, want)
			}
		}
	}
	if len(times) == n+2 {
		if spread := times[n+1].Sub(times[2]); spread < time.Duration(n-1)*100*time.Millisecond {
			t.Errorf("%d responses sent within %v: not throttled", n, spread)
		}
	}
	// The notice is redrawn from the queue asynchronously after each send:
	// give the last redraw a moment before reading it.
	got := ""
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if got = eval[string](t, tab, `document.querySelector("#offline-status").textContent`); got == "" || time.Now().After(end) {
			break
		}
	}
	if got != "" {
		t.Errorf("status after sending = %q, want nothing waiting", got)
	}
}

// offlineBilingual is a Persian-first survey answered in English: its
// first page shuffles options ("none" pinned, "other" last), its second
// page shuffles its questions.
const offlineBilingual = `{"slug":"offline-bi","languages":["fa","en"],"title":{"fa":"فروشگاه‌ها","en":"Shops"},"pages":[
 {"questions":[
  {"id":"shop","type":"single","required":true,"randomize":true,"other":true,"text":{"fa":"کدام فروشگاه؟","en":"Which shop?"},
   "options":[{"value":"dk","label":{"fa":"دیجی‌کالا","en":"Digikala"}},{"value":"bs","label":{"fa":"باسلام","en":"Basalam"}},
    {"value":"sn","label":{"fa":"اسنپ","en":"Snapp"}},{"value":"tp","label":{"fa":"تپسی","en":"Tapsi"}},
    {"value":"none","label":{"fa":"هیچ‌کدام","en":"None of these"},"pin":true}]}]},
 {"randomize":true,"questions":[
  {"id":"visit","type":"rating","required":true,"text":{"fa":"چطور بود؟","en":"How was it?"}},
  {"id":"pay","type":"single","text":{"fa":"چطور پرداخت کردید؟","en":"How did you pay?"},
   "options":[{"value":"card","label":{"fa":"کارت","en":"Card"}},{"value":"cash","label":{"fa":"نقد","en":"Cash"}}]},
  {"id":"note","type":"short_text","text":{"fa":"یادداشت","en":"A note"}}]}]}`

// TestOfflineBilingualRandomOrder: a respondent opens a Persian-first
// survey in English and loses the signal on the first page. The phone
// carries on in English (its English bundle), shuffles the second page
// itself, keeps both orders on Back, and the stored response says English
// and records the orders that were on screen.
func TestOfflineBilingualRandomOrder(t *testing.T) {
	a := startApp(t)
	a.publish(t, offlineBilingual)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open in English", chromedp.Navigate(a.url+"/s/offline-bi?lang=en"), chromedp.WaitVisible(chromedp.CSS("#q-shop")))
	waitFor(t, tab, "the survey to be kept for offline use", offlineReady)
	waitFor(t, tab, "the English bundle in the cache", `caches.open("safar-offline").then(c => c.match("/s/offline-bi/offline.json?lang=en")).then(r => !!r)`)

	a.setOnline(t, tab, false)
	const shopOrder = `[...document.querySelectorAll('#q-shop input[type=radio]')].map(e => e.value).join(",")`
	const pageOrder = `[...document.querySelectorAll("fieldset.q")].map(f => f.id.slice(2)).join(",")`
	shop := eval[string](t, tab, shopOrder)
	if !strings.HasSuffix(shop, ",none,other") {
		t.Fatalf("shop options %s: none and other are not last", shop)
	}
	do(t, tab, "page 1", chromedp.Click(chromedp.CSS(`#q-shop input[value="bs"]`)), chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#q-visit")))
	checks := map[string]string{
		"the page stays English":     `document.documentElement.lang === "en" && document.documentElement.dir === "ltr"`,
		"questions in English":       `document.querySelector("#q-visit legend").textContent.includes("How was it?") && !document.body.textContent.includes("چطور")`,
		"buttons in English":         `document.querySelector("button.primary").textContent === "Submit" && document.querySelector('button[value="back"]').textContent === "Back"`,
		"the offline notice English": `!/[\u0600-\u06FF]/.test(document.querySelector("#offline-status").textContent)`,
	}
	for what, js := range checks {
		if !eval[bool](t, tab, js) {
			t.Errorf("%s: false", what)
		}
	}
	page := eval[string](t, tab, pageOrder)
	if strings.Count(page, ",") != 2 {
		t.Fatalf("page 2 questions %q", page)
	}
	// Back and Next: the same orders, not a new shuffle.
	do(t, tab, "back", chromedp.Click(chromedp.CSS(`button[value="back"]`)), chromedp.WaitVisible(chromedp.CSS("#q-shop")))
	if got := eval[string](t, tab, shopOrder); got != shop {
		t.Errorf("shop options after Back: %s, want %s as first shown", got, shop)
	}
	do(t, tab, "next again", chromedp.Click(chromedp.CSS("button.primary")), chromedp.WaitVisible(chromedp.CSS("#q-visit")))
	if got := eval[string](t, tab, pageOrder); got != page {
		t.Errorf("page 2 after Back and Next: %s, want %s", got, page)
	}
	do(t, tab, "answer page 2",
		chromedp.Click(chromedp.CSS(`#q-visit label.pt:has(input[value="4"])`)),
		chromedp.Click(chromedp.CSS(`#q-pay input[value="cash"]`)),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#offline-done")),
	)
	a.setOnline(t, tab, true)
	waitFor(t, tab, "the response to be sent", `document.querySelector("#offline-done.sent") !== null`)
	r, answers := a.answers("offline-bi")
	if r.Status != survey.Complete || r.Source != survey.SourceOffline || r.Language != "en" {
		t.Errorf("stored %s from %q in %q, want complete, offline, en", r.Status, r.Source, r.Language)
	}
	if !strings.Contains(answers, `"shop":"bs"`) || !strings.Contains(answers, `"pay":"cash"`) {
		t.Errorf("answers %s", answers)
	}
	if got := strings.Join(r.Order["shop"], ","); got != shop {
		t.Errorf("stored shop order %s, shown %s", got, shop)
	}
	if got := strings.Join(r.Order[survey.PageOrderKey(1)], ","); got != page {
		t.Errorf("stored page 2 order %s, shown %s", got, page)
	}
}

// TestOfflineQuotaFull: a response queued offline reaches a survey whose
// quota filled meanwhile. The 409 quota_full is final: the respondent, still
// on the page, gets the quota message, the response leaves the queue for
// the "rejected" store and is not sent again.
func TestOfflineQuotaFull(t *testing.T) {
	a := startApp(t)
	sv := a.publish(t, `{"slug":"offline-quota","title":"Cities","language":"en","pages":[{"questions":[
	  {"id":"city","type":"single","required":true,"text":"Your city?","options":[{"value":"tehran","label":"Tehran"},{"value":"tabriz","label":"Tabriz"}]}]}],
	 "quotas":[{"id":"tehran","question":"city","equals":"tehran","limit":1}]}`)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open", chromedp.Navigate(a.url+"/s/offline-quota"), chromedp.WaitVisible(chromedp.CSS("#q-city")))
	waitFor(t, tab, "the survey to be kept for offline use", offlineReady)
	a.setOnline(t, tab, false)
	do(t, tab, "answer offline", chromedp.Click(chromedp.CSS(`#q-city input[value="tehran"]`)), chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#offline-done")))
	// Meanwhile someone else from Tehran fills the quota.
	r := &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: "2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f", Status: survey.Complete,
		Source: "api", Answers: survey.Answers{"city": {Choice: "tehran"}}}
	r.Quotas = sv.Definition.QuotasOf(r.Answers, "")
	if _, _, err := a.store.SaveResponse(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	a.setOnline(t, tab, true)
	waitFor(t, tab, "the quota answer", `document.querySelector("#offline-done.quota_full") !== null`)
	if got := eval[string](t, tab, `document.querySelector("#offline-done .saved").textContent`); got != "Thank you. We already have enough answers from people like you, so yours will not be counted." {
		t.Errorf("message after a full quota = %q", got)
	}
	waitFor(t, tab, "an empty queue", queuedJS+`.then(n => n === 0)`)
	waitFor(t, tab, "the response kept aside", `new Promise(ok => { const r = indexedDB.open("safar"); r.onsuccess = () => {
	  const q = r.result.transaction("rejected").objectStore("rejected").getAll(); q.onsuccess = () => ok(q.result.length === 1 && q.result[0].reason === "quota_full" && q.result[0].http_status === 409); }; })`)
	// Another page load sends nothing again.
	do(t, tab, "reload", chromedp.Navigate(a.url+"/s/offline-quota"), chromedp.WaitVisible(chromedp.CSS("#q-city")))
	time.Sleep(time.Second)
	if _, srcs := a.count(t, "offline-quota"); slices.Contains(srcs, "complete/offline") || !slices.Contains(srcs, "complete/api") {
		t.Errorf("responses %v: the phone's must not count", srcs)
	}
}
