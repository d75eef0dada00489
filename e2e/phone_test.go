package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// layoutProblems is a script run in the page: it returns what is wrong for
// a phone, one line per problem (empty when all is well).
const layoutProblems = `(() => {
  const out = [];
  // A phone widens its layout viewport (innerWidth) to a page too wide,
  // so the page is measured against the screen.
  const vw = screen.width;
  if (document.documentElement.scrollWidth > vw) out.push("horizontal scroll: scrollWidth " + document.documentElement.scrollWidth + " > " + vw);
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden"; };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.name ? "[name=" + el.name + "]" : "") + (el.value && el.type !== "text" ? "[value=" + el.value + "]" : "");
  // Tap targets: what a thumb hits is at least 44x44 CSS px. A radio or
  // checkbox counts by the label that wraps it.
  for (const el of document.querySelectorAll("button, a, select, textarea, input, label.opt, label.pt")) {
    if (el.closest(".hp") || el.type === "hidden") continue;
    let target = el;
    if ((el.type === "radio" || el.type === "checkbox") && el.closest("label")) target = el.closest("label");
    if (!visible(target)) continue;
    const r = target.getBoundingClientRect();
    const inline = el.tagName === "A" && el.closest("p");
    if (!inline && (r.height < 44 || r.width < 44)) out.push("tap target " + name(el) + " is " + Math.round(r.width) + "x" + Math.round(r.height));
  }
  // Every field has a label (or is inside one).
  for (const el of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
    if (el.labels.length === 0 && !el.getAttribute("aria-label")) out.push("no label: " + name(el));
  }
  // Free-text fields follow the direction of what is typed.
  for (const el of document.querySelectorAll("input[type=text], textarea")) {
    if (el.closest(".hp")) continue;
    if (el.inputMode !== "decimal" && el.getAttribute("dir") !== "auto") out.push("no dir=auto: " + name(el));
  }
  // The next button spans the width a thumb reaches and sits in the page.
  const next = document.querySelector("button.primary");
  if (next) {
    next.scrollIntoView({block: "end"});
    const r = next.getBoundingClientRect();
    if (r.width < vw * 0.6) out.push("next button is narrow: " + Math.round(r.width) + " of " + vw);
    if (r.bottom > window.innerHeight + 1 || r.top < 0) out.push("next button is off screen after scrolling to it");
    const back = document.querySelector("button.secondary");
    if (back && back.getBoundingClientRect().top < r.top) out.push("back is above next");
    window.scrollTo(0, 0);
  }
  return out.join("\n");
})()`

// focusProblems tabs through the page with the keyboard (focus moves the way
// Tab moves it) and reports focused elements without a visible outline.
const focusProblems = `(() => {
  const out = [];
  const fields = [...document.querySelectorAll("input:not([type=hidden]), select, textarea, button, a[href]")].filter(el => !el.closest(".hp"));
  for (const el of fields.slice(0, 12)) {
    el.focus({focusVisible: true});
    if (document.activeElement !== el) continue;
    const ring = e => { const s = getComputedStyle(e); return s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2; };
    const label = el.closest("label");
    if (!ring(el) && !(label && ring(label))) out.push("no visible focus on " + el.tagName.toLowerCase() + (el.name ? "[name=" + el.name + "]" : ""));
  }
  document.activeElement && document.activeElement.blur();
  return out.join("\n");
})()`

// TestPhoneLayout checks the survey pages at 360 and 390 px in Persian and
// English, and saves screenshots of them for a human to look at.
func TestPhoneLayout(t *testing.T) {
	a := startApp(t)
	pages := []struct{ name, path string }{
		{"fa", "/s/journey-fa"},
		{"demo-fa", "/s/demo-fa"},
		{"demo-en", "/s/demo-en"},
	}
	for _, width := range []int64{360, 390} {
		for _, pg := range pages {
			t.Run(fmt.Sprintf("%s-%d", pg.name, width), func(t *testing.T) {
				p := newPhone(t)
				tab, _ := p.tab(tabOptions{width: width, height: 780})
				do(t, tab, "open", chromedp.Navigate(a.url+pg.path), chromedp.WaitVisible(chromedp.CSS("button.primary")))
				if got := eval[string](t, tab, layoutProblems); got != "" {
					t.Errorf("%s at %d px:\n%s", pg.path, width, got)
				}
				if got := eval[string](t, tab, focusProblems); got != "" {
					t.Errorf("%s at %d px:\n%s", pg.path, width, got)
				}
				if width == 360 {
					saveScreenshot(t, tab, pg.name+"-360-page1")
				}
			})
		}
	}
}

// TestPersianPageReadsRightToLeft checks what RTL changes: the scale runs
// from the right, the progress bar fills from the right, the next button
// comes first, numbers are Persian digits, and mixed Persian/English answers
// keep their order.
func TestPersianPageReadsRightToLeft(t *testing.T) {
	a := startApp(t)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open", chromedp.Navigate(a.url+"/s/journey-fa"), chromedp.WaitVisible(chromedp.CSS("#q-channel")))
	do(t, tab, "page 1",
		chromedp.Click(chromedp.CSS(`#q-channel input[value="site"]`)),
		chromedp.SendKeys(chromedp.CSS("#i-name"), mixedName),
	)
	submit(t, tab, "button.primary")
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-rating")))
	checks := map[string]string{
		// The first point of a scale is at the right edge in RTL.
		"scale starts at the right":   `(() => { const p = [...document.querySelectorAll("#q-rating label.pt")]; return p[0].getBoundingClientRect().left > p[p.length-1].getBoundingClientRect().left; })()`,
		"progress is rtl":             `getComputedStyle(document.querySelector("progress")).direction === "rtl"`,
		"Persian digits in progress":  `/[۰-۹]/.test(document.querySelector(".step").textContent) && !/[0-9]/.test(document.querySelector(".step").textContent)`,
		"Persian digits on the scale": `[...document.querySelectorAll("#q-rating .n")].every(e => /^[۰-۹]+$/.test(e.textContent))`,
		"next is above back":          `document.querySelector("button.primary").getBoundingClientRect().top < document.querySelector("button.secondary").getBoundingClientRect().top`,
	}
	for name, js := range checks {
		if !eval[bool](t, tab, js) {
			t.Errorf("%s: false", name)
		}
	}
	saveScreenshot(t, tab, "fa-360-page2")

	// Back on page 1 the mixed answer is shown as typed, in a dir=auto field.
	submit(t, tab, "button.secondary")
	do(t, tab, "page 1 again", chromedp.WaitVisible(chromedp.CSS("#i-name")))
	got := eval[string](t, tab, `document.querySelector("#i-name").value + "|" + document.querySelector("#i-name").getAttribute("dir") + "|" + document.querySelector("#i-name").matches(":dir(rtl)")`)
	if want := mixedName + "|auto|true"; got != want {
		t.Errorf("mixed answer field = %q, want %q", got, want)
	}
	// An English-first answer flips the field to ltr.
	do(t, tab, "type English", chromedp.Clear(chromedp.CSS("#i-name")), chromedp.SendKeys(chromedp.CSS("#i-name"), "Sara سارا"))
	if !eval[bool](t, tab, `document.querySelector("#i-name").matches(":dir(ltr)")`) {
		t.Error("an answer starting in English is not shown left to right")
	}
	if strings.Contains(eval[string](t, tab, `document.body.innerText`), "Sara Sara") {
		t.Error("text doubled")
	}
}
