package studyrun

import (
	"context"
	"reflect"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// An example's source is the first of its pain point's members, in the
// members' order (not the responses'), whose trimmed text it is or holds
// as a clause; answers, utterances, members whose response is gone and
// ids of no known form all count in that order.
func TestNewStoredExampleSources(t *testing.T) {
	resp := func(id string, texts map[string]string) *survey.Response {
		a := survey.Answers{}
		for q, s := range texts {
			a[q] = survey.Value{Text: s}
		}
		return &survey.Response{ID: id, Answers: a}
	}
	in := study.Input{
		Surveys: []study.SurveyData{
			{Slug: "one", Responses: []*survey.Response{
				resp("a", map[string]string{"q1": "  late delivery  ", "q2": "The courier was late and nobody answered the phone."}),
				resp("b", map[string]string{"q1": "late delivery"}),
			}},
			{Slug: "two", Responses: []*survey.Response{
				resp("c", map[string]string{"q1": "late delivery", "q3": "Nobody answered."}),
				resp("d", map[string]string{"q1": "wrong size"}),
			}},
		},
		Transcripts: []*survey.Transcript{{ID: 7, Title: "Interview 1", Utterances: []survey.Utterance{
			{ID: 70, Order: 1, Text: "Nobody answered."},
			{ID: 71, Order: 2, Text: "wrong size"},
		}}},
	}
	res := &study.Result{
		PainPoints: analysis.PainPointResult{PainPoints: []analysis.PainPoint{
			// c comes before a and b here, though after them in the responses.
			{Key: "late", Examples: []string{"late delivery", "The courier was late…", "never said"},
				Members: []string{"r:c:q1", "r:a:q2", "r:a:q1", "r:b:q1"}},
			// A missing response and an odd id come first but have no text;
			// the utterance comes before the answer.
			{Key: "answer", Examples: []string{"Nobody answered."},
				Members: []string{"r:gone:q1", "odd", "t:7:1", "r:c:q3"}},
			{Key: "size", Examples: []string{"wrong size"}, Members: []string{"r:d:q1", "t:7:2"}},
		}},
		Personas: &personas.Result{Personas: []personas.Persona{{Quotes: []personas.Quote{{ID: "b"}, {ID: "c"}, {ID: "x"}}}}},
	}
	st, err := newStored(context.Background(), res, in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Origin{
		"late": {
			{ID: "r:c:q1", Survey: "two", Response: "c", Question: "q1"},
			{ID: "r:a:q2", Survey: "one", Response: "a", Question: "q2"},
			{},
		},
		"answer": {{ID: "t:7:1", Transcript: 7, Title: "Interview 1", Line: 1, Utterance: 70}},
		"size":   {{ID: "r:d:q1", Survey: "two", Response: "d", Question: "q1"}},
	}
	if !reflect.DeepEqual(st.Examples, want) {
		t.Errorf("example sources:\n got %+v\nwant %+v", st.Examples, want)
	}
	if w := map[string]string{"b": "one", "c": "two"}; !reflect.DeepEqual(st.Respondents, w) {
		t.Errorf("quoted respondents' surveys = %v, want %v", st.Respondents, w)
	}
}

// The sources follow the quotes when a reader's result puts them in
// another order (study.Result.In: the reader's language first).
func TestExamplesAsFollowTheReadersOrder(t *testing.T) {
	a, b, c := Origin{ID: "r:a:q1", Response: "a"}, Origin{ID: "r:b:q1", Response: "b"}, Origin{ID: "r:c:q1", Response: "c"}
	st := &Stored{
		Result: &study.Result{PainPoints: analysis.PainPointResult{PainPoints: []analysis.PainPoint{
			{Key: "late", Examples: []string{"مرسوله دیر رسید", "the parcel was late", "ارسال کند بود"}},
			{Key: "size", Examples: []string{"wrong size"}},
		}}},
		Examples: map[string][]Origin{"late": {a, b, c}, "size": {a}},
	}
	en := st.Result.In("en")
	if got := en.PainPoints.PainPoints[0].Examples[0]; got != "the parcel was late" {
		t.Fatalf("In(en) quotes %q first", got)
	}
	want := map[string][]Origin{"late": {b, a, c}, "size": {a}}
	if got := st.ExamplesAs(en); !reflect.DeepEqual(got, want) {
		t.Errorf("sources for the English reader:\n got %+v\nwant %+v", got, want)
	}
	if got, want := st.ExamplesAs(st.Result.In("fa")), map[string][]Origin{"late": {a, c, b}, "size": {a}}; !reflect.DeepEqual(got, want) {
		t.Errorf("sources for the Persian reader:\n got %+v\nwant %+v", got, want)
	}
	if st.Examples["late"][0] != a {
		t.Error("ExamplesAs changed the stored sources")
	}
}

// A quote is the text as the analysis reads it: with its noise removed
// and its Persian letters normalised. Its source is found all the same
// (an answer typed with Arabic "ي" and "ك", or with an @handle, had no
// link to its response).
func TestExampleSourcesOfNormalisedQuotes(t *testing.T) {
	in := study.Input{Surveys: []study.SurveyData{{Slug: "s", Responses: []*survey.Response{
		{ID: "a", Answers: survey.Answers{"q": {Text: "كيفيت پايين بود"}}},
		{ID: "b", Answers: survey.Answers{"q": {Text: "@shop my bag never arrived"}}},
	}}}}
	res := &study.Result{PainPoints: analysis.PainPointResult{PainPoints: []analysis.PainPoint{
		{Key: "quality", Examples: []string{analysis.QuoteForm("كيفيت پايين بود")}, Members: []string{"r:a:q"}},
		{Key: "bag", Examples: []string{"my bag never arrived"}, Members: []string{"r:b:q"}},
	}}}
	if res.PainPoints.PainPoints[0].Examples[0] == "كيفيت پايين بود" {
		t.Fatal("the Persian quote form is the text as typed; the test needs one that differs")
	}
	st, err := newStored(context.Background(), res, in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]Origin{
		"quality": {{ID: "r:a:q", Survey: "s", Response: "a", Question: "q"}},
		"bag":     {{ID: "r:b:q", Survey: "s", Response: "b", Question: "q"}},
	}
	if !reflect.DeepEqual(st.Examples, want) {
		t.Errorf("sources:\n got %+v\nwant %+v", st.Examples, want)
	}
}
