package survey_test

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// randomSurvey has a randomised single choice with a pinned "none" and
// "other", a randomised page of four questions and a randomised matrix.
const randomSurvey = `{"slug":"r","title":"R","language":"en","pages":[
 {"questions":[{"id":"brand","type":"single","text":"Which brand?","randomize":true,"other":true,
   "options":["a","b","c","d",{"value":"none","label":"None of these","pin":true},{"value":"dk","label":"Don't know","pin":true}]}]},
 {"randomize":true,"questions":[
   {"id":"q1","type":"short_text","text":"One"},{"id":"q2","type":"short_text","text":"Two"},
   {"id":"q3","type":"short_text","text":"Three"},{"id":"q4","type":"short_text","text":"Four"}]},
 {"questions":[{"id":"m","type":"matrix","text":"Rate","randomize":true,"scale":{"points":3},
   "statements":["s1","s2","s3",{"value":"s4","label":"Overall","pin":true}]}]}]}`

func mustParse(tb testing.TB, js string) *survey.Definition {
	tb.Helper()
	d, err := survey.ParseDefinition([]byte(js))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}

func values(opts []survey.Option) []string {
	out := make([]string, len(opts))
	for i, o := range opts {
		out[i] = o.Value
	}
	return out
}

func TestRandomOrderIsFixedPerRespondentAndDiffersBetweenThem(t *testing.T) {
	d := mustParse(t, randomSurvey)
	brand, _ := d.Question("brand")
	seeds := []string{"7d1c6a56-0c6b-4e47-9a1e-3f0fcb0e0d11", "0b4a3f3e-7a55-4d43-8d6b-6c1b7b7f9a02"}
	first := values(brand.ItemsInOrder(seeds[0]))
	for range 3 {
		if got := values(brand.ItemsInOrder(seeds[0])); !slices.Equal(got, first) {
			t.Fatalf("same respondent, different orders: %v then %v", first, got)
		}
	}
	// Over many respondents, at least one sees another order than the
	// first one (the chance that 50 agree by luck is 24^-49).
	differs := false
	for i := range 50 {
		if got := values(brand.ItemsInOrder(fmt.Sprint("respondent-", i))); !slices.Equal(got, first) {
			differs = true
		}
	}
	if !differs {
		t.Errorf("50 respondents all saw %v", first)
	}
	if got := values(brand.ItemsInOrder("")); !slices.Equal(got, []string{"a", "b", "c", "d", "none", "dk"}) {
		t.Errorf("no seed (preview): %v, want the written order", got)
	}
	if o1, o2 := d.OrderFor(seeds[0]), d.OrderFor(seeds[0]); fmt.Sprint(o1) != fmt.Sprint(o2) {
		t.Errorf("OrderFor differs for one seed: %v, %v", o1, o2)
	}
}

func TestPinnedOptionsAndOtherStayLast(t *testing.T) {
	d := mustParse(t, randomSurvey)
	brand, _ := d.Question("brand")
	m, _ := d.Question("m")
	for i := range 200 {
		seed := fmt.Sprint("s", i)
		got := values(brand.ItemsInOrder(seed))
		if !slices.Equal(got[4:], []string{"none", "dk"}) {
			t.Fatalf("seed %s: %v, want none, dk last in their written order", seed, got)
		}
		o := d.OrderFor(seed)
		if b := o["brand"]; len(b) != 7 || b[6] != survey.OtherValue || !slices.Equal(b[:6], got) {
			t.Fatalf("seed %s: recorded %v, want the shown order %v then other", seed, b, got)
		}
		if st := values(m.ItemsInOrder(seed)); st[3] != "s4" || !slices.Equal(o["m"], st) {
			t.Fatalf("seed %s: statements %v (recorded %v), want s4 last", seed, st, o["m"])
		}
		// Answers keep their values: the set of values is unchanged.
		sorted := slices.Clone(got[:4])
		slices.Sort(sorted)
		if !slices.Equal(sorted, []string{"a", "b", "c", "d"}) {
			t.Fatalf("seed %s: shuffled values %v are not a, b, c, d", seed, got)
		}
	}
}

