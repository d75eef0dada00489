package transcript

import (
	"fmt"
	"strings"
)

// finish tidies parsed utterances into t: trims text, drops empty turns,
// redacts if asked, numbers utterances, lists speakers and guesses the
// moderator. It fails with ErrEmpty when nothing is left.
func finish(t *Transcript, utts []Utterance, opt Options) error {
	out := utts[:0]
	for _, u := range utts {
		u.Speaker = cleanName(u.Speaker)
		u.Text = tidyText(u.Text)
		if u.Text == "" {
			continue
		}
		if opt.Redact {
			var c Counts
			u.Text, c = Redact(u.Text)
			t.Redactions.add(c)
			u.Speaker, c = Redact(u.Speaker)
			t.Redactions.add(c)
		}
		if !u.HasStart {
			u.Start = 0
		}
		if len(out) == MaxUtterances {
			return &Error{Kind: ErrTooManyUtterances, Msg: fmt.Sprintf(
				"more than %d utterances, the limit per transcript: split the file", MaxUtterances)}
		}
		u.Order = len(out) + 1
		out = append(out, u)
	}
	if len(out) == 0 {
		return &Error{Kind: ErrEmpty, Msg: "empty transcript: no utterances found"}
	}
	t.Utterances = out
	t.Speakers = speakersOf(out)
	t.SuggestedModerator, t.ModeratorReason = GuessModerator(out)
	return nil
}

// tidyText trims every line and drops empty lines at the ends.
func tidyText(s string) string {
	if !strings.Contains(s, "\n") {
		return trimSpaceAndMarks(s)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return trimSpaceAndMarks(strings.Join(lines, "\n"))
}

func speakersOf(utts []Utterance) []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range utts {
		if u.Speaker != "" && !seen[u.Speaker] {
			seen[u.Speaker] = true
			out = append(out, u.Speaker)
		}
	}
	return out
}
