package analysis

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

// TestSatisfactionGap: a pain point says how its voices score against
// everyone else who gave a score: those who say the zipper broke rate 1
// and 2 of 5 where the others rate 4 and 5, and the interval holds the
// gap; without scores, or with too few, it says nothing.
func TestSatisfactionGap(t *testing.T) {
	var texts []Text
	for i := range 12 {
		texts = append(texts,
			Text{ID: fmt.Sprint("z", i), Text: "The zipper broke after one wash.", Satisfaction: Score(float64(i%2) * 0.25)},
			Text{ID: fmt.Sprint("s", i), Text: "Delivery was late by a week.", Satisfaction: Score(0.75 + float64(i%2)*0.25)},
			Text{ID: fmt.Sprint("q", i), Text: "Delivery was late, but fine.", Satisfaction: Score(0.75 + float64(i%2)*0.25)})
	}
	find := func(res PainPointResult, word string) *PainPoint {
		for i, p := range res.PainPoints {
			if strings.Contains(p.Label, word) {
				return &res.PainPoints[i]
			}
		}
		t.Fatalf("no pain point says %q: %v", word, labels(res))
		return nil
	}
	zip := find(FindPainPoints(texts, PainPointOptions{}), "zipper")
	if zip.Satisfaction == nil || zip.SatisfactionGap == nil || len(zip.SatisfactionGapCI) != 2 {
		t.Fatalf("zipper: satisfaction %v gap %v, want both", zip.Satisfaction, zip.SatisfactionGap)
	}
	// Its voices: 0 and .25, mean .125; the others .75 and 1, mean .875.
	if math.Abs(*zip.Satisfaction-0.125) > 1e-3 || math.Abs(*zip.SatisfactionGap+0.75) > 1e-3 || zip.SatisfactionN != 12 {
		t.Errorf("zipper: satisfaction %.4f gap %.4f of %d, want .125, -.75 of 12", *zip.Satisfaction, *zip.SatisfactionGap, zip.SatisfactionN)
	}
	if ci := zip.SatisfactionGapCI; !(ci[0] < -0.75 && -0.75 < ci[1] && ci[1] < 0) {
		t.Errorf("zipper: gap interval %v, want around -.75 and below 0", ci)
	}

	for i := range texts {
		texts[i].Satisfaction = nil
	}
	if zip := find(FindPainPoints(texts, PainPointOptions{}), "zipper"); zip.Satisfaction != nil || zip.SatisfactionGap != nil {
		t.Errorf("without scores: satisfaction %v gap %v, want none", zip.Satisfaction, zip.SatisfactionGap)
	}
	texts[0].Satisfaction, texts[1].Satisfaction = Score(0), Score(1)
	if zip := find(FindPainPoints(texts, PainPointOptions{}), "zipper"); zip.SatisfactionGap != nil {
		t.Errorf("one score on either side: gap %v, want none", *zip.SatisfactionGap)
	}
}
