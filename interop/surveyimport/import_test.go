package surveyimport

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"github.com/safarhq/safar/survey"
)

func mustImport(t *testing.T, file string) (*survey.Definition, *Report) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + file)
	if err != nil {
		t.Fatal(err)
	}
	d, rep, err := Import(file, data, nil)
	if err != nil {
		t.Fatalf("import %s: %v", file, err)
	}
	return d, rep
}

// shape is a compact view of a definition: "page title|id:type[options]..."
func shape(d *survey.Definition) []string {
	var out []string
	for _, p := range d.Pages {
		out = append(out, "## "+p.Title.String())
		for _, q := range p.Questions {
			s := q.ID + ":" + string(q.Type)
			for _, o := range q.Options {
				s += " " + o.Value + "=" + o.Label.String()
			}
			if q.Other {
				s += " +other"
			}
			if q.Scale != nil {
				s += " scale" + strings.Join(append([]string{""}, labelStrings(q.Scale.Labels)...), "/")
			}
			for _, st := range q.Statements {
				s += " [" + st.Value + "=" + st.Label.String() + "]"
			}
			if q.ShowIf != nil {
				b, _ := json.Marshal(q.ShowIf)
				s += " if" + string(b)
			}
			if q.Required {
				s += " *"
			}
			out = append(out, s)
		}
	}
	return out
}

