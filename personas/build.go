package personas

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/safarhq/safar/analysis/cluster"
)

// codec maps one item's answers to the model's coding.
type codec struct {
	item   int // index into Input.Items
	kind   cluster.Kind
	levels []string       // categorical/ordinal/binary levels, in code order
	index  map[string]int // level -> code
	log    bool           // numeric: modelled as log(1+x) (skewed, non-negative)
}

// Build segments the respondents and returns persona cards: Fit, then
// Describe.
func Build(ctx context.Context, in Input, opt Options) (*Result, error) {
	f, err := Fit(ctx, in, opt)
	if err != nil {
		return nil, err
	}
	return f.Describe(in)
}

// Fitted is a segmentation without its cards yet: the model is fitted,
// its stability refits (a fixed k's) may still be running.
type Fitted struct {
	res       *Result
	quality   Quality
	levels    [][]string // per item, as Input.levels
	items     int        // len(Input.Items), checked by Describe
	n         int        // respondents, checked by Describe
	measure   bool       // stability is measured
	named     bool       // the cards are named (Named)
	stable    chan struct{}
	stability cluster.StabilityResult
	stabErr   error
}

// Fit segments the respondents. It reads the items and their answers
// (Values or Table) only: the pain points, labels and words that the
// cards quote can be added to the input afterwards, for Describe. A fixed
// k's stability refits run on in the background (until Describe, or ctx
// ends).
func Fit(ctx context.Context, in Input, opt Options) (*Fitted, error) {
	if len(in.Respondents) < 2 {
		return nil, fmt.Errorf("personas: need at least 2 respondents, have %d", len(in.Respondents))
	}
	if in.Table != nil && (in.Table.n != len(in.Respondents) || len(in.Table.cols) != len(in.Items)) {
		return nil, fmt.Errorf("personas: the table has %d rows of %d items for %d respondents of %d items",
			in.Table.n, len(in.Table.cols), len(in.Respondents), len(in.Items))
	}
	for i, r := range in.Respondents {
		if in.Table == nil && len(r.Values) != len(in.Items) {
			return nil, fmt.Errorf("personas: respondent %d (%s) has %d values for %d items", i+1, r.ID, len(r.Values), len(in.Items))
		}
	}
	sel, err := selectItems(in.Items, opt)
	if err != nil {
		return nil, err
	}
	// Answer levels are needed per item many times while writing cards and
	// names; each costs a pass over every respondent, so compute them once.
	in.levels = make([][]string, len(in.Items))
	for j, it := range in.Items {
		in.levels[j] = levelsOf(it, j, &in)
	}
	cols := make([]cluster.Column, 0, len(sel))
	codecs := make([]codec, 0, len(sel))
	for _, j := range sel {
		col, c, err := encode(in.Items[j], j, in.levels[j], &in)
		if err != nil {
			return nil, err
		}
		cols = append(cols, col)
		codecs = append(codecs, c)
	}
	data, err := cluster.NewData(cols)
	if err != nil {
		return nil, fmt.Errorf("personas: %w", err)
	}
	b := opt.Bootstrap
	if b == 0 {
		b = 10
	}
	copt := opt.Cluster
	copt.Seed = opt.Seed
	copt.KMin, copt.KMax = opt.KMin, opt.KMax
	copt.Resamples = max(b, -1) // automatic k measures every candidate the same way
	var fit *cluster.Result
	var compared []cluster.Candidate
	if opt.K > 0 && opt.Compare {
		screen := copt
		screen.Resamples = -1
		screen.FitAll = true
		all, err := cluster.Auto(ctx, data, screen)
		if err != nil {
			return nil, fmt.Errorf("personas: %w", err)
		}
		compared = all.Candidates
		for i := range compared {
			compared[i].Chosen = compared[i].K == opt.K
		}
	}
	if opt.K > 0 {
		fit, err = cluster.Fit(ctx, data, opt.K, copt)
	} else {
		fit, err = cluster.Auto(ctx, data, copt)
	}
	if err != nil {
		return nil, fmt.Errorf("personas: %w", err)
	}
	res := &Result{K: fit.K, Language: lang(in.Language), fit: fit, items: in.Items, codec: codecs,
		profile: make([]bool, len(in.Items))}
	for j, it := range in.Items {
		res.profile[j] = it.Role != Open && !slices.Contains(sel, j)
	}
	res.Method = Method
	q := Quality{N: fit.N, LogLik: fit.LogLik, BIC: fit.BIC, AIC: fit.AIC, Entropy: fit.Entropy,
		Params: fit.Params, Candidates: fit.Candidates}
	if opt.K > 0 {
		q.Candidates = compared
	}
	for _, j := range sel {
		q.Items = append(q.Items, in.Items[j].Name)
	}
	if opt.K > 0 {
		q.KSelected = fmt.Sprintf("fixed k=%d", opt.K)
	} else {
		q.KSelected, q.KRule = fit.Criterion, fit.Rule
	}
	f := &Fitted{res: res, quality: q, levels: in.levels, items: len(in.Items), n: len(in.Respondents),
		measure: b > 0 && fit.K > 1, stable: make(chan struct{})}
	// The stability refits only read the fit: they run while the caller
	// prepares what the cards quote and Describe writes them (one core).
	switch {
	case f.measure && fit.Stability != nil:
		// Automatic k already resampled the chosen k to choose it.
		f.stability = *fit.Stability
		close(f.stable)
	case f.measure:
		go func() {
			defer close(f.stable)
			f.stability, f.stabErr = cluster.Stability(ctx, data, fit, b, 0, copt)
		}()
	default:
		close(f.stable)
	}
	return f, nil
}

