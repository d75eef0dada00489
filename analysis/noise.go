package analysis

import (
	"html"
	"regexp"
	"strings"
)

// Noise is text that is never a pain point whatever the domain: where a
// tweet was addressed, links, transcription markup and redaction tokens.
// cleanNoise blanks it out before anything else reads the text, so none of
// it can become a term, a label or a co-occurrence.

// noiseRE matches, in one pass (RE2: linear in the text):
//   - URLs and e-mail addresses;
//   - @handles (a hashtag keeps its word: "#delayed" says "delayed");
//   - transcript markup: {disfmarker}, [laughter], <noise>, and a few
//     parenthesised stage directions ("(inaudible)", "(laughs)");
//   - redaction: XX, XXXX, xx/xx/xxxx, ***, {$25.00}.
var noiseRE = regexp.MustCompile(`(?i)` +
	`\b(?:https?://|www\.)\S+` +
	`|[\w.+-]+@[\w-]+\.[\w.-]+` +
	`|@\w+` +
	`|\{[^{}\n]{0,40}\}|\[[^\[\]\n]{0,40}\]|<[^<>\n]{0,40}>` +
	`|\((?:inaudible|unintelligible|indistinct|crosstalk|laugh\w*|applause|pause|silence|cough\w*|noise|music|overlap\w*|gap|sigh\w*|vocalsound|disfmarker)[^()\n]{0,20}\)` +
	`|\b[x]{2,}(?:/[x0-9]{2,4}){0,2}\b` +
	`|\*{2,}`)

// cleanNoise returns the text with HTML entities decoded and noise replaced
// by a space (so words on either side do not join).
func cleanNoise(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		// Twice: exports sometimes escape twice ("&amp;amp;").
		s = html.UnescapeString(html.UnescapeString(s))
	}
	if !mayHaveNoise(s) {
		return s
	}
	return noiseRE.ReplaceAllLiteralString(s, " ")
}

// stageWords begin the stage directions noiseRE and transcriptMarkRE
// match in brackets: "(inaudible)", "[laughs]".
var stageWords = []string{"inaudible", "unintelligible", "indistinct", "crosstalk", "laugh", "applause", "pause",
	"silence", "cough", "noise", "music", "overlap", "gap", "sigh", "vocalsound", "disfmarker"}

// stageDirection is a cheap test that spares most texts with brackets
// the regexps: whether an opening bracket is followed by a stage word,
// in any case ("(Laughter)"). Text in parentheses ("(size 8)") is not.
func stageDirection(s string) bool {
	for {
		i := strings.IndexAny(s, "([")
		if i < 0 {
			return false
		}
		s = s[i+1:]
		for _, w := range stageWords {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				return true
			}
		}
	}
}

// Fillers are spoken hesitations and discourse markers: frequent in
// transcripts, never the topic.
var enFillers = setOf("um umm uh uhh uhm hmm hm mm mmm mhm mm-hmm uh-huh uh-uh um-hmm er erm ah ahh eh oh ooh yeah yep yup nope okay ok " +
	"alright like gonna wanna gotta kinda sorta rt lol lmao omg pls plz thx thanks thank hi hello hey guys " +
	"anyway anyways basically actually literally mean know right whatever etc")

var faFillers = setOf("خب اوم آم اهم آره اره یعنی ببین ببینید ببخشید سلام ممنون مرسی لطفا " +
	"باشه آهان اها والا والله حالا دیگه")

// mayHaveNoise is a cheap test that spares most texts the regexp.
func mayHaveNoise(s string) bool {
	if strings.ContainsAny(s, "@{[<") || strings.Contains(s, "**") || strings.Contains(s, "://") || strings.Contains(s, "www.") || stageDirection(s) {
		return true
	}
	for _, xx := range []string{"xx", "XX", "Xx", "xX"} {
		if strings.Contains(s, xx) {
			return true
		}
	}
	return false
}
