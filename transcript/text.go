package transcript

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Building blocks of the plain-text grammar. D matches ASCII, Persian and
// Arabic-Indic digits; TS a clock time such as 0:05, 12:31 or 00:12:31.500.
const (
	reD     = `[0-9\x{06F0}-\x{06F9}\x{0660}-\x{0669}]`
	reTS    = reD + `{1,2}(?::` + reD + `{2}){1,2}(?:[.,]` + reD + `{1,3})?`
	reColon = `[:\x{FF1A}\x{FE55}\x{FE13}]` // ASCII, fullwidth, small and vertical colons
	// A name may not contain sentence punctuation or another colon; it is
	// validated further by validName.
	reName = `[^:\x{FF1A}\x{FE55}\x{FE13}?!\x{061F}"\x{201C}\x{201D}\x{00AB}\x{00BB},\x{060C};\x{061B}\[\]{}<>=/\\|@#$%^&*~]{1,64}?`
)

var (
	// "[00:12:31] rest", "(12:31) rest", "00:12:31 - rest", "00:12:31 rest".
	leadTSRe = regexp.MustCompile(`^(?:\[\s*(` + reTS + `)\s*\]|\(\s*(` + reTS + `)\s*\)|(` + reTS + `)(?:\s*[-\x{2013}\x{2014}|]\s*|\s+|$))\s*`)
	// "Name: text", "Name [00:12:31]: text", "Name (12:31): text".
	// Matched against the head of the line only; the text is what follows.
	speakerRe = regexp.MustCompile(`^(` + reName + `)(?:\s*(?:\[\s*(` + reTS + `)\s*\]|\(\s*(` + reTS + `)\s*\)|(` + reTS + `)))?\s*` + reColon + `\s*`)
	// Otter-style turn header on its own line: "Speaker 1  0:05" or "Sara [00:01:10]".
	headerRe    = regexp.MustCompile(`^(` + reName + `)(?:\s{2,}|\t\s*)\[?(` + reTS + `)\]?$|^(` + reName + `)\s*[\[(](` + reTS + `)[\])]$`)
	threePartTS = regexp.MustCompile(`^` + reD + `{1,2}:` + reD + `{2}:` + reD + `{2}`)
)

// Words that end a reported-speech phrase ("he said: ...") rather than a name.
var notNameLastWords = map[string]bool{
	"said": true, "says": true, "asked": true, "asks": true, "told": true, "wrote": true,
	"replied": true, "answered": true, "example": true, "e.g.": true, "i.e.": true,
	"گفت": true, "گفتم": true, "گفتند": true, "گفتن": true, "پرسید": true, "پرسیدم": true,
	"میگه": true, "می‌گه": true, "میگفت": true, "می‌گفت": true, "نوشت": true, "مثلا": true, "مثلاً": true,
}

