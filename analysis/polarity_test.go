package analysis

import "testing"

// TestClausePolarity reads clauses as complaint (1), neither
// (neutralWeight) or praise (0), negation included, in both languages.
func TestClausePolarity(t *testing.T) {
	for _, tc := range []struct {
		clause string
		want   float32
	}{
		{"the parcel was late", 1},
		{"never arrived", 1},
		{"not bad", 0},
		{"never had any problems", 0},
		{"no problem at all", 0},
		// A negated remedy says the problem stayed, not that there was none.
		{"customer support did not solve my problem", 1},
		{"they never fixed the issue", 1},
		{"didn't look good", 1},
		{"I had to ask for bread three times", neutralWeight},
		{"هیچ مشکلی نداشتم", 0},
		{"مشکل حل نشد", 1},
		{"خوب نبود", 1},
		// A cue of two words negated by the verb right after it.
		{"نتایج جست‌وجو به درد نمی‌خورد", 1},
		{"به درد می‌خورد", 0},
		// A thing that fails fast or easily: the speed is no praise.
		{"the battery dies fast", 1},
		{"battery drained quickly", 1},
		{"the paint peels off easily", 1},
		{"the screen cracked", 1},
		{"the phone overheats", 1},
		{"خیلی سریع خراب شد", 1},
		// Nothing to say is no complaint, though it is a bare negation.
		{"not applicable", 0},
		{"no comment", 0},
		{"موردی نبود", 0},
		{"نظری ندارم", 0},
		// Generic complaint words of services and software.
		{"the app is so buggy", 1},
		{"a total scam", 1},
		{"the information on the site was misleading", 1},
		{"the agent was unprofessional", 1},
		// Swearing says how strongly, never what.
		{"this game sucks", 1},
		{"the servers are shit", 1},
		{"fast delivery", 0},
		{"easy to use", 0},
		{"ارسال سریع", 0},
	} {
		if got, _, _ := clausePolarity(getLexicon(), tokenize(NormalizePersian(tc.clause))); got != tc.want {
			t.Errorf("%q: weight %v, want %v", tc.clause, got, tc.want)
		}
	}
}

// TestStemsKeepWordsApart: the stemmer does not fold a word into another
// word: "huge" is not "hug" (clothing's "body, huge, shape" was quoted
// with "It hugs the body nicely"), "hate" not "hat", "cute" not "cut" (the
// praise word made "the cut is unflattering" neutral), and plural-only
// things ("tights", "shorts", "glasses", "goods") are not "tight",
// "short", "glass" or "good".
func TestStemsKeepWordsApart(t *testing.T) {
	for _, pair := range [][2]string{{"huge", "hugs"}, {"hate", "hat"}, {"hated", "hat"}, {"cute", "cut"}, {"ripe", "ripped"},
		{"tights", "tight"}, {"shorts", "short"}, {"glasses", "glass"}, {"goods", "good"}} {
		if a, b := stemEn(pair[0]), stemEn(pair[1]); a == b {
			t.Errorf("%q and %q share the key %q", pair[0], pair[1], a)
		}
	}
	for _, same := range [][2]string{{"hugs", "hugged"}, {"hates", "hated"}, {"shorts", "shorts"}, {"dresses", "dress"}} {
		if a, b := stemEn(same[0]), stemEn(same[1]); a != b {
			t.Errorf("%q and %q: keys %q and %q, want one", same[0], same[1], a, b)
		}
	}
	if got, _, _ := clausePolarity(getLexicon(), tokenize("the cut is unflattering")); got != 1 {
		t.Errorf("\"the cut is unflattering\": weight %v, want 1", got)
	}
}
