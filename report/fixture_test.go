package report

import (
	"errors"
	"fmt"
	"iter"
	"time"
)

// injections are respondent strings that a careless writer would turn into
// formulas or links.
var injections = []string{
	`=HYPERLINK("http://x","y")`,
	`+1`,
	`-2+3`,
	`@SUM(A1)`,
	`=cmd|' /C calc'!A0`,
	"\t=1+1",
	`=1+1`,
}

func ptr[T any](v T) *T { return &v }

// fixture is a small but complete study in lang ("en" or "fa").
func fixture(lang string) *Data {
	gen := time.Date(2026, 11, 22, 20, 30, 0, 0, time.UTC)
	stages := []string{"Awareness", "Purchase", "Use"}
	tps := []string{"Instagram", "Website", "Call centre"}
	persona1, persona2 := "Busy commuter", "Bargain hunter"
	label1, label2 := "slow delivery", "app crashes at checkout"
	if lang == "fa" {
		stages = []string{"آگاهی", "خرید", "استفاده"}
		tps = []string{"اینستاگرام", "وب‌سایت", "مرکز تماس"}
		persona1, persona2 = "مسافر پرمشغله", "شکارچی تخفیف"
		label1, label2 = "ارسال کند", "خطای برنامه هنگام پرداخت"
	}
	d := &Data{
		Study: Study{
			Title: "Checkout study " + injections[0], Project: "Acme", Language: lang, Generated: gen,
			From: time.Date(2026, 9, 23, 0, 0, 0, 0, time.UTC), To: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC),
			Responses: 3, Interviews: 2, Transcripts: 1,
		},
		Metrics: Metrics{
			NPS:  &Metric{Value: 12.49, Low: 4.25, High: 20.75, N: 240},
			CSAT: &Metric{Value: 0.71, Low: 0.65, High: 0.77, N: 238},
		},
		Personas: []Persona{
			{ID: 1, Name: persona1, Size: 140, Share: 0.58,
				Traits: []Trait{
					{Column: "commute", Value: "train", Share: 0.8, RestShare: 0.2, Lift: 4, Significant: true},
					{Column: "age", Value: injections[1], Share: 0.5, RestShare: 0.4, Lift: 1.25},
				},
				Goals:       []string{"get groceries without a detour", injections[2]},
				Touchpoints: []StageTouchpoints{{Stage: stages[0], Touchpoints: tps[:2]}, {Stage: stages[1], Touchpoints: tps[1:2]}},
				PainPoints:  []string{label1},
				Quotes:      []string{injections[3], "I gave up after the third try."},
			},
			{ID: 2, Name: persona2, Size: 100, Share: 0.42, Quotes: []string{injections[5]},
				// A chosen option of a multiple-choice question: "yes", shown in the workbook's language.
				Traits: []Trait{{Column: "app", Value: "yes", Share: 0.9, RestShare: 0.3, Lift: 2.1, Significant: true}}},
		},
		PersonaModel: &PersonaModel{K: 2, KMin: 2, KMax: 8, Entropy: 0.81, Respondents: 240,
			Stability: &Stability{Verdict: ModeratelyStable, Resamples: 10, MeanARI: 0.72, MinARI: 0.55, MaxARI: 0.86}},
		PainPoints: []PainPoint{
			{Rank: 1, Label: label1, Documents: 90, Share: 0.375, LabelTexts: 31, Severity: 0.8, Priority: 0.3, SatisfactionGap: ptr(-14.0),
				Personas: []string{persona1}, Stages: stages[2:], Touchpoints: tps[2:],
				Examples: []string{injections[0], "took nine days"}, Sources: 3},
			{Rank: 2, Label: label2, Documents: 40, Share: 1.0 / 6, Severity: 0.95, Priority: 0.16, SatisfactionGap: ptr(6.0),
				Personas: []string{persona1, persona2}, Stages: stages[1:2], Touchpoints: tps[1:2],
				Examples: []string{injections[4]}, Sources: 1},
		},
		Touchpoints: TouchpointMatrix{
			Stages: stages, Touchpoints: tps,
			Views: []TouchpointView{
				{Persona: 0, Respondents: 240, Cells: []TouchpointCell{
					{Stage: stages[0], Touchpoint: tps[0], Usage: 120, Share: 0.5, Satisfaction: ptr(72.5)},
					{Stage: stages[1], Touchpoint: tps[1], Usage: 200, Share: 200.0 / 240, Satisfaction: ptr(52.9)},
					{Stage: stages[2], Touchpoint: tps[2], Usage: 35, Share: 35.0 / 240},
				}},
				{Persona: 1, Respondents: 140, Cells: []TouchpointCell{
					{Stage: stages[0], Touchpoint: tps[0], Usage: 70, Share: 0.5, Satisfaction: ptr(75.0)},
					{Stage: stages[1], Touchpoint: tps[1], Usage: 110, Share: 110.0 / 140, Satisfaction: ptr(43.75)},
				}},
			},
		},
		Journeys: []Journey{
			{Persona: 1, Stages: []JourneyStage{
				{Stage: stages[0], Touchpoints: tps[:1], Goals: []string{"find a shop"}, Emotion: ptr(62.5), EmotionN: 30},
				{Stage: stages[1], Touchpoints: tps[1:2], Emotion: ptr(18.75), EmotionN: 28,
					PainPoints: []string{label2}, Opportunities: []string{"one-tap payment", injections[2]}},
				{Stage: stages[2], Touchpoints: tps[2:], EmotionN: 0, PainPoints: []string{label1}},
			}},
			{Persona: 2, Stages: []JourneyStage{
				{Stage: stages[0], Emotion: ptr(100.0), EmotionN: 12},
				{Stage: stages[1], Emotion: ptr(0.0), EmotionN: 11},
			}},
		},
		Codebook: []Code{
			{Name: "delivery", Description: "anything about delivery", Passages: 2, People: 2},
			{Name: "delivery/late", Parent: "delivery", Description: injections[1], Passages: 1},
		},
		Passages: []Passage{
			{Source: "interview-01.txt", Speaker: "P1", Codes: []string{"delivery", "delivery/late"}, Text: "It came a week late."},
			{Source: "focus-group.vtt", Speaker: injections[3], Codes: []string{"delivery"}, Text: injections[0], Stage: stages[1], Persona: injections[2]},
		},
	}
	d.Responses = &Responses{
		Header: []string{"How likely are you to recommend us?", "What went wrong?", "Touchpoint", "Completed", "Started", "Persona", "What went wrong?"},
		Rows: rowsOf([][]any{
			{9, "Nothing", tps[0], true, time.Date(2026, 10, 1, 9, 15, 0, 0, time.UTC), persona1, nil},
			{3, injections[0], tps[1], false, time.Date(2026, 10, 2, 18, 0, 0, 0, time.UTC), persona2, injections[1]},
			{ptr(7), ptr(injections[2]), []byte(injections[3]), nil, time.Time{}, 2.5, injections[4]},
			{nil, injections[6], injections[5]},
		}),
	}
	return d
}

