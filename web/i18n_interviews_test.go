package web

import (
	"testing"

	"github.com/safarhq/safar/survey"
)

// TestInterviewDynamicKeys: the keys the interview templates build with
// print ("kind.", "group.", "emotion.", "mod_why.") exist in both
// languages.
func TestInterviewDynamicKeys(t *testing.T) {
	var keys []string
	for _, k := range []survey.SourceKind{survey.KindTranscript, survey.KindInterview} {
		keys = append(keys, "kind."+string(k))
	}
	for _, g := range survey.CodeGroups {
		keys = append(keys, "group."+string(g))
	}
	for _, e := range noteEmotions {
		keys = append(keys, "emotion."+e)
	}
	for _, r := range []string{"name", "turn-taking", "questions"} { // transcript.GuessModerator's reasons
		keys = append(keys, "mod_why."+r)
	}
	for _, lang := range []string{"en", "fa"} {
		for _, k := range keys {
			if _, ok := appCatalog[lang][k]; !ok {
				t.Errorf("%s: no text for %q", lang, k)
			}
		}
	}
}
