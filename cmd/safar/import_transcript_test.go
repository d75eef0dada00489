package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/safarhq/safar/survey/gormstore"
)

func TestImportTranscript(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	good := writeFile(t, "group1.txt", "Moderator: How did your last order go?\n"+
		"[00:01:10] Sara: It arrived a week late, call me on 0912 123 4567.\n"+
		"مریم: ارسال خیلی دیر بود.\n")
	bad := writeFile(t, "broken.vtt", "WEBVTT\n\n00:00:01.000 --> nonsense\n<v Ali>hello\n")

	code, _, errs := runSafar(t, db, "import", "transcript", "--project", "study", good, bad)
	if code == 0 || !strings.Contains(errs, "broken.vtt") || !strings.Contains(errs, "line 3") {
		t.Fatalf("bad file: code %d, stderr %q", code, errs)
	}
	store, err := gormstore.Open(context.Background(), db, gormstore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p, err := store.ProjectByName(context.Background(), "study"); err == nil {
		if ts, _ := store.Transcripts(context.Background(), p.ID); len(ts) != 0 {
			t.Fatalf("a failed import stored %d transcripts", len(ts))
		}
	}
	store.Close()

	code, out, errs := runSafar(t, db, "import", "transcript", "--project", "study", "--redact", good)
	if code != 0 || !strings.Contains(out, "3 utterances, 3 speakers (moderator: Moderator)") || !strings.Contains(out, "1 item redacted") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	store, _ = gormstore.Open(context.Background(), db, gormstore.Options{})
	defer store.Close()
	p, _ := store.ProjectByName(context.Background(), "study")
	ts, _ := store.Transcripts(context.Background(), p.ID)
	tr, err := store.Transcript(context.Background(), ts[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	u := tr.Utterances[1]
	if u.Speaker != "Sara" || u.Start == nil || u.Start.Seconds() != 70 || !strings.Contains(u.Text, "[PHONE]") || !u.Customer {
		t.Fatalf("utterance: %+v", u)
	}
	if tr.Utterances[0].Customer {
		t.Fatal("the moderator's words are marked as customer voice")
	}
}

// A moderator guessed from the conversation (not named as one) is not
// marked, but the import says who it would be and why, and --moderator
// marks them.
func TestImportTranscriptSuggestsModerator(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	path := writeFile(t, "interview.txt", "Sara: Where do you usually shop?\nAli: Online, mostly.\nSara: Why online?\n"+
		"Ali: It is cheaper. Is that odd?\nSara: And the delivery?\nAli: Always late.\n")
	code, out, errs := runSafar(t, db, "import", "transcript", "--project", "study", path)
	if code != 0 || !strings.Contains(out, "(moderator: none marked; suggested: Sara, who asks the most questions: mark with --moderator)") {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	if !strings.HasPrefix(out, "interview: ") {
		t.Errorf("the transcript is not titled by its file's name without its extension: %q", out)
	}
	code, out, errs = runSafar(t, db, "import", "transcript", "--project", "study", "--moderator", "Sara", path)
	if code != 0 || !strings.Contains(out, "(moderator: Sara)") {
		t.Fatalf("import --moderator Sara: %d %q %q", code, out, errs)
	}
}

// TestImportSaysANewProject: importing into a project that does not exist
// creates it and says so on stderr, so a mistyped --project is noticed;
// importing into one that exists says nothing of it.
func TestImportSaysANewProject(t *testing.T) {
	db := filepath.Join(t.TempDir(), "safar.db")
	path := writeFile(t, "interview.txt", "Sara: Where do you usually shop?\nAli: Online, mostly.\n")
	for _, c := range []struct {
		project string
		created bool
	}{{"study", true}, {"study", false}, {"studdy", true}} {
		code, out, errs := runSafar(t, db, "import", "transcript", "--project", c.project, path)
		if code != 0 {
			t.Fatalf("import into %s: %d %q %q", c.project, code, out, errs)
		}
		said := strings.Contains(errs, `created project "`+c.project+`"`)
		if said != c.created {
			t.Errorf("import into %s (new %v): stderr %q", c.project, c.created, errs)
		}
	}
}
