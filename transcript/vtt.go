package transcript

import "strings"

// block is a run of non-blank lines; line is the 1-based number of its first.
type block struct {
	line  int
	lines []string
}

func splitBlocks(s string) []block {
	var (
		out []block
		cur *block
	)
	n := 0
	for l := range strings.SplitSeq(s, "\n") {
		n++
		if strings.TrimSpace(l) == "" {
			cur = nil
			continue
		}
		if cur == nil {
			out = append(out, block{line: n})
			cur = &out[len(out)-1]
		}
		cur.lines = append(cur.lines, strings.TrimRight(l, " \t"))
	}
	return out
}

// parseVTT reads WebVTT: the WEBVTT header, NOTE/STYLE/REGION blocks
// (skipped) and cues made of an optional identifier, a timing line with
// optional settings, and one or more payload lines.
func parseVTT(s string, keep bool) ([]Utterance, error) {
	if !hasVTTHeader(firstLine(s)) {
		return nil, malformed(1, "tr_vtt_header")
	}
	blocks := splitBlocks(s)
	for i, l := range blocks[0].lines {
		if strings.Contains(l, "-->") {
			return nil, malformed(blocks[0].line+i, "tr_vtt_blank")
		}
	}
	var cues []cue
	for _, b := range blocks[1:] { // blocks[0] is the header and its metadata
		first := b.lines[0]
		if !strings.Contains(first, "-->") && (isBlockKeyword(first, "NOTE") || isBlockKeyword(first, "STYLE") || isBlockKeyword(first, "REGION")) {
			continue
		}
		t := 0
		if !strings.Contains(first, "-->") {
			if len(b.lines) < 2 || !strings.Contains(b.lines[1], "-->") {
				return nil, malformed(b.line, "tr_vtt_cue", clip(first))
			}
			t = 1
		}
		start, err := parseTiming(b.lines[t])
		if err != nil {
			return nil, malformed(b.line+t, "tr_vtt_timing_error", clip(b.lines[t]), err)
		}
		cues = append(cues, cue{start: start, segs: cueSegments(b.lines[t+1:])})
	}
	return cuesToUtterances(cues, keep), nil
}

func isBlockKeyword(line, kw string) bool {
	rest, ok := strings.CutPrefix(line, kw)
	return ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t')
}

// clip shortens a quoted line in an error message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}
