package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
)

// TestLongTranscriptIsPaged: a transcript at the import cap is shown 500
// utterances a page with a pager, the page stays small, and a link to one
// utterance opens the page that holds it.
func TestLongTranscriptIsPaged(t *testing.T) {
	w := newWorkspace(t)
	ctx := context.Background()
	tr := &survey.Transcript{ProjectID: w.project.ID, Kind: survey.KindTranscript, Title: "long",
		Speakers: []survey.Speaker{{Name: "A"}, {Name: "B"}}}
	for i := range transcript.MaxUtterances {
		tr.Utterances = append(tr.Utterances, survey.Utterance{Order: i + 1, Speaker: string(rune('A' + i%2)), Text: fmt.Sprintf("line %d", i+1)})
	}
	if err := w.store.CreateTranscript(ctx, tr); err != nil {
		t.Fatal(err)
	}
	b := w.login("res@example.com")
	path := fmt.Sprintf("/app/projects/%d/transcripts/%d", w.project.ID, tr.ID)
	start := time.Now()
	b.get(path).want(http.StatusOK, "Utterances 1–500 of 20000 (page 1 of 40)", `href="`+path+`?page=2"`)
	t.Logf("page 1 of %d utterances: %d bytes in %v", transcript.MaxUtterances, len(b.body), time.Since(start))
	if n := strings.Count(b.body, `class="utt-text"`); n != 500 {
		t.Errorf("page 1 shows %d utterances, want 500", n)
	}
	if len(b.body) > 2<<20 {
		t.Errorf("page 1 is %d bytes, want under 2 MiB", len(b.body))
	}
	if strings.Contains(b.body, ">line 501<") {
		t.Error("page 1 shows utterance 501")
	}
	b.get(path+"?page=40").want(http.StatusOK, ">line 20000<", "Utterances 19501–20000 of 20000", `href="`+path+`?page=39"`)
	// A link from search or the codebook to utterance 1234 opens page 3.
	stored, _, err := w.store.TranscriptPage(ctx, tr.ID, 1233, 1)
	if err != nil || len(stored.Utterances) != 1 {
		t.Fatalf("utterance 1234: %v", err)
	}
	uid := stored.Utterances[0].ID
	b.get(fmt.Sprintf("%s?u=%d", path, uid)).want(http.StatusOK, "page 3 of 40", fmt.Sprintf(`id="u%d"`, uid), ">line 1234<")
}
