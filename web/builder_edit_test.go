package web_test

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// builderAt opens the builder of the workspace's every-type survey and
// returns a function that presses a button with some fields changed.
func builderAt(t *testing.T, email string) (*workspace, *browser, func(op string, set map[string]string) *browser) {
	t.Helper()
	w := newWorkspace(t)
	b := w.login(email)
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	b.get(path).want(http.StatusOK)
	return w, b, func(op string, set map[string]string) *browser {
		t.Helper()
		f := formValues(t, b.body, "builder")
		for k, v := range set {
			f.Set(k, v)
		}
		f.Set("op", op)
		return b.do("POST", path, f)
	}
}

// questionIDs lists the question id fields of the builder form, page by
// page ("age channels|rating ...").
func questionIDs(t *testing.T, page string) string {
	t.Helper()
	f := formValues(t, page, "builder")
	var pages []string
	for i := 0; f.Has("p." + itoaID(int64(i)) + ".nq"); i++ {
		var ids []string
		for j := 0; f.Has("q." + itoaID(int64(i)) + "." + itoaID(int64(j)) + ".id"); j++ {
			ids = append(ids, f.Get("q."+itoaID(int64(i))+"."+itoaID(int64(j))+".id"))
		}
		pages = append(pages, strings.Join(ids, " "))
	}
	return strings.Join(pages, "|")
}

func TestBuilderAddsAQuestionWhereYouAre(t *testing.T) {
	_, b, press := builderAt(t, "res@example.com")
	if !strings.Contains(b.body, `value="add_q:0.1"`) || !strings.Contains(b.body, `value="add_q:1"`) {
		t.Fatal("no add control after a question or at the end of a page")
	}
	press("add_q:0.1", map[string]string{"nt.0.1": "date"}).want(http.StatusOK)
	if got, want := questionIDs(t, b.body), "age channels q13 city insta_often|rating nps orders first_order site nickname problem why_no_channel"; got != want {
		t.Fatalf("after adding after channels:\n got %s\nwant %s", got, want)
	}
	f := formValues(t, b.body, "builder")
	if f.Get("q.0.2.type") != "date" {
		t.Errorf("new question type %q, want date", f.Get("q.0.2.type"))
	}
	// The chosen type is kept: every add control now offers it first.
	for k, v := range f {
		if strings.HasPrefix(k, "nt.") && v[0] != "date" {
			t.Errorf("%s offers %q after adding a date question, want date", k, v[0])
		}
	}
	if f.Get("new_type") != "date" {
		t.Errorf("kept type %q", f.Get("new_type"))
	}
	// Focus (and so scroll) goes to the new question, and only there.
	if n := strings.Count(b.body, " autofocus"); n != 1 || !strings.Contains(b.body, `id="q.0.2.text" rows="2" autofocus>`) {
		t.Errorf("%d autofocus attributes; the new question's text should have the only one", n)
	}
	// Adding again without touching the picker adds the same type; at the
	// end of the second page this time.
	press("add_q:1", nil).want(http.StatusOK)
	if f := formValues(t, b.body, "builder"); f.Get("q.1.8.type") != "date" || f.Get("q.1.8.id") != "q14" {
		t.Errorf("second add: %q %q, want date q14", f.Get("q.1.8.type"), f.Get("q.1.8.id"))
	}
}

