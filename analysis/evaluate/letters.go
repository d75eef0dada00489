package evaluate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/safarhq/safar/analysis"
)

// loadLetters composes long texts with one concern each, the shape of a
// complaint letter (issue #14's hidden consumer-finance set: long
// narratives, one issue type each), from the MAMS sentences that carry
// exactly one negative aspect: a letter is four to eight sentences of one
// aspect, its label, with up to two sentences of other aspects put in
// among them (said in passing). No labelled set of the team's has this
// shape: the Steam reviews are long but labelled by every aspect they
// mention. The composition is fixed (one seed), the aspects are drawn by
// the square root of their sentence counts (so that the small ones make
// letters too), and it stops when no aspect has sentences for another
// letter: 329 letters of 62-310 words, median 152 (the Steam reviews'
// median).
func loadLetters(dir string) (*Set, error) {
	m, err := loadMAMS(dir)
	if err != nil {
		return nil, err
	}
	pool := map[string][]string{}
	var names []string
	for i, ls := range m.Labels {
		if len(ls) != 1 {
			continue
		}
		if pool[ls[0]] == nil {
			names = append(names, ls[0])
		}
		pool[ls[0]] = append(pool[ls[0]], m.Texts[i].Text)
	}
	slices.Sort(names)
	r := rand.New(rand.NewPCG(1, 0))
	weight := map[string]float64{}
	for _, l := range names {
		p := pool[l]
		r.Shuffle(len(p), func(a, b int) { p[a], p[b] = p[b], p[a] })
		weight[l] = math.Sqrt(float64(len(p)))
	}
	take := func(l string) string {
		p := pool[l]
		pool[l] = p[:len(p)-1]
		return p[len(p)-1]
	}
	s := &Set{Name: "letters", About: "long texts composed of MAMS sentences: 4-8 on one negative aspect (the label), up to 2 on others in passing"}
	for {
		k := 4 + r.IntN(5)
		var open []string
		total := 0.0
		for _, l := range names {
			if len(pool[l]) >= k+3 {
				open = append(open, l)
				total += weight[l]
			}
		}
		if len(open) == 0 {
			return s, nil
		}
		main, x := open[len(open)-1], r.Float64()*total
		for _, l := range open {
			if x -= weight[l]; x < 0 {
				main = l
				break
			}
		}
		sents := make([]string, 0, k+2)
		for range k {
			sents = append(sents, take(main))
		}
		for range r.IntN(3) {
			var others []string
			for _, l := range names {
				if l != main && len(pool[l]) > 3 {
					others = append(others, l)
				}
			}
			if len(others) == 0 {
				break
			}
			sents = slices.Insert(sents, r.IntN(len(sents)+1), take(others[r.IntN(len(others))]))
		}
		s.Texts = append(s.Texts, analysis.Text{ID: fmt.Sprintf("letter-%d", len(s.Texts)+1), Text: strings.Join(sents, " ")})
		s.Labels = append(s.Labels, []string{main})
	}
}
