package analysis

import (
	"fmt"
	"testing"
)

// interviews are eight long interviews (60 customer turns each) in which
// the customer turns from one of three problems to the next at every turn,
// with a few words of their own said all through; labels: the problem of
// each turn, -1 for a turn that names none.
func interviews(thread bool) ([]Text, []int) {
	problems := [][]string{
		{"delivery was late", "the courier came late", "late delivery again", "delivery took too long"},
		{"the box was damaged", "packaging was torn", "damaged packaging", "the box arrived crushed"},
		{"support was rude", "the agent was rude", "rude support on the phone", "support never answered"},
		{"the app crashes", "app keeps crashing", "the app froze at checkout", "crashes when I pay"},
		{"prices are too high", "too expensive", "the price went up", "expensive shipping price"},
	}
	bg := []string{"my order", "the shop", "this time", "last week", "my family"}
	var texts []Text
	var lab []int
	for iv := range 8 {
		for st := range 3 {
			for k := range 20 {
				p := (iv + ((k+st)%3)*2) % 5
				i := len(texts)
				s := fmt.Sprintf("Well, %s, and %s.", problems[p][(k+iv)%4], bg[(i/3)%5])
				if k%3 == 0 {
					s = fmt.Sprintf("About %s, %s.", bg[(i+1)%5], bg[(i+3)%5])
				}
				th := ""
				if thread {
					th = fmt.Sprint("iv", iv)
				}
				texts = append(texts, Text{ID: fmt.Sprint(i), Person: fmt.Sprintf("iv%d:Customer", iv), Text: s, Thread: th})
				if k%3 == 0 {
					lab = append(lab, -1)
				} else {
					lab = append(lab, p)
				}
			}
		}
	}
	return texts, lab
}

// Long interviews that move from one problem to the next in consecutive
// turns show no stretches: their order is forgotten, and every pain point is
// what the same texts give without a thread.
func TestInterleavedInterviewsForgetTheOrder(t *testing.T) {
	withThread, _ := interviews(true)
	without, _ := interviews(false)
	a, b := FindPainPoints(withThread, PainPointOptions{}), FindPainPoints(without, PainPointOptions{})
	if len(a.PainPoints) != len(b.PainPoints) || len(a.PainPoints) < 3 {
		t.Fatalf("%d pain points with the threads, %d without; want the same, at least 3", len(a.PainPoints), len(b.PainPoints))
	}
	for i := range a.PainPoints {
		if a.PainPoints[i].Label != b.PainPoints[i].Label || len(a.PainPoints[i].Members) != len(b.PainPoints[i].Members) {
			t.Errorf("#%d: %q (%d) with the threads, %q (%d) without", i+1, a.PainPoints[i].Label, len(a.PainPoints[i].Members), b.PainPoints[i].Label, len(b.PainPoints[i].Members))
		}
	}
}
