package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/safarhq/safar/survey"
)

// TestInterviewNotesAutosave: on a phone, notes typed into the interview
// form reach the server as a draft without pressing any button (blur and
// the timer of static/interviews.js), survive a closed tab, and save as an
// interview.
func TestInterviewNotesAutosave(t *testing.T) {
	a := startApp(t)
	ctx := context.Background()
	p, err := a.store.EnsureProject(ctx, "e2e", "")
	if err != nil {
		t.Fatal(err)
	}
	pid := strconv.FormatInt(p.ID, 10)
	ph := newPhone(t)
	tab, closeTab := ph.tab(tabOptions{})
	signedIn("/app/projects/"+pid+"/interviews/new", "#interview-form")(t, a, tab)

	const note = "ارسال دیر بود؛ the courier never called"
	do(t, tab, "type notes",
		chromedp.SendKeys(chromedp.CSS("#new_pseudonym"), "نگار"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name="line_text"]`), note),
		chromedp.SendKeys(chromedp.CSS(`input[name="line_codes"]`), "delivery"),
		chromedp.Click(chromedp.CSS("#title")), // blur
	)
	var drafts []*survey.NoteDraft
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		u, err := a.store.UserByEmail(ctx, a.adminEmail)
		if err != nil {
			t.Fatal(err)
		}
		if drafts, err = a.store.Drafts(ctx, p.ID, u.ID); err != nil {
			t.Fatal(err)
		}
		if len(drafts) == 1 && strings.Contains(drafts[0].Data, "delivery") {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if len(drafts) != 1 || !strings.Contains(drafts[0].Data, "courier never called") {
		t.Fatalf("no draft saved while typing: %+v", drafts)
	}
	if got := eval[string](t, tab, `document.querySelector(".draft-status").textContent`); got != "Draft saved." {
		t.Errorf("draft status %q", got)
	}
	// Reloading the page (a phone that drops the tab, F5) reopens the draft.
	if got := eval[string](t, tab, `location.search`); !strings.Contains(got, "draft=") {
		t.Errorf("address after autosave %q, want the draft in it", got)
	}
	do(t, tab, "reload", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#interview-form")))
	if got := eval[string](t, tab, `document.querySelector('textarea[name="line_text"]').value`); got != note {
		t.Errorf("after a reload the note is %q, want %q", got, note)
	}
	n := eval[int](t, tab, `document.querySelectorAll(".note-line").length`)
	do(t, tab, "add a line", chromedp.Click(chromedp.CSS(".add-line")))
	if got := eval[int](t, tab, `document.querySelectorAll(".note-line").length`); got != n+1 {
		t.Errorf("lines after add: %d, want %d", got, n+1)
	}
	closeTab() // the connection drops; the draft is on the server

	tab2, _ := ph.tab(tabOptions{})
	do(t, tab2, "reopen the draft", chromedp.Navigate(a.url+"/app/projects/"+pid+"/transcripts"), chromedp.WaitVisible(chromedp.CSS(`a[href*="interviews/new?draft="]`)))
	submit(t, tab2, `a[href*="interviews/new?draft="]`)
	if got := eval[string](t, tab2, `document.querySelector('textarea[name="line_text"]').value`); got != note {
		t.Fatalf("draft text %q, want %q", got, note)
	}
	submit(t, tab2, `#interview-form button.primary`)
	ts, err := a.store.Transcripts(ctx, p.ID)
	if err != nil || len(ts) != 1 || ts[0].Kind != survey.KindInterview {
		t.Fatalf("interview not stored: %+v %v", ts, err)
	}

	// Selecting words of a passage fills its code form's passage field.
	do(t, tab2, "select words", chromedp.WaitVisible(chromedp.CSS(".utt-text")))
	got := eval[string](t, tab2, `(function(){
		var p = document.querySelector(".utt-text"), r = document.createRange(), t = p.firstChild.nodeType === 3 ? p.firstChild : p.firstChild.firstChild;
		r.setStart(t, 0); r.setEnd(t, 4);
		var s = window.getSelection(); s.removeAllRanges(); s.addRange(r);
		p.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
		return p.closest("li").querySelector(".quote-field").value;
	})()`)
	if want := string([]rune(note)[:4]); got != want {
		t.Errorf("quote field %q, want %q", got, want)
	}
}
