package analysis

import (
	"regexp"
	"strings"
)

// LooksLikeTurns reports whether texts given as a table, a CSV's rows in
// their order, read as the turns of one recorded conversation rather than
// as answers or comments, so that the caller can give them one Thread:
//   - a few speakers taking turns: every text has a Person, 2 to
//     maxTurnSpeakers of them, and the speaker changes at least once every
//     four rows (a focus group, a meeting's "speaker, text" export);
//   - or the marks of a transcript in at least one text in twenty:
//     transcription markup ({disfmarker}, {vocalsound}, [laughter],
//     (inaudible)) or a bare backchannel ("Yeah.", "Mm-hmm.", "Okay.").
//
// A table of answers sorted by date, product or store, which may come in
// topical stretches, has neither. And a Thread only offers the order: the
// engine reads it when the conversation is long and its turns do come in
// topical stretches (orderShows), so a wrong guess here costs little.
func LooksLikeTurns(texts []Text) bool {
	n := len(texts)
	if n < minDomainTexts {
		return false
	}
	persons := map[string]bool{}
	changes := 0
	for i, t := range texts {
		if t.Person == "" {
			persons = nil
			break
		}
		persons[t.Person] = true
		if i > 0 && t.Person != texts[i-1].Person {
			changes++
		}
	}
	if len(persons) >= 2 && len(persons) <= maxTurnSpeakers && changes*4 >= n-1 {
		return true
	}
	marked := 0
	for _, t := range texts {
		if (strings.IndexByte(t.Text, '{') >= 0 || stageDirection(t.Text)) && transcriptMarkRE.MatchString(t.Text) || backchannel(t.Text) {
			marked++
		}
	}
	return marked*20 >= n
}

// maxTurnSpeakers is the most speakers a conversation of turns has: a
// focus group or a meeting, not a table of respondents.
const maxTurnSpeakers = 20

// transcriptMarkRE matches the markup transcription leaves in spoken text:
// braced tags ({disfmarker}, {vocalsound}, {gap}), bracketed and
// parenthesised stage directions. Unlike noiseRE it does not match any
// bracketed text: "[link]" or "(see photo)" in a review is no transcript.
var transcriptMarkRE = regexp.MustCompile(`(?i)\{[a-z]{2,20}\}` +
	`|[\[(](?:laughter|laughs?|laughing|inaudible|unintelligible|indistinct|crosstalk|applause|pause|silence|coughs?|coughing|noise|music|overlap\w*|sighs?|vocalsound|disfmarker|gap)[\])]`)

// backchannel reports whether a text is only spoken fillers ("Yeah.",
// "Mm-hmm, okay.", "آره"): at most four words, every one a filler.
func backchannel(s string) bool {
	if len(s) > 40 {
		return false
	}
	words := 0
	for _, t := range tokenize(NormalizePersian(s)) {
		if t.punct != 0 {
			continue
		}
		if words++; words > 4 || !(enFillers[t.text] || faFillers[t.text]) {
			return false
		}
	}
	return words > 0
}
