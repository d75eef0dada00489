package evaluate

import (
	"context"
	"math"
	"time"

	"github.com/safarhq/safar/analysis"
)

// TopN is how many pain points (or topics) are scored: issue #14's "top 10".
const TopN = 10

// Options configure Run. One set of engine options serves every corpus:
// the engine gets analysis.PainPointOptions{} (its defaults), never a
// per-set setting.
type Options struct {
	Stopwords map[string]bool // the peers' stopwords (see LoadStopwords)
}

// PeerSeeds are the random seeds each peer runs with: results move with
// the seed alone, so a method is judged on several.
var PeerSeeds = []uint64{1, 2, 3}

// Score is one method's outcome on one set (for a peer, one seed).
type Score struct {
	Seed        uint64     `json:"seed,omitempty"`
	Found       int        `json:"found"`
	FoundLabels []string   `json:"found_labels"`
	NMI         float64    `json:"nmi"`
	ARI         float64    `json:"ari"`
	FoundAll    int        `json:"found_all"` // labels found by any group, not only the top 10
	Placed      float64    `json:"placed"`    // share of texts in one of the top 10
	Groups      int        `json:"groups"`    // pain points reported in all (topics: k)
	PlacedAll   float64    `json:"placed_all"`
	Seconds     float64    `json:"seconds"`
	Hits        []LabelHit `json:"hits,omitempty"`
	Top         []Group    `json:"top"`
}

// Range summarises a number over runs.
type Range struct {
	Mean float64 `json:"mean"`
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
}

// MethodReport is one method on one set over all its runs.
type MethodReport struct {
	Method  string  `json:"method"`
	Runs    []Score `json:"runs"`
	Found   Range   `json:"found"`
	NMI     Range   `json:"nmi"`
	ARI     Range   `json:"ari"`
	Placed  Range   `json:"placed"`
	Seconds Range   `json:"seconds"`
}

// LabelCount is one label and the number of texts carrying it.
type LabelCount struct {
	Label string `json:"label"`
	Texts int    `json:"texts"`
}

// SetReport is the evaluation of one set.
type SetReport struct {
	Set      string         `json:"set"`
	About    string         `json:"about"`
	Texts    int            `json:"texts"`
	Labels   []LabelCount   `json:"labels,omitempty"` // empty for an unlabelled set
	Methods  []MethodReport `json:"methods"`          // safar, nmf, lda
	Labelled bool           `json:"labelled"`
	// Segmentation scores the engine's conversation segments against the
	// labels read as segments (a turn's first label; a new segment where
	// it or the thread changes), for a labelled set of threads.
	Segmentation *Segmentation `json:"segmentation,omitempty"`
}

// Segmentation is how the engine's TextTiling segments (analysis.Segments)
// match the gold segments: counts, Pk and WindowDiff (0 is perfect; NoCut
// is Pk of one segment per conversation, the floor a segmenter must beat)
// and purity (the share of texts in their segment's commonest gold one).
type Segmentation struct {
	Segments   int     `json:"segments"`
	Gold       int     `json:"gold"`
	K          int     `json:"k"`
	Pk         float64 `json:"pk"`
	WindowDiff float64 `json:"window_diff"`
	NoCut      float64 `json:"no_cut_pk"`
	Purity     float64 `json:"purity"`
}

// segmentation scores analysis.Segments on a labelled set of threads; nil
// for any other set.
func segmentation(s *Set) *Segmentation {
	if !s.Labelled() || len(s.Texts) == 0 || s.Texts[0].Thread == "" {
		return nil
	}
	hyp32 := analysis.Segments(s.Texts)
	if hyp32 == nil {
		return nil
	}
	ref, hyp, one := make([]int, len(s.Texts)), make([]int, len(s.Texts)), make([]int, len(s.Texts))
	first := func(i int) string {
		if len(s.Labels[i]) == 0 {
			return ""
		}
		return s.Labels[i][0]
	}
	for i, t := range s.Texts {
		hyp[i] = int(hyp32[i])
		if i > 0 {
			ref[i], one[i] = ref[i-1], one[i-1]
			if t.Thread != s.Texts[i-1].Thread {
				ref[i]++
				one[i]++
			} else if first(i) != first(i-1) {
				ref[i]++
			}
		}
	}
	out := &Segmentation{Segments: len(distinct(hyp)), Gold: len(distinct(ref))}
	out.Pk, out.WindowDiff, out.K = Pk(ref, hyp)
	out.NoCut, _, _ = Pk(ref, one)
	major := map[int]map[int]int{}
	for i := range hyp {
		if major[hyp[i]] == nil {
			major[hyp[i]] = map[int]int{}
		}
		major[hyp[i]][ref[i]]++
	}
	pure := 0
	for _, m := range major {
		b := 0
		for _, c := range m {
			b = max(b, c)
		}
		pure += b
	}
	out.Purity = float64(pure) / float64(len(hyp))
	return out
}

func distinct(xs []int) map[int]bool {
	out := map[int]bool{}
	for _, x := range xs {
		out[x] = true
	}
	return out
}