// Named is the personas of a fitted segmentation as far as the fit and
// the answers tell them, before Describe: their ids, sizes, traits and
// names, and every respondent's assignment, which Describe leaves as they
// are. It returns the Result Describe completes (pain points, quotes,
// quality), so read only those parts of it until then. in is Fit's input;
// the pain points need not be added yet.
func (f *Fitted) Named(in Input) (*Result, error) {
	if err := f.check(in); err != nil {
		return nil, err
	}
	if !f.named {
		in.levels = f.levels
		f.res.named(in)
		f.named = true
	}
	return f.res, nil
}

// Describe writes the persona cards of a fitted segmentation and its
// quality, once the stability refits are done. in is Fit's input (the same
// items, respondents and answers) with, when wanted, the respondents' pain
// points, PainLabels and Words added. Call it once.
func (f *Fitted) Describe(in Input) (*Result, error) {
	if _, err := f.Named(in); err != nil {
		return nil, err
	}
	in.levels = f.levels
	res, q := f.res, f.quality
	res.painCards(in)
	<-f.stable
	if f.stabErr != nil {
		return nil, fmt.Errorf("personas: stability: %w", f.stabErr)
	}
	if f.measure {
		q.Stability = &f.stability
	}
	for i, c := range q.Candidates {
		if c.Chosen && c.Verdict == "" && q.Stability != nil { // fixed k: its own resamples
			q.Candidates[i].Stability, q.Candidates[i].Verdict = q.Stability.MeanARI, cluster.Verdict(q.Stability.MeanARI)
		}
	}
	q.Verdict = verdict(q, res.K)
	res.Quality = q
	res.trust()
	return res, nil
}

// check: in has the items and respondents of the fit.
func (f *Fitted) check(in Input) error {
	if len(in.Items) != f.items || len(in.Respondents) != f.n {
		return fmt.Errorf("personas: describing %d respondents of %d items with a fit of %d respondents of %d items",
			len(in.Respondents), len(in.Items), f.n, f.items)
	}
	return nil
}

func lang(l string) string {
	if strings.HasPrefix(strings.ToLower(l), "fa") {
		return "fa"
	}
	return "en"
}

func verdict(q Quality, k int) string {
	switch q.Reading() {
	case Unmeasured:
		return fmt.Sprintf("entropy R2 %.2f; stability not measured", q.Entropy)
	case Stable:
		return fmt.Sprintf("stable: resampled fits agree (mean ARI %.2f); entropy R2 %.2f", q.Stability.MeanARI, q.Entropy)
	case ModeratelyStable:
		return fmt.Sprintf("moderately stable (mean ARI %.2f): treat the smaller personas with care; entropy R2 %.2f", q.Stability.MeanARI, q.Entropy)
	default:
		return fmt.Sprintf("unstable (mean ARI %.2f): the data do not support %d distinct personas; entropy R2 %.2f", q.Stability.MeanARI, k, q.Entropy)
	}
}

