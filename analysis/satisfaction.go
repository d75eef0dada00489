package analysis

import "math"

// How a pain point's voices rate the product against everyone else's:
// the question a consultant asks of a problem once scores exist ("the
// customers who say the sizing runs small rate us 1.2 points lower").

// ScoreSums accumulate persons' own scores (Text.Satisfaction, 0..1),
// each person's once.
type ScoreSums struct {
	sum, sq float64
	n       int
}

// Add counts one person's score.
func (s *ScoreSums) Add(v float64) {
	s.sum += v
	s.sq += v * v
	s.n++
}

func (s ScoreSums) minus(o ScoreSums) ScoreSums {
	return ScoreSums{s.sum - o.sum, s.sq - o.sq, s.n - o.n}
}

func (s ScoreSums) mean() float64 { return s.sum / float64(s.n) }

// variance is the sample variance (n-1).
func (s ScoreSums) variance() float64 {
	if s.n < 2 {
		return 0
	}
	return max(0, (s.sq-s.sum*s.sum/float64(s.n))/float64(s.n-1))
}

// minScored is the fewest persons with a score on either side of a
// comparison: fewer say nothing about a mean.
const minScored = 3

// setSatisfaction gives pp its voices' scores against everyone's (all).
func (gs *gstate) setSatisfaction(pp *PainPoint, texts []Text, all ScoreSums) {
	var in ScoreSums
	seen := make(map[int32]bool, len(gs.persons))
	for _, h := range gs.hits {
		p := gs.personOf[h.text]
		if seen[p] {
			continue
		}
		if sat := satisfactionOf(texts[h.text]); !math.IsNaN(sat) && sat >= 0 && sat <= 1 {
			seen[p] = true
			in.Add(sat)
		}
	}
	pp.SetSatisfaction(in, all)
}

// SetSatisfaction sets pp's voices' mean score (in: the persons voicing
// it) and its gap to the other persons who gave one (all: every person
// who gave one, the voices among them), with the gap's 95% interval
// (Welch's standard error, normal quantile); it clears them when fewer
// than three persons on either side gave one. A study whose pain points
// are joined across languages sets them again for the joined voices.
func (pp *PainPoint) SetSatisfaction(in, all ScoreSums) {
	pp.Satisfaction, pp.SatisfactionN, pp.SatisfactionGap, pp.SatisfactionGapCI = nil, 0, nil, nil
	out := all.minus(in)
	if in.n < minScored || out.n < minScored {
		return
	}
	mean, gap := in.mean(), in.mean()-out.mean()
	se := math.Sqrt(in.variance()/float64(in.n) + out.variance()/float64(out.n))
	pp.Satisfaction, pp.SatisfactionN = &mean, in.n
	pp.SatisfactionGap = &gap
	pp.SatisfactionGapCI = []float64{round4(gap - 1.96*se), round4(gap + 1.96*se)}
	*pp.Satisfaction, *pp.SatisfactionGap = round4(mean), round4(gap)
}
