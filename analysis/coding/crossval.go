package coding

import (
	"errors"
	"math/rand/v2"
	"slices"
	"sort"
)

// MinExamples is the number of coded passages below which a code's
// numbers are marked as too few to trust.
const MinExamples = 5

// MaxValidate is the number of coded passages cross-validation samples
// at most.
const MaxValidate = 3000

// CodeScore is how well one code was predicted.
type CodeScore struct {
	Code      string  `json:"code"`
	Examples  int     `json:"examples"` // coded passages with the code
	Predicted int     `json:"predicted"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Kappa     Rate    `json:"kappa"` // code vs not the code, model against researcher
	TooFew    bool    `json:"too_few,omitempty"`
}

// Agreement compares suggested codes with the researcher's: accuracy (the
// suggestion is one of the passage's codes), Cohen's kappa and macro-F1
// over codes, and per code.
type Agreement struct {
	Passages int         `json:"passages"`
	Folds    int         `json:"folds,omitempty"`
	Accuracy float64     `json:"accuracy"`
	Kappa    Rate        `json:"kappa"`
	MacroF1  float64     `json:"macro_f1"`
	PerCode  []CodeScore `json:"per_code"`
}

// Score compares predicted[i] with the codes gold[i] of the same passage.
// A passage with several codes counts the prediction as right when it is
// any of them; for kappa and F1 its code is then the predicted one, and
// otherwise its first.
func Score(gold [][]string, predicted []string) Agreement {
	a := Agreement{Passages: len(predicted)}
	truth := make([]string, len(predicted))
	right := 0
	examples := map[string]int{}
	for i, p := range predicted {
		g := cleanCodes(gold[i])
		for _, c := range g {
			examples[c]++
		}
		truth[i] = p
		if slices.Contains(g, p) {
			right++
		} else if len(g) > 0 {
			truth[i] = g[0]
		}
	}
	if len(predicted) == 0 {
		return a
	}
	a.Accuracy = float64(right) / float64(len(predicted))
	a.Kappa = rate(CohenKappa(truth, predicted))
	codes := map[string]bool{}
	for c := range examples {
		codes[c] = true
	}
	for _, c := range truth {
		codes[c] = true
	}
	for _, c := range predicted {
		codes[c] = true
	}
	names := make([]string, 0, len(codes))
	for c := range codes {
		names = append(names, c)
	}
	sort.Strings(names)
	var f1sum float64
	for _, c := range names {
		s := CodeScore{Code: c, Examples: examples[c], TooFew: examples[c] < MinExamples}
		var tp, fp, fn int
		t, p := make([]string, len(truth)), make([]string, len(truth))
		for i := range truth {
			t[i], p[i] = yesNo(truth[i] == c), yesNo(predicted[i] == c)
			switch {
			case truth[i] == c && predicted[i] == c:
				tp++
			case predicted[i] == c:
				fp++
			case truth[i] == c:
				fn++
			}
		}
		s.Predicted = tp + fp
		if tp+fp > 0 {
			s.Precision = float64(tp) / float64(tp+fp)
		}
		if tp+fn > 0 {
			s.Recall = float64(tp) / float64(tp+fn)
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		s.Kappa = rate(CohenKappa(t, p))
		f1sum += s.F1
		a.PerCode = append(a.PerCode, s)
	}
	a.MacroF1 = f1sum / float64(len(names))
	return a
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// CrossValidate estimates, before any suggestion is shown, how well the
// model agrees with the researcher: the coded examples are split into
// folds (at most k, stratified by first code), each fold is coded by a
// model trained on the others, and the predictions are scored against
// the researcher's codes.
func CrossValidate(examples []Example, k int, opt Options) (Agreement, error) {
	var coded []Example
	for _, e := range examples {
		if c := cleanCodes(e.Codes); len(c) > 0 {
			e.Codes = c
			coded = append(coded, e)
		}
	}
	if len(coded) == 0 {
		return Agreement{}, ErrNoCoded
	}
	if len(coded) > MaxValidate {
		// A sample this size pins accuracy within about ±2 points; more
		// only makes the researcher wait.
		rng := rand.New(rand.NewPCG(opt.Seed, 0x5a3))
		rng.Shuffle(len(coded), func(a, b int) { coded[a], coded[b] = coded[b], coded[a] })
		coded = coded[:MaxValidate]
	}
	k = min(k, len(coded))
	if k < 2 {
		return Agreement{}, ErrTooFew
	}
	order := make([]int, len(coded))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0xf01d))
	rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
	sort.SliceStable(order, func(a, b int) bool { return coded[order[a]].Codes[0] < coded[order[b]].Codes[0] })
	fold := make([]int, len(coded))
	for pos, i := range order {
		fold[i] = pos % k
	}
	predicted := make([]string, len(coded))
	gold := make([][]string, len(coded))
	for f := 0; f < k; f++ {
		var train []Example
		var test []int
		for i, e := range coded {
			if fold[i] == f {
				test = append(test, i)
			} else {
				train = append(train, e)
			}
		}
		m, err := Train(train, opt)
		if errors.Is(err, ErrOneCode) {
			// The other folds use one code only: that is the prediction.
			for _, i := range test {
				predicted[i], gold[i] = train[0].Codes[0], coded[i].Codes
			}
			continue
		}
		if err != nil {
			return Agreement{}, err
		}
		for _, i := range test {
			predicted[i], gold[i] = m.Predict(coded[i].Text)[0].Code, coded[i].Codes
		}
	}
	a := Score(gold, predicted)
	a.Folds = k
	return a, nil
}
