package study_test

import (
	"context"
	"testing"

	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// TestResearcherCodes codes two demo answers and one interview turn and
// finds the codes in the result: counted per passage and person (a second
// coder on the same passage counts once), per source and stage, and the
// pain-point code beside the automatic pain points.
func TestResearcherCodes(t *testing.T) {
	in := demoInput(t)
	var qid string
	var rids []string
	for _, q := range in.Surveys[0].Definition.Questions() {
		if q.Type != survey.LongText && q.Type != survey.ShortText {
			continue
		}
		for _, r := range in.Surveys[0].Responses {
			if r.Status == survey.Complete && r.Answers[q.ID].Text != "" && len(rids) < 2 {
				qid, rids = q.ID, append(rids, r.ID)
			}
		}
		if len(rids) == 2 {
			break
		}
		rids = nil
	}
	if len(rids) < 2 {
		t.Fatal("no demo question with two typed answers")
	}
	q, _ := in.Surveys[0].Definition.Question(qid)
	stage := string(q.Stage)
	in.Transcripts = []*survey.Transcript{{ID: 50, Kind: survey.KindInterview, Title: "notes", Stage: "purchase",
		Utterances: []survey.Utterance{{ID: 500, Order: 1, Speaker: "Mod", Text: "Tell me"}, {ID: 501, Order: 2, Speaker: "Ali", Text: "It came late", Customer: true}}}}
	in.Codes = []*survey.Code{
		{ID: 1, Name: "late delivery", Group: survey.GroupPainPoint, Description: "parcels after the promised day"},
		{ID: 2, Name: "wants tracking", Group: survey.GroupGoal},
		{ID: 3, Name: "unused", Group: survey.GroupOther},
	}
	answer := func(code int64, rid string, by int64) survey.CodedPassage {
		return survey.CodedPassage{Coding: survey.Coding{CodeID: code, Source: survey.SourceAnswer, ResponseID: rid, QuestionID: qid, CreatedBy: by, Origin: survey.OriginManual}, Quote: "q " + rid}
	}
	utt := func(code int64, origin string) survey.CodedPassage {
		return survey.CodedPassage{Coding: survey.Coding{CodeID: code, Source: survey.SourceUtterance, UtteranceID: 501, Origin: origin}, Quote: "It came late"}
	}
	in.Coded = []survey.CodedPassage{answer(1, rids[0], 1), answer(1, rids[0], 2), answer(1, rids[1], 1), utt(1, survey.OriginSuggested), utt(2, survey.OriginImported), answer(1, "deleted-response", 1)}
	res, err := study.Analyze(context.Background(), in, study.Options{Seed: 1, Bootstrap: -1})
	if err != nil {
		t.Fatal(err)
	}
	c := res.Codes
	if c == nil || len(c.Codebook) != 3 {
		t.Fatalf("codes = %+v; want the codebook of 3", c)
	}
	late := c.Codebook[0]
	if late.Name != "late delivery" || late.Passages != 3 || late.People != 3 || late.BySource["answer"] != 2 || late.BySource["interview"] != 1 {
		t.Errorf("late delivery = %+v; want 3 passages of 3 people: 2 answers, 1 interview turn", late)
	}
	if late.ByStage["purchase"] != 1 || (stage != "" && late.ByStage[stage] != 2) {
		t.Errorf("by stage = %v; want purchase 1 and %q 2", late.ByStage, stage)
	}
	persons := 0
	for _, n := range late.ByPersona {
		persons += n
	}
	if res.Personas != nil && persons != 2 {
		t.Errorf("by persona = %v; want the two respondents placed", late.ByPersona)
	}
	if c.Codebook[1].Name != "wants tracking" || c.Codebook[2].Passages != 0 {
		t.Errorf("codebook order = %+v; want pain point, goal, other", c.Codebook)
	}
	if len(c.Passages) != 4 {
		t.Errorf("passages = %d; want 4 (a second coder and a deleted response left out)", len(c.Passages))
	}
	if len(c.PainPoints) != 1 {
		t.Fatalf("coded pain points = %+v; want late delivery only", c.PainPoints)
	}
	pp := c.PainPoints[0]
	want := float64(3) / float64(res.Study.Responses+1)
	if !pp.ResearcherCoded || pp.People != 3 || pp.Share < want-0.001 || pp.Share > want+0.001 || len(pp.Quotes) != 3 || pp.Key != "code:late delivery" {
		t.Errorf("coded pain point = %+v; want researcher-coded, 3 people, share %.3f, 3 quotes", pp, want)
	}
}
