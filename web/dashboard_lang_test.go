package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
)

// TestDashboardInTheReadersLanguage: a survey asked in English and Persian
// shows a Persian researcher its questions, options, scale labels,
// statements and page titles in Persian on the dashboard, a response's
// page, the personas' question list, the participant form, the open answers and
// the search (they all read English before, the survey's default), and an English
// one in English.
func TestDashboardInTheReadersLanguage(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	d, err := survey.ParseDefinition([]byte(`{"slug": "bread", "title": {"en": "Bread", "fa": "نان"}, "languages": ["en", "fa"],
	  "pages": [{"id": "p1", "title": {"en": "Ordering", "fa": "سفارش"}, "questions": [
	    {"id": "agegroup", "type": "single", "text": {"en": "Your age", "fa": "سن شما"}, "role": "demographic",
	     "options": [{"value": "u25", "label": {"en": "Under 25", "fa": "زیر ۲۵"}}]},
	    {"id": "easy", "type": "likert", "text": {"en": "It was easy", "fa": "آسان بود"}, "scale": {"points": 3, "low": {"en": "Disagree", "fa": "مخالفم"}, "high": {"en": "Agree", "fa": "موافقم"}}},
	    {"id": "grid", "type": "matrix", "text": {"en": "Rate", "fa": "نمره"}, "scale": {"points": 2},
	     "statements": [{"value": "fresh", "label": {"en": "Freshness", "fa": "تازگی"}}]},
	    {"id": "why", "type": "long_text", "text": {"en": "What went wrong?", "fa": "چه چیزی خراب شد؟"}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	sv := &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}
	if err := w.store.CreateSurvey(ctx, sv); err != nil {
		t.Fatal(err)
	}
	now := time.Now().UTC()
	three := 3.0
	r := &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: "c1", Status: survey.Complete,
		StartedAt: now, CompletedAt: &now, Source: survey.SourceWeb, Language: "fa",
		Answers: survey.Answers{"agegroup": {Choice: "u25"}, "easy": {Number: &three}, "grid": {Matrix: map[string]int{"fresh": 2}}, "why": {Text: "courier lost"}}}
	r, _, err = w.store.SaveResponse(ctx, r)
	if err != nil {
		t.Fatal(err)
	}
	fa := w.login("fa@example.com")
	// One answer has no interval: the mean says its n alone, not "– – –".
	fa.get("/app/surveys/bread/dashboard").want(http.StatusOK, "(n = ۱)")
	if strings.Contains(fa.body, "– – –") || strings.Contains(fa.body, "–, n") {
		t.Error("an interval of one answer drawn as dashes")
	}
	one := 1.0
	if _, _, err := w.store.SaveResponse(ctx, &survey.Response{SurveyID: sv.ID, SurveyVersion: sv.Version, ClientID: "c2", Status: survey.Complete,
		StartedAt: now, CompletedAt: &now, Source: survey.SourceWeb, Answers: survey.Answers{"easy": {Number: &one}}}); err != nil {
		t.Fatal(err)
	}
	fa.get("/app/surveys/bread/dashboard").want(http.StatusOK, "، n = ۲)")
	fa.get("/app/surveys/bread/dashboard").want(http.StatusOK, "سن شما", "زیر ۲۵", "آسان بود", "مخالفم", "موافقم", "تازگی", "سفارش",
		"<td>۱ <bdi>مخالفم</bdi></td>", "<td>۲</td>") // the scale's points in the reader's digits, as the counts beside them
	for _, en := range []string{"Your age", "Under 25", "It was easy", "Freshness", "Ordering"} {
		if strings.Contains(fa.body, en) {
			t.Errorf("the Persian dashboard reads %q", en)
		}
	}
	en := w.login("res@example.com")
	en.get("/app/surveys/bread/dashboard").want(http.StatusOK, "Your age", "Under 25", "It was easy", "<td>1 <bdi>Disagree</bdi></td>", "Freshness", "Ordering")

	// One response reads so too, whatever language it was answered in.
	fa.get("/app/surveys/bread/responses/"+r.ID).want(http.StatusOK, "سن شما", "زیر ۲۵", "۳ <bdi>موافقم</bdi>", "<bdi>تازگی</bdi>: ۲")
	if strings.Contains(fa.body, "Your age") {
		t.Error("the Persian response view reads English")
	}
	en.get("/app/surveys/bread/responses/"+r.ID).want(http.StatusOK, "Your age", "Under 25", "3 <bdi>Agree</bdi>", "<bdi>Freshness</bdi>: 2")

	// So do the questions offered to the segmentation and the participant
	// form's attributes.
	fa.get("/app/surveys/bread/analysis/personas").want(http.StatusOK, "سن شما", "آسان بود")
	fa.get("/app/projects/"+w.pid()+"/transcripts").want(http.StatusOK, "<bdi>سن شما</bdi>", `<option value="u25">زیر ۲۵</option>`)
	en.get("/app/projects/"+w.pid()+"/transcripts").want(http.StatusOK, "<bdi>Your age</bdi>", `<option value="u25">Under 25</option>`)

	// And the open answers and the search name their question so.
	fa.get("/app/projects/"+w.pid()+"/answers").want(http.StatusOK, "courier lost", "چه چیزی خراب شد؟")
	fa.get("/app/projects/"+w.pid()+"/search?q=courier").want(http.StatusOK, "courier lost", "چه چیزی خراب شد؟")
	if strings.Contains(fa.body, "What went wrong?") {
		t.Error("the Persian search names the question in English")
	}
	en.get("/app/projects/"+w.pid()+"/search?q=courier").want(http.StatusOK, "What went wrong?")
}
