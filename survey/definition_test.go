package survey_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestParseDefinitionReportsEveryProblemByPath(t *testing.T) {
	tests := []struct {
		name string
		json string
		want []string // "field: message prefix"
	}{
		{"empty options", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"single","text":"A?","options":[]}]}]}`,
			[]string{"pages[0].questions[0].options: empty"}},
		{"several at once", `{"slug":"Bad Slug","title":"","language":"de","pages":[{"questions":[
			{"id":"a","type":"single","text":"A?","options":["x"]},
			{"id":"a","type":"likert","text":"B?"},
			{"id":"c","type":"sliders","text":"C?"}]}]}`,
			[]string{"slug: must be", "title: empty", "language: unknown language", "pages[0].questions[1].id: duplicate \"a\"",
				"pages[0].questions[1].scale: missing", "pages[0].questions[2].type: unknown type \"sliders\""}},
		{"no pages", `{"slug":"s","title":"T","language":"fa","pages":[]}`, []string{"pages: empty"}},
		{"show_if forward reference", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"short_text","text":"A?","show_if":{"question":"b","equals":"x"}},
			{"id":"b","type":"single","text":"B?","options":["x"]}]}]}`,
			[]string{"pages[0].questions[0].show_if.question: \"b\" comes after"}},
		{"show_if unknown option and two operators", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"single","text":"A?","options":["x"]},
			{"id":"b","type":"short_text","text":"B?","show_if":{"question":"a","equals":"y","not_answered":true}}]}]}`,
			[]string{"pages[0].questions[1].show_if: give exactly one", "pages[0].questions[1].show_if.equals: \"y\" is not an option"}},
		{"bad metadata", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"number","text":"A?","role":"mood","stage":"checkout","min":5,"max":1},
			{"id":"b","type":"short_text","text":"B?","role":"touchpoint"}]}]}`,
			[]string{"pages[0].questions[0].role: unknown role", "pages[0].questions[0].stage: unknown stage", "pages[0].questions[0].min: greater than max",
				"pages[0].questions[1].role: a touchpoint question must be"}},
		{"scale labels mismatch", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"likert","text":"A?","scale":{"points":3,"labels":["a","b"]}}]}]}`,
			[]string{"pages[0].questions[0].scale.labels: has 2 labels for 3 points"}},
		{"unknown field is a typo", `{"slug":"s","title":"T","language":"en","pages":[{"questions":[
			{"id":"a","type":"short_text","text":"A?","requierd":true}]}]}`,
			[]string{"$: line 2: json: unknown field \"requierd\""}},
		{"syntax error names the line", "{\"slug\":\"s\",\n\"title\": ,}", []string{"$: line 2:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := survey.ParseDefinition([]byte(tt.json))
			var ve *survey.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, survey.ErrInvalid) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			if len(ve.Problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%v", len(ve.Problems), len(tt.want), err)
			}
			for _, w := range tt.want {
				found := false
				for _, p := range ve.Problems {
					found = found || strings.HasPrefix(p.Error(), w)
				}
				if !found {
					t.Errorf("missing problem %q in:\n%v", w, err)
				}
			}
		})
	}
}

func TestFixtureAndDocsExampleAreValid(t *testing.T) {
	d := surveytest.AllTypes(t)
	if len(d.Questions()) != 12 || d.Dir() != "ltr" {
		t.Fatalf("fixture: %d questions, dir %s", len(d.Questions()), d.Dir())
	}
	seen := map[survey.QuestionType]bool{}
	for _, q := range d.Questions() {
		seen[q.Type] = true
	}
	for _, typ := range survey.QuestionTypes {
		if !seen[typ] {
			t.Errorf("fixture lacks a %s question", typ)
		}
	}
}

func TestPointText(t *testing.T) {
	labelled := &survey.Question{Type: survey.Likert, Scale: &survey.Scale{Points: 5, Labels: survey.TextList([]string{"Strongly disagree", "Disagree", "", "Agree", "Strongly agree"})}}
	tests := []struct {
		name string
		q    *survey.Question
		p    int
		want string
	}{
		{"labelled point", labelled, 2, "2 Disagree"},
		{"unlabelled point of a labelled scale", labelled, 3, "3"},
		{"outside the scale", labelled, 9, "9"},
		{"scale without labels", &survey.Question{Type: survey.Matrix, Scale: &survey.Scale{Points: 5}}, 4, "4"},
		{"rating", &survey.Question{Type: survey.Rating}, 5, "5"},
	}
	for _, tc := range tests {
		if got := tc.q.PointText(tc.p); got != tc.want {
			t.Errorf("%s: PointText(%d) = %q, want %q", tc.name, tc.p, got, tc.want)
		}
	}
}
