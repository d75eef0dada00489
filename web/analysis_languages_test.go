package web_test

import (
	"net/http"
	"strings"
	"testing"
)

// TestPainPointLabelsFollowTheReader: a pain point voiced in Persian and
// English is one row, labelled in the reader's language with the other
// language's label beside it.
func TestPainPointLabelsFollowTheReader(t *testing.T) {
	w, scope, base, en := analysedDemoProject(t)
	st := storedResult(t, w, scope)
	var fa, eng string
	for _, set := range st.PainPointLabels {
		if set["fa"] != "" && set["en"] != "" {
			fa, eng = set["fa"], set["en"]
			break
		}
	}
	if fa == "" {
		t.Fatal("no pain point of the demo is labelled in both languages")
	}
	en.get(base+"/painpoints").want(http.StatusOK, htmlEscape(eng)+`</bdi></a> <span class="other-label muted">(<bdi>`+htmlEscape(fa)+`</bdi>)</span>`)
	faB := w.login("fa@example.com")
	faB.get(base+"/painpoints").want(http.StatusOK, htmlEscape(fa)+`</bdi></a> <span class="other-label muted">(<bdi>`+htmlEscape(eng)+`</bdi>)</span>`)

	// Persona names follow the reader too (the demo's surveys are in both
	// languages), on the personas page and the journeys.
	names := st.PersonaNames["en"]
	if len(names) != len(st.Personas.Personas) {
		t.Fatalf("English persona names %q for %d personas", names, len(st.Personas.Personas))
	}
	for i, per := range st.Personas.Personas {
		en.get(base+"/personas").want(http.StatusOK, htmlEscape(names[i]))
		en.get(base+"/journey").want(http.StatusOK, htmlEscape(names[i]))
		faB.get(base+"/personas").want(http.StatusOK, htmlEscape(per.Name))
		if strings.Contains(en.body, htmlEscape(per.Name)) {
			t.Errorf("the English page shows the Persian persona name %q", per.Name)
		}
	}

	// Answers are shown as the reader's survey words them: the demo's
	// analysis runs in Persian, the English reader sees English options.
	en.get(base+"/touchpoints").want(http.StatusOK, "Google search", "Website")
	if strings.Contains(en.body, "جست‌وجو در گوگل") {
		t.Error("the English touchpoint matrix shows a Persian option label")
	}
	faB.get(base+"/touchpoints").want(http.StatusOK, "جست‌وجو در گوگل")
}
