package study

import (
	"testing"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/survey"
)

// stageFixture is a study in two surveys, Persian and English, of 100
// respondents each: everyone rates consideration, purchase, use and
// loyalty, the Persian respondents a little higher than the English ones
// (0.8 and 0.7: people rate differently in different languages). One pain point is
// joined across the languages: 40 Persian voices and 10 English ones.
// rate gives a voice's rating at a stage by language (ok false: as the
// others of their language rate).
type stageFixture struct {
	people []*respondent
	scores []stageScore
	voiced voiceSets
	found  analysis.PainPointResult
	part   []int
}

func newStageFixture(rate func(lang string, stage survey.Stage) (float64, bool)) *stageFixture {
	in := Input{Surveys: []SurveyData{{Definition: &survey.Definition{Language: "fa"}}, {Definition: &survey.Definition{Language: "en"}}}}
	f := &stageFixture{part: languageParts(in)}
	base := map[string]float64{"fa": 0.8, "en": 0.7}
	voices := map[string]int{"fa": 40, "en": 10}
	flags := newBits(200)
	for si, lang := range []string{"fa", "en"} {
		for i := range 100 {
			p := &respondent{idx: int32(len(f.people)), survey: uint16(si)}
			var s stageScore
			for _, st := range []survey.Stage{"consideration", "purchase", "use", "loyalty"} {
				r := base[lang]
				if i < voices[lang] {
					flags.set(int(p.idx))
					if v, ok := rate(lang, st); ok {
						r = v
					}
				}
				s.sum[stageIndex(string(st))], s.n[stageIndex(string(st))] = r, 1
			}
			f.people, f.scores = append(f.people, p), append(f.scores, s)
		}
	}
	f.voiced = voiceSets{respondents: map[string]bits{"coupon": flags}}
	f.found = analysis.PainPointResult{PainPoints: []analysis.PainPoint{{Key: "coupon", Label: "کد تخفیف"}}}
	return f
}

func (f *stageFixture) place() PainStage {
	return placePainPoints(f.found, f.voiced, f.scores, f.people, f.part)[0]
}

// A pain point joined across languages is placed by each language's half
// against its own language. The English half rates the purchase 0.5 below
// the other English respondents, the Persian half rates as the other
// Persian respondents: all 50 voices against all 150 others, the gap at the
// purchase is 0.06 and the item had no stage; the English half singles it
// out and the Persian half does not contradict it (the gap, each half
// against its own language, averaged by voices: 0.1).
func TestJoinedPainPointStage(t *testing.T) {
	for _, c := range []struct {
		name  string
		rate  func(lang string, stage survey.Stage) (float64, bool)
		stage string
		gap   float64
	}{
		{"one half singles out the purchase", func(lang string, st survey.Stage) (float64, bool) {
			return 0.2, lang == "en" && st == "purchase"
		}, "purchase", 0.1},
		// The Persian half (40) rates the purchase 0.15 above the other
		// Persian respondents: it contradicts the English half's purchase.
		{"the other half contradicts it", func(lang string, st survey.Stage) (float64, bool) {
			if st != "purchase" {
				return 0, false
			}
			return map[string]float64{"fa": 0.95, "en": 0.2}[lang], true
		}, "", 0},
		// The Persian half singles out the use (0.2 below), the English
		// half the purchase: all 50 voices stand out most at the use.
		{"the halves single out different stages", func(lang string, st survey.Stage) (float64, bool) {
			switch {
			case lang == "en" && st == "purchase":
				return 0.2, true
			case lang == "fa" && st == "use":
				return 0.6, true
			}
			return 0, false
		}, "use", 0.16},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := newStageFixture(c.rate).place()
			if got.Stage != c.stage || got.Gap != c.gap {
				t.Errorf("placed at %q (gap %.3f, %s), want %q (gap %.3f)", got.Stage, got.Gap, got.How, c.stage, c.gap)
			}
		})
	}
}

// A stage asked of a few of a pain point's voices (an interview about the
// use, one of 51) does not place the other 50 people: their satisfaction
// does, and the asked stage only when their satisfaction singles out none.
// Asked of at least half the voices, it places the pain point.
func TestAskedStageOfFewVoices(t *testing.T) {
	purchase := func(lang string, st survey.Stage) (float64, bool) {
		return 0.2, lang == "en" && st == "purchase"
	}
	flat := func(string, survey.Stage) (float64, bool) { return 0, false }
	for _, c := range []struct {
		name       string
		rate       func(lang string, stage survey.Stage) (float64, bool)
		asked      int
		stage, how string
	}{
		{"one voice asked, the others low at the purchase", purchase, 1, "purchase", "satisfaction"},
		{"one voice asked, the others flat", flat, 1, "use", "asked"},
		{"half the voices asked", purchase, 51, "use", "asked"},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := newStageFixture(c.rate)
			pp := &f.found.PainPoints[0]
			pp.Documents = 50 + c.asked
			pp.Breakdown = map[string]map[string]int{"stage": {"use": c.asked}}
			if got := f.place(); got.Stage != c.stage || got.How != c.how {
				t.Errorf("placed at %q (%s), want %q (%s)", got.Stage, got.How, c.stage, c.how)
			}
		})
	}
}
