package study

import "github.com/safarhq/safar/analysis"

// scoreVoices sets each pain point's voices' satisfaction against every
// other respondent's who gave one (analysis.PainPoint.SetSatisfaction),
// from the respondents who voice it once the languages are joined: a
// joined pain point's two halves were each compared with everyone else,
// the other half among them.
func scoreVoices(pps []analysis.PainPoint, voiced voiceSets, cat *catalog, people []*respondent) {
	satQs := cat.satisfactionQs()
	sat := make([]float64, len(people))
	has := make([]bool, len(people))
	var all analysis.ScoreSums
	for i, p := range people {
		if sat[i], has[i] = p.satisfactionOf(cat, satQs); has[i] {
			all.Add(sat[i])
		}
	}
	for k := range pps {
		flags := voiced.respondents[pps[k].Key]
		var in analysis.ScoreSums
		for i := range people {
			if has[i] && flags.has(i) {
				in.Add(sat[i])
			}
		}
		pps[k].SetSatisfaction(in, all)
	}
}
