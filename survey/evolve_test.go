package survey_test

import (
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestCheckEvolution(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *survey.Definition)
		field string // "" when the edit is allowed
	}{
		{"unchanged", func(d *survey.Definition) {}, ""},
		{"reworded, reordered, added", func(d *survey.Definition) {
			d.Pages[0].Questions[0].Text = survey.Text("Age")
			d.Pages[0].Questions[0], d.Pages[0].Questions[2] = d.Pages[0].Questions[2], d.Pages[0].Questions[0]
			d.Pages[0].Questions[1].Options = append(d.Pages[0].Questions[1].Options, survey.Option{Value: "tv"})
			d.Pages = append(d.Pages, survey.Page{Questions: []survey.Question{{ID: "extra", Type: survey.ShortText, Text: survey.Text("x")}}})
		}, ""},
		{"moved to another page", func(d *survey.Definition) {
			q := d.Pages[1].Questions[0]
			d.Pages[1].Questions = d.Pages[1].Questions[1:]
			d.Pages[0].Questions = append(d.Pages[0].Questions, q)
		}, ""},
		{"question removed", func(d *survey.Definition) { d.Pages[0].Questions = d.Pages[0].Questions[1:] }, "questions.age"},
		{"type changed", func(d *survey.Definition) { d.Pages[0].Questions[2].Type = survey.Single }, "questions.city.type"},
		{"option removed", func(d *survey.Definition) {
			d.Pages[0].Questions[0].Options = d.Pages[0].Questions[0].Options[:2]
		}, "questions.age.options"},
		{"other turned off", func(d *survey.Definition) { d.Pages[0].Questions[1].Other = false }, "questions.channels.other"},
		{"statement removed", func(d *survey.Definition) {
			q, _ := d.Question("site")
			q.Statements = q.Statements[:1]
		}, "questions.site.statements"},
		{"scale changed", func(d *survey.Definition) {
			q, _ := d.Question("insta_often")
			q.Scale = &survey.Scale{Points: 7}
		}, "questions.insta_often.scale"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := surveytest.AllTypes(t)
			tt.edit(next)
			err := survey.CheckEvolution(surveytest.AllTypes(t), next)
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.field+":") {
				t.Fatalf("err = %v, want a problem with %s", err, tt.field)
			}
		})
	}
}
