package demo

import "github.com/safarhq/safar/personas/synth"

// The four hidden customer types behind the demo responses. Item names are
// question ids (hf_* are the options of the multiple-choice heard_from);
// levels are option values, or scale points as strings.
const (
	typeBargain = iota // young, Instagram-first bargain hunters
	typeBusy           // busy professionals buying on the website and app
	typeLoyal          // older, loyal in-store and phone shoppers
	typeGift           // occasional gift buyers
)

var (
	yesNo  = []string{"yes", "no"}
	points = []string{"1", "2", "3", "4", "5"}
	nps    = []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"}
)

// PersonaSpec is the latent-class model the demo responses are drawn from
// (the personas benchmark draws its rows from it).
func PersonaSpec(seed uint64) synth.Spec { return spec(seed) }

// spec is the latent-class model the demo responses are drawn from.
func spec(seed uint64) synth.Spec {
	return synth.Spec{
		Seed:  seed,
		Noise: 0.12,
		Items: []synth.Item{
			{Name: "age_group", Kind: synth.Ordinal, Levels: []string{"18-24", "25-34", "35-44", "45-54", "55+"}},
			{Name: "gender", Kind: synth.Categorical, Levels: []string{"female", "male"}, Missing: 0.06},
			{Name: "city", Kind: synth.Categorical, Levels: []string{"tehran", "mashhad", "isfahan", "shiraz", "tabriz", "other_city"}, Missing: 0.04},
			{Name: "hf_instagram", Kind: synth.Categorical, Levels: yesNo},
			{Name: "hf_search", Kind: synth.Categorical, Levels: yesNo},
			{Name: "hf_friend", Kind: synth.Categorical, Levels: yesNo},
			{Name: "hf_ads", Kind: synth.Categorical, Levels: yesNo},
			{Name: "hf_store", Kind: synth.Categorical, Levels: yesNo},
			{Name: "main_channel", Kind: synth.Categorical, Levels: []string{"website", "app", "instagram", "store", "phone"}},
			{Name: "insta_follow", Kind: synth.Ordinal, Levels: points},
			{Name: "motive", Kind: synth.Categorical, Levels: []string{"price", "speed", "quality", "service", "gift"}},
			{Name: "frequency", Kind: synth.Ordinal, Levels: []string{"weekly", "monthly", "quarterly", "yearly"}},
			{Name: "discount_codes", Kind: synth.Categorical, Levels: yesNo, Missing: 0.03},
			{Name: "monthly_spend", Kind: synth.Numeric, Round: 0, Min: 0, Max: 5000, Missing: 0.15},
			{Name: "sat_find", Kind: synth.Ordinal, Levels: points},
			{Name: "sat_checkout", Kind: synth.Ordinal, Levels: points},
			{Name: "sat_delivery", Kind: synth.Ordinal, Levels: points},
			{Name: "sat_support", Kind: synth.Ordinal, Levels: points, Missing: 0.45},
			{Name: "effort", Kind: synth.Ordinal, Levels: points, Missing: 0.05},
			{Name: "nps", Kind: synth.Ordinal, Levels: nps},
		},
		Classes: []synth.Class{
			typeBargain: {Name: "Young Instagram-first bargain hunters", Weight: 0.34,
				Probs: map[string][]float64{
					"age_group": {.55, .33, .08, .03, .01}, "gender": {.68, .32}, "city": {.45, .12, .12, .1, .08, .13},
					"hf_instagram": {.9, .1}, "hf_search": {.2, .8}, "hf_friend": {.35, .65}, "hf_ads": {.3, .7}, "hf_store": {.03, .97},
					"main_channel": {.15, .25, .55, .03, .02}, "insta_follow": {.02, .05, .13, .4, .4},
					"motive": {.75, .08, .07, .03, .07}, "frequency": {.3, .5, .15, .05}, "discount_codes": {.9, .1},
					"sat_find": {.05, .1, .3, .4, .15}, "sat_checkout": {.15, .3, .3, .2, .05}, "sat_delivery": {.1, .2, .35, .25, .1},
					"sat_support": {.2, .3, .3, .15, .05}, "effort": {.1, .25, .35, .25, .05},
					"nps": {.03, .03, .05, .08, .1, .15, .18, .16, .1, .07, .05}},
				Numbers: map[string]synth.Normal{"monthly_spend": {Mean: 35, SD: 15}}},
			typeBusy: {Name: "Busy professionals buying online", Weight: 0.3,
				Probs: map[string][]float64{
					"age_group": {.05, .5, .35, .08, .02}, "gender": {.42, .58}, "city": {.6, .08, .1, .08, .06, .08},
					"hf_instagram": {.15, .85}, "hf_search": {.75, .25}, "hf_friend": {.25, .75}, "hf_ads": {.35, .65}, "hf_store": {.05, .95},
					"main_channel": {.55, .4, .02, .02, .01}, "insta_follow": {.3, .35, .2, .1, .05},
					"motive": {.05, .7, .18, .04, .03}, "frequency": {.25, .5, .2, .05}, "discount_codes": {.3, .7},
					"sat_find": {.1, .25, .3, .25, .1}, "sat_checkout": {.05, .1, .25, .4, .2}, "sat_delivery": {.35, .35, .2, .07, .03},
					"sat_support": {.25, .35, .25, .1, .05}, "effort": {.25, .35, .25, .1, .05},
					"nps": {.08, .08, .1, .12, .14, .16, .12, .08, .06, .04, .02}},
				Numbers: map[string]synth.Normal{"monthly_spend": {Mean: 140, SD: 45}}},
			typeLoyal: {Name: "Loyal in-store and phone shoppers", Weight: 0.24,
				Probs: map[string][]float64{
					"age_group": {.01, .04, .15, .4, .4}, "gender": {.58, .42}, "city": {.2, .2, .2, .15, .15, .1},
					"hf_instagram": {.03, .97}, "hf_search": {.1, .9}, "hf_friend": {.55, .45}, "hf_ads": {.05, .95}, "hf_store": {.85, .15},
					"main_channel": {.05, .05, .02, .6, .28}, "insta_follow": {.5, .3, .15, .04, .01},
					"motive": {.03, .04, .45, .45, .03}, "frequency": {.45, .4, .1, .05}, "discount_codes": {.15, .85},
					"sat_find": {.05, .1, .2, .35, .3}, "sat_checkout": {.05, .1, .2, .35, .3}, "sat_delivery": {.03, .07, .2, .4, .3},
					"sat_support": {.02, .05, .13, .4, .4}, "effort": {.02, .08, .2, .4, .3},
					"nps": {.01, .01, .01, .02, .03, .05, .07, .15, .25, .22, .18}},
				Numbers: map[string]synth.Normal{"monthly_spend": {Mean: 90, SD: 30}}},
			typeGift: {Name: "Occasional gift buyers", Weight: 0.12,
				Probs: map[string][]float64{
					"age_group": {.1, .3, .3, .2, .1}, "gender": {.35, .65}, "city": {.3, .15, .15, .15, .1, .15},
					"hf_instagram": {.35, .65}, "hf_search": {.45, .55}, "hf_friend": {.6, .4}, "hf_ads": {.2, .8}, "hf_store": {.2, .8},
					"main_channel": {.45, .15, .2, .15, .05}, "insta_follow": {.15, .25, .3, .2, .1},
					"motive": {.05, .08, .12, .05, .7}, "frequency": {.02, .06, .32, .6}, "discount_codes": {.4, .6},
					"sat_find": {.1, .2, .3, .3, .1}, "sat_checkout": {.05, .15, .3, .35, .15}, "sat_delivery": {.15, .25, .3, .2, .1},
					"sat_support": {.1, .2, .35, .25, .1}, "effort": {.1, .2, .35, .25, .1},
					"nps": {.04, .04, .06, .08, .12, .16, .16, .14, .1, .06, .04}},
				Numbers: map[string]synth.Normal{"monthly_spend": {Mean: 60, SD: 40}}},
		},
	}
}
