package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// slow3G is the network: 400 ms latency, 400 kbit/s each way.
func slow3G() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if _, err := cdp.Call(ctx, t, network.Enable, network.EnableParams{}); err != nil {
			return err
		}
		// The emulation throttles the tab, not its service worker's own
		// requests (static/sw.js): past the worker, pages would arrive
		// unthrottled. The tab talks to the network itself.
		if _, err := cdp.Call(ctx, t, network.SetBypassServiceWorker, network.SetBypassServiceWorkerParams{Bypass: true}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, t, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{
				Latency:            400,
				DownloadThroughput: 400_000 / 8,
				UploadThroughput:   400_000 / 8,
				ConnectionType:     network.ConnectionTypeCellular3g,
			}},
		})
		return err
	})
}

// navTiming reads the Navigation Timing of the current page: milliseconds
// from the start of the navigation (for a form post, from the click: the
// POST, its redirect and the GET are one navigation) to DOMContentLoaded
// and to the load event.
type navTiming struct {
	DOMContentLoaded float64 `json:"dcl"`
	Load             float64 `json:"load"`
	Bytes            float64 `json:"bytes"`
}

const navTimingJS = `(() => {
  const n = performance.getEntriesByType("navigation")[0];
  const bytes = performance.getEntriesByType("resource").reduce((s, r) => s + r.transferSize, n.transferSize);
  return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd, bytes: bytes};
})()`

func timing(t *testing.T, ctx context.Context) navTiming {
	t.Helper()
	// loadEventEnd is 0 until the load handler returned; wait for it.
	for range 50 {
		nt := eval[navTiming](t, ctx, navTimingJS)
		if nt.Load > 0 {
			return nt
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the page never finished loading")
	return navTiming{}
}

// TestSlow3G: on an emulated slow 3G connection the first page (HTML, CSS
// and JS from an empty cache) is usable in under 2 s, and a page
// transition (post, redirect, next page) in under 1.5 s.
func TestSlow3G(t *testing.T) {
	const firstBudget, nextBudget = 2000.0, 1500.0
	a := startApp(t)
	for _, slug := range []string{"demo-fa", "demo-en"} {
		t.Run(slug, func(t *testing.T) {
			p := newPhone(t)
			tab, _ := p.tab(tabOptions{})
			do(t, tab, "throttle", slow3G())
			do(t, tab, "first page", chromedp.Navigate(a.url+"/s/"+slug), chromedp.WaitVisible(chromedp.CSS("button.primary")))
			first := timing(t, tab)
			t.Logf("%s first page (empty cache): DOMContentLoaded %.0f ms, load %.0f ms, %.0f bytes transferred", slug, first.DOMContentLoaded, first.Load, first.Bytes)
			if first.Load > firstBudget {
				t.Errorf("first page usable after %.0f ms, budget %.0f ms", first.Load, firstBudget)
			}
			do(t, tab, "answer page 1", chromedp.Click(chromedp.CSS(`#q-age_group input[value="25-34"]`)))
			submit(t, tab, "button.primary")
			do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-heard_from")))
			next := timing(t, tab)
			t.Logf("%s page transition (post + redirect + page 2): DOMContentLoaded %.0f ms, load %.0f ms, %.0f bytes transferred", slug, next.DOMContentLoaded, next.Load, next.Bytes)
			if next.Load > nextBudget {
				t.Errorf("page transition took %.0f ms, budget %.0f ms", next.Load, nextBudget)
			}
		})
	}
}
