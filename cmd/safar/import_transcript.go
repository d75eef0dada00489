package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/safarhq/safar/survey"
	"github.com/safarhq/safar/transcript"
	"github.com/safarhq/safar/web"
)

func init() {
	register(command{name: "import transcript", summary: "import transcripts (.txt .vtt .srt .docx) into a project", run: runImportTranscript})
}

func runImportTranscript(ctx context.Context, env *cliEnv, args []string) error {
	fs := flag.NewFlagSet("import transcript", flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	dsn := dbFlag(fs, env)
	project := fs.String("project", "", "project to import into (created if missing; required)")
	redact := fs.Bool("redact", false, "replace e-mail addresses, phone numbers, card and ID numbers with tags")
	moderator := fs.String("moderator", "", "speaker name to mark as moderator (default: a speaker named like one, \"Moderator\", \"Interviewer\", \"مصاحبه‌گر\"...; a guess from turn-taking or questions is printed, not marked)")
	fs.Usage = func() {
		fmt.Fprintln(env.stderr, "usage: safar import transcript --project NAME [--redact] FILE...")
		fs.PrintDefaults()
	}
	if err := parseInterspersed(fs, args); err != nil {
		return err
	}
	if *project == "" || fs.NArg() == 0 {
		fs.Usage()
		return errors.New("give --project NAME and at least one file")
	}
	// Parse every file before storing any, so one bad file leaves the
	// project untouched.
	var parsed []*survey.Transcript
	var guesses []string // a suggested moderator that is not marked, with why
	for _, path := range fs.Args() {
		info, err := os.Stat(path)
		if err != nil {
			return err
		}
		if info.Size() > transcript.MaxSize {
			return fmt.Errorf("%s: file too large: %.1f MiB; the limit is %d MiB", path, float64(info.Size())/(1<<20), transcript.MaxSize>>20)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		t, err := transcript.Parse(filepath.Base(path), data, transcript.Options{Redact: *redact})
		if err != nil {
			return err
		}
		parsed = append(parsed, t.Stored(transcript.Title(filepath.Base(path)), *moderator))
		guess := ""
		if *moderator == "" && t.SuggestedModerator != "" && t.ModeratorReason != "name" {
			guess = fmt.Sprintf("; suggested: %s, who %s: mark with --moderator", t.SuggestedModerator, web.Text("en", "mod_why."+t.ModeratorReason))
		}
		guesses = append(guesses, guess)
	}
	store, err := openStore(ctx, *dsn, false)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := ensureProject(ctx, env, store, *project)
	if err != nil {
		return err
	}
	for i, t := range parsed {
		t.ProjectID = p.ID
		if err := store.CreateTranscript(ctx, t); err != nil {
			return err
		}
		mod := "none marked"
		for _, sp := range t.Speakers {
			if sp.Moderator {
				mod = sp.Name
			}
		}
		fmt.Fprintf(env.stdout, "%s: %s, %s (moderator: %s%s), %s %s", t.Title, web.Count("en", "n_utterances", len(t.Utterances)),
			web.Count("en", "n_speakers", len(t.Speakers)), mod, guesses[i], t.Format, t.Encoding)
		if *redact {
			fmt.Fprintf(env.stdout, ", %s", web.Count("en", "n_items_redacted", t.Redactions))
		}
		fmt.Fprintln(env.stdout)
	}
	return nil
}
