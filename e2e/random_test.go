package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
)

// randomFa is a Persian survey whose second page is shuffled, pipes the
// first page's answers and labels the ends of a rating and an NPS.
const randomFa = `{"slug":"random-fa","title":"ترتیب","language":"fa","settings":{"persian_digits":true},"pages":[
 {"questions":[
  {"id":"name","type":"short_text","text":"نام شما؟"},
  {"id":"shop","type":"single","text":"کدام فروشگاه؟","randomize":true,
   "options":[{"value":"dk","label":"دیجی‌کالا"},{"value":"bs","label":"باسلام"},{"value":"sn","label":"اسنپ‌مارکت"},{"value":"none","label":"هیچ‌کدام","pin":true}]}]},
 {"randomize":true,"questions":[
  {"id":"visit","type":"rating","text":"خرید از {{shop}} چطور بود، {{name}}؟","scale":{"low":"خیلی بد","high":"عالی"}},
  {"id":"rec","type":"nps","text":"{{shop}} را پیشنهاد می‌کنید؟","scale":{"low":"هرگز","high":"حتماً"}},
  {"id":"why","type":"short_text","text":"چرا؟","show_if":{"question":"visit","one_of":["1","2"]}}]}]}`

// TestShuffledPersianPageWithPipedAnswersAndEndLabels: in Chromium on a
// phone, the end labels sit under the scale's ends (low at the right in
// RTL), a mixed Persian/English answer piped into a question keeps its
// order, the shuffled page lays out cleanly, show_if still works on it,
// and the stored order is the one on screen.
func TestShuffledPersianPageWithPipedAnswersAndEndLabels(t *testing.T) {
	a := startApp(t)
	a.publish(t, randomFa)
	p := newPhone(t)
	tab, _ := p.tab(tabOptions{})
	do(t, tab, "open", chromedp.Navigate(a.url+"/s/random-fa"), chromedp.WaitVisible(chromedp.CSS("#q-shop")))
	shown := eval[string](t, tab, `[...document.querySelectorAll('#q-shop input')].map(e => e.value).join(",")`)
	if !strings.HasSuffix(shown, ",none") {
		t.Fatalf("shop options %s: none is not last", shown)
	}
	const name = "Sara سارا 2"
	do(t, tab, "page 1", chromedp.SendKeys(chromedp.CSS(`input[name="q.name"]`), name), chromedp.Click(chromedp.CSS(`#q-shop input[value="bs"]`)))
	submit(t, tab, "button.primary")
	do(t, tab, "page 2", chromedp.WaitVisible(chromedp.CSS("#q-visit")))

	if got := eval[string](t, tab, layoutProblems); got != "" {
		t.Errorf("page 2 layout:\n%s", got)
	}
	legend := eval[string](t, tab, `document.querySelector("#q-visit legend").textContent`)
	if !strings.Contains(legend, "خرید از \u2068باسلام\u2069 چطور بود، \u2068"+name+"\u2069؟") {
		t.Errorf("piped legend %q", legend)
	}
	checks := map[string]string{
		"low end label under the first point (right, in RTL)": `(() => { const e = document.querySelectorAll("#q-visit .ends span"), p = document.querySelectorAll("#q-visit label.pt"); return e[0].textContent === "خیلی بد" && e[1].textContent === "عالی" && e[0].getBoundingClientRect().left > e[1].getBoundingClientRect().left && p[0].getBoundingClientRect().left > p[4].getBoundingClientRect().left; })()`,
		"NPS ends are the survey's, not the defaults":         `[...document.querySelectorAll("#q-rec .ends span")].map(e => e.textContent).join("|") === "هرگز|حتماً"`,
		"screen readers hear the end label with its point":    `document.querySelector("#q-visit label.pt .sr").textContent === "خیلی بد"`,
		"show_if hidden until a low rating":                   `document.querySelector("#q-why").classList.contains("hidden")`,
	}
	for what, js := range checks {
		if !eval[bool](t, tab, js) {
			t.Errorf("%s: false", what)
		}
	}
	do(t, tab, "rate 1", chromedp.Click(chromedp.CSS(`#q-visit input[value="1"]`)))
	if eval[bool](t, tab, `document.querySelector("#q-why").classList.contains("hidden")`) {
		t.Error("show_if on the shuffled page did not show 'why' after a rating of 1")
	}
	order := eval[string](t, tab, `[...document.querySelectorAll("fieldset.q")].map(f => f.id.slice(2)).join(",")`)
	saveScreenshot(t, tab, "random-fa-360-page2")
	do(t, tab, "answer", chromedp.SendKeys(chromedp.CSS(`input[name="q.why"]`), "دیر رسید"))
	submit(t, tab, "button.primary")

	r, _ := a.answers("random-fa")
	if r.Status != survey.Complete {
		t.Fatalf("response %s", r.Status)
	}
	if got := strings.Join(r.Order[survey.PageOrderKey(1)], ","); got != order {
		t.Errorf("stored page order %s, shown %s", got, order)
	}
	if got := strings.Join(r.Order["shop"], ","); got != shown {
		t.Errorf("stored shop order %s, shown %s", got, shown)
	}
}
