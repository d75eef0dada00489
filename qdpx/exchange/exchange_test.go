package exchange

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/qdpx"
	"github.com/safarhq/safar/survey"
)

func fixture() *Data {
	codes := []*survey.Code{
		{ID: 1, Name: "long wait", Group: survey.GroupPainPoint, Description: "queues"},
		{ID: 2, Name: "قیمت", Group: survey.GroupPainPoint},
		{ID: 3, Name: "wants speed", Group: survey.GroupGoal},
	}
	tr := &survey.Transcript{ID: 10, Kind: survey.KindInterview, Title: "interview 1", Utterances: []survey.Utterance{
		{ID: 100, Speaker: "Mod", Text: "How was it?"},
		{ID: 101, Speaker: "Ali", Text: "صف خیلی طولانی بود و قیمت بالا"},
		{ID: 102, Speaker: "", Text: "line\nbreak inside"},
	}}
	answers := []survey.Passage{
		{Source: survey.SourceAnswer, SurveySlug: "s1", ResponseID: "r-1", QuestionID: "q", Text: "Too slow: I waited"},
		{Source: survey.SourceAnswer, SurveySlug: "s1", ResponseID: "r-2", QuestionID: "q", Text: "fine"},
	}
	code := func(id int64) *survey.Code { return codes[id-1] }
	k := func(id, codeID, uid int64, resp string, s, e int, by int64) survey.CodedPassage {
		c := survey.Coding{ID: id, CodeID: codeID, UtteranceID: uid, ResponseID: resp, SpanStart: s, SpanEnd: e, CreatedBy: by, Source: survey.SourceUtterance}
		if resp != "" {
			c.Source, c.QuestionID = survey.SourceAnswer, "q"
		}
		return survey.CodedPassage{Coding: c, Code: code(codeID)}
	}
	return &Data{
		Project: &survey.Project{Name: "demo", Title: "Demo <study>"}, Codes: codes, Transcripts: []*survey.Transcript{tr}, Answers: answers,
		Codings: []survey.CodedPassage{
			k(1, 1, 101, "", 0, 18, 1), k(2, 2, 101, "", 21, 30, 1), k(3, 1, 101, "", 0, 18, 2),
			k(4, 3, 102, "", 0, 0, 1), k(5, 1, 0, "r-1", 0, 0, 1), k(6, 2, 0, "r-1", 12, 18, 2),
		},
		Coders: map[int64]string{1: "a@example.com", 2: "b@example.com"},
	}
}

// quotes lists "code: quote" for every coding of an import.
func quotes(imp *survey.CodingImport) []string {
	var out []string
	for _, k := range imp.Codings {
		text := imp.Transcripts[k.Transcript].Utterances[k.Utterance].Text
		c := survey.Coding{SpanStart: k.SpanStart, SpanEnd: k.SpanEnd}
		out = append(out, k.Code+": "+c.Quote(text))
	}
	slices.Sort(out)
	return out
}

