package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// TestTopicQuotesComplain: under a label that names a topic, the quotes
// are members that say what is wrong with it, before members that only
// mention it ("The dress looks elegant on the website").
func TestTopicQuotesComplain(t *testing.T) {
	var texts []Text
	add := func(s string) { texts = append(texts, Text{ID: fmt.Sprint(len(texts) + 1), Text: s}) }
	for i := range 8 {
		add([]string{"The dress looks elegant on the website", "I bought the dress for a wedding", "I wore the dress to work",
			"The dress arrived on Monday"}[i%4])
	}
	for _, s := range []string{"the dress ripped at the seam", "the dress faded after one wash", "the dress was see-through",
		"the dress is itchy", "the dress felt stiff", "the dress came wrinkled", "the dress is flimsy", "the dress smelled"} {
		add(s)
	}
	for range 6 {
		add("the delivery was late")
		add("shipping took two weeks, late again")
	}
	res := FindPainPoints(texts, PainPointOptions{})
	for _, p := range res.PainPoints {
		if !strings.Contains(p.Label, "dress") {
			continue
		}
		for i, ex := range p.Examples[:min(2, len(p.Examples))] {
			for _, plain := range []string{"elegant", "wedding", "work", "Monday"} {
				if strings.Contains(ex, plain) {
					t.Errorf("%q quote %d says nothing wrong: %q (quotes %q)", p.Label, i+1, ex, p.Examples)
				}
			}
		}
		return
	}
	t.Fatalf("no dress pain point in %+v", res.PainPoints)
}
