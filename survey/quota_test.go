package survey_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// quotaSurvey is a two-page survey with quotas given as JSON.
func quotaSurvey(quotas string) string {
	return `{"slug":"q","title":"T","language":"en","pages":[
		{"questions":[
			{"id":"city","type":"single","text":"City?","options":["tehran","tabriz","shiraz"],"other":true},
			{"id":"apps","type":"multiple","text":"Apps?","options":["snapp","tapsi"]},
			{"id":"age","type":"dropdown","text":"Age?","options":["18-29","30-49","50+"]}]},
		{"questions":[
			{"id":"why","type":"long_text","text":"Why?"},
			{"id":"score","type":"rating","text":"Score?"}]}],
		"quotas":` + quotas + `}`
}

func TestQuotaValidation(t *testing.T) {
	tests := []struct {
		name   string
		quotas string
		want   []string // "field: message prefix"; none: valid
	}{
		{"valid", `[{"id":"tehran","question":"city","equals":"tehran","limit":200},
			{"id":"north","question":"city","one_of":["tabriz","other"],"limit":50,"message":"Thanks!"},
			{"id":"store","touchpoint":"store","limit":30}]`, nil},
		{"unknown question", `[{"id":"x","question":"town","equals":"tehran","limit":1}]`,
			[]string{`quotas[0].question: no question "town"`}},
		{"text question", `[{"id":"x","question":"why","equals":"because","limit":1}]`,
			[]string{`quotas[0].question: "why" is a long_text question: a quota needs a single, multiple or dropdown question`}},
		{"rating question", `[{"id":"x","question":"score","equals":"5","limit":1}]`,
			[]string{`quotas[0].question: "score" is a rating question`}},
		{"value not an option", `[{"id":"x","question":"city","equals":"paris","limit":1},
			{"id":"y","question":"apps","one_of":["snapp","uber"],"limit":1}]`,
			[]string{`quotas[0].equals: "paris" is not an option of city`, `quotas[1].one_of[1]: "uber" is not an option of apps`}},
		{"duplicate ids", `[{"id":"x","question":"city","equals":"tehran","limit":1},
			{"id":"x","touchpoint":"store","limit":1}]`,
			[]string{`quotas[1].id: duplicate "x" (also at quotas[0])`}},
		{"limit below one", `[{"id":"x","question":"city","equals":"tehran","limit":0},
			{"id":"y","touchpoint":"store","limit":-3}]`,
			[]string{"quotas[0].limit: must be at least 1 (got 0)", "quotas[1].limit: must be at least 1 (got -3)"}},
		{"no limit given", `[{"id":"x","question":"city","equals":"tehran"}]`,
			[]string{"quotas[0].limit: must be at least 1"}},
		{"bad id", `[{"id":"1st","question":"city","equals":"tehran","limit":1}]`,
			[]string{"quotas[0].id: must start with a letter"}},
		{"both equals and one_of", `[{"id":"x","question":"city","equals":"tehran","one_of":["tabriz"],"limit":1}]`,
			[]string{"quotas[0]: give exactly one of equals, one_of"}},
		{"neither equals nor one_of", `[{"id":"x","question":"city","limit":1}]`,
			[]string{"quotas[0]: give exactly one of equals, one_of"}},
		{"question and touchpoint", `[{"id":"x","question":"city","touchpoint":"store","equals":"tehran","limit":1}]`,
			[]string{"quotas[0]: give either question or touchpoint, not both"}},
		{"touchpoint with a value", `[{"id":"x","touchpoint":"store","equals":"tehran","limit":1}]`,
			[]string{"quotas[0]: a touchpoint quota takes no equals or one_of"}},
		{"nothing to match", `[{"id":"x","limit":1}]`,
			[]string{"quotas[0]: give question (with equals or one_of) or touchpoint"}},
		{"unknown field", `[{"id":"x","question":"city","equal":"tehran","limit":1}]`,
			[]string{`$: line 9: json: unknown field "equal"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := survey.ParseDefinition([]byte(quotaSurvey(tt.quotas)))
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("got %v, want no error", err)
				}
				if len(d.Quotas) == 0 {
					t.Fatal("quotas were not read")
				}
				return
			}
			var ve *survey.ValidationError
			if !errors.As(err, &ve) || !errors.Is(err, survey.ErrInvalid) {
				t.Fatalf("got %v, want a ValidationError", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Error())
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems %q, want %d %q", len(got), got, len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("problem %d: got %q, want prefix %q", i, got[i], w)
				}
			}
		})
	}
}

func TestQuotaMatching(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(quotaSurvey(`[
		{"id":"tehran","question":"city","equals":"tehran","limit":2},
		{"id":"north","question":"city","one_of":["tabriz","other"],"limit":5},
		{"id":"snapp","question":"apps","equals":"snapp","limit":1},
		{"id":"young","question":"age","one_of":["18-29"],"limit":3},
		{"id":"store","touchpoint":"store","limit":4}]`)))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		a    survey.Answers
		tp   string
		want []string
	}{
		{"nothing answered", survey.Answers{}, "", nil},
		{"single", survey.Answers{"city": {Choice: "tehran"}}, "", []string{"tehran"}},
		{"one_of with other", survey.Answers{"city": {Choice: "other", Other: "Rasht"}}, "", []string{"north"}},
		{"not in any", survey.Answers{"city": {Choice: "shiraz"}, "age": {Choice: "50+"}}, "web", nil},
		{"multiple: any choice", survey.Answers{"apps": {Choices: []string{"tapsi", "snapp"}}}, "", []string{"snapp"}},
		{"multiple: other choices", survey.Answers{"apps": {Choices: []string{"tapsi"}}}, "", nil},
		{"dropdown and touchpoint", survey.Answers{"age": {Choice: "18-29"}}, "store", []string{"young", "store"}},
		{"touchpoint is exact", survey.Answers{}, "Store", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range d.QuotasOf(tt.a, tt.tp) {
				got = append(got, q.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
	counts := map[string]int{"tehran": 2, "store": 3}
	if q := d.FullQuota(survey.Answers{"city": {Choice: "tehran"}}, "", counts); q == nil || q.ID != "tehran" {
		t.Errorf("tehran at 2 of 2: got %v, want the tehran quota full", q)
	}
	if q := d.FullQuota(survey.Answers{"city": {Choice: "tabriz"}}, "store", counts); q != nil {
		t.Errorf("north 0 of 5, store 3 of 4: got %q full, want none", q.ID)
	}
	if err := fmt.Errorf("w: %w", &survey.QuotaFullError{Quota: "x"}); !errors.Is(err, survey.ErrQuotaFull) {
		t.Errorf("QuotaFullError does not match ErrQuotaFull")
	}
}

// TestQuotaMessageIsTranslatable: a quota's closing message is a text like
// any other: one per survey language, a missing one named by its path.
func TestQuotaMessageIsTranslatable(t *testing.T) {
	def := func(msg string) string {
		return strings.Replace(quotaSurvey(`[{"id":"x","question":"city","equals":"tehran","limit":1,"message":`+msg+`}]`),
			`"language":"en"`, `"languages":["en","fa"]`, 1)
	}
	// Every other text of quotaSurvey is a plain string, which a
	// two-language survey refuses: only the quota's problems are checked.
	_, err := survey.ParseDefinition([]byte(def(`{"en":"Enough, thanks!","fa":"کافی است، سپاس!"}`)))
	var ve *survey.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("got %v, want the plain texts' problems", err)
	}
	if m := ve.ByField()["quotas[0].message"]; m != "" {
		t.Errorf("a message in both languages: got %q, want no problem", m)
	}
	_, err = survey.ParseDefinition([]byte(def(`{"en":"Enough, thanks!"}`)))
	if !errors.As(err, &ve) || ve.ByField()["quotas[0].message"] != `no "fa" translation` {
		t.Errorf("a message without Persian: got %v, want quotas[0].message: no \"fa\" translation", err)
	}
	d, err := survey.ParseDefinition([]byte(quotaSurvey(`[{"id":"x","question":"city","equals":"tehran","limit":1,"message":"Enough"}]`)))
	if err != nil || d.Quotas[0].Message.In("en") != "Enough" {
		t.Fatalf("plain message: %v %+v", err, d)
	}
}
