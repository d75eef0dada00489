package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/templates"
)

// TestUserTextIsIsolated: Persian data on English pages (and the other way
// round) sits in <bdi>, so its direction cannot scramble the line around
// it; lists are separated by "·" in English and by the Persian comma in
// Persian, where a middle dot beside Persian digits reads as a zero.
func TestUserTextIsIsolated(t *testing.T) {
	w := newWorkspace(t)
	p := &survey.Project{Name: "shop-fa", Title: "مطالعهٔ فروشگاه ۱۴۰۵", Touchpoints: []string{"website"}}
	if err := w.store.CreateProject(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	project := "/app/projects/" + strconv.FormatInt(p.ID, 10)

	en := w.login("res@example.com")
	en.get("/app/projects").want(http.StatusOK, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>", "<bdi>Online shop</bdi>")
	en.get(project).want(http.StatusOK, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>")
	en.get("/app/surveys/"+w.survey.Slug+"/responses").want(http.StatusOK, "<bdi>Online shop</bdi>")
	en.get(project).want(http.StatusOK, "</span> · ")

	fa := w.login("fa@example.com")
	fa.get(project).want(http.StatusOK, `dir="rtl"`, "<bdi>مطالعهٔ فروشگاه ۱۴۰۵</bdi>", "</span>، ")
	for _, page := range []string{"/app/projects", project, "/app/surveys/" + w.survey.Slug + "/responses"} {
		fa.get(page)
		if strings.Contains(fa.body, "·") {
			t.Errorf("%s in Persian has a middle dot", page)
		}
	}
}

// TestRespondentTextSetsItsOwnDirection: a block of respondent text (a
// quote, an answer, an utterance) takes its direction from its own first
// letters (dir="auto"), so an English quote on a Persian page keeps its full
// stop at its end instead of reading ".is no restock date", and a Persian
// one on an English page reads right to left. A <bdi> inside such a block
// would hide its letters from dir="auto": the text goes in bare.
func TestRespondentTextSetsItsOwnDirection(t *testing.T) {
	tag := regexp.MustCompile(`<(blockquote|q|p|li|span|textarea|input)\b[^>]*\bclass="[^"]*\b(pre|utt-text|quote-field)\b[^"]*"[^>]*>|<(blockquote|q)\b[^>]*>`)
	for _, p := range []string{"analysis", "assist", "code_passages", "coder_agreement", "dashboard", "open_answers",
		"response", "search", "suggestions", "transcript"} {
		b, err := templates.FS.ReadFile(p + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tag.FindAllIndex(b, -1) {
			open := string(b[m[0]:m[1]])
			if !strings.Contains(open, `dir="auto"`) {
				t.Errorf("%s.html: respondent text in %s without dir=\"auto\"", p, open)
			}
			if rest := string(b[m[1]:min(len(b), m[1]+8)]); strings.HasPrefix(rest, "{{bdi") {
				t.Errorf("%s.html: %s wraps its text in <bdi>, which dir=\"auto\" cannot see through", p, open)
			}
		}
	}

	w := newWorkspace(t)
	fa := w.login("fa@example.com")
	fa.get("/app/surveys/"+w.survey.Slug+"/responses/"+w.resp.ID).want(http.StatusOK, `dir="rtl"`,
		`<span class="pre" dir="auto">The parcel arrived a week late &lt;script&gt;`)
	fa.get("/app/surveys/"+w.survey.Slug+"/dashboard").want(http.StatusOK,
		`<li class="pre" dir="auto">The parcel arrived a week late &lt;script&gt;`)
}

// TestListsUseThePageSeparator: a list of links or names between tags is
// joined by {{sep}} (the Persian comma on Persian pages), never by a
// hard-coded middle dot, which reads as a zero beside Persian digits; an
// identifier pair inside a left-to-right link ("demo-en · q1") may keep it.
func TestListsUseThePageSeparator(t *testing.T) {
	entries, err := templates.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	dot := regexp.MustCompile(`(</a>|</bdi>|</span>|\}\}) · (<a|<bdi|\{\{)`)
	ltr := regexp.MustCompile(`<a [^>]*dir="ltr"[^>]*>[^<]*</a>`)
	for _, e := range entries {
		b, err := templates.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			line = ltr.ReplaceAllString(line, "")
			if dot.MatchString(line) {
				t.Errorf("%s:%d: a list joined by a hard-coded \" · \": %s", e.Name(), i+1, strings.TrimSpace(line))
			}
		}
	}
}

// TestFreeTextInputsSetTheirOwnDirection: every box a researcher types
// words into (a code name, a title, a pseudonym, a search) takes its
// direction from what is typed (dir="auto"), so an English code typed on a
// Persian page reads left to right from the left edge instead of sitting
// right-aligned; number boxes and the respondent's survey page are not
// workspace text.
func TestFreeTextInputsSetTheirOwnDirection(t *testing.T) {
	box := regexp.MustCompile(`<(input|textarea)\b[^>]*>`)
	notText := regexp.MustCompile(`type="(hidden|checkbox|radio|file|number|date|email|password|url)"|inputmode="(numeric|decimal)"`)
	entries, err := templates.FS.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".html") || e.Name() == "survey_page.html" {
			continue
		}
		b, err := templates.FS.ReadFile(e.Name())
		if err != nil {
			t.Fatal(err)
		}
		for _, open := range box.FindAllString(string(b), -1) {
			if !notText.MatchString(open) && !strings.Contains(open, ` dir="`) {
				t.Errorf("%s: %s has no dir", e.Name(), open)
			}
		}
	}

	w := newWorkspace(t)
	tr := w.codedTranscript([]string{"The queue was long"}, nil, w.userID("res@example.com"))
	fa := w.login("fa@example.com")
	fa.get("/app/projects/"+w.pid()+"/transcripts/"+strconv.FormatInt(tr.ID, 10)).want(http.StatusOK, `dir="rtl"`,
		`<input type="text" name="new_code" list="codebook" maxlength="100" required dir="auto">`)
}

// TestResearcherTextIsIsolatedOnPersianPages: an English project title,
// description, code description or participant pseudonym on a Persian page
// keeps its own direction: "(Mina)" beside Persian text read ")Mina(" and
// an English description sat right-aligned with its full stop in front.
func TestResearcherTextIsIsolatedOnPersianPages(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	w.project.Description = "Why customers leave."
	if err := w.store.UpdateProject(ctx, w.project); err != nil {
		t.Fatal(err)
	}
	mina := &survey.Participant{ProjectID: w.project.ID, Pseudonym: "Mina"}
	if err := w.store.CreateParticipant(ctx, mina); err != nil {
		t.Fatal(err)
	}
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "group.txt",
		Speakers:   []survey.Speaker{{Name: "Mod", Moderator: true}, {Name: "P0", ParticipantID: &mina.ID}},
		Utterances: []survey.Utterance{{Order: 1, Speaker: "Mod", Text: "How was it?"}, {Order: 2, Speaker: "P0", Text: "The parcel came late"}}}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	w.codeUtterances(tr, map[int]string{0: "late"}, w.userID("res@example.com"))
	codes, err := w.store.Codes(ctx, w.project.ID)
	if err != nil || len(codes) != 1 {
		t.Fatalf("codes %v, %v", codes, err)
	}
	codes[0].Description = "Later than promised."
	if err := w.store.UpdateCode(ctx, codes[0]); err != nil {
		t.Fatal(err)
	}
	project := "/app/projects/" + w.pid()
	code := project + "/codes/" + strconv.FormatInt(codes[0].ID, 10)

	fa := w.login("fa@example.com")
	fa.get("/app/projects").want(http.StatusOK, `<p dir="auto">Why customers leave.</p>`)
	fa.get(project).want(http.StatusOK, `<p dir="auto">Why customers leave.</p>`)
	fa.get(project+"/codes").want(http.StatusOK, `<div class="muted" dir="auto">Later than promised.</div>`)
	fa.get(code).want(http.StatusOK, `<p dir="auto">Later than promised.</p>`, "(<bdi>Mina</bdi>)")
	fa.get(project+"/transcripts/"+strconv.FormatInt(tr.ID, 10)).want(http.StatusOK, `<span class="muted">(<bdi>Mina</bdi>)</span>`)
	fa.get(project+"/agreement").want(http.StatusOK, `<a href="`+project+`"><bdi>`)
	fa.get(project+"/assist").want(http.StatusOK, `<a href="`+project+`"><bdi>`)
}

// TestResponseNumbersInTheReadersDigits: on one response's page a rating,
// an NPS score and a number read in Persian digits for a researcher who
// reads Persian digits, as a Likert point did (they read 2, 6 and 12
// beside "۴ موافقم").
func TestResponseNumbersInTheReadersDigits(t *testing.T) {
	w := newWorkspace(t)
	fa := w.login("fa@example.com") // Persian digits
	fa.get("/app/surveys/"+w.survey.Slug+"/responses/"+w.resp.ID).want(http.StatusOK,
		"<dt><bdi>Rate the delivery</bdi></dt>\n  <dd>۲</dd>",
		"<dt><bdi>How likely are you to recommend us?</bdi></dt>\n  <dd>۶</dd>",
		"<dt><bdi>Orders in the last year</bdi></dt>\n  <dd>۱۲</dd>")
	en := w.login("res@example.com")
	en.get("/app/surveys/"+w.survey.Slug+"/responses/"+w.resp.ID).want(http.StatusOK,
		"<dt><bdi>Rate the delivery</bdi></dt>\n  <dd>2</dd>",
		"<dt><bdi>Orders in the last year</bdi></dt>\n  <dd>12</dd>")
}
