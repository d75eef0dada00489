package survey_test

import (
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestPipingInEveryLanguage: a pipe shows the option's label in the
// respondent's language, and a pipe of a later question is found in any
// translation, not only the default one.
func TestPipingInEveryLanguage(t *testing.T) {
	d := mustParse(t, `{"slug":"ml","title":{"fa":"ت","en":"T"},"languages":["fa","en"],"pages":[
	 {"questions":[{"id":"city","type":"single","text":{"fa":"شهر؟","en":"City?"},
	   "options":[{"value":"thr","label":{"fa":"تهران","en":"Tehran"}}]}]},
	 {"questions":[{"id":"how","type":"rating","text":{"fa":"{{city}} چطور بود؟","en":"How was {{city}}?"},
	   "scale":{"low":{"fa":"بد","en":"Bad"},"high":{"fa":"خوب","en":"Good"}}}]}]}`)
	how, _ := d.Question("how")
	a := survey.Answers{"city": {Choice: "thr"}}
	if got := d.Pipe(how.Text.In("en"), a, "en"); got != "How was Tehran?" {
		t.Errorf("en: %q", got)
	}
	if got := d.Pipe(how.Text.In("fa"), a, "fa"); got != "تهران چطور بود؟" {
		t.Errorf("fa: %q", got)
	}
	if got := how.PointTextIn(5, "en"); got != "5 Good" {
		t.Errorf("end label in en: %q", got)
	}
	_, err := survey.ParseDefinition([]byte(`{"slug":"ml","title":{"fa":"ت","en":"T"},"languages":["fa","en"],"pages":[
	 {"questions":[{"id":"a","type":"short_text","text":{"fa":"الف","en":"A about {{b}}"}}]},
	 {"questions":[{"id":"b","type":"short_text","text":{"fa":"ب","en":"B"}}]}]}`))
	if err == nil || !strings.Contains(err.Error(), "pages[0].questions[0].text: pipes {{b}}, which comes later") {
		t.Errorf("a later pipe in the en translation: %v", err)
	}
}
