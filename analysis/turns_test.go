package analysis

import (
	"fmt"
	"testing"
)

func TestLooksLikeTurns(t *testing.T) {
	rows := func(n int, text func(i int) string, person func(i int) string) []Text {
		out := make([]Text, n)
		for i := range out {
			out[i] = Text{ID: fmt.Sprint(i + 1), Text: text(i)}
			if person != nil {
				out[i].Person = person(i)
			}
		}
		return out
	}
	review := func(i int) string {
		return fmt.Sprintf("The delivery took %d days and the box was damaged [see photo].", i%9+2)
	}
	for _, c := range []struct {
		name  string
		texts []Text
		want  bool
	}{
		{"four speakers taking turns", rows(60, review, func(i int) string { return fmt.Sprint("speaker ", i%4) }), true},
		{"a focus group whose speakers hold the floor a few turns", rows(60, review, func(i int) string { return fmt.Sprint("p", (i/3)%8) }), true},
		{"one answer per respondent", rows(60, review, func(i int) string { return fmt.Sprint("r", i) }), false},
		{"ten stores' comments sorted by store", rows(60, review, func(i int) string { return fmt.Sprint("store ", i/6) }), false},
		{"reviews with no person", rows(60, review, nil), false},
		{"turns with transcription markup", rows(60, func(i int) string {
			if i%10 == 0 {
				return "So the {disfmarker} the battery drains fast {vocalsound}"
			}
			return review(i)
		}, nil), true},
		{"turns with backchannels", rows(60, func(i int) string {
			if i%12 == 0 {
				return "Mm-hmm. Yeah."
			}
			return review(i)
		}, nil), true},
		{"a short meeting", rows(minDomainTexts-1, review, func(i int) string { return fmt.Sprint("speaker ", i%4) }), false},
		{"Persian backchannels", rows(60, func(i int) string {
			if i%10 == 0 {
				return "آره، خب"
			}
			return "ارسال خیلی دیر بود"
		}, nil), true},
	} {
		if got := LooksLikeTurns(c.texts); got != c.want {
			t.Errorf("%s: LooksLikeTurns = %v, want %v", c.name, got, c.want)
		}
	}
}
