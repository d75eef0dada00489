package study_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"github.com/safarhq/safar/analysis/cluster"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/personas"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// demoInput is the demo project as plain values: both surveys with the
// responses `safar demo` stores, and its transcripts and participants.
func demoInput(t *testing.T) study.Input { return demoInputSeed(t, 101) }

// demoInputSeed is the demo drawn with other seeds (seed for the Persian
// survey, seed+1 for the English one): a resample of it.
func demoInputSeed(t *testing.T, seed uint64) study.Input {
	t.Helper()
	defs, err := demo.Definitions()
	if err != nil {
		t.Fatal(err)
	}
	in := study.Input{Name: "demo", Title: "Demo"}
	for i, d := range defs {
		rs, err := demo.Responses(d, demo.ResponsesPerSurvey, seed+uint64(i))
		if err != nil {
			t.Fatal(err)
		}
		for j, r := range rs {
			r.ID = d.Slug + "-" + itoa(j)
		}
		in.Surveys = append(in.Surveys, study.SurveyData{Slug: d.Slug, Definition: d, Responses: rs})
	}
	in.Participants, in.Transcripts = demo.Qualitative()
	return in
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func analyzeDemo(t *testing.T) (study.Input, *study.Result) {
	t.Helper()
	in := demoInput(t)
	res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	return in, res
}

// TestDemoAnalysisGolden pins the whole analysis of the demo data. Run
// with -update after an intended change and review the diff.
func TestDemoAnalysisGolden(t *testing.T) {
	_, res := analyzeDemo(t)
	res.Personas.Assignments = nil // 658 lines of ids; covered by the trace test
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "demo.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./study -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		os.WriteFile(path+".got", got, 0o644)
		t.Fatalf("analysis differs from %s; see %s.got (run with -update if intended)", path, path)
	}
}

func TestDemoAnalysisFindsWhatWasPlanted(t *testing.T) {
	_, res := analyzeDemo(t)
	if res.Study.Responses != 658 || res.Study.Partial != 62 {
		t.Fatalf("responses %d complete, %d partial", res.Study.Responses, res.Study.Partial)
	}
	if res.Personas == nil || res.Personas.K < 3 || res.Personas.K > 5 {
		t.Fatalf("personas: %+v / %s", res.Personas, res.PersonaNote)
	}
	// Late delivery is the most common planted complaint: found in both
	// languages among the first pain points, labelled by its own words (in
	// the label of its language when the languages are joined), and never
	// placed at a stage before the purchase.
	for lang, word := range map[string]string{"en": "late", "fa": "دیر"} {
		var top *analysis.PainPoint
		for i, pp := range res.PainPoints.PainPoints {
			if slices.Contains(pp.Terms, word) {
				top = &res.PainPoints.PainPoints[i]
				break
			}
		}
		label := ""
		if top != nil {
			label = top.Label
			if l := res.PainPointLabels[top.Key][lang]; l != "" {
				label = l
			}
		}
		if top == nil || top.Rank > 6 || !strings.Contains(label, word) {
			t.Errorf("no pain point labelled %q in the top 6: %q, %+v", word, label, top)
			continue
		}
		for _, s := range res.Stages {
			if s.Key == top.Key && (s.Stage == "awareness" || s.Stage == "consideration" || s.Stage == "decision") {
				t.Errorf("pain point %q placed at %q, before the purchase", top.Label, s.Stage)
			}
		}
	}
	if res.Metrics.NPS == nil || res.Metrics.NPS.N != 658 || res.Metrics.NPS.Low == nil {
		t.Errorf("NPS: %+v", res.Metrics.NPS)
	}
}