// RunSets loads each named set from the data folder dir and evaluates it,
// the peers with the generic stopwords found there.
func RunSets(ctx context.Context, dir string, names []string) ([]SetReport, error) {
	opt := Options{Stopwords: LoadStopwords(dir)}
	var reps []SetReport
	for _, name := range names {
		s, err := Load(dir, name)
		if err != nil {
			return nil, err
		}
		rep, err := Run(ctx, s, opt)
		if err != nil {
			return nil, err
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// Run evaluates the engine and the peers on one set.
func Run(ctx context.Context, s *Set, opt Options) (SetReport, error) {
	rep := SetReport{Set: s.Name, About: s.About, Texts: len(s.Texts), Labelled: s.Labelled()}
	if s.Labelled() {
		for _, h := range FoundLabels(nil, s.Labels) {
			rep.Labels = append(rep.Labels, LabelCount{h.Label, h.Texts})
		}
	}
	rep.Segmentation = segmentation(s)
	start := time.Now()
	res := analysis.FindPainPoints(s.Texts, analysis.PainPointOptions{})
	safar := scoreSafar(s, res, time.Since(start))
	rep.Methods = append(rep.Methods, summarise("safar", []Score{safar}))

	raw := make([]string, len(s.Texts))
	for i, t := range s.Texts {
		raw[i] = t.Text
	}
	peers := []struct {
		name string
		fit  func(*Corpus, int, uint64) []Group
	}{{"nmf", NMF}, {"lda", LDA}}
	for _, p := range peers {
		var runs []Score
		for _, seed := range PeerSeeds {
			if err := ctx.Err(); err != nil {
				return rep, err
			}
			start := time.Now()
			groups := p.fit(NewCorpus(raw, CorpusOptions{Stopwords: opt.Stopwords}), peerTopics, seed)
			sc := score(s, groups, len(groups), time.Since(start))
			sc.Seed = seed
			runs = append(runs, sc)
		}
		rep.Methods = append(rep.Methods, summarise(p.name, runs))
	}
	return rep, nil
}

// scoreSafar turns the engine's pain points into groups of text indices.
func scoreSafar(s *Set, res analysis.PainPointResult, took time.Duration) Score {
	index := map[string][]int{}
	for i, t := range s.Texts {
		index[t.ID] = append(index[t.ID], i)
	}
	groups := make([]Group, len(res.PainPoints))
	for g, p := range res.PainPoints {
		seen := map[int]bool{}
		for _, id := range p.Members {
			for _, i := range index[id] {
				if !seen[i] {
					seen[i] = true
					groups[g].Members = append(groups[g].Members, i)
				}
			}
		}
		groups[g].Label = p.Label
		groups[g].Size = len(groups[g].Members)
		groups[g].Said = p.LabelTexts
		groups[g].Quotes = p.Examples[:min(2, len(p.Examples))]
		for i := range groups[g].Quotes {
			if i < len(p.ExamplesSay) && p.ExamplesSay[i] {
				groups[g].QuotesSay++
			}
		}
	}
	return score(s, groups, len(groups), took)
}

// score measures the first TopN groups against the set's labels.
func score(s *Set, groups []Group, total int, took time.Duration) Score {
	top := groups[:min(TopN, len(groups))]
	members := make([][]int, len(top))
	for g := range top {
		members[g] = top[g].Members
	}
	n := len(s.Texts)
	sc := Score{Groups: total, Seconds: took.Seconds(), Top: top,
		Placed: placedShare(FirstGroup(members, n)), FoundLabels: []string{}}
	all := make([][]int, len(groups))
	for g := range groups {
		all[g] = groups[g].Members
	}
	sc.PlacedAll = placedShare(FirstGroup(all, n))
	if !s.Labelled() {
		return sc
	}
	sc.Hits = FoundLabels(members, s.Labels)
	for _, h := range sc.Hits {
		if h.Found {
			sc.Found++
			sc.FoundLabels = append(sc.FoundLabels, h.Label)
		}
	}
	for _, h := range FoundLabels(all, s.Labels) {
		if h.Found {
			sc.FoundAll++
		}
	}
	sc.NMI, sc.ARI = Agreement(FirstGroup(members, n), PrimaryLabels(s.Labels))
	return sc
}

func placedShare(first []int) float64 {
	if len(first) == 0 {
		return 0
	}
	k := 0
	for _, g := range first {
		if g >= 0 {
			k++
		}
	}
	return float64(k) / float64(len(first))
}

func summarise(method string, runs []Score) MethodReport {
	m := MethodReport{Method: method, Runs: runs}
	pick := []struct {
		r *Range
		f func(Score) float64
	}{
		{&m.Found, func(s Score) float64 { return float64(s.Found) }},
		{&m.NMI, func(s Score) float64 { return s.NMI }},
		{&m.ARI, func(s Score) float64 { return s.ARI }},
		{&m.Placed, func(s Score) float64 { return s.Placed }},
		{&m.Seconds, func(s Score) float64 { return s.Seconds }},
	}
	for _, p := range pick {
		p.r.Min, p.r.Max = math.Inf(1), math.Inf(-1)
		for _, s := range runs {
			v := p.f(s)
			p.r.Mean += v / float64(len(runs))
			p.r.Min = min(p.r.Min, v)
			p.r.Max = max(p.r.Max, v)
		}
	}
	return m
}
