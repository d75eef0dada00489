package analysis

import (
	"html"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Noise is text that is never a pain point whatever the domain: where a
// tweet was addressed, links, transcription markup and redaction tokens.
// cleanNoise blanks it out before anything else reads the text, so none of
// it can become a term, a label or a co-occurrence.

// noiseRE matches, in one pass (RE2: linear in the text):
//   - URLs (up to a character no URL holds unescaped: a space, ", < or >,
//     so the words of =HYPERLINK("http://…","words") or an HTML link stay)
//     and e-mail addresses;
//   - @handles (a hashtag keeps its word: "#delayed" says "delayed");
//   - transcript markup: {disfmarker}, [laughter], <noise>, and a few
//     parenthesised stage directions ("(inaudible)", "(laughs)");
//   - redaction: XX, XXXX, xx/xx/xxxx, ***, {$25.00}.
var noiseRE = regexp.MustCompile(`(?i)` +
	`\b(?:https?://|www\.)[^\s"<>]+` +
	`|[\w.+-]+@[\w-]+\.[\w.-]+` +
	`|@\w+` +
	`|\{[^{}\n]{0,40}\}|\[[^\[\]\n]{0,40}\]|<[^<>\n]{0,40}>` +
	`|\((?:inaudible|unintelligible|indistinct|crosstalk|laugh\w*|applause|pause|silence|cough\w*|noise|music|overlap\w*|gap|sigh\w*|vocalsound|disfmarker)[^()\n]{0,20}\)` +
	`|\b[x]{2,}(?:/[x0-9]{2,4}){0,2}\b` +
	`|\*{2,}`)

// cleanNoise returns the text with HTML entities decoded and noise replaced
// by a space (so words on either side do not join).
// QuoteForm is text as a pain point quotes it: noise removed and Persian
// letters normalised, as the analysis reads it (a quote of a text written
// with Arabic "ي" reads "ی", and "@united my bag was lost" reads "my bag
// was lost"). A quote is the quote form of its text or a cut of it.
func QuoteForm(text string) string {
	return strings.TrimSpace(normalizeLines(cleanNoise(text)))
}

func cleanNoise(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		// Twice: exports sometimes escape twice ("&amp;amp;").
		s = html.UnescapeString(html.UnescapeString(s))
	}
	if !mayHaveNoise(s) {
		return s
	}
	if len(s) <= noiseChunk {
		return noiseRE.ReplaceAllStringFunc(s, blank)
	}
	return cleanNoiseChunks(s)
}

// blank is what noise leaves: a line break for an HTML tag that breaks a
// line (<br>, <p>, </li>...: a review exported from a web page ends its
// lines so, and a line break ends a sentence), else a space, so that the
// words either side do not join.
func blank(m string) string {
	if len(m) > 2 && m[0] == '<' {
		name := strings.TrimLeft(m[1:], "/ ")
		end := strings.IndexFunc(name, func(r rune) bool { return !('a' <= r|0x20 && r|0x20 <= 'z' || '0' <= r && r <= '9') })
		if end >= 0 && lineTags[strings.ToLower(name[:end])] {
			return "\n"
		}
	}
	return " "
}

// lineTags are the HTML elements that end a line of text.
var lineTags = setOf("br p div li ul ol tr h1 h2 h3 h4 h5 h6 blockquote")

// noiseChunk is the longest text noiseRE reads at once: Go's regexp reads
// a text this short with its backtracker (a bit per instruction and byte,
// 256 Kbit in all, noiseRE has about 490 instructions), a longer one with
// its NFA, several times slower a byte.
const noiseChunk = 512

// cleanNoiseChunks is cleanNoise of a long text, noiseRE's replacement done
// a piece at a time: the same bytes, at the cost a byte of short texts
// (TestNoiseCostPerByte). A piece ends before a white space no match of
// noiseRE can hold: only the bracketed alternatives hold a space, a
// bracket's within 40 characters of its opening and a stage direction's
// within 20 characters of the first space after its "(". No match holds a
// piece's first byte (a white space), and \b reads white space and a
// text's edge alike, so every match lies in one piece and is found there.
// Only the pieces holding what some match needs (an @, a bracket, a stage
// word after "(", "://", "www.", "xx", "**") are read by the regexp; the
// others are copied.
func cleanNoiseChunks(s string) string {
	var out []byte
	changed := false
	start, hot := 0, false
	block, nextSpace := -1, -1 // white space up to block may be inside a match
	emit := func(end int) {
		c := s[start:end]
		if hot {
			if r := noiseRE.ReplaceAllStringFunc(c, blank); r != c {
				c, changed = r, true
			}
		}
		out = append(out, c...)
		start, hot = end, false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '@':
			hot = true
		case '{', '[', '<':
			hot = true
			block = max(block, i+2+40*utf8.UTFMax)
		case '(':
			if nextSpace < i {
				nextSpace = len(s)
				if k := strings.IndexAny(s[i:], " \t\n\f\r"); k >= 0 {
					nextSpace = i + k
				}
			}
			block = max(block, nextSpace+1+20*utf8.UTFMax)
			hot = hot || stageAt(s[i+1:])
		case '*', 'x', 'X':
			hot = hot || i > start && (s[i-1] == c || c != '*' && s[i-1]|0x20 == 'x')
		case '/':
			hot = hot || i >= start+2 && s[i-2:i] == ":/"
		case '.':
			hot = hot || i >= start+3 && strings.EqualFold(s[i-3:i], "www")
		case ' ', '\t', '\n', '\f', '\r':
			if i > block && i > start {
				emit(i)
			}
		}
	}
	emit(len(s))
	if !changed {
		return s
	}
	return string(out)
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

// stageAt reports whether s may begin with a stage word as noiseRE reads
// it, case folded: yes when it does in ASCII, and when a byte of another
// script comes first ("(ſilence)": ſ folds to s).
func stageAt(s string) bool {
	for i := 0; i < len(s) && i < len("unintelligible"); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	for _, w := range stageWords {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			return true
		}
	}
	return false
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
