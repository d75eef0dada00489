package study_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// bilingualDemoSeed is the demo asked with one survey in both languages,
// as a project that asks Persian and English customers with one link
// does: the two demo surveys' definitions merged (every text that differs
// becomes {"fa": ..., "en": ...}) and both surveys' responses, each
// answered in its own language.
func bilingualDemoSeed(t *testing.T, seed uint64) study.Input {
	t.Helper()
	two := demoInputSeed(t, seed)
	var fa, en any
	for i, v := range []*any{&fa, &en} {
		b, err := json.Marshal(two.Surveys[i].Definition)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, v); err != nil {
			t.Fatal(err)
		}
	}
	merged := mergeLangs(fa, en).(map[string]any)
	delete(merged, "language")
	merged["languages"] = []string{"fa", "en"}
	merged["slug"] = "demo"
	b, err := json.Marshal(merged)
	if err != nil {
		t.Fatal(err)
	}
	d, err := survey.ParseDefinition(b)
	if err != nil {
		t.Fatalf("%v in %s", err, b)
	}
	sd := study.SurveyData{Slug: "demo", Definition: d}
	for i, s := range two.Surveys {
		for _, r := range s.Responses {
			r.Language = []string{"fa", "en"}[i]
			sd.Responses = append(sd.Responses, r)
		}
	}
	two.Surveys = []study.SurveyData{sd}
	return two
}

// mergeLangs merges the Persian and the English form of one JSON value:
// strings that differ become a localized text.
func mergeLangs(fa, en any) any {
	switch f := fa.(type) {
	case map[string]any:
		e, _ := en.(map[string]any)
		out := map[string]any{}
		for k, v := range f {
			out[k] = mergeLangs(v, e[k])
		}
		return out
	case []any:
		e, _ := en.([]any)
		out := make([]any, len(f))
		for i, v := range f {
			var w any
			if i < len(e) {
				w = e[i]
			}
			out[i] = mergeLangs(v, w)
		}
		return out
	case string:
		if e, ok := en.(string); ok && e != f {
			return map[string]string{"fa": f, "en": e}
		}
	}
	return fa
}

// TestBilingualDemoJoins: the demo asked with one survey in both
// languages joins its Persian and English pain points as the demo asked
// with two surveys does (TestDemoJoinPrecision): a bilingual survey had
// read every English answer as Persian, its default language, and had no
// parallel words, so none of its problems joined and each showed twice.
func TestBilingualDemoJoins(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the demo 12 times")
	}
	var one, two joinReading
	for i := range 6 {
		seed := uint64(101 + 100*i)
		for _, c := range []struct {
			in  study.Input
			sum *joinReading
		}{{bilingualDemoSeed(t, seed), &one}, {demoInputSeed(t, seed), &two}} {
			res, err := study.Analyze(context.Background(), c.in, study.Options{Seed: 1, Bootstrap: -1})
			if err != nil {
				t.Fatal(err)
			}
			r := readJoins(c.in, res)
			c.sum.joins += r.joins
			c.sum.right += r.right
			c.sum.possible += r.possible
			c.sum.wrong = append(c.sum.wrong, r.wrong...)
		}
	}
	t.Logf("one bilingual survey: %d joins, %d right, %d possible; two surveys: %d, %d, %d", one.joins, one.right, one.possible, two.joins, two.right, two.possible)
	if 10*one.right < 9*two.right || len(one.wrong) > len(two.wrong)+1 {
		t.Errorf("one bilingual survey joins %d right and %d wrong (%q); two surveys %d right, %d wrong", one.right, len(one.wrong), one.wrong, two.right, len(two.wrong))
	}
}
