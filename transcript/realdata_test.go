package transcript

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedData finds the shared data directory: $SAFAR_SHARED_DATA, or a
// "shared/data" directory next to the repository or one of its parents.
func sharedData(t *testing.T) string {
	t.Helper()
	if d := os.Getenv("SAFAR_SHARED_DATA"); d != "" {
		return d
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		cand := filepath.Join(dir, "shared", "data")
		if fi, err := os.Stat(cand); err == nil && fi.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// TestRealHearing parses a real, hand-transcribed committee hearing (QMSum
// education_22, one "Speaker: text" turn per line).
func TestRealHearing(t *testing.T) {
	dir := sharedData(t)
	path := filepath.Join(dir, "transcripts", "txt", "education_22.txt")
	data, err := os.ReadFile(path)
	if dir == "" || os.IsNotExist(err) {
		t.Skipf("real transcript not found (looked for %s); set SAFAR_SHARED_DATA to the shared data directory", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	tr := mustParse(t, filepath.Base(path), data, Options{})
	if got := len(tr.Utterances); got != 164 {
		t.Errorf("utterances = %d, want 164", got)
	}
	if got := len(tr.Speakers); got != 10 {
		t.Errorf("speakers = %d (%q), want 10", got, tr.Speakers)
	}
	if tr.Speakers[0] != "Lynne Neagle AM" || tr.Utterances[1].Speaker != "Hefin David AM" {
		t.Errorf("first speakers = %q, %q", tr.Speakers[0], tr.Utterances[1].Speaker)
	}
	// The chair opens the hearing and hands the floor to each member; a
	// member asks the most questions.
	if tr.SuggestedModerator != "Lynne Neagle AM" || tr.ModeratorReason != "turn-taking" {
		t.Errorf("suggested moderator: %q (%s), want the chair by turn-taking", tr.SuggestedModerator, tr.ModeratorReason)
	}

	red := mustParse(t, filepath.Base(path), data, Options{Redact: true})
	if len(red.Utterances) != 164 {
		t.Errorf("with redaction: utterances = %d, want 164", len(red.Utterances))
	}
	t.Logf("redactions on a hearing without personal data: %+v", red.Redactions)
}