func wantShape(t *testing.T, d *survey.Definition, want []string) {
	t.Helper()
	got := shape(d)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("imported survey:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// wantReport checks a report's English lines say subs, and that each has
// a text for its code that takes its arguments.
func wantReport(t *testing.T, notes []Note, subs ...string) {
	t.Helper()
	var lines []string
	for _, n := range notes {
		if _, ok := Notes[n.Code]; !ok || strings.Contains(n.String(), "%!") {
			t.Errorf("note %s %v reads %q", n.Code, n.Args, n.String())
		}
		lines = append(lines, n.String())
	}
	all := strings.Join(lines, "\n")
	for _, s := range subs {
		if !strings.Contains(all, s) {
			t.Errorf("report lacks %q:\n%s", s, all)
		}
	}
}

func TestQualtrics(t *testing.T) {
	d, rep := mustImport(t, "qualtrics.qsf")
	if rep.Format != Qualtrics || d.Title.String() != "Store visit feedback" || d.Slug != "store-visit-feedback" || d.Language != "en" {
		t.Errorf("format %q title %q slug %q lang %q", rep.Format, d.Title, d.Slug, d.Language)
	}
	// The flow puts the Experience block first; the page break splits block 1.
	wantShape(t, d, []string{
		"## Experience",
		"Q5:long_text",
		"Q6:number",
		"Q9:dropdown 10=Tehran & north 20=Shiraz",
		"## About your visit",
		"Q1:single 1=Instagram 2=A friend +other *",
		`Q2:multiple 1=Stories 2=Reels if{"question":"Q1","equals":"1"}`,
		"## ",
		"Q3:nps",
		"Q4:matrix scale/Poor/Fair/Good [s1=Staff] [s2=Queue]",
	})
	wantReport(t, rep.Dropped, "Q7 (DB/TB): descriptive text", "Q8 (RO/DND): Safar has no such question type")
	wantReport(t, rep.Approximated, `choice "Other" with a text box`)
	wantReport(t, rep.Mapped, "Q1 (MC/SAVR) -> single")
}

func TestSurveyJS(t *testing.T) {
	d, rep := mustImport(t, "surveyjs.json")
	if rep.Format != SurveyJS || d.Title.String() != "Checkout survey" {
		t.Errorf("format %q title %q", rep.Format, d.Title)
	}
	wantShape(t, d, []string{
		"## You",
		"channel:single web=Website store=Store +other *",
		`web_problem:long_text if{"question":"channel","equals":"web"}`,
		"paid_with:multiple card=card cash=cash",
		"age:number",
		"## ",
		"nps:nps",
		"stars:rating",
		"quality:matrix scale/Bad/OK/Good [speed=Speed] [Price=Price]",
		"again:single true=Yes false=No",
		"when:date",
	})
	if q, _ := d.Question("age"); q.Min == nil || *q.Min != 16 || *q.Max != 99 {
		t.Errorf("age bounds not kept: %v %v", q.Min, q.Max)
	}
	wantReport(t, rep.Dropped, "info (html)", "calc (expression)", `condition "{age} > 30"`)
}

func TestLimeSurvey(t *testing.T) {
	d, rep := mustImport(t, "limesurvey.lss")
	if rep.Format != LimeSurvey || d.Title.String() != "نظرسنجی فروشگاه" || d.Language != "fa" || d.Slug != "imported-survey" {
		t.Errorf("format %q title %q lang %q slug %q", rep.Format, d.Title, d.Language, d.Slug)
	}
	wantShape(t, d, []string{
		"## درباره شما",
		"city:single A1=تهران A2=شیراز +other *",
		`channels:multiple web=سایت store=فروشگاه if{"question":"city","equals":"A1"}`,
		"## تجربه",
		"problem:long_text",
		"quality:matrix scale/بد/متوسط/خوب [SQ001=بسته‌بندی]",
		"stars:rating",
	})
	if q, _ := d.Question("problem"); q.Help.String() != "کوتاه بنویسید" {
		t.Errorf("help %q", q.Help)
	}
	wantReport(t, rep.Dropped, "score (type *)", `relevance equation "((city.NAOK == \"A2\" or channels_web == \"Y\"))"`)
}

func TestXLSForm(t *testing.T) {
	sheets := map[string][][]string{
		"survey": {
			{"type", "name", "label::English (en)", "label::Persian (fa)", "hint", "required", "relevant", "appearance"},
			{"start", "start", "", "", "", "", "", ""},
			{"begin group", "g1", "About you", "درباره شما", "", "", "", "field-list"},
			{"select_one city", "city", "City", "شهر", "", "yes", "", "minimal"},
			{"select_multiple ch or_other", "channels", "Channels", "کانال‌ها", "", "", "${city} = 'thr'", ""},
			{"end group", "", "", "", "", "", "", ""},
			{"text", "problem", "What went wrong?", "چه مشکلی؟", "One line", "", "selected(${channels}, 'web')", "multiline"},
			{"integer", "orders", "Orders", "سفارش‌ها", "", "true()", "${orders} > 3", ""},
			{"note", "n1", "Thanks", "ممنون", "", "", "", ""},
			{"geopoint", "where", "Where", "کجا", "", "", "", ""},
		},
		"choices": {
			{"list_name", "name", "label::English (en)", "label::Persian (fa)"},
			{"city", "thr", "Tehran", "تهران"},
			{"city", "shz", "Shiraz", "شیراز"},
			{"ch", "web", "Website", "سایت"},
		},
		"settings": {{"form_title", "form_id", "default_language"}, {"Shop survey", "shop_v2", "Persian (fa)"}},
	}
	rep := &Report{Format: XLSForm}
	d, err := fromXLSForm(sheets, rep)
	if err != nil {
		t.Fatal(err)
	}
	if d.Slug != "shop-v2" || d.Language != "fa" || d.Title.String() != "Shop survey" {
		t.Errorf("slug %q lang %q title %q", d.Slug, d.Language, d.Title)
	}
	wantShape(t, d, []string{
		"## درباره شما",
		"city:dropdown thr=تهران shz=شیراز *",
		`channels:multiple web=سایت +other if{"question":"city","equals":"thr"}`,
		"## ",
		`problem:long_text if{"question":"channels","equals":"web"}`,
		"orders:number *",
	})
	wantReport(t, rep.Dropped, `"start" (start): device metadata`, `"n1" (note)`, `"where" (geopoint)`, `relevant "${orders} > 3"`)
	wantReport(t, rep.Approximated, `column "label::english (en)": one language per survey`)
}

func TestBadInput(t *testing.T) {
	many := `{"title":"x","pages":[{"elements":[` + strings.Repeat(`{"type":"text","name":"q"},`, 10000) + `{"type":"text","name":"q"}]}]}`
	cases := []struct{ name, data, want string }{
		{"empty.json", "", "not a survey file Safar knows"},
		{"binary.bin", "\x00\x01\x02garbage", "not text but binary content"},
		// Files that are not surveys say what they look like.
		{"answers.csv", "id,comment,score\n1,late parcel,2\n", "a table of 3 columns (id, comment, score…), not a survey"},
		{"answers.tsv", "id\tcomment\n1\tlate\n", "a table of 2 columns (id, comment…)"},
		{"reviews.jsonl", "{\"id\":1,\"text\":\"late\"}\n{\"id\":2,\"text\":\"ok\"}\n", "2 data records (JSON Lines or a list of objects), not a survey"},
		{"reviews.json", `[{"id":1},{"id":2},{"id":3}]`, "3 data records"},
		{"survey.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"},
		{"survey.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "an old binary Office file (.xls or .doc)"},
		{"notes.txt", "just some notes about the survey", "not a survey file Safar knows"},
		{"other.xml", "<?xml version=\"1.0\"?><html></html>", "not a LimeSurvey survey structure"},
		{"broken.qsf", `{"SurveyEntry": {"SurveyName": "x"`, "not valid Qualtrics JSON"},
		{"noblocks.qsf", `{"SurveyEntry": {"SurveyName": "x"}, "SurveyElements": []}`, "no question blocks"},
		{"laughs.lss", `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows><row><title>&b;</title></row></rows></questions></document>`, "invalid character entity &b;"},
		{"broken.lss", `<document><LimeSurveyDocType>Survey</LimeSurveyDocType><questions><rows>`, "not valid LimeSurvey XML"},
		{"nothing.json", `{"title":"x","pages":[{"elements":[{"type":"html","name":"h"}]}]}`, "no question in it could be imported"},
		{"huge.json", many, "too many questions"},
		{"xlsx.xlsx", "PK\x03\x04rest", "needs a spreadsheet reader"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, err := Import(c.name, []byte(c.data), nil)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error with %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), c.name) {
				t.Errorf("error %q does not name the file", err)
			}
		})
	}
	big := make([]byte, MaxFileSize+1)
	if _, _, err := Import("big.json", big, nil); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("oversized file: %v", err)
	}
}

