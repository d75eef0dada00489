package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

var candidateFormRE = regexp.MustCompile(`(?s)<form method="post" action="([^"]+/personas)" class="inline">(.*?)</form>`)

// TestPersonaCandidatesOneClick: after an automatic-k run the page lists
// the candidates compared, and one click re-runs at another k with the
// researcher's question choices kept.
func TestPersonaCandidatesOneClick(t *testing.T) {
	w, runner := demoWorkspace(t)
	const base = "/app/surveys/demo-en/analysis"
	res := w.login("res@example.com")
	res.get(base + "/personas")
	res.post(base+"/personas", keptQuestions(res.body, "auto", "gender")).wantRedirect(base + "/personas")
	runNext(t, runner, true)
	st := storedResult(t, w, "survey:demo-en")
	if st.Personas == nil || len(st.Personas.Quality.Candidates) == 0 {
		t.Fatal("automatic k stored no candidates")
	}
	res.get(base+"/personas").want(http.StatusOK, "Numbers of personas compared", "chosen", htmlEscape(st.Personas.Personas[0].Trust))
	forms := candidateFormRE.FindAllStringSubmatch(res.body, -1)
	if len(forms) != len(st.Personas.Quality.Candidates)-1 {
		t.Fatalf("%d one-click forms for %d candidates, want one per candidate not chosen", len(forms), len(st.Personas.Quality.Candidates))
	}
	// Submit the first candidate's form as a browser would.
	form := url.Values{}
	for _, m := range regexp.MustCompile(`name="(\w+)" value="([^"]*)"`).FindAllStringSubmatch(forms[0][2], -1) {
		form.Add(m[1], m[2])
	}
	if strings.Contains(forms[0][2], `value="gender"`) || form.Get("csrf") == "" {
		t.Fatalf("form %q: want the CSRF token and the question choices kept (no gender)", forms[0][2])
	}
	res.post(forms[0][1], form).wantRedirect(base + "/personas")
	set, err := w.store.AnalysisSettings(context.Background(), "survey:demo-en")
	if err != nil {
		t.Fatal(err)
	}
	picked := st.Personas.Quality.Candidates[0].K
	if set.K != picked || len(set.Exclude) != 1 || set.Exclude[0] != "gender" {
		t.Errorf("settings k=%d exclude %v, want k=%d and gender still left out", set.K, set.Exclude, picked)
	}
	// The re-run at the picked k still compares every k, so the researcher
	// can click back.
	runNext(t, runner, true)
	st = storedResult(t, w, "survey:demo-en")
	if st.Personas.K != picked || len(st.Personas.Quality.Candidates) != 7 || !st.Personas.Quality.Candidates[0].Chosen {
		t.Fatalf("re-run: k=%d, %d candidates; want k=%d chosen among 7", st.Personas.K, len(st.Personas.Quality.Candidates), picked)
	}
	res.get(base+"/personas").want(http.StatusOK, "Numbers of personas compared", "set by you")
}

// TestPersonaNamesReadAsPeople: the demo's persona names say their traits
// with the answers' own words and the questions' short names ("Age 55+",
// "Discount codes: Yes"), never a whole question ("How old are you? 55+"),
// and a Persian name is all Persian: on the personas page in both
// languages.
func TestPersonaNamesReadAsPeople(t *testing.T) {
	w, scope, base, en := analysedDemoProject(t)
	st := storedResult(t, w, scope)
	names := map[string][]string{}
	for _, p := range st.Personas.Personas {
		names[st.Study.Language] = append(names[st.Study.Language], p.Name)
	}
	for lang, ns := range st.PersonaNames {
		names[lang] = ns
	}
	if len(names["en"]) != 3 || len(names["fa"]) != 3 {
		t.Fatalf("names %v, want three in English and in Persian", names)
	}
	latin := regexp.MustCompile(`[A-Za-z]`)
	for lang, ns := range names {
		for _, n := range ns {
			if strings.ContainsAny(n, "?؟") || lang == "fa" && latin.MatchString(n) {
				t.Errorf("%s persona name %q", lang, n)
			}
		}
	}
	en.get(base+"/personas").want(http.StatusOK, htmlEscape(names["en"][0]))
	fa := w.login("fa@example.com")
	fa.get(base+"/personas").want(http.StatusOK, htmlEscape(names["fa"][0]))
}

// TestPersonaSettingsKeepOneQuestion: unticking every question of the
// segmentation settings shows the personas page again with the settings
// open and why, in the reader's language (it was a dead end: "Invalid
// input. Please go back and check what you entered."); nothing is saved
// or queued.
func TestPersonaSettingsKeepOneQuestion(t *testing.T) {
	w, runner := demoWorkspace(t)
	const base = "/app/surveys/demo-fa/analysis"
	fa := w.login("fa@example.com")
	fa.get(base + "/personas")
	fa.post(base+"/run", nil).wantRedirect(base + "/painpoints")
	runNext(t, runner, true)
	fa.get(base + "/personas")
	form := keptQuestions(fa.body, "auto", "")
	form.Del("q")
	fa.post(base+"/personas", form).want(http.StatusUnprocessableEntity, "دست‌کم یک پرسش را نگه دارید", `<details class="panel" open>`, `value="age_group" checked`)
	if strings.Contains(fa.body, "Invalid input") || strings.Contains(fa.body, "ورودی نامعتبر") {
		t.Error("the settings end in the generic invalid-input page")
	}
	runNext(t, runner, false) // nothing queued
}