// validName reports whether s can be a speaker name: 1-48 runes, at most six
// words, starting with a letter that is not a lower-case Latin letter (so
// "and then she said: ..." stays text), and not a URL scheme.
func validName(s string) bool {
	s = cleanName(s)
	n := utf8.RuneCountInString(s)
	if n == 0 || n > 48 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(first) || (first < utf8.RuneSelf && unicode.IsLower(first)) {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 6 || notNameLastWords[strings.ToLower(words[len(words)-1])] {
		return false
	}
	switch strings.ToLower(s) {
	case "http", "https", "ftp", "mailto", "file", "tel", "data":
		return false
	}
	return strings.Count(s, "(") == strings.Count(s, ")")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// splitSpeaker recognises "Name: text" with an optional time after the name.
func splitSpeaker(line string) (name, ts, text string, ok bool) {
	// A name, a time and the colon fit in maxHead bytes; looking no further
	// keeps long lines cheap.
	const maxHead = 400
	head := line
	if len(head) > maxHead {
		head = head[:maxHead]
	}
	if strings.IndexByte(head, ':') < 0 && !strings.Contains(head, "\uFF1A") && !strings.Contains(head, "\uFE55") && !strings.Contains(head, "\uFE13") {
		return "", "", "", false
	}
	m := speakerRe.FindStringSubmatchIndex(head)
	if m == nil {
		return "", "", "", false
	}
	rawName, sep := line[m[2]:m[3]], line[m[3]:m[1]]
	text = line[m[1]:]
	if !validName(rawName) || strings.HasPrefix(text, "//") {
		return "", "", "", false
	}
	ts = firstGroup(line, m, 2, 3, 4)
	// "Speaker 1  0:05" is a name and a time, not "Speaker 1  0" saying "05".
	if last, _ := utf8.DecodeLastRuneInString(rawName); isDigit(last) && ts == "" {
		if first, _ := utf8.DecodeRuneInString(text); isDigit(first) && !strings.ContainsAny(sep, " \t") {
			return "", "", "", false
		}
	}
	return cleanName(rawName), ts, text, true
}

// lineKind classifies one trimmed, non-empty line of a plain-text transcript.
type textLine struct {
	speaker  string // "" unless the line starts a turn
	turn     bool   // line names a speaker
	start    time.Duration
	hasStart bool
	text     string
}

func classifyLine(l string) textLine {
	if c := l[0]; c == '[' || c == '(' || startsWithDigit(l) {
		if tl, ok := leadingTime(l); ok {
			return tl
		}
	}
	if name, ts, text, ok := splitSpeaker(l); ok {
		tl := textLine{turn: true, speaker: name, text: text}
		if ts != "" {
			tl.start, tl.hasStart = mustClock(ts)
		}
		return tl
	}
	if m := headerRe.FindStringSubmatch(l); m != nil {
		name, ts := firstNonEmpty(m[1], m[3]), firstNonEmpty(m[2], m[4])
		if d, err := parseClock(ts); err == nil && validName(name) {
			return textLine{turn: true, speaker: cleanName(name), start: d, hasStart: true}
		}
	}
	return textLine{text: l}
}

// leadingTime handles a line that starts with a time: "[00:12:31] Sara: hi",
// "(12:31) text", "00:12:31" alone. A bare "12:31 ..." counts as a time only
// if it is h:mm:ss or a speaker turn or nothing follows, so "10:30 is fine"
// stays text.
func leadingTime(l string) (textLine, bool) {
	m := leadTSRe.FindStringSubmatchIndex(l)
	if m == nil {
		return textLine{}, false
	}
	tsText, after := firstGroup(l, m, 1, 2, 3), l[m[1]:]
	bracketed := m[2] >= 0 || m[4] >= 0
	name, _, text, isTurn := splitSpeaker(after)
	if !bracketed && !threePartTS.MatchString(tsText) && !isTurn && after != "" {
		return textLine{}, false
	}
	d, err := parseClock(tsText)
	if err != nil {
		return textLine{}, false
	}
	if isTurn {
		return textLine{turn: true, speaker: name, text: text, start: d, hasStart: true}, true
	}
	return textLine{text: after, start: d, hasStart: true}, true
}

func mustClock(ts string) (time.Duration, bool) {
	d, err := parseClock(ts)
	return d, err == nil
}

func firstGroup(s string, m []int, groups ...int) string {
	for _, g := range groups {
		if m[2*g] >= 0 {
			return s[m[2*g]:m[2*g+1]]
		}
	}
	return ""
}

// parseText reads "Speaker: text" turns. Lines without a speaker continue
// the current turn (a blank line in between becomes a line break); in a file
// with no speakers at all every paragraph becomes an utterance. A line that
// is only a time sets the start of the next turn.
func parseText(s string) []Utterance {
	var (
		out        []Utterance
		pending    time.Duration
		hasPending bool
		sawBlank   bool
		cur        = -1
	)
	for line := range strings.SplitSeq(s, "\n") {
		l := trimSpaceAndMarks(line)
		if l == "" {
			sawBlank = true
			continue
		}
		tl := classifyLine(l)
		if !tl.hasStart && hasPending && (tl.turn || cur < 0 || sawBlank) {
			tl.start, tl.hasStart = pending, true
			hasPending = false
		}
		switch {
		case tl.turn:
			out = append(out, Utterance{Speaker: tl.speaker, Start: tl.start, HasStart: tl.hasStart, Text: tl.text})
			cur = len(out) - 1
		case tl.text == "" && tl.hasStart: // a time on its own line
			pending, hasPending = tl.start, true
		case cur >= 0 && !tl.hasStart && (out[cur].Speaker != "" || !sawBlank):
			out[cur].Text = joinText(out[cur].Text, tl.text, sawBlank)
		default: // untimed paragraph without speaker, or "[00:01] text"
			out = append(out, Utterance{Start: tl.start, HasStart: tl.hasStart, Text: tl.text})
			cur = len(out) - 1
		}
		sawBlank = false
	}
	return out
}

func joinText(a, b string, paragraph bool) string {
	switch {
	case a == "":
		return b
	case paragraph:
		return a + "\n" + b
	}
	return a + " " + b
}

func startsWithDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return isDigit(r)
}
