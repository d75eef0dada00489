package analysis

import (
	"fmt"
	"testing"
)

// TestTermsAtMostHalfTheTexts: 60 texts that each name three rare things
// of their own offer 60 candidate terms used in 3 texts each; at most 30
// (half the texts) are kept (session 10, round 27, variant H).
func TestTermsAtMostHalfTheTexts(t *testing.T) {
	var in []Text
	for i := range 60 {
		var s string
		for k := range 3 {
			s += fmt.Sprintf("The widget%c%c was broken. ", 'a'+rune((i+20*k)%60/26), 'a'+rune((i+20*k)%60%26))
		}
		in = append(in, Text{ID: fmt.Sprint(i), Text: s})
	}
	docs, _, _ := analyseAll(t.Context(), in, nil)
	terms := countTerms(docs, nil).selectTerms(minSupport(len(in), 0))
	if len(terms) > 30 {
		t.Errorf("kept %d terms for %d texts, want at most 30", len(terms), len(in))
	}
}
