package study

import (
	"context"
	"fmt"
	"runtime"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
)

// demoSurveys are the demo's two surveys with n synthetic responses each.
func demoSurveys(tb testing.TB, n int) []SurveyData {
	tb.Helper()
	defs, err := demo.Definitions()
	if err != nil {
		tb.Fatal(err)
	}
	var out []SurveyData
	for i, d := range defs {
		rs, err := demo.Responses(d, n, uint64(i+1))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, SurveyData{Slug: d.Slug, Definition: d, Responses: rs})
	}
	return out
}

// demoStudy is the demo with n responses a survey, named as a store names
// them, read into respondents with their texts collected: what the
// analysis holds when it looks for pain points.
type demoStudy struct {
	in     Input
	cat    *catalog
	people []*respondent
	st     *studyTexts
}

func newDemoStudy(tb testing.TB, n int) demoStudy {
	tb.Helper()
	in := Input{Name: "demo", Surveys: demoSurveys(tb, n)}
	for _, sd := range in.Surveys {
		for i, r := range sd.Responses {
			r.ID = fmt.Sprintf("%s-%d", sd.Slug, i)
		}
	}
	cat := newCatalog(in.Surveys)
	res := &Result{}
	people, _, err := readRespondents(context.Background(), cat, in, Options{}, res, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return demoStudy{in: in, cat: cat, people: people, st: collectTexts(cat, people, in, &res.Study)}
}

// liveHeap is the heap in use after a full collection.
func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkReadRespondents measures the loading path of the analysis:
// every response read once, through SurveyData.Each as a store's cursor
// hands them over, kept as compact respondents. kept-B/resp is what the
// analysis keeps of each response, against held-B/resp, what holding the
// decoded responses costs (the path before: every response in memory).
func BenchmarkReadRespondents(b *testing.B) {
	const n = 5000
	surveys := demoSurveys(b, n)
	base := liveHeap()
	held := float64(base) // measured below, once the responses are dropped
	cursor := make([]SurveyData, len(surveys))
	for i, s := range surveys {
		// A cursor that hands over copies, as a store decodes each row
		// anew: nothing of a response outlives its call unless kept.
		rs := s.Responses
		cursor[i] = SurveyData{Slug: s.Slug, Definition: s.Definition, Each: func(_ context.Context, fn func(*survey.Response) error) error {
			for _, r := range rs {
				c := *r
				if err := fn(&c); err != nil {
					return err
				}
			}
			return nil
		}}
	}
	cat := newCatalog(cursor)
	var kept []*respondent
	b.ResetTimer()
	for b.Loop() {
		res := &Result{}
		var err error
		if kept, _, err = readRespondents(context.Background(), cat, Input{Surveys: cursor}, Options{}, res, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	withKept := liveHeap()
	b.ReportMetric(float64(withKept-base)/float64(len(kept)), "kept-B/resp")
	runtime.KeepAlive(kept)
	runtime.KeepAlive(cat) // the respondents' answers are kept in the catalog
	// What the responses themselves hold: the heap they free.
	for i := range surveys {
		surveys[i].Responses = nil
	}
	cursor = nil
	kept = nil
	held -= float64(liveHeap())
	b.ReportMetric(held/float64(2*n), "held-B/resp")
}