func TestRoundTrip(t *testing.T) {
	d := fixture()
	var buf bytes.Buffer
	if err := qdpx.WriteProject(&buf, Export(d)); err != nil {
		t.Fatal(err)
	}
	p, skipped, err := qdpx.ReadProject(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil || len(skipped) > 0 {
		t.Fatalf("read: %v %v", err, skipped)
	}
	imp, rep, err := Import(p, 5, 9, map[string]int64{"a@example.com": 41})
	if err != nil {
		t.Fatal(err)
	}
	var gotCodes []string
	for _, c := range imp.Codes {
		gotCodes = append(gotCodes, fmt.Sprintf("%s/%s/%s", c.Name, c.Group, c.Description))
	}
	slices.Sort(gotCodes)
	wantCodes := []string{"long wait/pain_point/queues", "wants speed/goal/", "قیمت/pain_point/"}
	if !slices.Equal(gotCodes, wantCodes) {
		t.Errorf("codes = %v; want %v", gotCodes, wantCodes)
	}
	want := []string{
		"long wait: Too slow: I waited", "long wait: صف خیلی طولانی بود", "long wait: صف خیلی طولانی بود",
		"wants speed: line break inside", "قیمت: قیمت بالا", "قیمت: waited",
	}
	slices.Sort(want)
	if got := quotes(imp); !slices.Equal(got, want) {
		t.Errorf("coded segments after the round trip:\n got %q\nwant %q", got, want)
	}
	coders := map[int64]int{}
	for _, k := range imp.Codings {
		coders[k.Coder]++
	}
	if coders[41] != 4 || coders[0] != 2 {
		t.Errorf("coders = %v; want a@example.com's 4 codings on account 41, b's 2 left to the importer", coders)
	}
	if rep.Codings != 6 || rep.Sources != 2 || rep.Codes != 3 {
		t.Errorf("report = %+v; want 3 codes, 2 sources, 6 codings", rep)
	}
	if imp.Transcripts[0].Utterances[1].Speaker != "Ali" || imp.Transcripts[1].Title != "s1 · q" {
		t.Errorf("sources = %+v, %+v", imp.Transcripts[0].Utterances[1], imp.Transcripts[1].Title)
	}
}

func TestImportForeign(t *testing.T) {
	g := func(s string) string { return qdpx.GUID("foreign", s) }
	text := "Interviewer: Why?\n\nP1: The app crashed twice.\nThe end.\n"
	p := &qdpx.Project{
		Codes: []qdpx.Code{
			{GUID: g("Pain points"), Name: "Pain points", Children: []qdpx.Code{{GUID: g("crash"), Name: "crash", Codable: true}}},
			{GUID: g("themes"), Name: "Themes", Codable: false, Children: []qdpx.Code{{GUID: g("ux"), Name: "ux", Codable: true}, {GUID: g("unused"), Name: "unused heading"}}},
		},
		Sources: []qdpx.Source{{GUID: g("s"), Name: "p1.docx", Text: text, Selections: []qdpx.Selection{
			{GUID: g("sel1"), Start: strings.Index(text, "The app"), End: strings.Index(text, "The app") + 7, Codings: []qdpx.Coding{{GUID: g("c1"), CodeGUID: g("crash")}}},
			// Spans two lines: codes both.
			{GUID: g("sel2"), Start: strings.Index(text, "crashed"), End: len(text) - 1, Codings: []qdpx.Coding{{GUID: g("c2"), CodeGUID: g("ux")}}},
			{GUID: g("sel3"), Start: 17, End: 18, Codings: []qdpx.Coding{{GUID: g("c3"), CodeGUID: g("ux")}}}, // a blank line
		}}},
	}
	imp, rep, err := Import(p, 1, 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	groups := map[string]survey.CodeGroup{}
	for _, c := range imp.Codes {
		groups[c.Name] = c.Group
	}
	if len(imp.Codes) != 2 || groups["crash"] != survey.GroupPainPoint || groups["ux"] != survey.GroupOther {
		t.Errorf("codes = %+v; want crash (pain point) and ux (other), no headings", imp.Codes)
	}
	want := []string{"crash: The app", "ux: The end.", "ux: crashed twice."}
	if got := quotes(imp); !slices.Equal(got, want) {
		t.Errorf("codings = %q; want %q", got, want)
	}
	if len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].String(), "covers no text") {
		t.Errorf("skipped = %v; want the blank-line selection", rep.Skipped)
	}
	if u := imp.Transcripts[0].Utterances; len(u) != 3 || u[0].Speaker != "Interviewer" || u[2].Speaker != "" {
		t.Errorf("utterances = %+v", u)
	}
}

func TestImportRejectsLongNames(t *testing.T) {
	p := &qdpx.Project{Codes: []qdpx.Code{{GUID: qdpx.GUID("x"), Name: strings.Repeat("n", 101), Codable: true}}}
	if _, _, err := Import(p, 1, 1, nil); err == nil || !strings.Contains(err.Error(), "name") {
		t.Errorf("err = %v; want the code name named", err)
	}
}

func TestCodebook200(t *testing.T) {
	d := fixture()
	d.Codes = nil
	for i := 1; i <= 200; i++ {
		d.Codes = append(d.Codes, &survey.Code{ID: int64(i), Name: fmt.Sprintf("code %d", i), Group: survey.CodeGroups[i%len(survey.CodeGroups)]})
	}
	var buf bytes.Buffer
	if err := qdpx.WriteCodebook(&buf, d.Codebook(), Origin); err != nil {
		t.Fatal(err)
	}
	codes, err := qdpx.ReadCodebook(&buf)
	if err != nil {
		t.Fatal(err)
	}
	imp, _, err := Import(&qdpx.Project{Codes: codes}, 1, 1, nil)
	if err != nil || len(imp.Codes) != 200 {
		t.Fatalf("codes = %d, %v; want 200", len(imp.Codes), err)
	}
}