// selectItems picks the items that take part: by role (DefaultRoles when
// opt.Roles is empty; an empty Role counts as taking part), plus Include,
// minus Exclude. Open items never take part.
func selectItems(items []Item, opt Options) ([]int, error) {
	roles := opt.Roles
	if len(roles) == 0 {
		roles = DefaultRoles
	}
	names := map[string]int{}
	for j, it := range items {
		if it.Name == "" {
			return nil, fmt.Errorf("personas: item %d has no name", j+1)
		}
		if _, dup := names[it.Name]; dup {
			return nil, fmt.Errorf("personas: item name %q repeated", it.Name)
		}
		names[it.Name] = j
		switch it.Kind {
		case Categorical, Ordinal, Numeric, Binary:
		default:
			if it.Role != Open {
				return nil, fmt.Errorf("personas: item %q: unknown kind %q", it.Name, it.Kind)
			}
		}
	}
	for _, n := range append(slices.Clone(opt.Include), opt.Exclude...) {
		if _, ok := names[n]; !ok {
			return nil, fmt.Errorf("personas: no item named %q", n)
		}
	}
	var sel []int
	for j, it := range items {
		in := it.Role == "" || slices.Contains(roles, it.Role) || slices.Contains(opt.Include, it.Name)
		if it.Role == Open || slices.Contains(opt.Exclude, it.Name) {
			in = false
		}
		if in {
			sel = append(sel, j)
		}
	}
	if len(sel) == 0 {
		return nil, errors.New("personas: no items take part in segmentation")
	}
	return sel, nil
}

// encode codes item j's answers (with the given levels) for the model.
func encode(it Item, j int, levels []string, in *Input) (cluster.Column, codec, error) {
	rs := in.Respondents
	c := codec{item: j, index: map[string]int{}}
	col := cluster.Column{Name: it.Name}
	if it.Kind == Numeric {
		c.kind, col.Kind = cluster.Numeric, cluster.Numeric
		col.Values = make([]float64, len(rs))
		vals := make([]float64, 0, len(rs))
		for i, r := range rs {
			v := in.value(i, j)
			col.Values[i] = math.NaN()
			if v.OK && !math.IsNaN(v.Num) {
				if math.IsInf(v.Num, 0) {
					return col, c, fmt.Errorf("personas: item %q respondent %s: infinite number", it.Name, r.ID)
				}
				col.Values[i] = v.Num
				vals = append(vals, v.Num)
			}
		}
		if skewed(vals) {
			c.log = true
			for i, x := range col.Values {
				col.Values[i] = math.Log1p(x)
			}
		}
		return col, c, nil
	}
	c.levels = levels
	for l, s := range c.levels {
		c.index[s] = l
	}
	if len(c.levels) > cluster.MaxLevels {
		return col, c, fmt.Errorf("personas: item %q has %d distinct answers (at most %d): exclude it or treat it as text", it.Name, len(c.levels), cluster.MaxLevels)
	}
	c.kind, col.Kind = cluster.Categorical, cluster.Categorical
	if it.Kind == Ordinal {
		c.kind, col.Kind = cluster.Ordinal, cluster.Ordinal
	}
	col.Levels = len(c.levels)
	col.Codes = make([]int, len(rs))
	if codes, texts := in.codesOf(j); codes != nil {
		level := byCode(texts, func(s string) int {
			if s == "" {
				return cluster.Missing
			}
			return c.index[s]
		})
		for i, code := range codes {
			col.Codes[i] = level[code]
		}
		return col, c, nil
	}
	for i := range rs {
		col.Codes[i] = cluster.Missing
		if v := in.value(i, j); v.OK && v.Text != "" {
			col.Codes[i] = c.index[v.Text]
		}
	}
	return col, c, nil
}

// levelsOf returns the item's levels: declared ones first (in order), then
// answers seen in the data, most frequent first.
// itemLevels returns item j's levels, cached by Build.
func (in Input) itemLevels(j int) []string {
	if in.levels != nil {
		return in.levels[j]
	}
	return levelsOf(in.Items[j], j, &in)
}

func levelsOf(it Item, j int, in *Input) []string {
	levels := slices.Clone(it.Levels)
	if it.Kind == Binary && len(levels) == 0 {
		levels = []string{"yes", "no"}
	}
	known := map[string]bool{}
	for _, l := range levels {
		known[l] = true
	}
	counts := map[string]int{}
	if codes, texts := in.codesOf(j); codes != nil {
		n := make([]int, len(texts)+1)
		for _, code := range codes {
			n[code]++
		}
		for code, s := range texts {
			if !known[s] && n[code+1] > 0 {
				counts[s] = n[code+1]
			}
		}
	} else {
		for i := range in.Respondents {
			if v := in.value(i, j); v.OK && v.Text != "" && !known[v.Text] {
				counts[v.Text]++
			}
		}
	}
	extra := make([]string, 0, len(counts))
	for s := range counts {
		extra = append(extra, s)
	}
	sort.Slice(extra, func(a, b int) bool {
		if counts[extra[a]] != counts[extra[b]] {
			return counts[extra[a]] > counts[extra[b]]
		}
		return extra[a] < extra[b]
	})
	return append(levels, extra...)
}

