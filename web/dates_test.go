package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/safarhq/safar/internal/jalali"
)

// TestResponsesDateFilterInTheReadersCalendar: a Persian page shows its
// dates in the Jalali calendar, so its date filter takes them (in either
// digits) and shows them back so; an English page keeps ISO dates. Before,
// the filter read only Gregorian dates and silently ignored "1405/09/17".
func TestResponsesDateFilterInTheReadersCalendar(t *testing.T) {
	w := newWorkspace(t)
	list := "/app/surveys/" + w.survey.Slug + "/responses"
	day := w.resp.StartedAt.Local() // both responses came in on this day
	iso := day.Format("2006-01-02")
	jd := jalali.FromTime(day).String()
	next := jalali.FromTime(day.AddDate(0, 0, 1)).String()
	shown := `value="` + jalali.PersianDigits(jd) + `"` // the reader asked for Persian digits
	q := func(from, to string) string { return list + "?" + url.Values{"from": {from}, "to": {to}}.Encode() }

	fa := w.login("fa@example.com")
	fa.get(q(jd, jalali.PersianDigits(jd))).want(http.StatusOK, "۲ پاسخ", `type="text" name="from" `+shown, `name="to" `+shown, "export.csv?from="+iso+"&amp;to="+iso)
	fa.get(q(next, "")).want(http.StatusOK, "۰ پاسخ", `value="`+jalali.PersianDigits(next)+`"`)
	fa.get(q("", jd)).want(http.StatusOK, "۲ پاسخ")
	fa.get(q(iso, "")).want(http.StatusOK, "۲ پاسخ", `name="from" `+shown) // a link an English reader shared
	// A day the calendar lacks stays in its box, said to be no date.
	fa.get(q("1405/13/01", "")).want(http.StatusOK, "۲ پاسخ", `value="1405/13/01" inputmode`, `aria-invalid="true"`, "«۱۴۰۵/۱۳/۰۱» تاریخ نیست")

	en := w.login("res@example.com")
	en.get(q(iso, iso)).want(http.StatusOK, "2 responses", `type="date" name="from" value="`+iso+`"`)
	en.get(q(day.AddDate(0, 0, 1).Format("2006-01-02"), "")).want(http.StatusOK, "0 responses")
	en.get(q("2026-02-30", "")).want(http.StatusOK, "2 responses", "“2026-02-30” is not a date")
	if strings.Contains(en.body, "inputmode") {
		t.Error("an English page's date field is a text box; want the browser's date picker")
	}
}

// TestClosingDateInTheReadersCalendar: a Persian page takes and shows a
// survey's closing date in the Jalali calendar, as it shows every other
// date; it offered the browser's Gregorian date picker.
func TestClosingDateInTheReadersCalendar(t *testing.T) {
	w := newWorkspace(t)
	fa := w.login("fa@example.com")
	page := "/app/surveys/" + w.survey.Slug
	fa.get(page).want(http.StatusOK, `type="text" inputmode="numeric" autocomplete="off" id="closes_at"`)
	fa.post(page+"/schedule", url.Values{"closes_at": {"۱۴۰۸/۱۱/۱۱"}}).wantRedirect(page)
	sv, err := w.store.SurveyBySlug(context.Background(), w.survey.Slug)
	if err != nil || sv.ClosesAt == nil {
		t.Fatalf("closing date not saved: %v", err)
	}
	last, _ := jalali.Date{Year: 1408, Month: 11, Day: 11}.Time(time.Local)
	if want := last.AddDate(0, 0, 1); !sv.ClosesAt.Equal(want) { // open through the whole day
		t.Errorf("closes at %v, want %v", sv.ClosesAt, want)
	}
	fa.get(page).want(http.StatusOK, `value="۱۴۰۸/۱۱/۱۱"`, "<dd>۱۴۰۸/۱۱/۱۱</dd>")
	fa.post(page+"/schedule", url.Values{"closes_at": {"1408/13/01"}}).want(http.StatusUnprocessableEntity, `value="1408/13/01"`, "این تاریخ نیست")
}

// TestInterviewDateInTheReadersCalendar: a Persian researcher's interview
// notes take the date in Jalali, as the page shows every other date; the
// form offered the browser's Gregorian date picker and refused "1405/08/29".
func TestInterviewDateInTheReadersCalendar(t *testing.T) {
	w := newWorkspace(t)
	b := w.login("fa@example.com")
	form := "/app/projects/" + w.pid() + "/interviews/new"
	today := jalali.PersianDigits(jalali.FromTime(time.Now()).String())
	b.get(form).want(http.StatusOK, `type="text" inputmode="numeric" autocomplete="off" id="date" name="date" value="`+today+`"`)
	m := draftKeyRE.FindStringSubmatch(b.body)
	if m == nil {
		t.Fatal("no draft key on the form")
	}
	b.post("/app/projects/"+w.pid()+"/interviews", url.Values{"draft": {m[1]}, "new_pseudonym": {"نگار"}, "date": {"۱۴۰۵/۰۸/۲۹"},
		"line_text": {"پرداخت سخت بود"}, "line_emotion": {"negative"}, "line_codes": {""}})
	if b.status != http.StatusSeeOther {
		t.Fatalf("save: status %d; %.1500s", b.status, b.body)
	}
	ts := w.transcripts()
	if len(ts) != 1 || ts[0].Date == nil || ts[0].Date.Format("2006-01-02") != "2026-11-20" {
		t.Fatalf("interview date: %+v", ts)
	}
}
