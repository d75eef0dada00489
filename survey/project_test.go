package survey

import "testing"

func TestStageName(t *testing.T) {
	renamed := []ProjectStage{{Stage: "awareness", Name: "Discovery"}, {Stage: "use"}}
	for _, tc := range []struct {
		stages    []ProjectStage
		lang, key string
		want      string
	}{
		{nil, "en", "awareness", "Awareness"},
		{nil, "fa", "loyalty", "وفاداری"},
		{nil, "de", "use", "Use and retention"},
		{renamed, "fa", "awareness", "Discovery"},
		{renamed, "en", "use", "Use and retention"},
		{nil, "en", "after_sales", "after_sales"},
		{nil, "en", "", ""},
	} {
		if got := StageName(tc.stages, tc.lang, tc.key); got != tc.want {
			t.Errorf("StageName(%v, %s, %q) = %q, want %q", tc.stages, tc.lang, tc.key, got, tc.want)
		}
	}
}
