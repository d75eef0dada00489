package survey_test

import (
	"testing"

	"github.com/safarhq/safar/survey"
)

// flowSurvey has four pages: a start page; a page only for "shop"
// answers; a page whose second question depends on its first (always
// shown); a page only for respondents who left "why" empty.
func flowSurvey() *survey.Definition {
	shop := "shop"
	return &survey.Definition{Slug: "flow", Title: survey.Text("Flow"), Language: "en", Pages: []survey.Page{
		{ID: "p1", Questions: []survey.Question{{ID: "channel", Type: survey.Single, Options: []survey.Option{{Value: "shop"}, {Value: "web"}}}}},
		{ID: "p2", Questions: []survey.Question{{ID: "store", Type: survey.ShortText, ShowIf: &survey.Condition{Question: "channel", Equals: &shop}}}},
		{ID: "p3", Questions: []survey.Question{
			{ID: "happy", Type: survey.Single, Options: []survey.Option{{Value: "yes"}, {Value: "no"}}, ShowIf: &survey.Condition{Question: "channel", Equals: &shop}},
			{ID: "why", Type: survey.ShortText, ShowIf: &survey.Condition{Question: "happy", Equals: &shop}},
		}},
		{ID: "p4", Questions: []survey.Question{{ID: "later", Type: survey.ShortText, ShowIf: &survey.Condition{Question: "why", NotAnswered: true}}}},
	}}
}

func TestPageFlow(t *testing.T) {
	d := flowSurvey()
	shop := survey.Answers{"channel": {Choice: "shop"}}
	web := survey.Answers{"channel": {Choice: "web"}}
	webWhy := survey.Answers{"channel": {Choice: "web"}, "why": {Text: "slow"}}
	tests := []struct {
		name       string
		a          survey.Answers
		from       int
		next, prev int
		n, total   int
	}{
		{"first page of a new respondent", survey.Answers{}, -1, 0, -1, 0, 3},
		{"shop goes to its page", shop, 0, 1, -1, 1, 4},
		{"web skips the shop page", web, 0, 2, -1, 1, 3},
		{"a page with a condition on itself is shown", web, 1, 2, 0, 2, 4},
		{"back from the self-conditioned page skips the hidden shop page", web, 2, 3, 0, 2, 3},
		{"an answered 'why' hides the last page: finished", webWhy, 2, -1, 0, 2, 2},
		{"last page", shop, 3, -1, 2, 4, 4},
		{"back from past the end", shop, 4, -1, 3, 4, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := d.NextPage(tt.from, tt.a); got != tt.next {
				t.Errorf("NextPage(%d) = %d, want %d", tt.from, got, tt.next)
			}
			if got := d.PrevPage(tt.from, tt.a); got != tt.prev {
				t.Errorf("PrevPage(%d) = %d, want %d", tt.from, got, tt.prev)
			}
			if n, total := d.PagePosition(tt.from, tt.a); n != tt.n || total != tt.total {
				t.Errorf("PagePosition(%d) = %d of %d, want %d of %d", tt.from, n, total, tt.n, tt.total)
			}
		})
	}
}
