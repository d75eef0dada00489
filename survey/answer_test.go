package survey_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/survey/surveytest"
)

func TestValidateResponse(t *testing.T) {
	d := surveytest.AllTypes(t)
	n := func(f float64) *float64 { return &f }
	tests := []struct {
		name   string
		change func(a survey.Answers)
		want   map[string]string // question id -> message prefix; nil = valid
	}{
		{"full answers", func(a survey.Answers) {}, nil},
		{"required missing", func(a survey.Answers) { delete(a, "age"); delete(a, "nps") },
			map[string]string{"age": "required", "nps": "required"}},
		{"unknown option", func(a survey.Answers) { a["age"] = survey.Value{Choice: "99"} },
			map[string]string{"age": "\"99\" is not one of the options"}},
		{"other chosen without text", func(a survey.Answers) { a["channels"] = survey.Value{Choices: []string{"other"}} },
			map[string]string{"channels": "please specify"}},
		{"other text without other", func(a survey.Answers) {
			a["channels"] = survey.Value{Choices: []string{"friend"}, Other: "x"}
			delete(a, "insta_often")
		}, map[string]string{"channels": "\"other\" text given"}},
		{"nps out of range", func(a survey.Answers) { a["nps"] = survey.Value{Number: n(11)} },
			map[string]string{"nps": "must be a whole number from 0 to 10"}},
		{"rating not whole", func(a survey.Answers) { a["rating"] = survey.Value{Number: n(2.5)} },
			map[string]string{"rating": "must be a whole number from 1 to 5"}},
		{"number below min", func(a survey.Answers) { a["orders"] = survey.Value{Number: n(-1)} },
			map[string]string{"orders": "must be at least 0"}},
		{"bad date", func(a survey.Answers) { a["first_order"] = survey.Value{Text: "21/03/2025"} },
			map[string]string{"first_order": "must be a date"}},
		{"Persian digits in a date", func(a survey.Answers) { a["first_order"] = survey.Value{Text: "۲۰۲۵-۰۳-۲۱"} }, nil},
		{"matrix unknown statement", func(a survey.Answers) { a["site"] = survey.Value{Matrix: map[string]int{"speed": 3}} },
			map[string]string{"site": "no statement \"speed\""}},
		{"text too long", func(a survey.Answers) { a["nickname"] = survey.Value{Text: strings.Repeat("ش", 41)} },
			map[string]string{"nickname": "too long (41 characters, limit 40)"}},
		{"answer to an unknown question", func(a survey.Answers) { a["ghost"] = survey.Value{Text: "boo"} },
			map[string]string{"ghost": "no such question"}},
		{"hidden question is not required or checked", func(a survey.Answers) {
			a["rating"] = survey.Value{Number: n(5)} // hides "problem"
			a["problem"] = survey.Value{Number: n(3)}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := surveytest.FullAnswers()
			tt.change(a)
			err := d.ValidateResponse(a)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("got %v, want valid", err)
				}
				return
			}
			ve, ok := err.(*survey.ValidationError)
			if !ok {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			got := ve.ByField()
			for q, msg := range tt.want {
				if !strings.HasPrefix(got[q], msg) {
					t.Errorf("%s: got %q, want %q...", q, got[q], msg)
				}
			}
			if len(got) != len(tt.want) {
				t.Errorf("got problems %v, want only %v", got, tt.want)
			}
		})
	}
}

func TestShowIf(t *testing.T) {
	d := surveytest.AllTypes(t)
	q := func(id string) *survey.Question { x, _ := d.Question(id); return x }
	n := func(f float64) *float64 { return &f }
	tests := []struct {
		name    string
		q       string
		answers survey.Answers
		want    bool
	}{
		{"equals on a multiple choice, chosen", "insta_often", survey.Answers{"channels": {Choices: []string{"friend", "instagram"}}}, true},
		{"equals on a multiple choice, not chosen", "insta_often", survey.Answers{"channels": {Choices: []string{"friend"}}}, false},
		{"equals, not answered", "insta_often", survey.Answers{}, false},
		{"one_of on a number", "problem", survey.Answers{"rating": {Number: n(2)}}, true},
		{"one_of on a number, no match", "problem", survey.Answers{"rating": {Number: n(4)}}, false},
		{"not_answered, unanswered", "why_no_channel", survey.Answers{}, true},
		{"not_answered, answered", "why_no_channel", survey.Answers{"channels": {Choices: []string{"friend"}}}, false},
		{"no condition", "age", survey.Answers{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := q(tt.q).Visible(tt.answers); got != tt.want {
				t.Fatalf("Visible: got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("prune drops answers that became hidden", func(t *testing.T) {
		a := surveytest.FullAnswers()
		a["rating"] = survey.Value{Number: n(5)}
		p := d.Prune(a)
		if _, ok := p["problem"]; ok {
			t.Fatal("answer to a hidden question kept")
		}
		if _, ok := p["age"]; !ok {
			t.Fatal("visible answer dropped")
		}
	})
}

func TestDecodeAnswers(t *testing.T) {
	d := surveytest.AllTypes(t)
	raw := map[string]json.RawMessage{}
	json.Unmarshal([]byte(`{"age":"25-34","channels":{"values":["instagram","other"],"other":"TV"},
		"orders":"۱۲","nps":9,"site":{"find":5},"nickname":"x","city":null}`), &raw)
	a, err := d.DecodeAnswers(raw)
	if err != nil {
		t.Fatal(err)
	}
	if *a["orders"].Number != 12 || a["channels"].Other != "TV" || a["site"].Matrix["find"] != 5 {
		t.Fatalf("decoded: %#v", a)
	}
	if _, ok := a["city"]; ok {
		t.Fatal("null answer kept")
	}
	json.Unmarshal([]byte(`{"age":5,"nps":"lots","ghost":1}`), &raw)
	_, err = d.DecodeAnswers(raw)
	got := err.(*survey.ValidationError).ByField()
	if got["age"] == "" || got["nps"] != "not a number" || got["ghost"] == "" {
		t.Fatalf("problems: %v", got)
	}
}

func TestParseNumber(t *testing.T) {
	for in, want := range map[string]float64{"42": 42, "۴۲": 42, "٤٢": 42, "۱٫۵": 1.5, "1,200": 1200, " -3 ": -3} {
		if got, err := survey.ParseNumber(in); err != nil || got != want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "abc", "NaN", "1.2.3"} {
		if _, err := survey.ParseNumber(in); err == nil {
			t.Errorf("ParseNumber(%q): want an error", in)
		}
	}
}
