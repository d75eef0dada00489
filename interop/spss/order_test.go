package spss

import (
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
)

// TestEndLabelsAndOrderInPSPP: a rating's and an NPS's end labels become
// value labels of their end points, and what each respondent saw in a
// random order is a string variable PSPP lists.
func TestEndLabelsAndOrderInPSPP(t *testing.T) {
	d, err := survey.ParseDefinition([]byte(`{"slug":"ends","title":"Ends","language":"en","pages":[{"randomize":true,"questions":[
		{"id":"stars","type":"rating","text":"Your visit","scale":{"low":"Very poor","high":"Excellent"}},
		{"id":"rec","type":"nps","text":"Recommend?","scale":{"low":"Never","high":"Certainly"}},
		{"id":"brand","type":"single","text":"Brand?","randomize":true,"options":["a","b","c",{"value":"none","label":"None","pin":true}]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	done := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	n := func(f float64) *float64 { return &f }
	r := &survey.Response{ID: "r1", ClientID: "c1", Status: survey.Complete, StartedAt: done, CompletedAt: &done,
		Answers: survey.Answers{"stars": {Number: n(5)}, "rec": {Number: n(0)}, "brand": {Choice: "b"}},
		Order:   survey.ItemOrder{"brand": {"c", "a", "b", "none"}, "pages[0]": {"brand", "stars", "rec"}}}
	path := writeSurvey(t, d, []*survey.Response{r})
	out := pspp(t, path, "DISPLAY DICTIONARY.\nLIST /VARIABLES=stars rec brand order_pages0 order_brand.\n")
	for _, want := range []string{"Very poor", "Excellent", "Never", "Certainly", "Order shown: Brand?", "Order shown: pages[0]"} {
		if !strings.Contains(out, want) {
			t.Errorf("PSPP output lacks %q:\n%s", want, out)
		}
	}
	if data := listed(out); len(data) != 1 || data[0] != "5 0 2 brand; stars; rec c; a; b; none" {
		t.Errorf("listed %q", data)
	}
}
