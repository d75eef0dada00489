package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// axePage is one page the accessibility test checks: open it (from a
// fresh phone) and wait until it shows.
type axePage struct {
	name string
	open func(t *testing.T, a *app, tab context.Context)
}

// visit is an axePage opener for a plain GET.
func visit(path, waitFor string) func(*testing.T, *app, context.Context) {
	return func(t *testing.T, a *app, tab context.Context) {
		do(t, tab, "open "+path, chromedp.Navigate(a.url+path), chromedp.WaitVisible(chromedp.CSS(waitFor)))
	}
}

// visitIfServed is visit for a page that may not exist in this build (the
// researcher workspace): a 404 skips instead of failing.
func visitIfServed(path, waitFor string) func(*testing.T, *app, context.Context) {
	return func(t *testing.T, a *app, tab context.Context) {
		resp, err := chromedp.Run(tab, chromedp.NavigateResponse(a.url+path))
		if err != nil {
			t.Fatalf("open %s: %v", path, err)
		}
		if resp.Status == 404 {
			t.Skipf("%s is not served by this build", path)
		}
		do(t, tab, "wait for "+waitFor, chromedp.WaitVisible(chromedp.CSS(waitFor)))
	}
}

// axePages are the pages under test. Adding a page is one line here (the
// researcher pages: a login form, a dashboard behind a session).
var axePages = []axePage{
	{"survey page fa", visit("/s/journey-fa", "button.primary")},
	{"survey page en", visit("/s/demo-en", "button.primary")},
	{"survey page fa (demo, scales)", func(t *testing.T, a *app, tab context.Context) {
		visit("/s/demo-fa", "button.primary")(t, a, tab)
		do(t, tab, "page 1", chromedp.Click(chromedp.CSS(`#q-age_group input[value="25-34"]`)))
		submit(t, tab, "button.primary")
		do(t, tab, "page 2", chromedp.Click(chromedp.CSS(`#q-heard_from input[value="instagram"]`)), chromedp.Click(chromedp.CSS(`#q-main_channel input`)))
		submit(t, tab, "button.primary")
		do(t, tab, "page 3", chromedp.WaitVisible(chromedp.CSS("#q-motive")))
	}},
	{"survey page with errors", func(t *testing.T, a *app, tab context.Context) {
		visit("/s/journey-fa", "button.primary")(t, a, tab)
		submit(t, tab, "button.primary")
		do(t, tab, "errors", chromedp.WaitVisible(chromedp.CSS(".alert")))
	}},
	{"thank-you page", visit("/s/journey-fa/thanks", "h1")},
	{"not-found page", visit("/s/no-such-survey", "h1")},
	{"login page", visitIfServed("/login", "form")},
	{"projects page", signedIn("/app/projects", "main")},
	{"survey dashboard", signedIn("/app/surveys/demo-fa/dashboard", "main")},
	{"responses page", signedIn("/app/surveys/demo-fa/responses", "main")},
	{"survey builder (phone width)", signedIn("/app/surveys/demo-fa/builder", "#builder")},
}

// signedIn opens a researcher page after signing in as the app's admin
// (skipping when this build has no workspace).
func signedIn(path, waitFor string) func(*testing.T, *app, context.Context) {
	return func(t *testing.T, a *app, tab context.Context) {
		if a.adminEmail == "" {
			t.Skip("this build has no researcher accounts")
		}
		visitIfServed("/login", "#password")(t, a, tab)
		do(t, tab, "sign in",
			chromedp.SendKeys(chromedp.CSS("#email"), a.adminEmail),
			chromedp.SendKeys(chromedp.CSS("#password"), a.adminPassword))
		submit(t, tab, "form button[type=submit], form button")
		visitIfServed(path, waitFor)(t, a, tab)
		if loc, err := chromedp.Run(tab, chromedp.Location()); err != nil || !strings.HasSuffix(loc, path) {
			t.Fatalf("signed in, opened %s, at %q (%v)", path, loc, err)
		}
	}
}

// axeScript is the axe-core bundle: $SAFAR_AXE_JS, or the npm install that
// .ci/run makes under .ci/node.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SAFAR_AXE_JS")
	if path == "" {
		path = filepath.Join("..", ".ci", "node", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no axe-core at %s (npm install --no-save --prefix .ci/node axe-core@4, or set SAFAR_AXE_JS): %v", path, err)
	}
	return string(b)
}

type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// TestAccessibility runs axe-core in each page: no serious or critical
// violations (WCAG 2.x A and AA rules, best practices included).
func TestAccessibility(t *testing.T) {
	a := startApp(t)
	script := axeScript(t)
	for _, pg := range axePages {
		t.Run(pg.name, func(t *testing.T) {
			p := newPhone(t)
			tab, _ := p.tab(tabOptions{})
			// The pages' CSP allows only same-origin scripts; let the
			// injected axe bundle run.
			allowAxe(t, tab)
			pg.open(t, a, tab)
			checkAxe(t, tab, script)
		})
	}
}

// allowAxe lets the injected axe bundle run despite the pages' CSP (only
// same-origin scripts). Call it before the page loads.
func allowAxe(t *testing.T, tab context.Context) {
	t.Helper()
	do(t, tab, "bypass CSP", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.SetBypassCSP, page.SetBypassCSPParams{Enabled: true})
		return err
	}))
}

// checkAxe runs axe-core in the tab's page: no serious or critical
// violations; minor ones are logged.
func checkAxe(t *testing.T, tab context.Context, script string) {
	t.Helper()
	if _, err := chromedp.Run(tab, chromedp.Evaluate[chromedp.Void](script)); err != nil {
		t.Fatalf("inject axe: %v", err)
	}
	vs, err := chromedp.Run(tab, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("run axe: %v", err)
	}
	var bad []string
	for _, v := range vs {
		line := fmt.Sprintf("%s (%s): %s", v.ID, v.Impact, v.Help)
		for _, n := range v.Nodes {
			line += fmt.Sprintf("\n    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
		if v.Impact == "serious" || v.Impact == "critical" {
			bad = append(bad, line)
		} else {
			t.Logf("minor: %s", line)
		}
	}
	if len(bad) > 0 {
		t.Errorf("%d serious or critical axe violations:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}
