package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// TestLanguageSwitchMidSurvey: a respondent starts the bilingual survey in
// Persian, picks a city, switches to English before sending the page (the
// switch sends it first), and finishes in English; the page turns left to
// right, the answer survives, and the response is stored in English with
// the same option value.
func TestLanguageSwitchMidSurvey(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	d := surveytest.Bilingual(t)
	sv := &survey.Survey{ProjectID: a.surveys["journey-fa"].ProjectID, Definition: d, Status: survey.Published}
	if err := a.store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open in Persian", chromedp.Navigate(a.url+"/s/shop-bilingual?lang=fa"))
	if got := eval[string](t, tab, `document.documentElement.dir + " " + document.documentElement.lang`); got != "rtl fa" {
		t.Fatalf("page is %q, want rtl fa", got)
	}
	do(t, tab, "pick a city", chromedp.Click(chromedp.CSS(`#q-city input[value="tabriz"]`)))
	submit(t, tab, `.langs a[data-lang="en"]`)
	do(t, tab, "English page", chromedp.WaitVisible(chromedp.CSS("#q-city")))
	if got := eval[string](t, tab, `document.documentElement.dir + " " + document.documentElement.lang + " " + document.querySelector("#q-city legend").textContent`); got != "ltr en Which city do you live in? *" {
		t.Fatalf("after the switch: %q", got)
	}
	if !eval[bool](t, tab, `document.querySelector('#q-city input[value="tabriz"]').checked`) {
		t.Fatal("the city picked before the switch is lost")
	}
	submit(t, tab, "button.primary")
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-sat")))
	do(t, tab, "rate", chromedp.Click(chromedp.CSS(`#q-sat label.pt:has(input[value="3"])`)))
	submit(t, tab, "button.primary")
	do(t, tab, "thanks", chromedp.WaitVisible(chromedp.CSS(".message")))
	if got := eval[string](t, tab, `document.querySelector(".message p:not(.survey-name)").textContent`); got != "Thank you for your help." {
		t.Errorf("thank-you = %q", got)
	}
	var rs []*survey.Response
	a.store.EachResponse(ctx, survey.ResponseFilter{SurveyID: sv.ID}, func(r *survey.Response) error { rs = append(rs, r); return nil })
	if len(rs) != 1 || rs[0].Status != survey.Complete || rs[0].Language != "en" || rs[0].Answers["city"].Choice != "tabriz" {
		t.Fatalf("stored: %+v", rs)
	}
}
