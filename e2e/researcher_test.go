package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
)

// TestResearcherBuildsPublishesAndSeesAResponse: a researcher signs in,
// builds a two-page survey in the builder, publishes it; a customer answers
// it on a phone-sized screen; the researcher sees the response on the
// dashboard. The researcher's browser runs without JavaScript: the builder and
// publishing are plain forms.
func TestResearcherBuildsPublishesAndSeesAResponse(t *testing.T) {
	a := startApp(t)
	p, err := a.store.EnsureProject(context.Background(), "e2e", "")
	if err != nil {
		t.Fatal(err)
	}
	desk := newPhone(t)                                                      // the researcher's browser, at a laptop's width
	tab, _ := desk.tab(tabOptions{width: 1280, height: 900, noScript: true}) // the builder needs no JavaScript
	signedIn("/app/projects/"+strconv.FormatInt(p.ID, 10)+"/surveys/new", "#builder")(t, a, tab)

	setValue := func(sel, v string) chromedp.Action[chromedp.Void] {
		return chromedp.SetValue(chromedp.CSS(sel), v)
	}
	// step presses a builder button and waits until the re-rendered
	// builder has loaded, so the next edits land in the new page.
	step := func(op string) {
		t.Helper()
		submit(t, tab, `#builder button[name=op][value="`+op+`"]`)
		do(t, tab, "builder reloaded after "+op, chromedp.WaitReady(chromedp.CSS("#builder")))
		for eval[string](t, tab, "document.readyState") != "complete" {
			time.Sleep(20 * time.Millisecond)
		}
	}
	do(t, tab, "first page",
		setValue("#slug", "visit"),
		setValue("#title", "Your visit"),
		setValue("#language", "en"),
		setValue(`[name="q.0.0.text"]`, "How did you come?"),
		setValue(`[name="q.0.0.options"]`, "car | By car\nbus | By bus"),
		chromedp.Click(chromedp.CSS(`[name="q.0.0.required"]`)),
	)
	step("refresh")
	setNewType := "document.querySelectorAll('select[name^=\"nt.\"]').forEach(s => s.value = 'nps'); true"
	eval[bool](t, tab, setNewType)
	step("add_page")
	if !eval[bool](t, tab, `!!document.querySelector('[name="q.1.0.text"]')`) {
		// The new page starts empty: add its first question.
		eval[bool](t, tab, setNewType)
		step("add_q:1")
	}
	do(t, tab, "second page",
		setValue(`[name="q.1.0.text"]`, "How likely are you to recommend us?"),
		setValue(`[name="q.1.0.type"]`, "nps"),
	)
	submit(t, tab, `#builder button[name=op][value="save"]`)
	sv, err := a.store.SurveyBySlug(context.Background(), "visit")
	if err != nil {
		t.Fatalf("the built survey was not saved: %v\n%s", err, eval[string](t, tab, `document.querySelector('main').innerText`))
	}
	if d := sv.Definition; len(d.Pages) != 2 || d.Pages[1].Questions[0].Type != survey.NPS || !d.Pages[0].Questions[0].Required {
		t.Fatalf("built survey: %+v", d.Pages)
	}
	do(t, tab, "open the survey page", chromedp.Navigate(a.url+"/app/surveys/visit"), chromedp.WaitVisible(chromedp.CSS("main")))
	submit(t, tab, `form[action$="/status"] input[value="published"] ~ button`)
	if sv, _ = a.store.SurveyBySlug(context.Background(), "visit"); sv.Status != survey.Published {
		t.Fatalf("status after publishing: %s", sv.Status)
	}
	a.surveys["visit"] = sv

	// A customer answers on a phone.
	phoneTab, _ := newPhone(t).tab(tabOptions{width: 390, height: 844})
	do(t, phoneTab, "open the survey", chromedp.Navigate(a.url+"/s/visit"), chromedp.WaitVisible(chromedp.CSS("form")))
	do(t, phoneTab, "answer page 1", chromedp.Click(chromedp.CSS(`input[name="q.q1"][value="bus"], input[value="bus"]`)))
	submit(t, phoneTab, "button.primary")
	do(t, phoneTab, "answer page 2", chromedp.WaitVisible(chromedp.CSS(`.scale`)), chromedp.Click(chromedp.CSS(`label.pt:nth-child(10)`)))
	submit(t, phoneTab, "button.primary")
	if h := eval[string](t, phoneTab, `document.querySelector('h1').textContent`); !strings.Contains(h, "Thank") {
		t.Fatalf("after the last page: %q", h)
	}
	r, answers := a.answers("visit")
	if r.Status != survey.Complete || !strings.Contains(answers, `"bus"`) || !strings.Contains(answers, "9") {
		t.Fatalf("stored response: %s %s", r.Status, answers)
	}

	// The researcher sees it on the dashboard.
	do(t, tab, "dashboard", chromedp.Navigate(a.url+"/app/surveys/visit/dashboard"), chromedp.WaitVisible(chromedp.CSS("main")))
	text := eval[string](t, tab, `document.querySelector('main').innerText`)
	if !strings.Contains(text, "By bus") {
		t.Fatalf("the dashboard does not show the answer:\n%s", text)
	}
	saveScreenshot(t, tab, "researcher-dashboard")
}