func rowsOf(rows [][]any) iter.Seq2[[]any, error] {
	return func(yield func([]any, error) bool) {
		for _, r := range rows {
			if !yield(r, nil) {
				return
			}
		}
	}
}

// syntheticRows yields n rows of 20 columns like a real survey export: a
// score, short and long answers, a touchpoint, a timestamp and a persona.
func syntheticRows(n int) iter.Seq2[[]any, error] {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tps := []string{"Instagram", "Website", "Store", "Call centre", "Email"}
	return func(yield func([]any, error) bool) {
		row := make([]any, 20)
		for i := 0; i < n; i++ {
			row[0] = i + 1
			row[1] = i % 11
			row[2] = tps[i%len(tps)]
			row[3] = start.Add(time.Duration(i) * time.Minute)
			row[4] = i%7 != 0
			for c := 5; c < 18; c++ {
				row[c] = fmt.Sprintf("answer %d to question %d, some free text from a respondent", i, c)
			}
			row[18] = float64(i%5) + 0.5
			row[19] = fmt.Sprintf("Persona %d", i%4+1)
			if !yield(row, nil) {
				return
			}
		}
	}
}

func syntheticHeader() []string {
	h := make([]string, 20)
	for i := range h {
		h[i] = fmt.Sprintf("Question %d: what did you think of step %d?", i+1, i+1)
	}
	return h
}

var errCursor = errors.New("cursor broke")

func failingRows(after int) iter.Seq2[[]any, error] {
	return func(yield func([]any, error) bool) {
		for i := 0; i < after; i++ {
			if !yield([]any{i}, nil) {
				return
			}
		}
		yield(nil, errCursor)
	}
}
