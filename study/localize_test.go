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
		for _, q := range per.Quotes {
			if !hasArabicScript(q.Text) && hasArabicScript(per.Quotes[0].Text) {
				t.Errorf("persona %d quoted first in Persian for an English reader, though %q is English", per.ID, q.Text)
			}
		}
		for _, tr := range append(per.Traits, per.Demographics...) {
			if hasArabicScript(tr.Label) || hasArabicScript(tr.Value) {
				t.Errorf("persona %d trait in Persian: %s: %s", per.ID, tr.Label, tr.Value)
			}
		}
	}
	// A pain point voiced in both languages is quoted first in English
	// for an English reader, on its row and on the journeys' stages.
	english := map[string]string{}
	for i, p := range en.PainPoints.PainPoints {
		var mine []string
		for _, ex := range p.Examples {
			if !hasArabicScript(ex) {
				mine = append(mine, ex)
			}
		}
		if len(mine) > 0 {
			english[p.Key] = mine[0]
			if p.Examples[0] != mine[0] {
				t.Errorf("pain point %q quoted first in Persian for an English reader: %q", p.Label, p.Examples)
			}
		}
		if len(p.Examples) != len(res.PainPoints.PainPoints[i].Examples) {
			t.Errorf("pain point %q: %d examples, was %d", p.Label, len(p.Examples), len(res.PainPoints.PainPoints[i].Examples))
		}
	}
	quoted := 0
	for _, j := range en.Journeys {
		for _, st := range j.Stages {
			for k, q := range st.Quotes {
				if k < len(st.PainPoints) && english[st.PainPoints[k].Key] != "" && q != english[st.PainPoints[k].Key] {
					t.Errorf("journey %s stage %s quotes %q for %q", j.Name, st.Stage, q, st.PainPoints[k].Label)
				}
				if !hasArabicScript(q) {
					quoted++
				}
			}
		}
	}
	if len(english) == 0 || quoted == 0 {
		t.Errorf("the demo's English reader sees no English quote (%d pain points, %d stage quotes)", len(english), quoted)
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

// TestInRewordsSentences: the sentences the analysis writes in the
// project's language (trust lines, opportunities, the coded-passages
// note) and a multiple-choice trait's "yes" read in the reader's language.
func TestInRewordsSentences(t *testing.T) {
	_, res := analyzeDemo(t)
	en, fa := res.In("en"), res.In("fa")
	opps := 0
	for _, j := range en.Journeys {
		for _, st := range j.Stages {
			for _, o := range st.Opportunities {
				opps++
				if hasArabicScript(strings.Split(o, "\"")[0]) || !strings.HasPrefix(o, "Fix \"") || !strings.Contains(o, ", severity ") {
					t.Errorf("journey %d stage %s: opportunity %q", j.Persona, st.Stage, o)
				}
			}
		}
	}
	if opps == 0 {
		t.Fatal("the demo's journeys have no opportunities")
	}
	for i, p := range en.Personas.Personas {
		if hasArabicScript(p.Trust) || !strings.Contains(p.Trust, "sure to belong") {
			t.Errorf("persona %d trust %q", p.ID, p.Trust)
		}
		if fa.Personas.Personas[i].Trust != res.Personas.Personas[i].Trust {
			t.Errorf("persona %d trust in the project's own language changed: %q", p.ID, fa.Personas.Personas[i].Trust)
		}
		for _, tr := range append(fa.Personas.Personas[i].Traits, fa.Personas.Personas[i].Profile...) {
			if tr.Value == "yes" || tr.Value == "no" {
				t.Errorf("persona %d: %s: %s on a Persian reader's card", p.ID, tr.Label, tr.Value)
			}
		}
	}

	yes := 0
	for _, p := range res.Personas.Personas {
		for _, tr := range p.Traits {
			if tr.Value == "yes" {
				yes++
			}
		}
	}
	if yes == 0 {
		t.Error("no persona of the demo has a multiple-choice option among its traits")
	}

	few := &study.Result{Study: study.Info{Language: "fa"}, Journeys: []study.Journey{{Passages: 8, FewPassages: true, PassagePeople: 3,
		Note: "فقط 8 بخش کدگذاری‌شده از 3 نفر: برای خواندن سفر مشتری کافی نیست. بخش‌های بیشتری را کدگذاری کنید یا پرسشنامه‌ای اضافه کنید."}}}
	if got := few.In("en").Journeys[0].Note; got != "Only 8 coded passages from 3 people: too few to read a journey from. Code more passages or add a survey." {
		t.Errorf("note in English: %q", got)
	}
	if got := few.In("fa").Journeys[0].Note; got != few.Journeys[0].Note {
		t.Errorf("note in Persian: %q", got)
	}
}

// TestJourneyKeepsUnplacedPainPoints: a pain point no stage stands out
// for is not left off the journey map: every pain point its people voice
// is at a stage or among the map's unplaced ones (the demo's fourth
// largest, late answers in Instagram DMs, was on no page of the map), and
// In words their labels in the reader's language.
func TestJourneyKeepsUnplacedPainPoints(t *testing.T) {
	_, res := analyzeDemo(t)
	staged := map[string]bool{}
	for _, ps := range res.Stages {
		staged[ps.Key] = ps.Stage != ""
	}
	all := res.Journeys[0]
	shown := map[string]bool{}
	for _, st := range all.Stages {
		for _, p := range st.PainPoints {
			shown[p.Key] = true
		}
	}
	unplaced := 0
	for _, p := range all.Unplaced {
		if staged[p.Key] || p.People == 0 || p.Share <= 0 || p.Share > 1 {
			t.Errorf("unplaced %q: staged %v, %d people, share %v", p.Label, staged[p.Key], p.People, p.Share)
		}
		shown[p.Key] = true
		unplaced++
	}
	if unplaced == 0 {
		t.Fatal("the demo has pain points without a stage; none is listed")
	}
	for _, p := range res.PainPoints.PainPoints {
		if !shown[p.Key] {
			t.Errorf("pain point %q (%d people) is on no part of the map", p.Label, p.Documents)
		}
	}
	en := res.In("en")
	for i, p := range en.Journeys[0].Unplaced {
		if l := res.PainPointLabels[p.Key]["en"]; l != "" && p.Label != l {
			t.Errorf("unplaced %d in English: %q, want %q", i, p.Label, l)
		}
	}
}

// TestScalePointsSayWhatTheyMean: a persona trait on an agreement scale
// says the point's label beside its number ("1 Strongly disagree", not
// "1", which a client reads as nothing), in the reader's language too.
func TestScalePointsSayWhatTheyMean(t *testing.T) {
	_, res := analyzeDemo(t)
	const item = "insta_follow" // the demo's likert question
	seen := 0
	for _, r := range []*study.Result{res, res.In("en")} {
		for _, per := range r.Personas.Personas {
			for _, tr := range per.Traits {
				if tr.Column != item {
					continue
				}
				seen++
				if !strings.ContainsFunc(tr.Value, unicode.IsLetter) {
					t.Errorf("%s persona %d: %s = %q, a bare point", r.Study.Language, per.ID, tr.Label, tr.Value)
				}
				if r.Study.Language == "en" && hasArabicScript(tr.Value) {
					t.Errorf("persona %d: %q in Persian for an English reader", per.ID, tr.Value)
				}
			}
		}
	}
	if seen == 0 {
		t.Fatalf("no persona trait on %s", item)
	}
}