// TestRandomOrderIsRoughlyUniform: over 24,000 respondents each of the 24
// orders of four options should come up about 1,000 times, and each
// question of the randomised page should be first about a quarter of the
// time. A chi-square over 23 degrees of freedom above 60 has a chance
// below 1e-4 for a uniform shuffle.
func TestRandomOrderIsRoughlyUniform(t *testing.T) {
	d := mustParse(t, randomSurvey)
	brand, _ := d.Question("brand")
	const n = 24000
	counts := map[string]int{}
	firstQ := map[string]int{}
	for i := range n {
		seed := fmt.Sprintf("%08x-respondent", i)
		counts[strings.Join(values(brand.ItemsInOrder(seed))[:4], "")]++
		firstQ[d.OrderFor(seed)[survey.PageOrderKey(1)][0]]++
	}
	if len(counts) != 24 {
		t.Fatalf("%d distinct orders of 4 options, want 24: %v", len(counts), counts)
	}
	want := float64(n) / 24
	chi := 0.0
	for _, c := range counts {
		chi += (float64(c) - want) * (float64(c) - want) / want
	}
	if chi > 60 {
		t.Errorf("chi-square %.1f over 23 degrees of freedom: the orders are not uniform: %v", chi, counts)
	}
	for _, id := range []string{"q1", "q2", "q3", "q4"} {
		if share := float64(firstQ[id]) / n; math.Abs(share-0.25) > 0.02 {
			t.Errorf("%s first on the page for %.3f of respondents, want about 0.25", id, share)
		}
	}
}

func TestOrderForOnlyWhenSomethingIsRandomised(t *testing.T) {
	d := mustParse(t, `{"slug":"p","title":"P","language":"en","pages":[{"questions":[
		{"id":"a","type":"single","text":"A?","options":["x","y"]}]}]}`)
	if o := d.OrderFor("seed"); o != nil {
		t.Errorf("a survey without randomize recorded %v", o)
	}
	if d.Randomizes() || len(d.OrderKeys()) != 0 {
		t.Errorf("Randomizes %v, OrderKeys %v; want false, none", d.Randomizes(), d.OrderKeys())
	}
	r := mustParse(t, randomSurvey)
	if got := r.OrderKeys(); !slices.Equal(got, []string{"brand", "pages[1]", "m"}) {
		t.Errorf("OrderKeys %v", got)
	}
	if !r.PageRandomizes(0) || !r.PageRandomizes(1) || !r.PageRandomizes(2) {
		t.Errorf("every page of the random survey randomises something")
	}
}

