package personas

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// answerSet is one describable answer of one item: a level, the "yes" of a
// binary item, or a tercile band of a numeric item.
type answerSet struct {
	item  int
	value string // shown value: level, or band such as "18–30"
	match func(Value) bool
	band  bool // numeric band
}

// stats counts an answer per persona.
type stats struct {
	answered, matched []int // per persona
	A, M              int   // totals
}

// named writes what the cards say from the fit and the answers alone: the
// personas' ids (by size), sizes, traits and names, and every respondent's
// assignment. painCards adds what the pain points and the texts say.
func (r *Result) named(in Input) {
	fit := r.fit
	k := fit.K
	// Personas are numbered by size, largest first.
	sizes := make([]int, k)
	for _, a := range fit.Assign {
		sizes[a]++
	}
	r.order = make([]int, k)
	for i := range r.order {
		r.order[i] = i
	}
	sort.SliceStable(r.order, func(a, b int) bool { return sizes[r.order[a]] > sizes[r.order[b]] })
	r.rank = make([]int, k)
	for id0, cl := range r.order {
		r.rank[cl] = id0
	}
	member := make([]int, len(fit.Assign)) // persona id-1 per respondent
	for i, a := range fit.Assign {
		member[i] = r.rank[a]
	}
	n := len(member)
	r.Assignments = make([]Assignment, n)
	for i, rs := range in.Respondents {
		id := rs.ID
		if id == "" {
			id = strconv.Itoa(i + 1)
		}
		r.Assignments[i] = Assignment{ID: id, Persona: member[i] + 1, Probability: fit.Posterior[i*k+fit.Assign[i]]}
	}
	r.Personas = make([]Persona, k)
	for p := range k {
		r.Personas[p] = Persona{ID: p + 1, Size: sizes[r.order[p]], Share: float64(sizes[r.order[p]]) / float64(n)}
	}

	sets := answerSets(in)
	all := make([][]Trait, k) // every tested answer, per persona
	tests := len(sets) * k
	for i, st := range count(in, member, k, sets) {
		s := sets[i]
		it := in.Items[s.item]
		for p := range k {
			t := trait(it, s.value, st, p, tests)
			t.Band, t.Profile = s.band, r.profile[s.item]
			all[p] = append(all[p], t)
		}
	}
	satisfaction := scores(in, member, k)
	for p := range k {
		card := &r.Personas[p]
		var distinct []Trait
		for _, t := range all[p] {
			if t.Significant && t.Lift > 1 && t.Share >= 0.1 && !t.Profile {
				distinct = append(distinct, t)
			}
		}
		slices.SortStableFunc(distinct, func(a, b Trait) int { return cmp.Compare(b.Share-b.RestShare, a.Share-a.RestShare) })
		card.Traits = distinct[:min(len(distinct), 8)]
		if card.Traits == nil {
			card.Traits = []Trait{}
		}
		card.Name = r.name(in, p, distinct)
		card.Profile = r.profileTraits(all[p])
		card.Demographics = modal(in, all[p], Demographic)
		card.Goals = modal(in, all[p], Goal)
		card.Touchpoints = touchpoints(in, all[p], member, p)
		card.Satisfaction = satisfaction[p]
	}
	names := make([]string, len(r.Personas))
	for p := range r.Personas {
		names[p] = r.Personas[p].Name
	}
	for p, nm := range uniqueNames(names, r.Language) {
		r.Personas[p].Name = nm
	}
	r.member, r.tests = member, tests
}

// painCards adds to the named cards the pain points each persona voices
// more than the others, with a quote each, and the persona's quotes.
func (r *Result) painCards(in Input) {
	k := r.fit.K
	painKeys, painStats := painPointStats(in, r.member, k)
	for p := range k {
		card := &r.Personas[p]
		card.PainPoints = painPoints(painKeys, painStats, p, r.tests)
		for i := range card.PainPoints {
			pp := &card.PainPoints[i]
			pp.Label = in.PainLabels[pp.Value]
			pp.Quote = r.painQuote(in, p, pp.Value)
		}
		card.Quotes = r.quotes(in, p)
	}
	r.member = nil
}

