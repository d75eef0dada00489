package e2e

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// TestBuilderByKeyboardWithPreview: a researcher at a laptop adds a
// question where they are and moves questions with the keyboard alone
// (focus follows each redraw), drags a question by its handle, and
// watches the phone preview beside the form follow their unsaved edits.
// The builder passes axe at this width, preview showing.
func TestBuilderByKeyboardWithPreview(t *testing.T) {
	a := startApp(t)
	script := axeScript(t)
	tab, _ := newPhone(t).tab(tabOptions{width: 1280, height: 900})
	allowAxe(t, tab)
	signedIn("/app/surveys/demo-en/builder", "#builder")(t, a, tab)

	// until polls a JavaScript condition (the preview loads into a frame
	// asynchronously).
	until := func(what, cond string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for !eval[bool](t, tab, "!!("+cond+")") {
			if time.Now().After(deadline) {
				t.Fatalf("%s: still false after 15s: %s", what, cond)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	preview := `document.querySelector('iframe[name=preview]')?.contentDocument`
	until("the preview shows the saved survey's first page", preview+`?.querySelector('#q-age_group')`)
	if w := eval[float64](t, tab, `document.querySelector('iframe[name=preview]').getBoundingClientRect().width`); w < 300 || w > 420 {
		t.Errorf("preview frame is %.0f px wide, want a phone's width", w)
	}
	checkAxe(t, tab, script)

	// Unsaved edits show in the preview, on the page being edited.
	do(t, tab, "edit a question on page 2",
		chromedp.Focus(chromedp.CSS(`[name="q.1.1.text"]`)),
		chromedp.KeyEvent(kb.End),
		chromedp.KeyEvent(" or in the app?"))
	until("the preview follows the edit", preview+`?.body?.textContent.includes('Where do you usually buy from us? or in the app?')`)

	// Add a date question right after "Gender", by keyboard: the picker,
	// then the button next to it.
	pressEnterOn := func(sel string) {
		t.Helper()
		do(t, tab, "focus "+sel, chromedp.Focus(chromedp.CSS(sel)))
		if _, err := chromedp.RunResponse(tab, chromedp.KeyEvent(kb.Enter)); err != nil {
			t.Fatalf("Enter on %s: %v", sel, err)
		}
		do(t, tab, "builder redrawn", chromedp.WaitReady(chromedp.CSS("#builder")))
	}
	eval[bool](t, tab, `(() => { const s = document.querySelector('select[name="nt.0.1"]'); s.value = 'date'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
	if got := eval[string](t, tab, `document.querySelector('select[name="nt.1"]').value`); got != "date" {
		t.Errorf("the other add controls offer %q after picking date in one, want date", got)
	}
	pressEnterOn(`button[value="add_q:0.1"]`)
	if got := eval[string](t, tab, `document.activeElement.name + ' ' + document.querySelector('[name="q.0.2.type"]').value`); got != "q.0.2.text date" {
		t.Fatalf("after adding: focus and new type %q, want \"q.0.2.text date\"", got)
	}
	do(t, tab, "type the new question", chromedp.KeyEvent("When did you last order?"))
	// The edit made before the add survived the redraw.
	if !eval[bool](t, tab, `document.querySelector('[name="q.1.1.text"]').value.endsWith('or in the app?')`) {
		t.Error("an unsaved edit was lost by adding a question")
	}

	// Move the new question down twice with the keyboard: the focus stays
	// on its Move down button, so Enter again keeps moving it.
	pressEnterOn(`button[value="down_q:0.2"]`)
	if got := eval[string](t, tab, `document.activeElement.value || ''`); got != "down_q:0.3" {
		t.Fatalf("after moving down the focus is on %q, want the moved question's Move down (down_q:0.3)", got)
	}
	if _, err := chromedp.RunResponse(tab, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	do(t, tab, "builder redrawn", chromedp.WaitReady(chromedp.CSS("#builder")))
	order := `[...document.querySelectorAll('fieldset.bpage')].map(p => [...p.querySelectorAll('fieldset.bq input[name$=".id"]')].map(i => i.value).join(' ')).join('|')`
	if got := eval[string](t, tab, order); !strings.HasPrefix(got, "age_group gender city|q19 heard_from main_channel insta_follow|") {
		t.Fatalf("after two moves down: %s", got)
	}
	// A move that would break a condition is refused, with the reason.
	pressEnterOn(`button[value="down_q:1.1"]`) // heard_from below insta_follow's condition? no: below main_channel, fine
	pressEnterOn(`button[value="down_q:1.2"]`) // heard_from below insta_follow, which depends on it
	if got := eval[string](t, tab, `document.querySelector('.alert') ? document.querySelector('.alert').textContent : ''`); !strings.Contains(got, "Not moved") {
		t.Fatalf("breaking move not refused; alert: %q", got)
	}

	// Drag "city" (page 1) onto the top half of "main_channel" (page 2).
	// Synthetic drag events run the page's drop handler as a mouse would.
	// The drop posts the form, so this waits for the redrawn page to load
	// (as submit does): a click on the old page's nodes would race it.
	drop := func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		ok, err := chromedp.Evaluate[bool](`(() => {
		const src = document.querySelector('#bq-0-2 .handle'), dst = document.querySelector('#bq-1-2');
		const dt = new DataTransfer(), r = dst.getBoundingClientRect();
		src.dispatchEvent(new DragEvent('dragstart', {bubbles: true, dataTransfer: dt}));
		const at = {bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.left + 20, clientY: r.top + 5};
		dst.dispatchEvent(new DragEvent('dragover', at));
		return dst.classList.contains('drop-before') && !dst.dispatchEvent(new DragEvent('drop', at));
	})()`)(ctx, t)
		if err == nil && !ok {
			err = errors.New("drop not accepted above main_channel")
		}
		return chromedp.Void{}, err
	}
	dctx, cancel := context.WithTimeout(tab, 20*time.Second)
	if _, err := chromedp.RunResponse(dctx, drop); err != nil {
		cancel()
		t.Fatalf("drop city above main_channel: %v", err)
	}
	cancel()
	do(t, tab, "builder redrawn after the drop", chromedp.WaitReady(chromedp.CSS("#builder")))
	until("the drop moved city", `(document.querySelector('#bq-1-2 input[name$=".id"]') || {}).value === 'city'`)
	if got := eval[string](t, tab, order); !strings.HasPrefix(got, "age_group gender|q19 main_channel city heard_from insta_follow|") {
		t.Errorf("after the drop: %s", got)
	}

	// Saved, the survey has the new order and question.
	submit(t, tab, `#builder button[name=op][value="save"]`)
	sv, err := a.store.SurveyBySlug(context.Background(), "demo-en")
	if err != nil {
		t.Fatal(err)
	}
	if q := sv.Definition.Pages[1].Questions; sv.Version != 2 || q[0].ID != "q19" || q[0].Text.String() != "When did you last order?" || q[2].ID != "city" {
		t.Fatalf("saved v%d page 2: %+v", sv.Version, q)
	}
}

// TestBuilderPreviewHiddenOnPhones: on a narrow screen the preview gives
// its room to the form, and the script does not post drafts into it (the
// frame keeps the saved version it opened with).
func TestBuilderPreviewHiddenOnPhones(t *testing.T) {
	a := startApp(t)
	tab, _ := newPhone(t).tab(tabOptions{})
	signedIn("/app/surveys/demo-fa/builder", "#builder")(t, a, tab)
	do(t, tab, "edit", chromedp.Focus(chromedp.CSS(`[name="q.0.0.text"]`)), chromedp.KeyEvent("x"))
	time.Sleep(1500 * time.Millisecond) // past the preview's 600 ms pause
	if got := eval[string](t, tab, `getComputedStyle(document.querySelector('.phone-preview')).display + ' ' + document.querySelector('iframe[name=preview]').contentWindow.location.pathname`); got != "none /app/surveys/demo-fa/builder/preview" {
		t.Errorf("preview on a phone: %q, want hidden, showing the saved version", got)
	}
}

// TestBuilderTranslationsSideBySide: adding English to the Persian demo
// survey shows each text in both languages, the missing ones counted and
// marked, and the page stays axe-clean.
func TestBuilderTranslationsSideBySide(t *testing.T) {
	a := startApp(t)
	script := axeScript(t)
	tab, _ := newPhone(t).tab(tabOptions{width: 1280, height: 900})
	allowAxe(t, tab)
	signedIn("/app/surveys/demo-fa/builder", "#builder")(t, a, tab)
	do(t, tab, "choose English", chromedp.SetValue(chromedp.CSS(`select[name="new_lang"]`), "en"))
	submit(t, tab, `#builder button[name=op][value="add_lang"]`)
	do(t, tab, "builder redrawn", chromedp.WaitVisible(chromedp.CSS(".missing-summary")))
	if got := eval[string](t, tab, `document.activeElement.name + ' ' + document.querySelector('[name="q.0.0.text~fa"]').value + ' ' + document.querySelector('[name="q.0.0.text~en"]').dir`); got != "new_lang چند سال دارید؟ ltr" {
		t.Errorf("after adding English: %q", got)
	}
	if n := eval[int](t, tab, `document.querySelectorAll('label.missing').length`); n < 10 {
		t.Errorf("%d fields marked missing, want every English field with a Persian text", n)
	}
	checkAxe(t, tab, script)
}