func TestValidateRandomisationScalesAndPiping(t *testing.T) {
	page := func(qs string) string {
		return `{"slug":"s","title":"T","language":"en","pages":[{"questions":[{"id":"city","type":"dropdown","text":"City?","options":["tehran","shiraz"]}]},{"questions":[` + qs + `]}]}`
	}
	tests := []struct {
		name, json string
		want       []string
	}{
		{"pin without randomize", page(`{"id":"a","type":"single","text":"A","options":["x",{"value":"n","pin":true}]}`),
			[]string{`pages[1].questions[0].options[1].pin: has no effect`}},
		{"randomize on a text question", page(`{"id":"a","type":"short_text","text":"A","randomize":true}`),
			[]string{`pages[1].questions[0].randomize: only single, multiple, dropdown and matrix`}},
		{"pipe of an unknown question", page(`{"id":"a","type":"short_text","text":"How was {{town}}?"}`),
			[]string{`pages[1].questions[0].text: pipes {{town}}: no question "town"`}},
		{"pipe of a later question", `{"slug":"s","title":"T","language":"en","pages":[
			{"title":"About {{b}}","questions":[{"id":"a","type":"short_text","text":"A","help":"see {{b}}"}]},
			{"questions":[{"id":"b","type":"short_text","text":"B"}]}]}`,
			[]string{`pages[0].title: pipes {{b}}, which comes later`, `pages[0].questions[0].help: pipes {{b}}, which comes later`}},
		{"pipe of the same question or page", page(`{"id":"a","type":"short_text","text":"A {{a}}"},{"id":"b","type":"single","text":"B","options":[{"value":"x","label":"like {{a}}"}]}`),
			[]string{`pages[1].questions[0].text: pipes {{a}}, which is on the same page`, `pages[1].questions[1].options[0].label: pipes {{a}}, which is on the same page`}},
		{"pipe in the survey title", `{"slug":"s","title":"Hi {{a}}","language":"en","pages":[{"questions":[{"id":"a","type":"short_text","text":"A"}]}]}`,
			[]string{`title: pipes {{a}}: the survey's title and description are shown before any answer`}},
		{"pipe of a matrix", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[{"id":"m","type":"matrix","text":"M","scale":{"points":3},"statements":["x"]}]},
			{"questions":[{"id":"a","type":"short_text","text":"{{m}}"}]}]}`,
			[]string{`pages[1].questions[0].text: pipes {{m}}, a matrix question`}},
		{"rating with a wrong number of points", page(`{"id":"a","type":"rating","text":"A","scale":{"points":7,"low":"Bad","high":"Good"}}`),
			[]string{`pages[1].questions[0].scale.points: a rating always has 5 points`}},
		{"labels and ends at once", page(`{"id":"a","type":"likert","text":"A","scale":{"points":2,"labels":["No","Yes"],"low":"No"}}`),
			[]string{`pages[1].questions[0].scale.low: give labels for every point or low and high`}},
		{"scale on a number", page(`{"id":"a","type":"number","text":"A","scale":{"low":"few"}}`),
			[]string{`pages[1].questions[0].scale: only likert, matrix, rating and nps`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := survey.ParseDefinition([]byte(tt.json))
			var ve *survey.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if len(ve.Problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ve.Problems), len(tt.want), err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("missing %q in:\n%v", w, err)
				}
			}
		})
	}
	ok := []string{
		page(`{"id":"a","type":"single","text":"In {{city}}?","help":"{{ city | your city }}","randomize":true,"options":["x",{"value":"n","label":"Not {{city}}","pin":true}]}`),
		page(`{"id":"a","type":"rating","text":"A","scale":{"low":"Very poor","high":"Excellent"}},{"id":"b","type":"nps","text":"B","scale":{"points":11,"low":"Never","high":"Surely"}},{"id":"c","type":"likert","text":"C","scale":{"points":7,"low":"Disagree","high":"Agree"}}`),
		`{"slug":"s","title":"T","language":"en","settings":{"thank_you":"Thanks, {{a}}"},"pages":[{"randomize":true,"questions":[{"id":"a","type":"short_text","text":"A {{not an id}} {{}}"}]}]}`,
	}
	for i, js := range ok {
		if _, err := survey.ParseDefinition([]byte(js)); err != nil {
			t.Errorf("valid definition %d refused: %v", i, err)
		}
	}
}

func TestPipeShowsLabelsAndFallbacks(t *testing.T) {
	d := mustParse(t, `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
		{"id":"city","type":"single","text":"City?","other":true,"options":[{"value":"thr","label":"Tehran"},{"value":"shz","label":"Shiraz"}]},
		{"id":"chan","type":"multiple","text":"Channels?","options":[{"value":"ig","label":"Instagram"},{"value":"web","label":"Website"}]},
		{"id":"stars","type":"rating","text":"Stars?","scale":{"low":"Very poor","high":"Excellent"}},
		{"id":"age","type":"number","text":"Age?"},
		{"id":"name","type":"short_text","text":"Name?"}]},
		{"questions":[{"id":"x","type":"short_text","text":"x"}]}]}`)
	n := func(f float64) *float64 { return &f }
	tests := []struct {
		name, text string
		a          survey.Answers
		want       string
	}{
		{"label not value", "How was {{city}}?", survey.Answers{"city": {Choice: "thr"}}, "How was Tehran?"},
		{"other text", "How was {{ city }}?", survey.Answers{"city": {Choice: "other", Other: "Yazd"}}, "How was Yazd?"},
		{"multiple joined", "Via {{chan}}", survey.Answers{"chan": {Choices: []string{"web", "ig"}}}, "Via Website, Instagram"},
		{"scale end label", "You gave {{stars}}", survey.Answers{"stars": {Number: n(5)}}, "You gave Excellent"},
		{"scale middle point", "You gave {{stars}}", survey.Answers{"stars": {Number: n(3)}}, "You gave 3"},
		{"number", "At {{age}}", survey.Answers{"age": {Number: n(41.5)}}, "At 41.5"},
		{"text as typed", "Hi {{name}}", survey.Answers{"name": {Text: "<script>x</script>"}}, "Hi <script>x</script>"},
		{"unanswered default", "How was {{city}}?", nil, "How was " + survey.PipeFallback + "?"},
		{"unanswered fallback", "How was {{city|your city}}?", survey.Answers{}, "How was your city?"},
		{"not an id stays", "{{ 1x }} and {{nope}}", nil, "{{ 1x }} and {{nope}}"},
	}
	for _, tt := range tests {
		if got := d.Pipe(tt.text, tt.a, "en"); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := d.Pipe("{{chan}}", survey.Answers{"chan": {Choices: []string{"web", "ig"}}}, "fa"); got != "Website، Instagram" {
		t.Errorf("Persian list separator: got %q", got)
	}
	// Pages isolate each answer for the bidi algorithm, not the fallback.
	if got := d.PipeIsolated("به {{name}} در {{city|شهر}}", survey.Answers{"name": {Text: "Sara 2"}}, "fa"); got != "به \u2068Sara 2\u2069 در شهر" {
		t.Errorf("isolated: got %q", got)
	}
}

func TestEndLabelsNameThePointsAtTheEnds(t *testing.T) {
	d := mustParse(t, `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
		{"id":"r","type":"rating","text":"R","scale":{"low":"Very poor","high":"Excellent"}},
		{"id":"n","type":"nps","text":"N","scale":{"low":"Never","high":"Surely"}},
		{"id":"l","type":"likert","text":"L","scale":{"points":3,"labels":["No","Maybe","Yes"]}}]}]}`)
	tests := []struct {
		q    string
		p    int
		want string
	}{
		{"r", 1, "1 Very poor"}, {"r", 3, "3"}, {"r", 5, "5 Excellent"},
		{"n", 0, "0 Never"}, {"n", 10, "10 Surely"}, {"n", 5, "5"},
		{"l", 2, "2 Maybe"}, {"r", 9, "9"},
	}
	for _, tt := range tests {
		q, _ := d.Question(tt.q)
		if got := q.PointText(tt.p); got != tt.want {
			t.Errorf("%s point %d: %q, want %q", tt.q, tt.p, got, tt.want)
		}
	}
}

func TestOrderColumnsRoundTripThroughTheTable(t *testing.T) {
	d := mustParse(t, randomSurvey)
	seed := "c0ffee00-0000-4000-8000-000000000001"
	r := &survey.Response{ID: "r1", ClientID: seed, Status: survey.Partial, Answers: survey.Answers{"brand": {Choice: "b"}}, Order: d.OrderFor(seed)}
	h, row := d.TableHeader(), d.TableRow(r)
	tail := h[len(h)-3:]
	if !slices.Equal(tail, []string{"order:brand", "order:pages[1]", "order:m"}) {
		t.Fatalf("header ends %v", tail)
	}
	if got, want := row[len(row)-3], strings.Join(r.Order["brand"], "; "); got != want {
		t.Errorf("order:brand cell %q, want %q", got, want)
	}
	tr, err := d.NewTableReader(h)
	if err != nil {
		t.Fatal(err)
	}
	if len(tr.Ignored) != 0 {
		t.Errorf("ignored columns %v", tr.Ignored)
	}
	back, err := tr.Response(row)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(back.Order) != fmt.Sprint(r.Order) {
		t.Errorf("imported order %v, want %v", back.Order, r.Order)
	}
}