// uniqueNames numbers names that repeat: names must tell personas apart.
func uniqueNames(names []string, lang string) []string {
	seen := map[string]int{}
	for p, nm := range names {
		if seen[nm]++; seen[nm] > 1 {
			names[p] = fmt.Sprintf("%s (%s)", nm, digits(strconv.Itoa(p+1), lang))
		}
	}
	return names
}

// answerSets lists every answer to describe: levels of categorical and
// ordinal items, "yes" of binary items, tercile bands of numeric items.
func answerSets(in Input) []answerSet {
	var out []answerSet
	for j, it := range in.Items {
		switch it.Kind {
		case Numeric:
			out = append(out, bands(in, j)...)
		case Binary:
			out = append(out, answerSet{item: j, value: "yes", match: func(v Value) bool { return v.Text == "yes" }})
		case Categorical, Ordinal:
			for _, l := range in.itemLevels(j) {
				out = append(out, answerSet{item: j, value: l, match: func(v Value) bool { return v.Text == l }})
			}
		}
	}
	return out
}

// bands cuts a numeric item at its overall terciles.
func bands(in Input, j int) []answerSet {
	var xs []float64
	for i := range in.Respondents {
		if v := in.value(i, j); v.OK && !math.IsNaN(v.Num) {
			xs = append(xs, v.Num)
		}
	}
	if len(xs) == 0 {
		return nil
	}
	slices.Sort(xs)
	cuts := []float64{xs[len(xs)/3], xs[2*len(xs)/3]}
	cuts = slices.Compact(cuts)
	var out []answerSet
	lo := math.Inf(-1)
	for b := 0; b <= len(cuts); b++ {
		hi := math.Inf(1)
		if b < len(cuts) {
			hi = cuts[b]
		}
		// Shown range: the smallest and largest values in the band.
		first, last := math.NaN(), math.NaN()
		for _, x := range xs {
			if x > lo && x <= hi {
				if math.IsNaN(first) {
					first = x
				}
				last = x
			}
		}
		if !math.IsNaN(first) {
			l, h := lo, hi
			shown := num(first) + "–" + num(last)
			if num(first) == num(last) {
				shown = num(first)
			}
			out = append(out, answerSet{item: j, band: true, value: shown,
				match: func(v Value) bool { return v.Num > l && v.Num <= h }})
		}
		lo = hi
	}
	return out
}

func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// count tallies every answer set per persona, in one pass over the
// respondents per item (sets of an item are adjacent).
func count(in Input, member []int, k int, sets []answerSet) []stats {
	out := make([]stats, len(sets))
	for lo := 0; lo < len(sets); {
		hi := lo + 1
		for hi < len(sets) && sets[hi].item == sets[lo].item {
			hi++
		}
		for i := lo; i < hi; i++ {
			out[i] = stats{answered: make([]int, k), matched: make([]int, k)}
		}
		j := sets[lo].item
		// Every set of the item counts the same respondents as answered.
		answered := out[lo].answered
		if codes, texts := in.codesOf(j); codes != nil {
			// The set each distinct answer matches (sets of a
			// categorical, ordinal or binary item match one answer text).
			set := byCode(texts, func(s string) int {
				for x := lo; x < hi; x++ {
					if s != "" && sets[x].match(Text(s)) {
						return x
					}
				}
				return -1
			})
			for i, code := range codes {
				if code == 0 {
					continue
				}
				answered[member[i]]++
				if x := set[code]; x >= 0 {
					out[x].matched[member[i]]++
				}
			}
		} else {
			for i := range in.Respondents {
				v := in.value(i, j)
				if !v.OK {
					continue
				}
				answered[member[i]]++
				for s := lo; s < hi; s++ {
					if sets[s].match(v) {
						out[s].matched[member[i]]++
					}
				}
			}
		}
		for s := lo; s < hi; s++ {
			copy(out[s].answered, answered)
			for p := range k {
				out[s].A += answered[p]
				out[s].M += out[s].matched[p]
			}
		}
		lo = hi
	}
	return out
}