// TestJourneyNumbersTraceBack recomputes every emotion score, every
// touchpoint satisfaction and every pain point count on the journey maps
// from the answers they came from.
func TestJourneyNumbersTraceBack(t *testing.T) {
	in, res := analyzeDemo(t)
	persona := map[string]int{}
	for _, a := range res.Personas.Assignments {
		persona[a.ID] = a.Persona
	}
	questions := map[string]*survey.Question{}
	var complete []*survey.Response
	for _, s := range in.Surveys {
		for _, q := range s.Definition.Questions() {
			if _, ok := questions[q.ID]; !ok {
				questions[q.ID] = q
			}
		}
		for _, r := range s.Responses {
			if r.Status == survey.Complete {
				complete = append(complete, r)
			}
		}
	}
	norm := func(q *survey.Question, x float64) float64 {
		lo, n := q.ScalePoints()
		return (x - float64(lo)) / float64(n-1)
	}
	inPersona := func(r *survey.Response, p int) bool { return p == 0 || persona[r.ID] == p }
	checked := 0
	for _, j := range res.Journeys {
		for _, st := range j.Stages {
			if st.Emotion == nil {
				continue
			}
			var sum float64
			n := 0
			for _, r := range complete {
				if !inPersona(r, j.Persona) {
					continue
				}
				for _, qid := range st.EmotionFrom {
					if v, ok := r.Answers[qid]; ok && v.Number != nil {
						sum += norm(questions[qid], *v.Number)
						n++
					}
				}
			}
			if n != st.EmotionN || math.Abs(math.Round(1000*sum/float64(n))/10-*st.Emotion) > 1e-9 {
				t.Errorf("persona %d stage %s: emotion %.1f (n=%d), recomputed %.1f (n=%d)", j.Persona, st.Stage, *st.Emotion, st.EmotionN, 100*sum/float64(n), n)
			}
			checked++
		}
	}
	for _, c := range res.Touchpoints {
		if c.Satisfaction == nil {
			continue
		}
		var sum float64
		n := 0
		for _, r := range complete {
			// A rating is about the touchpoint only for those who used it
			// there or did not say what they used (see touchpointMatrix).
			if named, used := touchpointsAt(questions, r, c.Stage); !inPersona(r, c.Persona) || (named && !used[c.Touchpoint]) {
				continue
			}
			for _, qid := range c.From {
				q := questions[qid]
				if q == nil || q.Touchpoint != c.Touchpoint || string(q.Stage) != c.Stage || q.Role != survey.RoleSatisfaction {
					continue
				}
				if v, ok := r.Answers[qid]; ok && v.Number != nil {
					sum += norm(q, *v.Number)
					n++
				}
			}
		}
		if n != c.SatisfactionN || math.Abs(math.Round(1000*sum/float64(n))/10-*c.Satisfaction) > 1e-9 {
			t.Errorf("cell %+v: satisfaction recomputed %.1f (n=%d)", c, 100*sum/float64(n), n)
		}
		checked++
	}
	members := map[string]map[string]bool{} // pain point key -> response ids
	for _, pp := range res.PainPoints.PainPoints {
		members[pp.Key] = map[string]bool{}
		for _, m := range pp.Members {
			// text ids are r:<response>:<question>
			var rid string
			for i := 2; i < len(m); i++ {
				if m[i] == ':' {
					rid = m[2:i]
				}
			}
			members[pp.Key][rid] = true
		}
	}
	for _, j := range res.Journeys {
		for _, st := range j.Stages {
			for _, p := range st.PainPoints {
				n := 0
				for _, r := range complete {
					if inPersona(r, j.Persona) && members[p.Key][r.ID] {
						n++
					}
				}
				if n != p.People {
					t.Errorf("persona %d stage %s pain point %q: %d people, recomputed %d", j.Persona, st.Stage, p.Label, p.People, n)
				}
				checked++
			}
		}
	}
	if checked < 30 {
		t.Fatalf("only %d numbers checked", checked)
	}
}

// The Personas hook has every respondent's persona and the personas'
// names as soon as the fit is done, before the pain points are on the
// cards (the workbook's Responses sheet is made meanwhile), and they are
// the result's: the cards are then completed in the same Result.
func TestPersonasHandedBeforeTheCards(t *testing.T) {
	in := demoInput(t)
	var handed *personas.Result
	var names []string
	var assigned []personas.Assignment
	calls := 0
	res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: -1, Personas: func(pr *personas.Result) {
		calls++
		handed = pr
		for _, p := range pr.Personas {
			names = append(names, p.Name)
			if p.PainPoints != nil {
				t.Errorf("persona %q was handed with its pain points on the card: after the cards, not after the fit", p.Name)
			}
		}
		assigned = slices.Clone(pr.Assignments)
	}})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || handed != res.Personas {
		t.Fatalf("the hook was called %d times with %p; want once with the result's personas %p", calls, handed, res.Personas)
	}
	withPains := 0
	for i, p := range res.Personas.Personas {
		if p.Name != names[i] {
			t.Errorf("persona %d handed as %q, named %q in the result", p.ID, names[i], p.Name)
		}
		if len(p.PainPoints) > 0 {
			withPains++
		}
	}
	if withPains == 0 {
		t.Error("no persona card has pain points: the test says nothing")
	}
	if !slices.Equal(assigned, res.Personas.Assignments) {
		t.Error("the assignments handed are not the result's")
	}
}

// TestChoiceStabilityOnly: the workbook's analysis measures the kept
// number of personas' stability alone; the personas, the choice and that
// stability are the full analysis'.
func TestChoiceStabilityOnly(t *testing.T) {
	in := demoInput(t)
	full, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: 3})
	if err != nil {
		t.Fatal(err)
	}
	only, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: 3, ChoiceStabilityOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	fq, oq := full.Personas.Quality, only.Personas.Quality
	if full.Personas.K != only.Personas.K || fq.KSelected != oq.KSelected {
		t.Fatalf("k %d (%s) against %d (%s)", full.Personas.K, fq.KSelected, only.Personas.K, oq.KSelected)
	}
	if fq.Stability == nil || oq.Stability == nil || fq.Stability.MeanARI != oq.Stability.MeanARI {
		t.Fatalf("kept k's stability %v against %v", fq.Stability, oq.Stability)
	}
	fa, _ := json.Marshal(full.Personas.Personas)
	oa, _ := json.Marshal(only.Personas.Personas)
	if string(fa) != string(oa) {
		t.Error("the personas differ")
	}
	measured := func(q []cluster.Candidate) (n int) {
		for _, c := range q {
			if c.Verdict != "" {
				n++
			}
		}
		return n
	}
	if f, o := measured(fq.Candidates), measured(oq.Candidates); o != 1 || f <= o {
		t.Errorf("candidates measured: %d of the full analysis', %d of the choice-only one's; want more, and 1", f, o)
	}
}
