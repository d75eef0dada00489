package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/study/studyrun"
)

// TestGeneratedSentencesFollowTheReader: the sentences the analysis writes
// (journey opportunities, the coded-passages note, persona trust lines,
// the method and how k was chosen, a multiple-choice trait's "yes") are in
// the reader's language, whatever the language the analysis ran in: the
// demo project runs in Persian, the demo-en survey in English.
func TestGeneratedSentencesFollowTheReader(t *testing.T) {
	w, runner := demoWorkspace(t)
	ctx := context.Background()
	p, err := w.store.ProjectByName(ctx, demo.Project)
	if err != nil {
		t.Fatal(err)
	}
	en, fa := w.login("res@example.com"), w.login("fa@example.com")
	project := "/app/projects/" + strconv.FormatInt(p.ID, 10) + "/analysis"
	for _, base := range []string{project, "/app/surveys/demo-en/analysis"} {
		en.post(base+"/run", nil).wantRedirect(base + "/painpoints")
		runNext(t, runner, true)

		en.get(base+"/personas").want(http.StatusOK, "on average", "latent class analysis (EM;", "lowest BIC at k=")
		for _, s := range []string{"قابل اتکا", "نشانه‌ای، نه قطعی", "ضعیف:", "اطمینان عضویت", "بله", "تحلیل طبقهٔ پنهان"} {
			if strings.Contains(en.body, s) {
				t.Errorf("%s: the English personas page says %q", base, s)
			}
		}
		fa.get(base+"/personas").want(http.StatusOK, "میانگین اطمینان عضویت", "تحلیل طبقهٔ پنهان", "کمترین BIC در k=")
		for _, s := range []string{"Solid:", "Indicative:", "Weak:", "on average", "latent class", "BIC rose", "lowest BIC", "<strong>yes</strong>", "<strong>no</strong>"} {
			if strings.Contains(fa.body, s) {
				t.Errorf("%s: the Persian personas page says %q", base, s)
			}
		}

		en.get(base+"/journey").want(http.StatusOK, "Fix “<bdi>")
		if strings.Contains(en.body, "رفع «") || strings.Contains(en.body, "شدت") {
			t.Errorf("%s: the English journey has a Persian opportunity", base)
		}
		// fa@example.com reads Persian digits: the decimal separator is Persian too.
		fa.get(base+"/journey").want(http.StatusOK, "رفع «<bdi>", "، شدت ۰٫")
		if strings.Contains(fa.body, "۰.") {
			t.Errorf("%s: a Persian decimal with an ASCII point", base)
		}
		if strings.Contains(fa.body, "Fix ") || strings.Contains(fa.body, "severity") {
			t.Errorf("%s: the Persian journey has an English opportunity", base)
		}
	}

	// A persona whose journey rests on a few coded interview passages.
	en.get(project + "/journey?persona=1").want(http.StatusOK)
	fa.get(project + "/journey?persona=1").want(http.StatusOK)
	if strings.Contains(en.body, "فقط") || strings.Contains(fa.body, "Only ") {
		t.Error("the coded-passages note is not in the reader's language")
	}
	if strings.Contains(fa.body, "بخش کدگذاری‌شده از") != strings.Contains(en.body, "coded passages from") {
		t.Error("the coded-passages note shows in one language only")
	}
}

// TestPersonaNoteFollowsTheReader: why a survey has no personas reads in
// the reader's language and digits.
func TestPersonaNoteFollowsTheReader(t *testing.T) {
	w := newWorkspace(t)
	runner := &studyrun.Runner{Store: w.store, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Bootstrap: -1}
	base := "/app/surveys/" + w.survey.Slug + "/analysis"
	fa := w.login("fa@example.com")
	fa.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	fa.get(base+"/personas").want(http.StatusOK, "برای این مطالعه پرسونایی ساخته نشد.", "۱ پاسخ کامل: پرسوناها دست‌کم ۳۰ پاسخ می‌خواهند")
	w.login("res@example.com").get(base+"/personas").want(http.StatusOK, "No personas for this study.", "1 complete responses: personas need at least 30")
}
