// Package synth generates synthetic survey answers from known, hidden
// personas. It exists so persona segmentation can be measured against a
// ground truth (does the clustering recover the classes that generated the
// data?) and so the demo has believable data without real respondents.
//
// A Spec lists the questions (Items) and the hidden personas (Classes). Each
// class says, per item, how likely each answer level is (categorical and
// ordinal items) or the mean and standard deviation of the answer (numeric
// items). Sample draws respondents: first a class by weight, then each
// answer independently given the class (the latent-class model), then noise
// and missingness. The same Spec and Seed always give the same rows.
//
//	spec := synth.Example()          // a retail survey with 4 personas
//	data, err := spec.Sample(1000)
//	// data.Columns[j] names column j; data.Rows[i][j] is a string (level),
//	// a float64 (numeric) or nil (missing); data.Class[i] is the true persona.
package synth

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Kind is the type of answer an item takes.
type Kind int

const (
	Categorical Kind = iota // unordered levels, e.g. preferred channel
	Ordinal                 // ordered levels, e.g. a 1-5 satisfaction scale
	Numeric                 // a number, e.g. age or monthly spend
)

func (k Kind) String() string {
	switch k {
	case Categorical:
		return "categorical"
	case Ordinal:
		return "ordinal"
	case Numeric:
		return "numeric"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Item is one survey question.
type Item struct {
	Name   string
	Kind   Kind
	Levels []string // answer levels for Categorical and Ordinal (in order for Ordinal)
	// Missing is the probability that a respondent skips this item (0..1).
	Missing float64
	// Round, for Numeric items, rounds values to this many decimals
	// (0 rounds to whole numbers); a negative value leaves them unrounded.
	Round int
	// Min and Max clip Numeric values when Max > Min.
	Min, Max float64
}

// Normal is a class's distribution for a numeric item.
type Normal struct{ Mean, SD float64 }

// Class is one hidden persona.
type Class struct {
	Name   string
	Weight float64 // relative size; weights need not sum to 1
	// Probs gives, per categorical/ordinal item name, the probability of each
	// level (same order as Item.Levels; normalised, need not sum to 1).
	// An item without an entry is answered uniformly at random.
	Probs map[string][]float64
	// Numbers gives, per numeric item name, the class's mean and SD.
	Numbers map[string]Normal
}

// Spec describes a synthetic survey.
type Spec struct {
	Items   []Item
	Classes []Class
	// Noise (0..1) makes answers less typical of the persona: each
	// categorical/ordinal answer is, with probability Noise, uniform over
	// the levels instead; numeric answers get their SD multiplied by
	// 1+Noise. 0.1-0.25 is realistic for surveys (inattention, mixed
	// motives).
	Noise float64
	Seed  uint64
}

// Data is a generated sample.
type Data struct {
	Columns []string
	Kinds   []Kind
	// Rows[i][j] is a string (Categorical/Ordinal level), a float64
	// (Numeric) or nil (missing).
	Rows [][]any
	// Class[i] is the index into Spec.Classes of row i's true persona.
	Class []int
}

// Validate reports the first problem with the spec.
func (s Spec) Validate() error {
	if len(s.Items) == 0 {
		return errors.New("synth: spec has no items")
	}
	if len(s.Classes) == 0 {
		return errors.New("synth: spec has no classes")
	}
	if s.Noise < 0 || s.Noise > 1 {
		return fmt.Errorf("synth: noise %v outside [0,1]", s.Noise)
	}
	names := map[string]bool{}
	for _, it := range s.Items {
		if it.Name == "" || names[it.Name] {
			return fmt.Errorf("synth: item name %q empty or repeated", it.Name)
		}
		names[it.Name] = true
		if it.Kind != Numeric && len(it.Levels) < 2 {
			return fmt.Errorf("synth: item %q needs at least 2 levels", it.Name)
		}
		if it.Missing < 0 || it.Missing >= 1 {
			return fmt.Errorf("synth: item %q missing rate %v outside [0,1)", it.Name, it.Missing)
		}
	}
	total := 0.0
	for _, c := range s.Classes {
		if c.Weight < 0 {
			return fmt.Errorf("synth: class %q has negative weight", c.Name)
		}
		total += c.Weight
		for name, p := range c.Probs {
			it, ok := s.item(name)
			if !ok {
				return fmt.Errorf("synth: class %q: unknown item %q", c.Name, name)
			}
			if it.Kind == Numeric || len(p) != len(it.Levels) {
				return fmt.Errorf("synth: class %q item %q: %d probabilities for %d levels", c.Name, name, len(p), len(it.Levels))
			}
			sum := 0.0
			for _, v := range p {
				if v < 0 {
					return fmt.Errorf("synth: class %q item %q: negative probability", c.Name, name)
				}
				sum += v
			}
			if sum <= 0 {
				return fmt.Errorf("synth: class %q item %q: probabilities sum to 0", c.Name, name)
			}
		}
		for name, nv := range c.Numbers {
			it, ok := s.item(name)
			if !ok || it.Kind != Numeric {
				return fmt.Errorf("synth: class %q: %q is not a numeric item", c.Name, name)
			}
			if nv.SD < 0 {
				return fmt.Errorf("synth: class %q item %q: negative SD", c.Name, name)
			}
		}
		for _, it := range s.Items {
			if _, ok := c.Numbers[it.Name]; it.Kind == Numeric && !ok {
				return fmt.Errorf("synth: class %q has no distribution for numeric item %q", c.Name, it.Name)
			}
		}
	}
	if total <= 0 {
		return errors.New("synth: class weights sum to 0")
	}
	return nil
}

func (s Spec) item(name string) (Item, bool) {
	for _, it := range s.Items {
		if it.Name == name {
			return it, true
		}
	}
	return Item{}, false
}

// Sample draws n respondents. It is deterministic for a given Spec
// (including Seed) and n.
func (s Spec) Sample(n int) (*Data, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, fmt.Errorf("synth: negative sample size %d", n)
	}
	rng := rand.New(rand.NewPCG(s.Seed, 0x5afa12))
	k := len(s.Classes)
	cumW := make([]float64, k)
	acc := 0.0
	for i, c := range s.Classes {
		acc += c.Weight
		cumW[i] = acc
	}
	// Cumulative level probabilities per class and item (nil = uniform).
	cum := make([][][]float64, k)
	for c, cl := range s.Classes {
		cum[c] = make([][]float64, len(s.Items))
		for j, it := range s.Items {
			if p, ok := cl.Probs[it.Name]; ok {
				cum[c][j] = cumulative(p)
			}
		}
	}
	d := &Data{Rows: make([][]any, n), Class: make([]int, n)}
	for _, it := range s.Items {
		d.Columns = append(d.Columns, it.Name)
		d.Kinds = append(d.Kinds, it.Kind)
	}
	for i := range n {
		c := pick(cumW, rng.Float64()*acc)
		d.Class[i] = c
		row := make([]any, len(s.Items))
		for j, it := range s.Items {
			// Draw every random number unconditionally so that changing
			// the noise or missing rate does not reshuffle other answers.
			noisy := rng.Float64() < s.Noise
			skip := rng.Float64() < it.Missing
			u, g := rng.Float64(), rng.NormFloat64()
			other := rng.IntN(k)
			if skip {
				continue
			}
			switch it.Kind {
			case Numeric:
				_ = other
				nv := s.Classes[c].Numbers[it.Name]
				x := nv.Mean + nv.SD*(1+s.Noise)*g
				if it.Max > it.Min {
					x = math.Max(it.Min, math.Min(it.Max, x))
				}
				if it.Round >= 0 {
					p := math.Pow(10, float64(it.Round))
					x = math.Round(x*p) / p
				}
				row[j] = x
			default:
				var l int
				if noisy || cum[c][j] == nil {
					l = int(u * float64(len(it.Levels)))
				} else {
					cp := cum[c][j]
					l = pick(cp, u*cp[len(cp)-1])
				}
				row[j] = it.Levels[min(l, len(it.Levels)-1)]
			}
		}
		d.Rows[i] = row
	}
	return d, nil
}

func cumulative(p []float64) []float64 {
	out := make([]float64, len(p))
	acc := 0.0
	for i, v := range p {
		acc += v
		out[i] = acc
	}
	return out
}

// pick returns the first index whose cumulative weight exceeds u.
func pick(cum []float64, u float64) int {
	for i, c := range cum {
		if u < c {
			return i
		}
	}
	return len(cum) - 1
}

// Strings returns the rows as CSV-ready strings (missing as "") with the
// header first, e.g. for encoding/csv or for the demo's import.
func (d *Data) Strings() [][]string {
	out := make([][]string, 0, len(d.Rows)+1)
	out = append(out, append([]string(nil), d.Columns...))
	for _, r := range d.Rows {
		rec := make([]string, len(r))
		for j, v := range r {
			switch x := v.(type) {
			case string:
				rec[j] = x
			case float64:
				rec[j] = fmt.Sprint(x)
			}
		}
		out = append(out, rec)
	}
	return out
}