// trait compares persona p with the rest by a two-proportion z-test.
func trait(it Item, value string, st stats, p, tests int) Trait {
	t := Trait{Column: it.Name, Label: it.Label, Value: value, PValue: 1}
	a, m := st.answered[p], st.matched[p]
	ra, rm := st.A-a, st.M-m
	if a > 0 {
		t.Share = float64(m) / float64(a)
	}
	if ra > 0 {
		t.RestShare = float64(rm) / float64(ra)
	}
	if st.M > 0 {
		t.Overall = float64(st.M) / float64(st.A)
		t.Lift = t.Share / t.Overall
	}
	if a > 0 && ra > 0 {
		pool := float64(st.M) / float64(st.A)
		se := math.Sqrt(pool * (1 - pool) * (1/float64(a) + 1/float64(ra)))
		if se > 0 {
			z := (t.Share - t.RestShare) / se
			t.PValue = math.Erfc(math.Abs(z) / math.Sqrt2)
		}
	}
	t.Significant = t.PValue < 0.05/float64(max(tests, 1))
	return t
}

// modal returns, per item of the role, the persona's most common answer.
func modal(in Input, all []Trait, role Role) []Trait {
	best := map[string]Trait{}
	var order []string
	for _, t := range all {
		j := itemIndex(in, t.Column)
		if in.Items[j].Role != role {
			continue
		}
		b, ok := best[t.Column]
		if !ok {
			order = append(order, t.Column)
		}
		if !ok || t.Share > b.Share {
			best[t.Column] = t
		}
	}
	var out []Trait
	for _, c := range order {
		out = append(out, best[c])
	}
	return out
}

func itemIndex(in Input, name string) int {
	for j, it := range in.Items {
		if it.Name == name {
			return j
		}
	}
	return -1
}

// touchpoints lists touchpoint use: the "yes" share of binary touchpoint
// items, or each level's share of a categorical touchpoint question, with
// the persona's mean on satisfaction items about the same touchpoint.
func touchpoints(in Input, all []Trait, member []int, p int) []TouchpointUse {
	var out []TouchpointUse
	for _, t := range all {
		j := itemIndex(in, t.Column)
		it := in.Items[j]
		if it.Role != Touchpoint || it.Kind == Numeric {
			continue
		}
		tp := t.Value
		if it.Kind == Binary {
			tp = cmp.Or(it.Touchpoint, it.label())
		}
		u := TouchpointUse{Stage: it.Stage, Touchpoint: tp, Column: it.Name, Share: t.Share, Lift: t.Lift}
		if m, ok := satisfactionFor(in, member, p, tp, it.Stage); ok {
			u.Satisfaction = &m
		}
		out = append(out, u)
	}
	stageOrder := []string{Awareness, Consideration, Decision, Purchase, Use, Loyalty}
	slices.SortStableFunc(out, func(a, b TouchpointUse) int {
		ia, ib := slices.Index(stageOrder, a.Stage), slices.Index(stageOrder, b.Stage)
		if ia != ib {
			return cmp.Compare(ia, ib)
		}
		return cmp.Compare(b.Share, a.Share)
	})
	return out
}

func satisfactionFor(in Input, member []int, p int, tp, stage string) (float64, bool) {
	sum, n := 0.0, 0
	for j, it := range in.Items {
		if it.Role != Satisfaction || it.Touchpoint != tp || (stage != "" && it.Stage != "" && it.Stage != stage) {
			continue
		}
		score := scorer(in, it, j)
		for i := range in.Respondents {
			if member[i] != p {
				continue
			}
			if x, ok := score(i); ok {
				sum += x
				n++
			}
		}
	}
	if n == 0 {
		return 0, false
	}
	return sum / float64(n), true
}

