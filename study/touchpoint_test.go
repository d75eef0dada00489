package study_test

import (
	"math"
	"slices"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// touchpointsAt is what respondent r said they used at stage: named is
// whether they answered a touchpoint question there at all.
func touchpointsAt(questions map[string]*survey.Question, r *survey.Response, stage string) (named bool, used map[string]bool) {
	used = map[string]bool{}
	for id, v := range r.Answers {
		q := questions[id]
		if q == nil || q.Role != survey.RoleTouchpoint || string(q.Stage) != stage {
			continue
		}
		for _, c := range append(slices.Clone(v.Choices), v.Choice) {
			if c != "" {
				named = true
				used[c] = true
			}
		}
	}
	return named, used
}

// TestTouchpointShareMeansUse pins the heatmap's meaning: a cell's Share is
// the part of the persona's respondents who used that touchpoint at that
// stage. In the demo every respondent rates "paying and checking out"
// (tagged website), while their answer to "where do you usually buy"
// says website for some and store, app, Instagram or phone for the rest:
// the rating must not make everyone a website user at purchase.
func TestTouchpointShareMeansUse(t *testing.T) {
	in, res := analyzeDemo(t)
	questions, persona := questionsAndPersonas(in, res)
	size := map[int]int{}
	users := map[[3]string]int{} // persona, stage, touchpoint
	for _, s := range in.Surveys {
		for _, r := range s.Responses {
			if r.Status != survey.Complete {
				continue
			}
			size[0]++
			if p := persona[r.ID]; p > 0 {
				size[p]++
			}
			_, used := touchpointsAt(questions, r, "purchase")
			for tp := range used {
				if tp == survey.OtherValue {
					continue
				}
				users[[3]string{"0", "purchase", tp}]++
				if p := persona[r.ID]; p > 0 {
					users[[3]string{itoa(p), "purchase", tp}]++
				}
			}
		}
	}
	share := map[[3]string]float64{}
	checked := 0
	for _, c := range res.Touchpoints {
		if c.Stage != "purchase" {
			continue
		}
		k := [3]string{itoa(c.Persona), c.Stage, c.Touchpoint}
		share[k] = c.Share
		want := users[k]
		if c.Users != want {
			t.Errorf("persona %d, %s at purchase: %d users, want %d (those who said they used it)", c.Persona, c.Touchpoint, c.Users, want)
		}
		if n := size[c.Persona]; math.Abs(c.Share-math.Round(1000*float64(want)/float64(n))/1000) > 1e-9 {
			t.Errorf("persona %d, %s at purchase: share %.3f, want %d/%d", c.Persona, c.Touchpoint, c.Share, want, n)
		}
		checked++
	}
	if checked < 10 {
		t.Fatalf("only %d purchase cells", checked)
	}
	web, store := share[[3]string{"0", "purchase", "website"}], share[[3]string{"0", "purchase", "store"}]
	if web >= 0.9 || store < 0.1 || web+store > 1 {
		t.Errorf("everyone at purchase: website %.3f, store %.3f; want shares of those who bought there", web, store)
	}
}

// TestTouchpointCountsWithinTheirBase: a cell counts the view's survey
// respondents, never more than there are (QA D4: Reza's interview about
// the use stage, touchpoints website and courier, made the courier used
// by 659 of 658 respondents and showed "website 0% (1)"). The interview's
// and transcripts' participants are counted apart, in Participants.
func TestTouchpointCountsWithinTheirBase(t *testing.T) {
	in, res := analyzeDemo(t)
	size := map[int]int{0: res.Study.Responses}
	for _, p := range res.Personas.Personas {
		size[p.ID] = p.Size
	}
	for _, c := range res.Touchpoints {
		if c.Users > size[c.Persona] || c.Share > 1 {
			t.Errorf("persona %d, %s at %s: %d users (share %.3f) of %d respondents", c.Persona, c.Touchpoint, c.Stage, c.Users, c.Share, size[c.Persona])
		}
		if c.Persona > 0 && c.Participants > 0 {
			t.Errorf("persona %d, %s at %s: %d transcript participants in a persona's view", c.Persona, c.Touchpoint, c.Stage, c.Participants)
		}
	}
	// Every session with a stage counts its customers apart, at each of
	// its touchpoints, in the view of everyone.
	sessions := 0
	for _, tr := range in.Transcripts {
		if tr.Stage == "" {
			continue
		}
		for _, tp := range tr.Touchpoints {
			sessions++
			found := false
			for _, c := range res.Touchpoints {
				if c.Persona == 0 && c.Stage == string(tr.Stage) && c.Touchpoint == tp {
					found = true
					if c.Participants == 0 {
						t.Errorf("%q at %s: the session %q is not counted", tp, tr.Stage, tr.Title)
					}
				}
			}
			if !found {
				t.Errorf("%q at %s: no cell for the session %q", tp, tr.Stage, tr.Title)
			}
		}
	}
	if sessions == 0 {
		t.Fatal("fixture: no transcript with a stage and touchpoints: the test says nothing")
	}
}

// TestTouchpointNamedByItsFirstQuestion: a touchpoint offered by several
// touchpoint questions under different labels is named by the first of
// them in the survey, whatever a respondent chose first: the demo's
// purchase question offers "Instagram direct messages" and named the
// Instagram that respondents heard of the store through (awareness, 41%).
func TestTouchpointNamedByItsFirstQuestion(t *testing.T) {
	in, res := analyzeDemo(t)
	want := map[string]string{}
	for _, s := range in.Surveys {
		for _, q := range s.Definition.Questions() {
			if q.Role != survey.RoleTouchpoint {
				continue
			}
			for _, o := range q.Options {
				if _, ok := want[o.Value]; !ok {
					want[o.Value] = q.OptionTextIn(o.Value, res.Study.Language)
				}
			}
		}
	}
	if want["instagram"] == "" || want["store"] == "" {
		t.Fatalf("the demo's touchpoint questions offer no instagram or store: %v", want)
	}
	for _, c := range res.Touchpoints {
		if w, ok := want[c.Touchpoint]; ok && c.Label != w {
			t.Errorf("%s at %s (persona %d) is named %q, want %q", c.Touchpoint, c.Stage, c.Persona, c.Label, w)
		}
	}
}

// TestTouchpointRatingIsUseOnlyWhereAskedOfUsers: a rating is evidence of
// use only when the respondent could have left it or was shown it because
// of an earlier answer. The demo asked "delivery of your order" (courier,
// use) and "finding the product you wanted" (website, consideration) of
// everyone, so the heatmap showed 100% of every persona using the courier
// and the website, the persona that buys in store included. A cell's
// users are those who answered a rating shown to users of it.
func TestTouchpointRatingIsUseOnlyWhereAskedOfUsers(t *testing.T) {
	in, res := analyzeDemo(t)
	questions, persona := questionsAndPersonas(in, res)
	users := map[[3]string]int{} // persona, stage, touchpoint
	for _, s := range in.Surveys {
		for _, r := range s.Responses {
			seen := map[[2]string]bool{}
			for id, v := range r.Answers {
				q := questions[id]
				if q == nil || q.Role != survey.RoleSatisfaction || q.Touchpoint == "" || v.Number == nil {
					continue
				}
				if q.Required && q.ShowIf == nil {
					continue // everyone answers it: no evidence of use
				}
				k := [2]string{string(q.Stage), q.Touchpoint}
				if seen[k] {
					continue
				}
				seen[k] = true
				users[[3]string{"0", k[0], k[1]}]++
				if p := persona[r.ID]; p > 0 {
					users[[3]string{itoa(p), k[0], k[1]}]++
				}
			}
		}
	}
	checked := 0
	for _, c := range res.Touchpoints {
		if c.Stage != "use" && c.Stage != "consideration" {
			continue
		}
		if c.Share >= 0.99 {
			t.Errorf("persona %d: %.0f%% use %s at %s", c.Persona, 100*c.Share, c.Touchpoint, c.Stage)
		}
		if c.Touchpoint != "courier" && c.Touchpoint != "website" && c.Touchpoint != "call_centre" {
			continue
		}
		if want := users[[3]string{itoa(c.Persona), c.Stage, c.Touchpoint}]; c.Users != want {
			t.Errorf("persona %d, %s at %s: %d users, want %d (who answered a rating shown to its users)", c.Persona, c.Touchpoint, c.Stage, c.Users, want)
		}
		checked++
	}
	if checked < 8 {
		t.Fatalf("only %d cells checked", checked)
	}
}

// questionsAndPersonas indexes an analysed demo's questions by id and its
// respondents' personas by response id.
func questionsAndPersonas(in study.Input, res *study.Result) (map[string]*survey.Question, map[string]int) {
	questions := map[string]*survey.Question{}
	for _, s := range in.Surveys {
		for _, q := range s.Definition.Questions() {
			questions[q.ID] = q
		}
	}
	persona := map[string]int{}
	for _, a := range res.Personas.Assignments {
		persona[a.ID] = a.Persona
	}
	return questions, persona
}
