package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

// formValues returns what a browser would submit from the form with id:
// inputs, checked boxes, textareas and selected options (submit buttons
// excluded: the caller picks the op).
func formValues(t *testing.T, page, id string) url.Values {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, k string) (string, bool) {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val, true
			}
		}
		return "", false
	}
	text := func(n *html.Node) string {
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				b.WriteString(c.Data)
			}
		}
		return b.String()
	}
	var form *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "form" {
			if v, _ := attr(n, "id"); v == id {
				form = n
			}
		}
		for c := n.FirstChild; c != nil && form == nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	if form == nil {
		t.Fatalf("no form #%s", id)
	}
	vals := url.Values{}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			name, named := attr(n, "name")
			_, disabled := attr(n, "disabled")
			if named && !disabled {
				switch n.Data {
				case "input":
					typ, _ := attr(n, "type")
					v, _ := attr(n, "value")
					switch typ {
					case "checkbox", "radio":
						if _, on := attr(n, "checked"); on {
							vals.Add(name, v)
						}
					case "file", "submit":
					default:
						vals.Add(name, v)
					}
				case "textarea":
					vals.Add(name, strings.TrimPrefix(text(n), "\n"))
				case "select":
					first, chosen, seen, picked := "", "", false, false
					var opts func(*html.Node)
					opts = func(o *html.Node) {
						if o.Type == html.ElementNode && o.Data == "option" {
							v, ok := attr(o, "value")
							if !ok {
								v = text(o)
							}
							if !seen {
								first, seen = v, true
							}
							if _, sel := attr(o, "selected"); sel && !picked {
								chosen, picked = v, true
							}
						}
						for c := o.FirstChild; c != nil; c = c.NextSibling {
							opts(c)
						}
					}
					opts(n)
					if !picked {
						chosen = first
					}
					vals.Add(name, chosen)
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(form)
	return vals
}

// TestBuilderRoundTripsEveryQuestionType: the builder form of the
// every-type survey, submitted unchanged, stores the same definition.
func TestBuilderRoundTripsEveryQuestionType(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	b.get(path).want(http.StatusOK, "Phone preview", `name="q.1.4.type"`)
	form := formValues(t, b.body, "builder")
	form.Set("op", "save")
	b.do("POST", path, form).wantRedirect("/app/surveys/" + w.survey.Slug)
	sv, err := w.store.SurveyBySlug(context.Background(), w.survey.Slug)
	if err != nil {
		t.Fatal(err)
	}
	want := surveytest.AllTypes(t)
	if sv.Version != 2 || !reflect.DeepEqual(sv.Definition, want) {
		g, _ := json.MarshalIndent(sv.Definition, "", " ")
		x, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("version %d; round trip changed the definition:\n got %s\nwant %s", sv.Version, g, x)
	}
}

// TestBuilderBuildsASurveyWithoutJavaScript builds a two-page survey with
// plain form posts, as a browser without JavaScript would.
func TestBuilderBuildsASurveyWithoutJavaScript(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	pid := w.project.ID
	b.get("/app/projects/"+itoaID(pid)+"/surveys/new").want(http.StatusOK, `name="slug"`)
	action := "/app/projects/" + itoaID(pid) + "/builder"
	step := func(op string, set map[string]string) {
		t.Helper()
		f := formValues(t, b.body, "builder")
		for k, v := range set {
			f.Set(k, v)
		}
		f.Set("op", op)
		b.do("POST", action, f)
	}
	step("refresh", map[string]string{"slug": "visit", "title": "Your visit", "language": "en",
		"q.0.0.text": "How did you come?", "q.0.0.options": "car | By car\nbus | By bus", "q.0.0.required": "1", "q.0.0.short": "Came by"})
	b.want(http.StatusOK, "By car",
		"what a satisfied respondent states plainly is not a problem") // what the roles change in the analysis
	step("add_q:0", map[string]string{"nt.0": "multiple"})
	b.want(http.StatusOK, `<textarea name="q.0.1.text" dir="auto" id="q.0.1.text" rows="2" autofocus>`) // focus goes to the new question
	step("tp_options:0.1", map[string]string{"q.0.1.text": "Where do you see us?"})
	b.want(http.StatusOK, "website\nاینستاگرام", `<option value="touchpoint" selected>`)
	step("add_page", map[string]string{"nt.page": "nps"}) // a new page starts with a question of the chosen type
	b.want(http.StatusOK, `name="q.1.0.type"`, `<option value="nps" selected>`)
	step("refresh", map[string]string{"q.1.0.text": "Recommend us?", "q.1.0.stage": "loyalty", "q.1.0.touchpoint": "website"})
	step("add_q:1", map[string]string{"nt.1": "long_text"})
	step("refresh", map[string]string{"q.1.1.text": "Why?", "q.1.1.show_q": "q3", "q.1.1.show_op": "one_of", "q.1.1.show_values": "0, 1, 2"})
	step("up_q:1.1", nil) // "Why?" before the NPS: refused, its condition would point forward
	b.want(http.StatusUnprocessableEntity, "Not moved: “Why? · q4” is shown depending on the answer to “Recommend us? · q3”")
	if !strings.Contains(b.body, `value="up_q:1.1" class="linkbtn" autofocus`) {
		t.Error("the refused move button does not keep the focus")
	}
	step("save", nil)
	if b.status != http.StatusSeeOther {
		t.Fatalf("save: %d\n%s", b.status, b.body[strings.Index(b.body, "<main"):])
	}
	b.wantRedirect("/app/surveys/visit")
	sv, err := w.store.SurveyBySlug(context.Background(), "visit")
	if err != nil {
		t.Fatal(err)
	}
	d := sv.Definition
	if tq := d.Pages[0].Questions[1]; len(tq.Options) != 2 || tq.Options[1].Value != "اینستاگرام" || tq.Role != survey.RoleTouchpoint {
		t.Errorf("touchpoint question: %+v", tq)
	}
	if len(d.Pages) != 2 || len(d.Pages[1].Questions) != 2 || d.Pages[1].Questions[0].Type != survey.NPS ||
		d.Pages[1].Questions[0].Stage != "loyalty" || d.Pages[1].Questions[1].ShowIf == nil ||
		!reflect.DeepEqual(d.Pages[0].Questions[0].Options[1], survey.Option{Value: "bus", Label: survey.Text("By bus")}) || sv.Status != survey.Draft ||
		!d.Pages[0].Questions[0].Short.Equal(survey.Text("Came by")) {
		j, _ := json.MarshalIndent(d, "", " ")
		t.Fatalf("built survey:\n%s", j)
	}
	// Publish with a plain form post too.
	b.get("/app/surveys/visit")
	b.post("/app/surveys/visit/status", url.Values{"status": {"published"}}).wantRedirect("/app/surveys/visit")
}

func TestBuilderRefusesDestructiveEditsAndImportsJSON(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("res@example.com")
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	b.get(path).want(http.StatusOK, "This survey has responses")
	f := formValues(t, b.body, "builder")
	f.Set("op", "del_q:0.0") // "age": answered
	b.do("POST", path, f).want(http.StatusOK)
	f = formValues(t, b.body, "builder")
	f.Set("op", "save")
	b.do("POST", path, f).want(http.StatusUnprocessableEntity, "questions.age", "cannot be removed")
	if sv, _ := w.store.SurveyBySlug(context.Background(), w.survey.Slug); sv.Version != 1 {
		t.Fatalf("destructive edit stored as version %d", sv.Version)
	}
	// Import replaces the draft (not yet saved); a bad JSON keeps it.
	f = formValues(t, b.body, "builder")
	f.Set("op", "import_json")
	f.Set("definition", `{"slug": "x", "pages": [`)
	b.do("POST", path, f).want(http.StatusUnprocessableEntity, "unexpected EOF")
	d := surveytest.AllTypes(t)
	d.Title = survey.Text("Imported title")
	js, _ := json.Marshal(d)
	f = formValues(t, b.body, "builder")
	f.Set("op", "import_json")
	f.Set("definition", string(js))
	b.do("POST", path, f).want(http.StatusOK, `value="Imported title"`)
	f = formValues(t, b.body, "builder")
	f.Set("op", "save")
	b.do("POST", path, f).wantRedirect("/app/surveys/")
	if sv, _ := w.store.SurveyBySlug(context.Background(), w.survey.Slug); sv.Version != 2 || sv.Definition.Title.String() != "Imported title" {
		t.Fatalf("import not saved: v%d %q", sv.Version, sv.Definition.Title)
	}
}

func itoaID(n int64) string { return strconv.FormatInt(n, 10) }

// TestBuilderProblemsInTheReadersLanguage: a Persian researcher whose
// draft cannot be saved reads why in Persian, with the digits the account
// chose (the definition's problems were English on the Persian builder).
func TestBuilderProblemsInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	pid := itoaID(w.project.ID)
	b.get("/app/projects/"+pid+"/surveys/new").want(http.StatusOK, `name="slug"`)
	f := formValues(t, b.body, "builder")
	f.Set("slug", "Visit")
	f.Set("title", "")
	f.Set("q.0.0.text", "چطور آمدید؟")
	f.Set("q.0.0.short", "با چه وسیله‌ای به فروشگاه آمدید")
	f.Set("q.0.0.options", "")
	f.Set("op", "save")
	b.do("POST", "/app/projects/"+pid+"/builder", f).want(http.StatusUnprocessableEntity,
		"حداکثر ۲۴ نویسه: چند کلمه که پرسش را نام ببرد",
		"باید ۱ تا ۶۳ نویسه از حروف کوچک لاتین، رقم یا خط تیره باشد و با حرف یا رقم آغاز شود (اکنون: «Visit»)",
		"<code dir=\"ltr\">title</code>: خالی است</li>")
	for _, en := range []string{"lowercase letters", "empty"} {
		if strings.Contains(b.body, en) {
			t.Errorf("the Persian builder says %q", en)
		}
	}

	// An edit refused because the survey has responses names the question
	// type in Persian too.
	path := "/app/surveys/" + w.survey.Slug + "/builder"
	b.get(path).want(http.StatusOK)
	f = formValues(t, b.body, "builder")
	f.Set("q.0.0.type", "multiple") // "age": answered as a single choice
	f.Set("op", "save")
	b.do("POST", path, f).want(http.StatusUnprocessableEntity, "نوعش از «تک‌گزینه‌ای» به «چندگزینه‌ای» تغییر نمی‌کند: پرسشنامه پاسخ دارد")

	// So does JSON that cannot be read as a survey, imported into the
	// builder.
	for def, want := range map[string]string{
		"{\n\"slug\": \"x\",\n\"requierd\": true}": "سطر ۳: فیلد ناشناختهٔ &#34;requierd&#34;",
		`{"slug": 7}`: "سطر ۱: slug باید از نوع string باشد، نه number",
	} {
		f = formValues(t, b.body, "builder")
		f.Set("op", "import_json")
		f.Set("definition", def)
		b.do("POST", path, f).want(http.StatusUnprocessableEntity, want)
	}
}
