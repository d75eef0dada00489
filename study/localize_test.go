package study_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"github.com/safarhq/safar/study"
)

func hasArabicScript(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// TestResultIn: the demo's analysis runs in Persian; In("en") reads in
// English wherever the project has the words, and leaves the result it
// was called on alone.
func TestResultIn(t *testing.T) {
	_, res := analyzeDemo(t)
	before, _ := json.Marshal(res)
	en := res.In("en")
	if after, _ := json.Marshal(res); string(after) != string(before) {
		t.Fatal("In changed the result it was called on")
	}
	for _, p := range res.In(res.Study.Language).PainPoints.PainPoints {
		if set := res.PainPointLabels[p.Key]; set["fa"] != "" && p.Label != set["fa"] {
			t.Errorf("pain point %s in the study's own language: %q, want %q", p.Key, p.Label, set["fa"])
		}
	}
	if en.Study.Language != "en" || en.Personas.Language != "en" {
		t.Errorf("languages %q, %q", en.Study.Language, en.Personas.Language)
	}
	for i, p := range en.PainPoints.PainPoints {
		if set := res.PainPointLabels[p.Key]; set["en"] != "" && p.Label != set["en"] {
			t.Errorf("pain point %s: %q, want %q", p.Key, p.Label, set["en"])
		}
		if p.Documents != res.PainPoints.PainPoints[i].Documents {
			t.Errorf("pain point %s: reach changed", p.Key)
		}
	}
	for i, per := range en.Personas.Personas {
		if per.Name != res.PersonaNames["en"][i] {
			t.Errorf("persona %d: %q", per.ID, per.Name)
		}
		// The same traits in both names, part by part: where the
		// Persian part is an answer the glossary knows, the English
		// part says its translation (a longer English wording named
		// another trait).
		fa, enParts := strings.Split(res.Personas.Personas[i].Name, "، "), strings.Split(per.Name, ", ")
		if len(fa) != len(enParts) {
			t.Errorf("persona %d: %q and %q name different traits", per.ID, res.Personas.Personas[i].Name, per.Name)
		} else {
			for j, part := range fa {
				if want, ok := res.Glossary["en"][part]; ok && !strings.Contains(strings.ToLower(enParts[j]), strings.ToLower(want)) {
					t.Errorf("persona %d: %q and %q name different traits (%q is %q)", per.ID, res.Personas.Personas[i].Name, per.Name, part, want)
				}
			}
		}
		for _, tr := range append(per.Traits, per.Demographics...) {
			if hasArabicScript(tr.Label) || hasArabicScript(tr.Value) {
				t.Errorf("persona %d trait in Persian: %s: %s", per.ID, tr.Label, tr.Value)
			}
		}
	}
	for _, c := range en.Touchpoints {
		if hasArabicScript(c.Label) {
			t.Errorf("touchpoint %q in Persian", c.Label)
		}
	}
	for _, j := range en.Journeys {
		for _, st := range j.Stages {
			if hasArabicScript(strings.Join(st.Touchpoints, " ")) {
				t.Errorf("journey %s stage %s touchpoints in Persian: %q", j.Name, st.Stage, st.Touchpoints)
			}
		}
	}
}

// TestConceptLabelsInBothLanguages: with a domain vocabulary, concept pain
// points are labelled in both of the demo's languages, and In("en") shows
// the English one.
func TestConceptLabelsInBothLanguages(t *testing.T) {
	in := demoInput(t)
	opt := study.Options{Seed: 1, Bootstrap: -1}
	opt.PainPoints.Pack = "retail"
	res, err := study.Analyze(context.Background(), in, opt)
	if err != nil {
		t.Fatal(err)
	}
	both := 0
	for _, p := range res.PainPoints.PainPoints {
		set := res.PainPointLabels[p.Key]
		if set["fa"] == "" || set["en"] == "" {
			continue
		}
		both++
		if hasArabicScript(set["en"]) || !hasArabicScript(set["fa"]) {
			t.Errorf("%s: labels in the wrong script: %q", p.Key, set)
		}
	}
	if both < 3 {
		t.Errorf("%d pain points labelled in both languages with the retail vocabulary, want several", both)
	}
	for _, p := range res.In("en").PainPoints.PainPoints {
		if set := res.PainPointLabels[p.Key]; set["en"] != "" && p.Label != set["en"] {
			t.Errorf("%s in English: %q", p.Key, p.Label)
		}
	}
}
