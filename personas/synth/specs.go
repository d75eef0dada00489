package synth

import (
	"fmt"
	"math/rand/v2"
)

// Example returns a retail-customer survey with four hidden personas, for
// the demo and for tests: young Instagram-first bargain hunters, busy
// professionals who buy on the website, loyal in-store shoppers and
// occasional gift buyers. Noise is 0.15 and a few items have missing answers.
// Change Seed (and Noise) on the returned value as needed.
func Example() Spec {
	age := []string{"18-24", "25-34", "35-44", "45-54", "55+"}
	channel := []string{"Instagram", "Website", "Store", "Phone"}
	freq := []string{"Weekly", "Monthly", "Quarterly", "Yearly"} // ordered, most to least often
	sat := []string{"1", "2", "3", "4", "5"}
	yesno := []string{"yes", "no"}
	motive := []string{"Price", "Speed", "Quality", "Service", "Gift"}
	return Spec{
		Seed:  1,
		Noise: 0.15,
		Items: []Item{
			{Name: "age_group", Kind: Ordinal, Levels: age},
			{Name: "gender", Kind: Categorical, Levels: []string{"Female", "Male"}, Missing: 0.03},
			{Name: "main_channel", Kind: Categorical, Levels: channel},
			{Name: "purchase_frequency", Kind: Ordinal, Levels: freq},
			{Name: "main_motive", Kind: Categorical, Levels: motive},
			{Name: "uses_discount_codes", Kind: Categorical, Levels: yesno},
			{Name: "follows_on_instagram", Kind: Categorical, Levels: yesno},
			{Name: "satisfaction_delivery", Kind: Ordinal, Levels: sat, Missing: 0.1},
			{Name: "satisfaction_support", Kind: Ordinal, Levels: sat, Missing: 0.2},
			{Name: "monthly_spend", Kind: Numeric, Round: 0, Min: 0, Max: 1e6},
		},
		Classes: []Class{
			{Name: "Young Instagram-first bargain hunters", Weight: 0.35,
				Probs: map[string][]float64{
					"age_group": {.5, .35, .1, .04, .01}, "gender": {.65, .35},
					"main_channel": {.7, .2, .05, .05}, "purchase_frequency": {.3, .5, .15, .05},
					"main_motive": {.7, .1, .1, .05, .05}, "uses_discount_codes": {.85, .15},
					"follows_on_instagram": {.9, .1}, "satisfaction_delivery": {.1, .2, .3, .3, .1},
					"satisfaction_support": {.15, .25, .3, .2, .1}},
				Numbers: map[string]Normal{"monthly_spend": {40, 15}}},
			{Name: "Busy professionals buying online", Weight: 0.3,
				Probs: map[string][]float64{
					"age_group": {.05, .45, .4, .08, .02}, "gender": {.45, .55},
					"main_channel": {.1, .8, .05, .05}, "purchase_frequency": {.2, .5, .2, .1},
					"main_motive": {.05, .6, .25, .05, .05}, "uses_discount_codes": {.3, .7},
					"follows_on_instagram": {.3, .7}, "satisfaction_delivery": {.3, .3, .2, .15, .05},
					"satisfaction_support": {.1, .2, .3, .3, .1}},
				Numbers: map[string]Normal{"monthly_spend": {120, 40}}},
			{Name: "Loyal in-store shoppers", Weight: 0.25,
				Probs: map[string][]float64{
					"age_group": {.02, .08, .2, .35, .35}, "gender": {.6, .4},
					"main_channel": {.02, .08, .8, .1}, "purchase_frequency": {.5, .35, .1, .05},
					"main_motive": {.05, .05, .4, .45, .05}, "uses_discount_codes": {.2, .8},
					"follows_on_instagram": {.1, .9}, "satisfaction_delivery": {.05, .1, .2, .35, .3},
					"satisfaction_support": {.02, .05, .13, .4, .4}},
				Numbers: map[string]Normal{"monthly_spend": {90, 30}}},
			{Name: "Occasional gift buyers", Weight: 0.1,
				Probs: map[string][]float64{
					"age_group": {.1, .25, .3, .2, .15}, "gender": {.4, .6},
					"main_channel": {.2, .4, .3, .1}, "purchase_frequency": {.02, .08, .3, .6},
					"main_motive": {.05, .1, .1, .05, .7}, "uses_discount_codes": {.4, .6},
					"follows_on_instagram": {.3, .7}, "satisfaction_delivery": {.15, .2, .3, .25, .1},
					"satisfaction_support": {.1, .2, .4, .2, .1}},
				Numbers: map[string]Normal{"monthly_spend": {60, 50}}},
		},
	}
}

// Random returns a spec with the given number of items and classes, for
// recovery tests and benchmarks. Items cycle through categorical (3-5
// levels), ordinal (5 levels), yes/no and numeric kinds; each class's level
// probabilities come from a peaked random profile so classes differ on most
// items but overlap, as real personas do. separation in (0,1] scales how
// different the classes are (0.5 is moderate, 1 strong).
func Random(items, classes int, separation float64, seed uint64) Spec {
	rng := rand.New(rand.NewPCG(seed, 0xc1a55))
	s := Spec{Seed: seed}
	for j := range items {
		it := Item{Name: fmt.Sprintf("q%02d", j+1)}
		switch j % 4 {
		case 0:
			it.Kind = Categorical
			it.Levels = levels("opt", 3+j%3)
		case 1:
			it.Kind = Ordinal
			it.Levels = levels("", 5)
		case 2:
			it.Kind = Categorical
			it.Levels = []string{"yes", "no"}
		case 3:
			it.Kind = Numeric
			it.Round = 2
		}
		s.Items = append(s.Items, it)
	}
	for c := range classes {
		cl := Class{Name: fmt.Sprintf("persona %d", c+1), Weight: 0.5 + rng.Float64(),
			Probs: map[string][]float64{}, Numbers: map[string]Normal{}}
		for _, it := range s.Items {
			if it.Kind == Numeric {
				cl.Numbers[it.Name] = Normal{Mean: 3 * separation * rng.NormFloat64(), SD: 1}
				continue
			}
			p := make([]float64, len(it.Levels))
			peak := rng.IntN(len(p))
			for l := range p {
				p[l] = 1 - separation + 0.2*rng.Float64()
			}
			p[peak] += 4 * separation
			cl.Probs[it.Name] = p
		}
		s.Classes = append(s.Classes, cl)
	}
	return s
}

func levels(prefix string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return out
}
