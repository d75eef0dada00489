package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestParticipantAttributesByLabel: the participant form offers a
// demographic question's options by their labels, in the viewer's
// language when the project asks it in several, and the participant list
// shows stored values by those labels too.
func TestParticipantAttributesByLabel(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	fa, err := survey.ParseDefinition([]byte(`{"slug": "shop-fa", "title": "فروشگاه", "language": "fa", "pages": [{"id": "p1", "questions": [
		{"id": "gender", "type": "single", "text": "جنسیت", "role": "demographic", "options": [{"value": "female", "label": "زن"}, {"value": "male", "label": "مرد"}]},
		{"id": "channel", "type": "single", "text": "از کجا می‌خرید؟", "role": "behaviour", "options": [{"value": "insta", "label": "اینستاگرام"}, {"value": "store", "label": "فروشگاه"}]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	en, err := survey.ParseDefinition([]byte(`{"slug": "shop-en2", "title": "Shop", "language": "en", "pages": [{"id": "p1", "questions": [
		{"id": "gender", "type": "single", "text": "Gender", "role": "demographic", "options": [{"value": "female", "label": "Woman"}, {"value": "male", "label": "Man"}]},
		{"id": "channel", "type": "single", "text": "Where do you buy?", "role": "behaviour", "options": [{"value": "insta", "label": "Instagram"}, {"value": "store", "label": "The store"}]}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range []*survey.Definition{fa, en} {
		if err := w.store.CreateSurvey(ctx, &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}); err != nil {
			t.Fatal(err)
		}
	}
	list := "/app/projects/" + w.pid() + "/transcripts"
	b := w.login("res@example.com")
	b.get(list).want(http.StatusOK, `<option value="female">Woman</option>`, "Gender")
	b.post("/app/projects/"+w.pid()+"/participants", url.Values{"pseudonym": {"P-Mina"}, "attr.gender": {"female"}, "attr.city": {"Shiraz"}, "attr.channel": {"insta"}, "back": {list}}).
		wantRedirect(list)
	// A behaviour question's answer (the demo's channel, motive, discount
	// codes) by its texts too, though the form offers demographics only.
	b.get(list).want(http.StatusOK, "<bdi>Gender</bdi>: <bdi>Woman</bdi>", "<bdi>City</bdi>: <bdi>Shiraz</bdi>", "<bdi>Where do you buy?</bdi>: <bdi>Instagram</bdi>")
	if strings.Contains(b.body, ">female<") || strings.Contains(b.body, ": female") || strings.Contains(b.body, "<bdi>channel</bdi>") || strings.Contains(b.body, "<bdi>insta</bdi>") {
		t.Error("a raw attribute value is shown")
	}
	w.login("fa@example.com").get(list).want(http.StatusOK, `<option value="female">زن</option>`, "<bdi>جنسیت</bdi>: <bdi>زن</bdi>", "<bdi>از کجا می‌خرید؟</bdi>: <bdi>اینستاگرام</bdi>")
}

// TestParticipantAttributeWithoutOptions: a demographic question without
// options (a number, a short text) is a field to type the value in, not a
// list with nothing to pick, and the value typed is kept.
func TestParticipantAttributeWithoutOptions(t *testing.T) {
	w := newWorkspace(t)
	d, err := survey.ParseDefinition([]byte(`{"slug": "home", "title": "Home", "language": "en", "pages": [{"id": "p1", "questions": [
		{"id": "household", "type": "number", "text": "How many people live with you?", "role": "demographic"},
		{"id": "job", "type": "short_text", "text": "Your job", "role": "demographic"}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := w.store.CreateSurvey(context.Background(), &survey.Survey{ProjectID: w.project.ID, Definition: d, Status: survey.Published}); err != nil {
		t.Fatal(err)
	}
	list := "/app/projects/" + w.pid() + "/transcripts"
	b := w.login("res@example.com")
	b.get(list).want(http.StatusOK, `<input type="text" name="attr.household"`, `<input type="text" name="attr.job"`)
	if strings.Contains(b.body, `<select name="attr.household">`) {
		t.Error("a number question is offered as a list with nothing to pick")
	}
	b.post("/app/projects/"+w.pid()+"/participants", url.Values{"pseudonym": {"P-Leila"}, "attr.household": {"4"}, "attr.job": {"nurse"}, "back": {list}}).
		wantRedirect(list)
	parts, _ := w.store.Participants(context.Background(), w.project.ID)
	if len(parts) != 1 || parts[0].Attributes["household"] != "4" || parts[0].Attributes["job"] != "nurse" {
		t.Fatalf("participant: %+v", parts)
	}
}
