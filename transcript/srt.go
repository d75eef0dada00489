package transcript

import "strings"

// parseSRT reads SubRip: blocks of a cue number, a timing line
// ("00:00:01,000 --> 00:00:04,000", optionally followed by coordinates) and
// text lines. A block without number and timing after a cue is taken as
// more text of that cue (some editors leave blank lines inside cues).
func parseSRT(s string, keep bool) ([]Utterance, error) {
	var cues []cue
	var pending []string // payload of the current cue
	flush := func() {
		if len(cues) > 0 {
			cues[len(cues)-1].segs = cueSegments(pending)
		}
		pending = nil
	}
	for _, b := range splitBlocks(s) {
		t := -1
		switch {
		case strings.Contains(b.lines[0], "-->"):
			t = 0
		case isCueNumber(b.lines[0]) && len(b.lines) > 1:
			t = 1
			if !strings.Contains(b.lines[1], "-->") {
				return nil, malformed(b.line+1, "tr_srt_timing", clip(b.lines[1]))
			}
		case len(cues) == 0:
			return nil, malformed(b.line, "tr_srt_block", clip(b.lines[0]))
		default:
			pending = append(pending, b.lines...)
			continue
		}
		start, err := parseTiming(b.lines[t])
		if err != nil {
			return nil, malformed(b.line+t, "tr_srt_timing_error", clip(b.lines[t]), err)
		}
		flush()
		cues = append(cues, cue{start: start})
		pending = append(pending, b.lines[t+1:]...)
	}
	flush()
	return cuesToUtterances(cues, keep), nil
}
