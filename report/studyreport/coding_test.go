package studyreport

import (
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// TestResearcherCodingInTheWorkbook: the researchers' codebook and coded
// passages fill the two sheets (in the workbook's language, one row per
// passage), and pain-point codes join the pain points, marked.
func TestResearcherCodingInTheWorkbook(t *testing.T) {
	res := &study.Result{Study: study.Info{Name: "p", Title: "P", Language: "fa", StageNames: []string{"purchase"}}}
	res.Codes = &study.Codes{
		Codebook: []study.CodeUse{
			{Name: "تاخیر", Group: "pain_point", Description: "late", Passages: 2, People: 2},
			{Name: "wants tracking", Group: "goal", Passages: 1, People: 1},
		},
		Passages: []study.CodedQuote{
			{Code: "تاخیر", Group: "pain_point", Source: "answer", Title: "s1", Ref: "q1", Quote: "دیر رسید", Stage: "purchase"},
			{Code: "wants tracking", Group: "goal", Source: "answer", Title: "s1", Ref: "q1", Quote: "دیر رسید", Stage: "purchase"},
			{Code: "تاخیر", Group: "pain_point", Source: "interview", Title: "notes", Ref: "3", Speaker: "Ali", Quote: "late again"},
		},
		PainPoints: []study.CodedPainPoint{{Key: "code:تاخیر", Label: "تاخیر", People: 2, Share: 0.5, Stages: []string{"purchase"}, Quotes: []string{"دیر رسید"}, ResearcherCoded: true}},
	}
	res.PainPoints.People = 8 // whose texts were read: the base of the sheet's shares
	// A coded answer's source names its survey and the question's text.
	in := study.Input{Surveys: []study.SurveyData{{Slug: "s1", Definition: &survey.Definition{Pages: []survey.Page{{Questions: []survey.Question{
		{ID: "q1", Type: survey.LongText, Text: survey.Text("چه مشکلی پیش آمد؟")}}}}}}}}
	d := Data(res, in, nil, time.Now())
	if len(d.Codebook) != 2 || d.Codebook[0].Parent != "نقطه درد" || d.Codebook[0].People != 2 || d.Codebook[1].Parent != "هدف" {
		t.Errorf("codebook = %+v; want both codes under their Persian group names", d.Codebook)
	}
	if len(d.Passages) != 2 || strings.Join(d.Passages[0].Codes, ",") != "تاخیر,wants tracking" || d.Passages[0].Source != "s1 · چه مشکلی پیش آمد؟" {
		t.Errorf("passages = %+v; want one row per passage with both codes", d.Passages)
	}
	if d.Passages[1].Source != "notes · سطر ۳" || d.Passages[1].Speaker != "Ali" {
		t.Errorf("interview passage = %+v", d.Passages[1])
	}
	if len(d.PainPoints) != 1 || !strings.Contains(d.PainPoints[0].Label, "کدگذاری پژوهشگر") || d.PainPoints[0].Documents != 2 || d.PainPoints[0].Rank != 1 {
		t.Errorf("pain points = %+v; want the researcher-coded one, marked", d.PainPoints)
	} else if p := d.PainPoints[0]; !p.Coded || p.Share != 0.25 {
		t.Errorf("coded pain point: coded %v, share %v; want marked, 2 of the 8 who wrote", p.Coded, p.Share)
	}
}
