package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey"
)

// codedTranscript stores a focus group whose customer turns are about
// waiting or prices, codes the first coded of them with by's codes, and
// returns the transcript.
func (w *workspace) codedTranscript(texts []string, codes map[int]string, by int64) *survey.Transcript {
	w.t.Helper()
	ctx := context.Background()
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "group.txt",
		Speakers: []survey.Speaker{{Name: "Mod", Moderator: true}}}
	tr.Utterances = append(tr.Utterances, survey.Utterance{Order: 1, Speaker: "Mod", Text: "How was the shop?"})
	for i, text := range texts {
		tr.Utterances = append(tr.Utterances, survey.Utterance{Order: i + 2, Speaker: fmt.Sprintf("P%d", i), Text: text})
	}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		w.t.Fatal(err)
	}
	w.codeUtterances(tr, codes, by)
	return tr
}

// codeUtterances applies codes (index into the customer turns -> code
// name, created when missing) as user by.
func (w *workspace) codeUtterances(tr *survey.Transcript, codes map[int]string, by int64) {
	w.t.Helper()
	ctx := context.Background()
	for i, name := range codes {
		var id int64
		existing, _ := w.store.Codes(ctx, w.project.ID)
		for _, c := range existing {
			if c.Name == name {
				id = c.ID
			}
		}
		if id == 0 {
			c := &survey.Code{ProjectID: w.project.ID, Name: name, Group: survey.GroupPainPoint}
			if err := w.store.CreateCode(ctx, c); err != nil {
				w.t.Fatal(err)
			}
			id = c.ID
		}
		k := &survey.Coding{ProjectID: w.project.ID, CodeID: id, Source: survey.SourceUtterance, UtteranceID: tr.Utterances[i+1].ID, CreatedBy: by}
		if err := w.store.ApplyCode(ctx, k); err != nil {
			w.t.Fatal(err)
		}
	}
}

func (w *workspace) userID(email string) int64 {
	u, err := w.store.UserByEmail(context.Background(), email)
	if err != nil {
		w.t.Fatal(err)
	}
	return u.ID
}

var shopTexts = []string{
	"We waited in the queue for an hour", "the queue was so slow", "slow checkout, long wait again", "waiting forever at the till",
	"prices are too expensive", "expensive, overpriced bill", "the price went up again", "too expensive for me",
	"another long queue and slow staff", "overpriced and expensive drinks", "صف خیلی طولانی بود",
}

func TestAssistedCoding(t *testing.T) {
	w := newWorkspace(t)
	res := w.userID("res@example.com")
	codes := map[int]string{0: "wait", 1: "wait", 2: "wait", 3: "wait", 4: "price", 5: "price", 6: "price", 7: "price"}
	tr := w.codedTranscript(shopTexts, codes, res)
	b := w.login("res@example.com")
	base := fmt.Sprintf("/app/projects/%d/assist", w.project.ID)
	b.get(base).want(http.StatusOK, "Agreement with your codes", "Cohen’s kappa", "another long queue and slow staff", "overpriced and expensive drinks")
	if strings.Contains(b.body, "How was the shop?") {
		t.Error("the moderator's question is suggested for coding")
	}
	queue := strconv.FormatInt(tr.Utterances[9].ID, 10)
	drinks := strconv.FormatInt(tr.Utterances[10].ID, 10)
	ctx := context.Background()
	all, _ := w.store.Codes(ctx, w.project.ID)
	ids := map[string]string{}
	for _, c := range all {
		ids[c.Name] = strconv.FormatInt(c.ID, 10)
	}
	rejectedPair := regexp.MustCompile(`name="utterance" value="` + drinks + `">\s*<input type="hidden" name="code" value="` + ids["price"] + `"`)
	if !rejectedPair.MatchString(b.body) {
		t.Error("overpriced drinks are not suggested as price")
	}
	b.post(base, url.Values{"utterance": {queue}, "code": {ids["wait"]}, "confidence": {"0.8"}, "decision": {"accept"}}).wantRedirect(base)
	b.post(base, url.Values{"utterance": {drinks}, "code": {ids["price"]}, "confidence": {"0.7"}, "decision": {"reject"}}).wantRedirect(base)
	b.get(base).want(http.StatusOK)
	if strings.Contains(b.body, "another long queue and slow staff") {
		t.Error("an accepted suggestion is still offered")
	}
	if rejectedPair.MatchString(b.body) {
		t.Error("a rejected suggestion is offered again")
	}
	b.get(fmt.Sprintf("/app/projects/%d/codes/%s", w.project.ID, ids["wait"])).want(http.StatusOK, "accepted suggestion", "80%", "coded by res@example.com")
	b.get(fmt.Sprintf("/app/projects/%d/coded.csv", w.project.ID)).want(http.StatusOK, ",coder,origin,confidence", ",res@example.com,suggested,0.800")

	// Bulk: everything left at 50% or more, in one go.
	b.post(base+"/accept-all", url.Values{"min": {"0.5"}}).wantRedirect(base)
	ps, _ := w.store.CodedPassages(ctx, w.project.ID, 0)
	var suggested int
	for _, p := range ps {
		if p.Origin == survey.OriginSuggested {
			suggested++
			if p.UtteranceID == tr.Utterances[10].ID && p.Code.Name == "price" {
				t.Error("bulk accept applied a rejected suggestion")
			}
		}
	}
	if suggested < 2 {
		t.Errorf("%d suggested codings after the bulk accept; want the accepted one and the bulk", suggested)
	}
	b.post(base+"/accept-all", url.Values{"min": {"0.2"}}).want(http.StatusUnprocessableEntity)
}

func TestAssistedCodingNeedsTwoCodes(t *testing.T) {
	w := newWorkspace(t)
	w.codedTranscript(shopTexts[:3], map[int]string{0: "wait", 1: "wait"}, w.userID("res@example.com"))
	b := w.login("view@example.com")
	b.get(fmt.Sprintf("/app/projects/%d/assist", w.project.ID)).want(http.StatusOK, "Only one code is used so far")
	if strings.Contains(b.body, `name="decision"`) {
		t.Error("a viewer sees accept/reject buttons")
	}
}

func TestCoderAgreementPage(t *testing.T) {
	w := newWorkspace(t)
	a, bID := w.userID("res@example.com"), w.userID("admin@example.com")
	tr := w.codedTranscript(shopTexts[:6], map[int]string{0: "wait", 1: "wait", 2: "wait", 4: "price", 5: "price"}, a)
	w.codeUtterances(tr, map[int]string{0: "wait", 1: "wait", 2: "price", 4: "price", 5: "price", 3: "wait"}, bID)
	b := w.login("view@example.com")
	b.get(fmt.Sprintf("/app/projects/%d/agreement", w.project.ID)).want(http.StatusOK,
		"Krippendorff’s alpha", "6 passages compared; the coders gave the same codes to 4.",
		"slow checkout, long wait again", "waiting forever at the till", "res@example.com", "admin@example.com")
	if strings.Contains(b.body, "prices are too expensive</bdi></p>") {
		t.Error("a passage both coded alike is listed as a disagreement")
	}
	b.get(fmt.Sprintf("/app/projects/%d/agreement?a=%d&b=%d", w.project.ID, a, a)).want(http.StatusOK)
	if strings.Contains(b.body, "passages compared") {
		t.Error("a coder compared with themself")
	}
}