// TestDefinitionInAnyEncoding: a Persian definition saved as UTF-16 (with
// a byte-order mark or without, as Notepad's "Unicode") or as Windows-1256
// comes in with its Persian text; before, UTF-16 was "not a survey file"
// and Windows-1256 was imported with every Persian letter "\uFFFD".
func TestDefinitionInAnyEncoding(t *testing.T) {
	const def = `{"slug":"s","title":"نظرسنجي خريد","language":"fa","pages":[{"questions":[{"id":"a","type":"short_text","text":"چرا؟"}]}]}`
	utf16, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().String(def)
	utf16bom, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(def)
	cp1256, _ := charmap.Windows1256.NewEncoder().String(def)
	for name, data := range map[string]string{"utf16.json": utf16, "utf16bom.json": utf16bom, "cp1256.json": cp1256} {
		d, _, err := Import(name, []byte(data), nil)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := d.Title.String(); got != "نظرسنجي خريد" {
			t.Errorf("%s: title %q", name, got)
		}
	}
}

// TestLimeSurveyInUTF16: a .lss saved as UTF-16, which it declares,
// imports as its UTF-8 twin (the XML decoder refused the declaration).
func TestLimeSurveyInUTF16(t *testing.T) {
	data, err := os.ReadFile("testdata/limesurvey.lss")
	if err != nil {
		t.Fatal(err)
	}
	want, _, err := Import("limesurvey.lss", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	u16, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.Replace(string(data), `encoding="UTF-8"`, `encoding="UTF-16"`, 1))
	got, _, err := Import("utf16.lss", []byte(u16), nil)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("UTF-16 .lss: %v\n got %+v\nwant %+v", err, got, want)
	}
}

func TestSafarJSONPassesThrough(t *testing.T) {
	data := []byte(`{"slug":"s","title":"T","language":"en","pages":[{"questions":[{"id":"a","type":"short_text","text":"A?"}]}]}`)
	d, rep, err := Import("s.json", data, nil)
	if err != nil || rep.Format != Safar || d.Slug != "s" {
		t.Fatalf("%v %+v", err, rep)
	}
}

func labelStrings(ls []survey.Localized) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.String()
	}
	return out
}