func TestBuilderShowIfByText(t *testing.T) {
	_, b, press := builderAt(t, "res@example.com")
	// The picker names earlier questions by their text, id second; later
	// ones are not offered.
	sel := regexp.MustCompile(`(?s)<select name="q.1.0.show_q".*?</select>`).FindString(b.body)
	for _, want := range []string{`<option value="age">Your age group · age</option>`, `<option value="channels">Where did you hear about us? · channels</option>`} {
		if !strings.Contains(sel, want) {
			t.Errorf("show_if picker of q.1.0 lacks %s:\n%s", want, sel)
		}
	}
	if strings.Contains(sel, `value="nps"`) || strings.Contains(sel, `value="rating"`) {
		t.Errorf("show_if picker offers the question itself or a later one:\n%s", sel)
	}
	// insta_often depends on channels = instagram: its options are offered
	// as boxes to tick, with the current value ticked.
	for _, want := range []string{
		`<input type="checkbox" name="q.0.3.show_pick" value="instagram" checked>`,
		`<input type="checkbox" name="q.0.3.show_pick" value="friend">`,
		`<input type="checkbox" name="q.0.3.show_pick" value="other">`,
	} {
		if !strings.Contains(b.body, want) {
			t.Errorf("show_if values lack %s", want)
		}
	}
	// Choosing a question redraws the values with its options; ticking two
	// makes a one_of.
	press("refresh", map[string]string{"q.1.0.show_q": "city", "q.1.0.show_op": "equals"}).want(http.StatusOK,
		`name="q.1.0.show_pick" value="Tabriz">`)
	f := formValues(t, b.body, "builder")
	f["q.1.0.show_pick"] = []string{"Tehran", "Shiraz"}
	f.Set("op", "save")
	b.do("POST", "/app/surveys/"+b.w.survey.Slug+"/builder", f).wantRedirect("/app/surveys/")
	sv, err := b.w.store.SurveyBySlug(context.Background(), b.w.survey.Slug)
	if err != nil {
		t.Fatal(err)
	}
	c := sv.Definition.Pages[1].Questions[0].ShowIf
	if c == nil || c.Question != "city" || c.Equals != nil || strings.Join(c.OneOf, ",") != "Tehran,Shiraz" {
		t.Fatalf("saved condition %+v, want city one_of Tehran,Shiraz", c)
	}
}

// noChannelCondition drops why_no_channel's condition on page 1, which
// otherwise keeps page 2 after page 1.
var noChannelCondition = map[string]string{"q.1.7.show_q": ""}

func TestBuilderReorders(t *testing.T) {
	const start = "age channels city insta_often|rating nps orders first_order site nickname problem why_no_channel"
	tests := []struct {
		name, op   string
		set        map[string]string
		status     int
		want       string
		focus      string // a regexp matching the one element that keeps the focus
		wantInBody string
	}{
		{"keyboard down within a page", "down_q:1.0", nil, 200,
			"age channels city insta_often|nps rating orders first_order site nickname problem why_no_channel", `value="down_q:1.1" class="linkbtn" autofocus`, ""},
		{"keyboard up across pages", "up_q:1.0", nil, 200,
			"age channels city insta_often rating|nps orders first_order site nickname problem why_no_channel", `value="up_q:0.4" class="linkbtn" autofocus`, ""},
		{"drag to another page", "move_q:1.2:0.1", nil, 200,
			"age orders channels city insta_often|rating nps first_order site nickname problem why_no_channel", `id="q.0.1.text" rows="2" autofocus`, ""},
		{"drag to the end of a page", "move_q:0.0:1.99", nil, 200,
			"channels city insta_often|rating nps orders first_order site nickname problem why_no_channel age", `id="q.1.8.text" rows="2" autofocus`, ""},
		{"drag a page", "move_page:1:0", noChannelCondition, 200,
			"rating nps orders first_order site nickname problem why_no_channel|age channels city insta_often", `name="p.0.title" dir="auto" id="p.0.title" value="[^"]*" autofocus`, ""},
		{"keyboard page down", "down_page:0", noChannelCondition, 200,
			"rating nps orders first_order site nickname problem why_no_channel|age channels city insta_often", `value="down_page:1" class="linkbtn" autofocus`, ""},
		{"refused: a condition would point forward", "move_q:0.1:1.0", nil, 422, start, `id="q.0.1.text" rows="2" autofocus`,
			"Not moved: “I check Instagram daily · insta_often” is shown depending on the answer to “Where did you hear about us? · channels”"},
		{"refused: a page move", "down_page:0", nil, 422, start, `value="down_page:0" class="linkbtn" autofocus`,
			"“Why did you not pick a channel? · why_no_channel” is shown depending on the answer to “Where did you hear about us? · channels”"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, b, press := builderAt(t, "res@example.com")
			press(tt.op, tt.set)
			if b.status != tt.status {
				t.Fatalf("status %d, want %d", b.status, tt.status)
			}
			if got := questionIDs(t, b.body); got != tt.want {
				t.Errorf("order\n got %s\nwant %s", got, tt.want)
			}
			if !regexp.MustCompile(tt.focus).MatchString(b.body) || strings.Count(b.body, " autofocus") != 1 {
				t.Errorf("focus: page lacks %s", tt.focus)
			}
			if tt.wantInBody != "" && !strings.Contains(b.body, tt.wantInBody) {
				t.Errorf("page lacks %q", tt.wantInBody)
			}
		})
	}
}

