package analysis

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/safarhq/safar/internal/meetingtest"
)

func TestSpreadRatio(t *testing.T) {
	cv := &convo{size: []int32{100}}
	uses := func(turns ...int32) *spread {
		s := &spread{}
		for _, x := range turns {
			s.at = append(s.at, [2]int32{0, x})
		}
		return s
	}
	for _, c := range []struct {
		name  string
		s     *spread
		burst bool
	}{
		{"evenly spaced", uses(5, 15, 25, 35, 45, 55, 65, 75, 85, 95), false},
		{"one stretch", uses(40, 41, 43, 44, 46, 47, 49, 50, 52, 53), true},
		{"two stretches", uses(10, 11, 12, 13, 14, 70, 71, 72, 73, 74), true},
	} {
		r, ok := c.s.ratio(cv)
		if !ok || (r < 1) != c.burst {
			t.Errorf("%s: ratio %.2f (ok %v), want bursty %v", c.name, r, ok, c.burst)
		}
	}
	// Evenly spaced uses reach the most ARF can be: f, over chance's
	// 1 - (1-p)^(1/p) per use.
	r, _ := uses(5, 15, 25, 35, 45, 55, 65, 75, 85, 95).ratio(cv)
	if want := 1 / (1 - math.Pow(0.9, 10)); math.Abs(r-want) > 1e-9 {
		t.Errorf("evenly spaced: ratio %.4f, want %.4f", r, want)
	}
	if _, ok := (*spread)(nil).ratio(cv); ok {
		t.Error("a term used in no conversation has no ratio")
	}
	// A term said once in each of several conversations (a problem every
	// interviewee names once) shows no spread: it is not measured, and
	// keeps its weight and its words' vector.
	cv3 := &convo{size: []int32{60, 60, 60}}
	once := &spread{at: [][2]int32{{0, 10}, {1, 30}, {2, 50}}}
	if r, ok := once.ratio(cv3); ok {
		t.Errorf("once in each conversation: ratio %.2f, want none", r)
	}
	once.at = append(once.at, [2]int32{2, 52})
	if r, ok := once.ratio(cv3); !ok || r >= 1 {
		t.Errorf("twice together in one conversation: ratio %.2f (ok %v), want bursty", r, ok)
	}
}

// meeting is a design meeting of 120 turns on three topics, 40 turns each,
// in which every turn says one topic word and two of the meeting's own
// words (the remote control, the design, the customer...), each of those
// said in about 40% of the turns, anywhere in the meeting.
func meeting(thread string) []Text {
	return meetingOf(thread, []int{40, 40, 40}, []int{4, 4, 4})
}

// meetingOf is such a meeting whose topics take turns[k] turns, said by
// speakers[k] of its four speakers (internal/meetingtest).
func meetingOf(thread string, turns, speakers []int) []Text {
	var texts []Text
	for i, tn := range meetingtest.Turns(turns, speakers) {
		texts = append(texts, Text{ID: fmt.Sprint(i), Person: "m:" + tn.Speaker, Text: tn.Text, Thread: thread})
	}
	return texts
}

// stretchPlacement returns, for each topic's stretch of the meeting, the
// share of its turns in the one pain point holding most of them, and how
// many different pain points those are.
func stretchPlacement(res PainPointResult) (shares []float64, distinct int) {
	seen := map[int]bool{}
	for s := range 3 {
		count := map[int]int{}
		for pi, pp := range res.PainPoints {
			for _, m := range pp.Members {
				var i int
				fmt.Sscan(m, &i)
				if i/40 == s {
					count[pi]++
				}
			}
		}
		best, n := -1, 0
		for pi, c := range count {
			if c > n || c == n && pi < best {
				best, n = pi, c
			}
		}
		shares = append(shares, float64(n)/40)
		if best >= 0 {
			seen[best] = true
		}
	}
	return shares, len(seen)
}

func TestConversationOrder(t *testing.T) {
	res := FindPainPoints(meeting("design meeting"), PainPointOptions{})
	shares, distinct := stretchPlacement(res)
	// Read as survey answers (no thread), the meeting's own words make
	// groups of their own and the three topics' words one group of all
	// 120 turns (measured when written).
	unordered, unorderedDistinct := stretchPlacement(FindPainPoints(meeting(""), PainPointOptions{}))
	t.Logf("placed in their stretch's pain point: %.2f in %d pain points; without the order %.2f in %d", shares, distinct, unordered, unorderedDistinct)
	if distinct != 3 {
		t.Errorf("the three topics' stretches fall into %d pain points, want 3", distinct)
	}
	for s, sh := range shares {
		if sh < 0.9 {
			t.Errorf("topic %d: %.2f of its turns in its pain point, want at least .9", s+1, sh)
		}
	}
}

func TestConversationsMeasured(t *testing.T) {
	m := meeting("m1")
	if cv := conversations(m); cv == nil || len(cv.size) != 1 || cv.size[0] != 120 || cv.turn[119] != 119 {
		t.Fatalf("one meeting of 120 turns: %+v", cv)
	}
	if cv := conversations(m[:minDomainTexts-1]); cv != nil {
		t.Errorf("a conversation of %d turns is measured", minDomainTexts-1)
	}
	answers := make([]Text, 130)
	for i := range answers {
		answers[i] = Text{ID: fmt.Sprint("a", i), Text: "the delivery was late"}
	}
	if cv := conversations(append(answers, m...)); cv != nil {
		t.Error("a meeting among more survey answers is measured")
	}
	if cv := conversations(append(answers[:100], m...)); cv == nil || cv.thread[0] != -1 || cv.turn[100] != 0 {
		t.Errorf("a meeting with fewer survey answers: %+v", cv)
	}
}

// In a meeting the topic that takes most of the turns ranks first, though
// fewer of its speakers say it: a meeting of four reaches most of them with
// every topic.
func TestConversationRanksByTurns(t *testing.T) {
	res := FindPainPoints(meetingOf("design meeting", []int{70, 30, 30}, []int{2, 4, 4}), PainPointOptions{})
	if len(res.PainPoints) == 0 || !strings.Contains(res.PainPoints[0].Label, "battery") && !strings.Contains(res.PainPoints[0].Label, "charger") {
		for _, pp := range res.PainPoints {
			t.Logf("%d %s: %d people, %d turns", pp.Rank, pp.Label, pp.Documents, pp.Texts)
		}
		t.Fatal("the topic of 70 turns by two speakers is not first")
	}
}