// skewed reports a non-negative variable with skewness above 2 (counts,
// spend): modelled on log(1+x) so a few large values do not form their own
// "persona".
func skewed(xs []float64) bool {
	if len(xs) < 10 {
		return false
	}
	mean := 0.0
	for _, x := range xs {
		if x < 0 {
			return false
		}
		mean += x
	}
	mean /= float64(len(xs))
	m2, m3 := 0.0, 0.0
	for _, x := range xs {
		d := x - mean
		m2 += d * d
		m3 += d * d * d
	}
	m2 /= float64(len(xs))
	m3 /= float64(len(xs))
	if m2 == 0 {
		return false
	}
	return m3/math.Pow(m2, 1.5) > 2
}

// Placement is where an extra participant (e.g. an interviewee) falls.
type Placement struct {
	ID          string    `json:"id"`
	Persona     int       `json:"persona"` // persona id
	Probability float64   `json:"probability"`
	Posterior   []float64 `json:"posterior"` // by persona id - 1
	Used        []string  `json:"used"`      // attributes that informed the placement
}

// Place puts a participant with some known attributes (by item name) into
// the most probable persona under the fitted model, using only the
// attributes they have. Attributes not in the model are ignored; with none
// known, the largest persona is returned with its share as probability.
func (r *Result) Place(id string, attrs map[string]Value) (Placement, error) {
	row := make([]float64, len(r.codec))
	var used []string
	for v, c := range r.codec {
		row[v] = math.NaN()
		it := r.items[c.item]
		val, ok := attrs[it.Name]
		if !ok || !val.OK {
			continue
		}
		if c.kind == cluster.Numeric {
			x := val.Num
			if c.log {
				x = math.Log1p(x)
			}
			row[v] = x
		} else {
			code, ok := c.index[val.Text]
			if !ok {
				continue // an answer the survey never saw tells nothing
			}
			row[v] = float64(code)
		}
		used = append(used, it.Name)
	}
	post, err := r.fit.Model.PosteriorOf(row)
	if err != nil {
		return Placement{}, fmt.Errorf("personas: place %s: %w", id, err)
	}
	p := Placement{ID: id, Used: used, Posterior: make([]float64, len(post))}
	for id0, cl := range r.order {
		p.Posterior[id0] = post[cl]
	}
	best := 0
	for i, v := range p.Posterior {
		if v > p.Posterior[best] {
			best = i
		}
	}
	p.Persona, p.Probability = best+1, p.Posterior[best]
	return p, nil
}

// AddInterviewQuotes places a participant and, when the placement is
// confident (probability >= 0.5), adds their quotes to that persona's
// card (up to 5 interview quotes per persona).
func (r *Result) AddInterviewQuotes(id string, attrs map[string]Value, quotes []string) (Placement, error) {
	p, err := r.Place(id, attrs)
	if err != nil || p.Probability < 0.5 {
		return p, err
	}
	card := &r.Personas[p.Persona-1]
	for _, q := range quotes {
		n := 0
		for _, x := range card.Quotes {
			if x.Source == "interview" {
				n++
			}
		}
		if q = strings.TrimSpace(q); q == "" || n >= 5 {
			continue
		}
		card.Quotes = append(card.Quotes, Quote{ID: id, Text: q, Probability: p.Probability, Source: "interview"})
	}
	return p, nil
}

// ExpandMultiSelect turns one multiple-choice question into a Binary item
// per option (named "name: option"), and each respondent's selections
// (nil = did not answer) into yes/no values for those items.
func ExpandMultiSelect(base Item, options []string, selected [][]string) ([]Item, [][]Value) {
	items := make([]Item, len(options))
	for o, opt := range options {
		it := base
		it.Name = base.Name + ": " + opt
		it.Label = opt
		it.Kind = Binary
		it.Levels = []string{"yes", "no"}
		if base.Role == Touchpoint && it.Touchpoint == "" {
			it.Touchpoint = opt
		}
		items[o] = it
	}
	vals := make([][]Value, len(selected))
	for i, sel := range selected {
		vals[i] = make([]Value, len(options))
		if sel == nil {
			continue
		}
		for o, opt := range options {
			vals[i][o] = No
			if slices.Contains(sel, opt) {
				vals[i][o] = Yes
			}
		}
	}
	return items, vals
}