func TestBuilderRefusedMoveInPersian(t *testing.T) {
	_, b, press := builderAt(t, "fa@example.com")
	press("move_q:0.1:0.3", map[string]string{"q.0.1.text": "از کجا با ما آشنا شدید؟"}).want(http.StatusUnprocessableEntity,
		"جابه‌جا نشد: «I check Instagram daily · insta_often» بسته به پاسخ «از کجا با ما آشنا شدید؟ · channels»")
	// The edit made with the refused move is kept.
	if f := formValues(t, b.body, "builder"); f.Get("q.0.1.text") != "از کجا با ما آشنا شدید؟" {
		t.Errorf("text typed before the refused move was lost: %q", f.Get("q.0.1.text"))
	}
}

func TestBuilderReorderNeedsCSRF(t *testing.T) {
	w, b, _ := builderAt(t, "res@example.com")
	f := formValues(t, b.body, "builder")
	f.Del("csrf")
	f.Set("op", "down_q:1.0")
	b.do("POST", "/app/surveys/"+w.survey.Slug+"/builder", f)
	if b.status != http.StatusForbidden {
		t.Fatalf("move without the CSRF token: %d, want 403", b.status)
	}
}

func TestBuilderPhonePreview(t *testing.T) {
	w, b, press := builderAt(t, "res@example.com")
	if !strings.Contains(b.body, `<iframe name="preview" class="phone"`) || !strings.Contains(b.body, `formtarget="preview"`) {
		t.Fatal("no preview frame or no button posting into it")
	}
	// The unsaved draft, page 2, as the respondent page renders it.
	press("preview", map[string]string{"q.1.0.text": "Rate the <b>courier</b>", "preview_page": "1"}).want(http.StatusOK,
		`Rate the &lt;b&gt;courier&lt;/b&gt;`, `name="q.rating"`, `name="q.nps"`)
	if strings.Contains(b.body, `name="q.age"`) {
		t.Error("page 2 preview shows page 1")
	}
	if csp := b.header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'self'") || !strings.Contains(csp, "form-action 'none'") {
		t.Errorf("preview CSP %q: must be frameable by the workspace only and unable to submit", csp)
	}
	if xf := b.header.Get("X-Frame-Options"); xf != "SAMEORIGIN" {
		t.Errorf("X-Frame-Options %q", xf)
	}
	if sv, _ := w.store.SurveyBySlug(context.Background(), w.survey.Slug); sv.Version != 1 || sv.Definition.Pages[1].Questions[0].Text.String() != "Rate the delivery" {
		t.Errorf("a preview changed the stored survey: v%d", sv.Version)
	}
	// Other pages keep refusing to be framed.
	b.get("/app/surveys/" + w.survey.Slug + "/builder")
	if xf := b.header.Get("X-Frame-Options"); xf != "DENY" {
		t.Errorf("builder X-Frame-Options %q, want DENY", xf)
	}
	// The saved version's preview, which the frame opens with.
	b.get("/app/surveys/"+w.survey.Slug+"/builder/preview?page=0").want(http.StatusOK, "Your age group")
	// A half-built draft still previews: no page title, an empty question.
	b.get("/app/surveys/" + w.survey.Slug + "/builder")
	press("add_q:0", map[string]string{"nt.0": "single"})
	press("preview", map[string]string{"q.0.4.text": "", "preview_page": "0"}).want(http.StatusOK, "Your age group")
	// Viewers cannot open the builder's preview.
	v := w.login("view@example.com")
	v.get("/app/surveys/" + w.survey.Slug + "/builder/preview")
	if v.status != http.StatusForbidden {
		t.Errorf("viewer preview: %d, want 403", v.status)
	}
}
