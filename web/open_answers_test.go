package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

var (
	showingRE    = regexp.MustCompile(`(\d+)–(\d+) of (\d+) answers?`)
	cardRE       = regexp.MustCompile(`<li class="card" id="a-([^"]+)-([a-z_0-9]+)">`)
	cardSurveyRE = regexp.MustCompile(`/app/surveys/([a-z0-9-]+)/responses/`)
)

// showing reads "first–last of total answers" off the page.
func showing(t *testing.T, body string) (first, last, total int) {
	t.Helper()
	m := showingRE.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no answer count on the page")
	}
	first, _ = strconv.Atoi(m[1])
	last, _ = strconv.Atoi(m[2])
	total, _ = strconv.Atoi(m[3])
	return first, last, total
}

// optionCount is the count shown beside a filter choice.
func optionCount(t *testing.T, body, name, value string) int {
	t.Helper()
	re := regexp.MustCompile(`<select name="` + name + `">.*?<option value="` + regexp.QuoteMeta(value) + `"[^>]*>[^<]*\((\d+)\)</option>`)
	m := re.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s choice %q", name, value)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestOpenAnswersPagedAndFiltered(t *testing.T) {
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	base := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/answers"
	b := w.login("res@example.com")

	b.get(base).want(http.StatusOK, `rel="next"`, "page 1 of ")
	first, last, total := showing(t, b.body)
	pages := (total + 49) / 50
	if first != 1 || last != 50 || total <= 300 || len(cardRE.FindAllString(b.body, -1)) != 50 {
		t.Fatalf("first page shows %d–%d of %d with %d cards; want 1–50 of the demo's hundreds", first, last, total, len(cardRE.FindAllString(b.body, -1)))
	}
	if strings.Contains(b.body, `rel="prev"`) {
		t.Error("the first page links to a previous one")
	}
	enCount, faCount := optionCount(t, b.body, "survey", demo.SlugEN), optionCount(t, b.body, "survey", demo.SlugFA)
	if enCount+faCount != total {
		t.Errorf("survey counts %d + %d, want %d", enCount, faCount, total)
	}
	// The demo codes a few answers of each language.
	notCoded := optionCount(t, b.body, "code", "none")
	if notCoded >= total || notCoded < total-100 {
		t.Errorf("not coded: %d of %d", notCoded, total)
	}

	lastPage := base + "?page=" + strconv.Itoa(pages)
	b.get(lastPage).want(http.StatusOK, `rel="prev"`, "page "+strconv.Itoa(pages)+" of "+strconv.Itoa(pages))
	if _, l, _ := showing(t, b.body); l != total || strings.Contains(b.body, `rel="next"`) {
		t.Errorf("last page ends at %d (want %d) or links further", l, total)
	}
	b.get(base + "?page=9999").wantRedirect(base + "?page=" + strconv.Itoa(pages))

	// Coding an answer on the last page (beyond the old 300 cut-off)
	// returns to that page and card.
	m := cardRE.FindStringSubmatch(func() string { b.get(lastPage); return b.body }())
	if m == nil {
		t.Fatal("no card on the last page")
	}
	back := lastPage + "#a-" + m[1] + "-" + m[2]
	b.post("/app/projects/"+strconv.FormatInt(p.ID, 10)+"/codings", url.Values{"response": {m[1]}, "question": {m[2]}, "new_code": {"reach test"}, "back": {back}}).
		wantRedirect(back)
	codes, _ := w.store.Codes(ctx, p.ID)
	var code string
	for _, c := range codes {
		if c.Name == "reach test" {
			code = strconv.FormatInt(c.ID, 10)
		}
	}
	b.get(base+"?code="+code).want(http.StatusOK, "reach test", m[1])
	if _, _, n := showing(t, b.body); n != 1 {
		t.Errorf("code filter shows %d answers, want 1", n)
	}
	b.get(base + "?code=none")
	if _, _, n := showing(t, b.body); n != notCoded-1 {
		t.Errorf("not coded shows %d, want %d", n, notCoded-1)
	}

	// Survey and question filters; the counts beside the other choices
	// follow the filters in force.
	b.get(base + "?survey=" + demo.SlugEN)
	if _, _, n := showing(t, b.body); n != enCount {
		t.Errorf("survey filter shows %d, want %d", n, enCount)
	}
	for _, s := range cardSurveyRE.FindAllStringSubmatch(b.body, -1) {
		if s[1] != demo.SlugEN {
			t.Fatalf("survey filter lists an answer of %s", s[1])
		}
	}
	if n := optionCount(t, b.body, "question", "problem"); n >= enCount || n == 0 {
		t.Errorf("question count within the English survey: %d of %d", n, enCount)
	}
	b.get(base + "?survey=" + demo.SlugEN + "&question=wish")
	if _, _, n := showing(t, b.body); n != optionCount(t, b.body, "question", "wish") {
		t.Errorf("question filter total %d differs from its count", n)
	}
	b.get(base+"?survey=nothing").want(http.StatusOK, "No open answers match these filters.", "Clear filters")

	// After an analysis, answers filter by the persona of their respondent.
	if err := w.store.SaveAnalysisSettings(ctx, &survey.AnalysisSettings{Scope: survey.AnalysisScope{ProjectID: p.ID}.String(), K: 3}); err != nil {
		t.Fatal(err)
	}
	b.post("/app/projects/"+strconv.FormatInt(p.ID, 10)+"/analysis/run", nil)
	runNext(t, runner, true)
	b.get(base).want(http.StatusOK, `<select name="persona">`)
	sum := 0
	for id := 1; id <= 3; id++ {
		n := optionCount(t, b.body, "persona", strconv.Itoa(id))
		sum += n
		b.get(base + "?persona=" + strconv.Itoa(id))
		if _, _, got := showing(t, b.body); got != n {
			t.Errorf("persona %d: %d answers, its count says %d", id, got, n)
		}
		b.get(base)
	}
	if sum == 0 || sum > total {
		t.Errorf("persona counts sum to %d of %d answers", sum, total)
	}
}
