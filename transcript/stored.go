package transcript

import (
	"path/filepath"
	"strings"

	"github.com/safarhq/safar/survey"
)

// Stored converts a parsed transcript to the form the store keeps, marking
// the moderator: the speaker named moderator, or, when that is "", a
// speaker named like one (Moderator, Interviewer, مصاحبه‌گر...). A guess
// from turn-taking or from who asks the most questions is never marked here
// (marking the wrong person would silence a customer): the web's speaker
// screen pre-selects it.
func (t *Transcript) Stored(title, moderator string) *survey.Transcript {
	if moderator == "" && t.ModeratorReason == "name" {
		moderator = t.SuggestedModerator
	}
	out := &survey.Transcript{
		Kind: survey.KindTranscript, Title: title, Format: string(t.Format), Encoding: string(t.Encoding),
		Redactions: t.Redactions.Total(),
	}
	for _, name := range t.Speakers {
		out.Speakers = append(out.Speakers, survey.Speaker{Name: name, Moderator: name == moderator})
	}
	for _, u := range t.Utterances {
		su := survey.Utterance{Order: u.Order, Speaker: u.Speaker, Text: u.Text}
		if u.HasStart {
			d := u.Start
			su.Start = &d
		}
		out.Utterances = append(out.Utterances, su)
	}
	return out
}

// Title is the title a transcript imported from the file name takes: the
// name without the extension of a format Parse reads ("Focus group
// 1.docx" is "Focus group 1"; pages and workbooks had shown ".txt").
func Title(name string) string {
	ext := filepath.Ext(name)
	switch strings.ToLower(ext) {
	case ".txt", ".vtt", ".srt", ".docx":
		if t := strings.TrimSpace(strings.TrimSuffix(name, ext)); t != "" {
			return t
		}
	}
	return name
}
