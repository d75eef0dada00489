package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
)

// TestRespondentFillsPersianSurvey is the main story, with
// JavaScript on and off: a respondent fills the three-page Persian survey
// (show_if across pages and on the same page), makes a validation error and
// fixes it, closes the tab half way, comes back, resumes and submits; the
// stored response is exactly what they entered.
func TestRespondentFillsPersianSurvey(t *testing.T) {
	for _, js := range []bool{true, false} {
		name := "javascript"
		if !js {
			name = "no-javascript"
		}
		t.Run(name, func(t *testing.T) { fillJourney(t, js) })
	}
}

const (
	mixedName  = "سارا Sara ۲"
	otherText  = "Google و Instagram"
	whyText    = "ارسال سه روز دیر شد (DHL, 3 days late)"
	journeyURL = "/s/journey-fa"
)

func fillJourney(t *testing.T, js bool) {
	a := startApp(t)
	p := newPhone(t)
	tab, closeTab := p.tab(tabOptions{noScript: !js})

	// Page 1: forget the required question; everything typed survives.
	do(t, tab, "open the survey", chromedp.Navigate(a.url+journeyURL))
	if got := eval[string](t, tab, `document.documentElement.dir + " " + document.documentElement.lang`); got != "rtl fa" {
		t.Fatalf("page is %q, want rtl fa", got)
	}
	if got := eval[bool](t, tab, `document.querySelector("#q-channel") !== null`); !got {
		t.Fatal("first page lacks the channel question")
	}
	do(t, tab, "type a name", chromedp.SendKeys(chromedp.CSS("#i-name"), mixedName))
	submit(t, tab, "button.primary")
	do(t, tab, "see the error", chromedp.WaitVisible(chromedp.CSS(".alert")))
	if got := eval[string](t, tab, `document.querySelector("#q-channel .error").textContent`); got == "" {
		t.Fatal("no message beside the missing answer")
	}
	if got := eval[string](t, tab, `document.querySelector("#i-name").value`); got != mixedName {
		t.Fatalf("name after the error = %q, want %q", got, mixedName)
	}
	if js {
		saveScreenshot(t, tab, "fa-360-errors")
	}
	do(t, tab, "fix page 1",
		chromedp.Click(chromedp.CSS(`#q-channel input[value="instagram"]`)),
		chromedp.Click(chromedp.CSS(`#q-heard input[value="friend"]`)),
		chromedp.Click(chromedp.CSS(`#q-heard input[value="other"]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name="q.heard.other"]`), otherText),
	)
	submit(t, tab, "button.primary")

	// Page 2: the Instagram question is shown (show_if on page 1's answer),
	// scale numbers are in Persian digits.
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-rating")))
	if got := eval[string](t, tab, `[...document.querySelectorAll("#q-rating .n")].map(e => e.textContent).join(" ")`); got != "۱ ۲ ۳ ۴ ۵" {
		t.Errorf("rating digits = %q, want Persian digits", got)
	}
	if got := eval[string](t, tab, `document.querySelector(".step").textContent`); !strings.Contains(got, "۲ از ۳") {
		t.Errorf("progress = %q, want page ۲ of ۳", got)
	}
	do(t, tab, "answer page 2",
		chromedp.Click(chromedp.CSS(`#q-insta label.pt:has(input[value="4"])`)),
		chromedp.Click(chromedp.CSS(`#q-rating label.pt:has(input[value="2"])`)),
		chromedp.SendKeys(chromedp.CSS("#i-orders"), "۱۲"),
	)
	submit(t, tab, "button.primary")
	do(t, tab, "page 3", chromedp.WaitVisible(chromedp.CSS("#q-nps")))

	// Close the tab half way; a new tab of the same phone resumes.
	closeTab()
	tab, _ = p.tab(tabOptions{noScript: !js})
	do(t, tab, "come back", chromedp.Navigate(a.url+journeyURL), chromedp.WaitVisible(chromedp.CSS("#q-nps")))
	if got := eval[string](t, tab, `document.querySelector(".step").textContent`); !strings.Contains(got, "۳ از ۳") {
		t.Errorf("resumed on %q, want page ۳ of ۳", got)
	}
	if js {
		// The follow-up appears only once a low score is picked.
		if eval[bool](t, tab, `document.querySelector("#q-why").offsetParent !== null`) {
			t.Error("the show_if question is visible before the score is picked")
		}
	} else if !eval[bool](t, tab, `document.querySelector("#q-why").offsetParent !== null`) {
		// Without the script every question is shown; the server decides.
		t.Error("without JavaScript the show_if question is hidden: is the script really off?")
	}
	do(t, tab, "answer page 3",
		chromedp.Click(chromedp.CSS(`#q-nps label.pt:has(input[value="3"])`)),
		chromedp.WaitVisible(chromedp.CSS("#i-why")),
		chromedp.SendKeys(chromedp.CSS("#i-why"), whyText),
		chromedp.SetValue(chromedp.CSS("#i-city"), "shiraz"),
	)
	if js {
		saveScreenshot(t, tab, "fa-360-page3")
	}
	submit(t, tab, "button.primary")
	if js {
		saveScreenshot(t, tab, "fa-360-thanks")
	}
	loc, err := chromedp.Run(tab, chromedp.Location())
	if err != nil || !strings.HasSuffix(loc, journeyURL+"/thanks") {
		t.Fatalf("after submit at %q (%v), want the thank-you page", loc, err)
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
	if r.Status != survey.Complete {
		t.Errorf("response status %s, want complete", r.Status)
	}
}
