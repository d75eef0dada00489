package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/safarhq/safar/analysis"
	"github.com/safarhq/safar/internal/csvtable"
	"github.com/safarhq/safar/survey"
)

// A scoreScale is the range of a column of scores a respondent gave (a
// rating, a recommendation, NPS), read into analysis.Text.Satisfaction
// as 0 at lo .. 1 at hi.
type scoreScale struct{ lo, hi float64 }

// scoreScales are the scales --score reads a column on when --scale does
// not say: the first that holds every value. A column of 1s and 0s is
// yes/no (recommended or not), 1-5 and 1-7 are ratings, 0-10 NPS.
var scoreScales = []scoreScale{{0, 1}, {1, 5}, {1, 7}, {0, 10}, {0, 100}}

func (s scoreScale) String() string {
	return strconv.FormatFloat(s.lo, 'f', -1, 64) + "-" + strconv.FormatFloat(s.hi, 'f', -1, 64)
}

// parseScale reads --scale "LO-HI" ("" when not given); LO may be
// negative ("-2-2", a sentiment from -2 to 2).
func parseScale(v string) (scoreScale, bool, error) {
	if v == "" {
		return scoreScale{}, false, nil
	}
	sign := 0
	if strings.HasPrefix(v, "-") {
		sign = 1
	}
	lo, hi, ok := strings.Cut(v[sign:], "-")
	a, errA := survey.ParseNumber(v[:sign] + lo)
	b, errB := survey.ParseNumber(hi)
	if !ok || errA != nil || errB != nil || a >= b {
		return scoreScale{}, false, fmt.Errorf("--scale %q: want LO-HI, lowest score first (1-5, 0-10)", v)
	}
	return scoreScale{a, b}, true, nil
}

// readScores reads column c of tb as each row's score, on scale when set
// or else the first of scoreScales that holds every value; a blank cell
// is no score. It returns the scores (nil for a row without one) and the
// scale read, or an error naming the first value that is not a number on
// the scale.
func readScores(tb *csvtable.Table, c int, name string, scale scoreScale, given bool) ([]*float64, scoreScale, error) {
	vals := make([]float64, len(tb.Rows))
	has := make([]bool, len(tb.Rows))
	lo, hi := math.Inf(1), math.Inf(-1)
	for r := range tb.Rows {
		v := strings.TrimSpace(tb.Value(r, c))
		if v == "" {
			continue
		}
		f, err := survey.ParseNumber(v)
		if err != nil || given && (f < scale.lo || f > scale.hi) {
			want := "a number"
			if given {
				want = "a number from " + scale.String()
			}
			return nil, scale, fmt.Errorf("--score %q, line %d: %q is not %s", name, tb.Line(r), v, want)
		}
		vals[r], has[r] = f, true
		lo, hi = min(lo, f), max(hi, f)
	}
	if !given {
		if lo > hi {
			return nil, scale, fmt.Errorf("--score %q: the column holds no score", name)
		}
		found := false
		for _, s := range scoreScales {
			if s.lo <= lo && hi <= s.hi {
				scale, found = s, true
				break
			}
		}
		if !found {
			return nil, scale, fmt.Errorf("--score %q: scores from %v to %v fit none of the scales 0-1, 1-5, 1-7, 0-10, 0-100; say it with --scale LO-HI", name, lo, hi)
		}
	}
	out := make([]*float64, len(tb.Rows))
	shared := map[float64]*float64{} // scores take few values
	for r := range tb.Rows {
		if !has[r] {
			continue
		}
		s := (vals[r] - scale.lo) / (scale.hi - scale.lo)
		if shared[s] == nil {
			shared[s] = analysis.Score(s)
		}
		out[r] = shared[s]
	}
	return out, scale, nil
}

// compare says how a pain point's voices score against everyone else
// who gave a score, on the scale the scores were given on: "score 3.5 of
// 1-5 against 4.4 for the others: 0.91 lower (0.87 to 0.95), 4659
// scored".
func (s scoreScale) compare(p analysis.PainPoint) string {
	span := s.hi - s.lo
	mean, gap := s.lo+*p.Satisfaction*span, *p.SatisfactionGap*span
	lo, hi := p.SatisfactionGapCI[0]*span, p.SatisfactionGapCI[1]*span
	one := func(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
	two := func(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
	head := fmt.Sprintf("score %s of %s against %s for the others: ", one(mean), s, one(mean-gap))
	switch {
	case lo <= 0 && hi >= 0:
		return fmt.Sprintf("%sno clear difference (%s to %s), %d scored", head, two(lo), two(hi), p.SatisfactionN)
	case gap < 0:
		return fmt.Sprintf("%s%s lower (%s to %s), %d scored", head, two(-gap), two(-hi), two(-lo), p.SatisfactionN)
	}
	return fmt.Sprintf("%s%s higher (%s to %s), %d scored", head, two(gap), two(lo), two(hi), p.SatisfactionN)
}
