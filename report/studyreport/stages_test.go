package studyreport

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study"
	"github.com/safarhq/safar/survey"
)

// TestStagesAsTheProjectNamesThem: the workbook never shows a stage key
// ("awareness"): stages appear as the project renamed them, else under
// their default name in the study's language.
func TestStagesAsTheProjectNamesThem(t *testing.T) {
	res := analyzeDemo(t, demo.ResponsesPerSurvey)
	for _, tc := range []struct {
		lang   string
		stages []survey.ProjectStage
		first  string // the awareness stage's name
		use    string
	}{
		{"en", nil, "Awareness", "Use and retention"},
		{"fa", nil, "آگاهی", "استفاده و ماندگاری"},
		{"en", []survey.ProjectStage{{Stage: "awareness", Name: "Discovery"}, {Stage: "use"}}, "Discovery", "Use and retention"},
	} {
		res.Study.Language = tc.lang
		d := Data(res, study.Input{Stages: tc.stages}, nil, time.Time{})
		if !slices.Contains(d.Touchpoints.Stages, tc.first) || !slices.Contains(d.Touchpoints.Stages, tc.use) {
			t.Errorf("%s %v: touchpoint matrix stages %q", tc.lang, tc.stages, d.Touchpoints.Stages)
		}
		var shown []string
		for _, v := range d.Touchpoints.Views {
			for _, c := range v.Cells {
				shown = append(shown, c.Stage)
			}
		}
		for _, j := range d.Journeys {
			for _, s := range j.Stages {
				shown = append(shown, s.Stage)
			}
		}
		for _, p := range d.Personas {
			for _, s := range p.Touchpoints {
				shown = append(shown, s.Stage)
			}
		}
		for _, p := range d.PainPoints {
			shown = append(shown, p.Stages...)
		}
		if len(shown) == 0 {
			t.Fatal("no stages in the workbook data")
		}
		for _, s := range shown {
			if slices.Contains(survey.Stages, survey.Stage(s)) {
				t.Errorf("%s %v: stage key %q shown instead of its name", tc.lang, tc.stages, s)
				break
			}
		}
		if !slices.Contains(shown, tc.first) {
			t.Errorf("%s %v: %q not shown; shown %q", tc.lang, tc.stages, tc.first, shown[:min(len(shown), 8)])
		}
	}
}

// TestResponsesShowOptionLabels: the Responses sheet reads like the survey
// (option labels, "other" in the survey's language), not like the CSV export
// (option values).
func TestResponsesShowOptionLabels(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(`{"slug":"s","title":"S","language":"fa","pages":[{"questions":[
		{"id":"city","type":"single","text":"شهر","options":[{"value":"shiraz","label":"شیراز"},"تهران"],"other":true},
		{"id":"ch","type":"multiple","text":"کانال","options":[{"value":"app","label":"اپلیکیشن"},{"value":"web","label":"وب‌سایت"}]},
		{"id":"why","type":"short_text","text":"چرا"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	rs := []*survey.Response{
		{ID: "r1", Status: survey.Complete, Answers: survey.Answers{"city": {Choice: "shiraz"}, "ch": {Choices: []string{"app", "web"}}, "why": {Text: "shiraz"}}},
		{ID: "r2", Status: survey.Complete, Answers: survey.Answers{"city": {Choice: "other", Other: "یزد"}, "ch": {Choices: []string{"gone"}}}},
	}
	src := ResponseSource{Definition: d, Each: func(fn func(*survey.Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}}
	sheet := responses(&study.Result{}, []ResponseSource{src})
	var got [][]any
	for row, err := range sheet.Rows {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, row[7:])
	}
	want := [][]any{
		{"شیراز", nil, "اپلیکیشن; وب‌سایت", "shiraz"},
		{"سایر", "یزد", "gone", nil},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
}

// TestResponsesNameTheLinkTouchpoint: the Responses sheet names the
// touchpoint of a response's link in the workbook's language, as the
// journey does ("store_qr" had been shown as the key).
func TestResponsesNameTheLinkTouchpoint(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(`{"slug":"s","title":"S","language":"en","pages":[{"questions":[
		{"id":"why","type":"short_text","text":"Why"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	rs := []*survey.Response{{ID: "r1", Status: survey.Complete, Touchpoint: "store_qr"}, {ID: "r2", Status: survey.Complete}}
	src := ResponseSource{Definition: d, Each: func(fn func(*survey.Response) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}}
	for lang, want := range map[string][]any{"en": {"In-store QR code", ""}, "fa": {"کد QR فروشگاه", ""}} {
		sheet := responses(&study.Result{Study: study.Info{Language: lang}}, []ResponseSource{src})
		var got []any
		for row, err := range sheet.Rows {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, row[3])
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: link touchpoints %q, want %q", lang, got, want)
		}
	}
}
