package web

import (
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// codedPainView is a pain-point code of the researchers shown beside the
// automatic pain points on the analysis page, marked as researcher-coded.
type codedPainView struct {
	Label    string
	People   int
	Share    float64
	Passages int
	Stages   []string
	Quotes   []string
}

// codedPains lists the analysis's researcher-coded pain points, stages
// named as the project names them.
func codedPains(res *study.Result, lang string, p *survey.Project) []codedPainView {
	if res == nil || res.Codes == nil {
		return nil
	}
	var out []codedPainView
	for _, pp := range res.Codes.PainPoints {
		v := codedPainView{Label: pp.Label, People: pp.People, Share: pp.Share, Passages: pp.Passages, Quotes: pp.Quotes}
		for _, st := range pp.Stages {
			v.Stages = append(v.Stages, stageName(lang, p, st))
		}
		out = append(out, v)
	}
	return out
}