// scorer returns respondent i's score on item j (see score); on a Table
// each distinct answer is scored once and respondents read their code.
func scorer(in Input, it Item, j int) func(i int) (float64, bool) {
	levels := in.itemLevels(j)
	if codes, texts := in.codesOf(j); codes != nil {
		type scored struct {
			x  float64
			ok bool
		}
		by := byCode(texts, func(s string) scored {
			x, ok := score(it, levels, Text(s))
			return scored{x, ok}
		})
		return func(i int) (float64, bool) { s := by[codes[i]]; return s.x, s.ok }
	}
	return func(i int) (float64, bool) { return score(it, levels, in.value(i, j)) }
}

func score(it Item, levels []string, v Value) (float64, bool) {
	if !v.OK {
		return 0, false
	}
	switch it.Kind {
	case Numeric:
		return v.Num, true
	case Ordinal:
		if i := slices.Index(levels, v.Text); i >= 0 {
			return float64(i + 1), true
		}
	}
	return 0, false
}

// scores gives each persona's mean on every satisfaction item, with the
// mean of everyone else: scores(...)[p] is persona p's list.
func scores(in Input, member []int, k int) [][]Score {
	out := make([][]Score, k)
	for j, it := range in.Items {
		if it.Role != Satisfaction || (it.Kind != Ordinal && it.Kind != Numeric) {
			continue
		}
		levels := in.itemLevels(j)
		score := scorer(in, it, j)
		s, n := make([]float64, k), make([]float64, k)   // members
		rs, rn := make([]float64, k), make([]float64, k) // the rest, summed in respondent order
		for i := range in.Respondents {
			x, ok := score(i)
			if !ok {
				continue
			}
			for p := range k {
				if member[i] == p {
					s[p], n[p] = s[p]+x, n[p]+1
				} else {
					rs[p], rn[p] = rs[p]+x, rn[p]+1
				}
			}
		}
		for p := range k {
			sc := Score{Column: it.Name, Label: it.Label, Stage: it.Stage, Touchpoint: it.Touchpoint}
			if n[p] > 0 {
				sc.Mean = s[p] / n[p]
			}
			if rn[p] > 0 {
				sc.RestMean = rs[p] / rn[p]
			}
			if it.Kind == Ordinal {
				sc.Max = float64(len(levels))
			}
			out[p] = append(out[p], sc)
		}
	}
	return out
}

// painPointStats counts, per pain point key (sorted), the respondents of
// each persona voicing it.
func painPointStats(in Input, member []int, k int) ([]string, []stats) {
	index := map[string]int{}
	for _, r := range in.Respondents {
		for _, pp := range r.PainPoints {
			index[pp] = 0
		}
	}
	keys := slices.Sorted(maps.Keys(index))
	out := make([]stats, len(keys))
	for i, key := range keys {
		index[key] = i
		out[i] = stats{answered: make([]int, k), matched: make([]int, k), A: len(member)}
		for _, m := range member {
			out[i].answered[m]++
		}
	}
	for i, r := range in.Respondents {
		for _, pp := range slices.Compact(slices.Sorted(slices.Values(r.PainPoints))) {
			st := &out[index[pp]]
			st.matched[member[i]]++
			st.M++
		}
	}
	return keys, out
}

// painPoints ranks the pain points persona p's members voice.
func painPoints(keys []string, st []stats, p, tests int) []Trait {
	if len(keys) == 0 {
		return nil
	}
	var out []Trait
	for i, key := range keys {
		t := trait(Item{Name: "pain_point"}, key, st[i], p, tests)
		if t.Share > 0 {
			out = append(out, t)
		}
	}
	slices.SortFunc(out, func(a, b Trait) int {
		return cmp.Or(cmp.Compare(b.Share, a.Share), strings.Compare(a.Value, b.Value))
	})
	return out[:min(len(out), 5)]
}

