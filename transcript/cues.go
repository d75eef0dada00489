package transcript

import (
	"html"
	"strings"
	"time"
)

// cue is one timed block of a subtitle file, split into speaker segments.
type cue struct {
	start time.Duration
	segs  []segment
}

type segment struct {
	speaker string
	text    string
}

// parseTiming parses "start --> end [settings]" and returns the start.
func parseTiming(line string) (time.Duration, error) {
	left, right, ok := strings.Cut(line, "-->")
	if !ok {
		return 0, problem("tr_timing_arrow")
	}
	start, err := parseClock(strings.TrimSpace(left))
	if err != nil {
		return 0, problem("tr_timing_start", err)
	}
	fields := strings.Fields(right)
	if len(fields) == 0 {
		return 0, problem("tr_timing_no_end")
	}
	end, err := parseClock(fields[0])
	if err != nil {
		return 0, problem("tr_timing_end", err)
	}
	if end < start {
		return 0, problem("tr_timing_order")
	}
	return start, nil // the rest of the line holds cue settings or SRT coordinates
}

// cueSegments splits the payload lines of a VTT or SRT cue into speaker
// segments. A speaker comes from a WebVTT voice tag (<v Name>, <v.loud Name>)
// or a "Name: text" prefix (as Zoom writes); other tags ({\an8}, <i>, <c.x>,
// <00:00:01.000>) are dropped and HTML entities decoded. A line without a
// speaker continues the previous segment; a line starting with "- " (dialogue
// dash) starts a new segment with an unknown speaker.
func cueSegments(lines []string) []segment {
	var segs []segment
	speaker, open := "", false // current voice; open while a segment accepts text
	add := func(text string) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		if !open || len(segs) == 0 {
			segs = append(segs, segment{speaker: speaker})
			open = true
		}
		s := &segs[len(segs)-1]
		s.text = joinText(s.text, text, false)
	}
	for _, line := range lines {
		line = trimSpaceAndMarks(stripBraceTags(line))
		if d, ok := strings.CutPrefix(line, "- "); ok {
			line, speaker, open = d, "", false
		}
		if !hasVoiceTag(line) {
			line = stripTags(line)
			if name, _, text, ok := splitSpeaker(html.UnescapeString(line)); ok {
				speaker, open = name, false
				add(text)
				continue
			}
		}
		for line != "" {
			i := strings.IndexByte(line, '<')
			if i < 0 {
				add(html.UnescapeString(line))
				break
			}
			add(html.UnescapeString(line[:i]))
			j := strings.IndexByte(line[i:], '>')
			if j < 0 {
				break // an unterminated tag runs to the end of the line
			}
			tag := line[i+1 : i+j]
			line = line[i+j+1:]
			switch {
			case isVoiceTag(tag):
				name := ""
				if k := strings.IndexAny(tag, " \t"); k >= 0 {
					name = cleanName(html.UnescapeString(tag[k+1:]))
				}
				speaker, open = name, false
			case tag == "/v":
				speaker, open = "", false
			}
		}
	}
	return segs
}

func hasVoiceTag(line string) bool {
	return strings.Contains(line, "<v ") || strings.Contains(line, "<v.") || strings.Contains(line, "<v\t") || strings.Contains(line, "<v>")
}

// stripTags drops <...> markup from a line without voice tags.
func stripTags(line string) string {
	if !strings.Contains(line, "<") {
		return line
	}
	var b strings.Builder
	for line != "" {
		i := strings.IndexByte(line, '<')
		if i < 0 {
			b.WriteString(line)
			break
		}
		b.WriteString(line[:i])
		j := strings.IndexByte(line[i:], '>')
		if j < 0 {
			break
		}
		line = line[i+j+1:]
	}
	return b.String()
}

func isVoiceTag(tag string) bool {
	return tag == "v" || strings.HasPrefix(tag, "v ") || strings.HasPrefix(tag, "v\t") || strings.HasPrefix(tag, "v.")
}

// stripBraceTags removes SSA/ASS override codes such as {\an8} or {\i1}.
func stripBraceTags(s string) string {
	for {
		i := strings.Index(s, `{\`)
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+1:]
	}
}

// cuesToUtterances flattens cues; unless keep is set, consecutive segments
// of the same named speaker merge into one utterance that starts with the
// first of them.
func cuesToUtterances(cues []cue, keep bool) []Utterance {
	var out []Utterance
	for _, c := range cues {
		for _, s := range c.segs {
			if n := len(out); !keep && n > 0 && s.speaker != "" && out[n-1].Speaker == s.speaker {
				out[n-1].Text = joinText(out[n-1].Text, s.text, false)
				continue
			}
			out = append(out, Utterance{Speaker: s.speaker, Start: c.start, HasStart: true, Text: s.text})
		}
	}
	return out
}
