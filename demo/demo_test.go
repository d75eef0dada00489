package demo_test

import (
	"context"
	"slices"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/gormstore/storetest"
)

// TestSeedTellsTheWholeStory: the demo project has touchpoints that its
// responses came through, transcripts in both languages with speakers
// mapped to participants, interview notes, and a codebook used on
// transcripts and open answers. Seeding again adds nothing.
func TestSeedTellsTheWholeStory(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpenTemp(t)
	res, err := demo.SeedN(ctx, st, 80)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 2 || res.Responses != 160 || res.Transcripts != 3 || res.Codings == 0 {
		t.Fatalf("first seed: %+v", res)
	}
	p, err := st.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Touchpoints, demo.Touchpoints) {
		t.Errorf("touchpoints %q, want %q", p.Touchpoints, demo.Touchpoints)
	}
	sv, _ := st.SurveyBySlug(ctx, demo.SlugEN)
	counts, err := st.TouchpointCounts(ctx, sv.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range counts {
		if c.Touchpoint != "" && !slices.Contains(p.Touchpoints, c.Touchpoint) {
			t.Errorf("responses came through %q, which is not a project touchpoint", c.Touchpoint)
		}
	}

	ts, err := st.Transcripts(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[survey.SourceKind]int{}
	for _, tr := range ts {
		kinds[tr.Kind]++
		full, err := st.Transcript(ctx, tr.ID)
		if err != nil {
			t.Fatal(err)
		}
		mapped := 0
		for _, sp := range full.Speakers {
			if sp.ParticipantID != nil {
				mapped++
			}
		}
		if mapped == 0 || len(full.Utterances) < 4 {
			t.Errorf("%s: %d mapped speakers, %d utterances", tr.Title, mapped, len(full.Utterances))
		}
	}
	if kinds[survey.KindTranscript] != 2 || kinds[survey.KindInterview] != 1 {
		t.Errorf("sessions by kind: %v", kinds)
	}
	parts, _ := st.Participants(ctx, p.ID)
	for _, pt := range parts {
		if pt.Attributes["age_group"] == "" || pt.Attributes["main_channel"] == "" {
			t.Errorf("participant %s lacks survey attributes: %v", pt.Pseudonym, pt.Attributes)
		}
	}
	coded, err := st.CodedPassages(ctx, p.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	bySource := map[string]map[string]bool{} // source -> language seen
	for _, cp := range coded {
		lang := "en"
		if cp.Passage.SurveySlug == demo.SlugFA || (cp.Source == survey.SourceUtterance && cp.Passage.Text != "" && cp.Passage.Text[0] >= 0x80) {
			lang = "fa"
		}
		if bySource[cp.Source] == nil {
			bySource[cp.Source] = map[string]bool{}
		}
		bySource[cp.Source][lang] = true
	}
	for _, src := range []string{survey.SourceUtterance, survey.SourceAnswer} {
		if !bySource[src]["en"] || !bySource[src]["fa"] {
			t.Errorf("coded %s passages by language: %v", src, bySource[src])
		}
	}

	again, err := demo.SeedN(ctx, st, 80)
	if err != nil || again != (demo.Result{}) {
		t.Fatalf("second seed: %+v, %v", again, err)
	}
	if after, _ := st.CodedPassages(ctx, p.ID, 0); len(after) != len(coded) {
		t.Errorf("codings %d after reseeding, want %d", len(after), len(coded))
	}
}

// TestSeedUpgradesAnOlderDemo: a demo stored before the qualitative part
// existed (surveys and responses only) gets the rest on the next seed,
// and its responses are left alone.
func TestSeedUpgradesAnOlderDemo(t *testing.T) {
	ctx := context.Background()
	st := storetest.MustOpenTemp(t)
	p, err := st.EnsureProject(ctx, demo.Project, "Demo")
	if err != nil {
		t.Fatal(err)
	}
	defs, err := demo.Definitions()
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range defs {
		sv := &survey.Survey{ProjectID: p.ID, Definition: d, Status: survey.Published}
		if err := st.CreateSurvey(ctx, sv); err != nil {
			t.Fatal(err)
		}
		rs, err := demo.Responses(d, 40, uint64(101+i))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			r.SurveyID, r.SurveyVersion = sv.ID, sv.Version
		}
		if err := st.SaveResponses(ctx, rs); err != nil {
			t.Fatal(err)
		}
	}
	res, err := demo.Seed(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if res.Created != 0 || res.Responses != 0 || res.Transcripts != 3 || res.Codings == 0 {
		t.Errorf("upgrade seed: %+v", res)
	}
	p, _ = st.ProjectByName(ctx, demo.Project)
	if len(p.Touchpoints) != len(demo.Touchpoints) {
		t.Errorf("touchpoints after upgrade: %q", p.Touchpoints)
	}
}