// quotes picks up to 3 quotes from the members most surely in the persona,
// preferring quotes of a readable length (20-400 characters).
func (r *Result) quotes(in Input, p int) []Quote {
	k := r.fit.K
	cl := r.order[p]
	type cand struct {
		i    int
		prob float64
	}
	var cs []cand
	var buf []string
	for i := range in.Respondents {
		if r.Assignments[i].Persona != p+1 {
			continue
		}
		if buf = in.quotes(i, buf); len(buf) > 0 {
			cs = append(cs, cand{i, r.fit.Posterior[i*k+cl]})
		}
	}
	slices.SortStableFunc(cs, func(a, b cand) int { return cmp.Compare(b.prob, a.prob) })
	var out []Quote
	for pass := 0; pass < 2 && len(out) < 3; pass++ {
		for _, c := range cs {
			if len(out) == 3 {
				break
			}
			buf = in.quotes(c.i, buf)
			q := bestQuote(buf)
			n := len([]rune(q))
			if q == "" || (pass == 0) != (n >= 20 && n <= 400) {
				continue
			}
			out = append(out, Quote{ID: r.Assignments[c.i].ID, Text: q, Probability: c.prob, Source: cmp.Or(in.Source, "survey")})
		}
	}
	return out
}

// painQuote is the words voicing pain point key of the persona p member
// most surely in it (a readable length preferred, as for quotes).
func (r *Result) painQuote(in Input, p int, key string) *Quote {
	k, cl := r.fit.K, r.order[p]
	var best *Quote
	bestReadable := false
	readable := func(s string) bool { n := utf8.RuneCountInString(s); return n >= 20 && n <= 400 }
	consider := func(i int, text string) {
		if r.Assignments[i].Persona != p+1 {
			return
		}
		if text = strings.TrimSpace(text); text == "" {
			return
		}
		prob := r.fit.Posterior[i*k+cl]
		if ok := readable(text); best == nil || ok && !bestReadable || ok == bestReadable && prob > best.Probability {
			best = &Quote{ID: r.Assignments[i].ID, Text: text, Probability: prob, Source: cmp.Or(in.Source, "survey")}
			bestReadable = ok
		}
	}
	if in.Words != nil {
		in.Words.PainQuotes(key, consider)
		return best
	}
	for i, rs := range in.Respondents {
		consider(i, rs.PainQuotes[key])
	}
	return best
}

// quotes are respondent i's own words (from in.Words when set), appended
// to buf[:0] when they come from in.Words.
func (in *Input) quotes(i int, buf []string) []string {
	if in.Words != nil {
		return in.Words.Quotes(i, buf[:0])
	}
	return in.Respondents[i].Quotes
}

// bestQuote prefers the longest of a respondent's answers that stays
// readable (at most 400 characters), e.g. the review over its title.
func bestQuote(qs []string) string {
	best := ""
	for _, q := range qs {
		q = strings.TrimSpace(q)
		n := len([]rune(q))
		if n <= 400 && n > len([]rune(best)) {
			best = q
		}
	}
	if best == "" && len(qs) > 0 {
		best = strings.TrimSpace(qs[0])
	}
	return best
}

// profileTraits picks, per item that did not take part in the segmentation,
// the answer most over-represented in the persona (largest share minus
// overall share), so an outcome such as the vote reads off every card
// whether or not it is significant.
func (r *Result) profileTraits(all []Trait) []Trait {
	var out []Trait
	at := map[string]int{}
	for _, t := range all {
		if !t.Profile || t.Share == 0 {
			continue
		}
		i, seen := at[t.Column]
		switch {
		case !seen:
			at[t.Column] = len(out)
			out = append(out, t)
		case t.Share-t.Overall > out[i].Share-out[i].Overall:
			out[i] = t
		}
	}
	return out
}
