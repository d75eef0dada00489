package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// TestSharesSayTheirBase: the same pain point has a share of the people
// who wrote on the Pain points page and of all respondents on the journey
// map and the personas (QA D5: 21% there, 18% here); each page says which
// people its shares are of, in the reader's language.
func TestSharesSayTheirBase(t *testing.T) {
	w, scope, base, en := analysedDemoProject(t)
	st := storedResult(t, w, scope)
	wrote, all := st.PainPoints.People, st.Study.Responses
	if wrote == all || wrote == 0 {
		t.Fatalf("fixture: %d people wrote of %d respondents; want fewer, so the bases differ", wrote, all)
	}
	per := st.Personas.Personas[0]

	en.get(base+"/painpoints").want(http.StatusOK,
		fmt.Sprintf("Each share here is of these %d people; the journey map and the personas give shares of all %d survey respondents", wrote, all))
	en.get(base+"/journey").want(http.StatusOK, fmt.Sprintf("%% of %d respondents · severity 0–\u20601", all)) // "0–1" kept on one line
	en.get(base+"/personas").want(http.StatusOK, htmlEscape(fmt.Sprintf("Share among this persona's %d people vs among all %d.", per.Size, all)))

	fa := w.login("fa@example.com")
	fa.get(base+"/painpoints").want(http.StatusOK, persian(fmt.Sprintf("هر سهم در این صفحه از همین %d نفر است؛ نقشهٔ سفر و پرسوناها سهم را از همهٔ %d پاسخ‌دهندهٔ پرسشنامه می‌دهند", wrote, all)))
	fa.get(base+"/journey").want(http.StatusOK, persian(fmt.Sprintf("٪ از %d پاسخ‌دهنده، شدت ۰ تا ۱", all)))
	fa.get(base+"/personas").want(http.StatusOK, persian(fmt.Sprintf("سهم در میان %d نفرِ این پرسونا در برابر همهٔ %d نفر.", per.Size, all)))
}

// persian writes ASCII digits as Persian ones, as the Persian pages do.
func persian(s string) string {
	out := []rune(s)
	for i, r := range out {
		if r >= '0' && r <= '9' {
			out[i] = '۰' + (r - '0')
		}
	}
	return string(out)
}

// TestQuoteLinesInTheReadersDigits: a pain point's quote from a transcript
// names its line in the reader's digits ("سطر ۷", not "سطر 7" among
// Persian digits), and its transcript's title as written.
func TestQuoteLinesInTheReadersDigits(t *testing.T) {
	w, _, base, en := analysedDemoProject(t)
	en.get(base+"/painpoints").want(http.StatusOK, ", line ")
	fa := w.login("fa@example.com")
	fa.get(base + "/painpoints").want(http.StatusOK)
	if !regexp.MustCompile(`</bdi>، سطر [۰-۹]+</span>`).MatchString(fa.body) || regexp.MustCompile(`سطر [0-9]`).MatchString(fa.body) {
		i := strings.Index(fa.body, "سطر")
		t.Errorf("Persian page: want transcript lines in Persian digits; near the first: %q", fa.body[max(i-200, 0):min(i+40, len(fa.body))])
	}
}

// TestPersonaValuesInTheReadersDigits: the digits the analysis wrote on a
// persona card (a spend band, a scale's point before its label) read in
// the reader's digits, as the card's shares do; answers read as given.
func TestPersonaValuesInTheReadersDigits(t *testing.T) {
	w, _, base, en := analysedDemoProject(t)
	en.get(base + "/personas").want(http.StatusOK)
	if !regexp.MustCompile(`<strong>[0-9]+–[0-9]+</strong>`).MatchString(en.body) {
		t.Fatal("fixture: no band on the English persona cards")
	}
	fa := w.login("fa@example.com")
	fa.get(base + "/personas").want(http.StatusOK)
	if !regexp.MustCompile(`<strong>[۰-۹]+–[۰-۹]+</strong>`).MatchString(fa.body) {
		t.Error("Persian persona cards: no band in Persian digits")
	}
	if !regexp.MustCompile(`<strong>[۰-۹]+ <bdi>[^<]+</bdi></strong>`).MatchString(fa.body) {
		t.Error("Persian persona cards: no scale point in Persian digits beside its label")
	}
	if m := regexp.MustCompile(`<strong>(?:[^<]|</?bdi>)*[0-9](?:[^<]|</?bdi>)*</strong>`).FindAllString(fa.body, 5); len(m) > 0 {
		t.Errorf("Persian persona cards: ASCII digits in %q", m)
	}
}

// TestTouchpointLegendInTheReadersDigits: the heatmap's legend bands read
// in the reader's digits and percent sign, as its cells do.
func TestTouchpointLegendInTheReadersDigits(t *testing.T) {
	w, _, base, en := analysedDemoProject(t)
	en.get(base+"/touchpoints").want(http.StatusOK, `<span class="heat heat-2">10–25%</span>`, `<span class="sat sat-mid">50–70</span>`)
	fa := w.login("fa@example.com")
	fa.get(base+"/touchpoints").want(http.StatusOK, `<span class="heat heat-1">&lt; ۱۰٪</span>`, `<span class="heat heat-2">۱۰–۲۵٪</span>`, `<span class="sat sat-mid">۵۰–۷۰</span>`)
}
