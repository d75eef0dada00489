package analysis

import (
	"math/rand/v2"
	"sort"
)

const (
	// concernMinClauses: a text shows whether it voices one concern or
	// several only when it uses the groups' terms in this many clauses.
	concernMinClauses = 3
	// concernShare: a corpus voices one concern per text when at least
	// this share of its long texts give their main group more of their
	// clauses than chance would (session 10, round 27: measured, not a
	// rule with a reason beyond the development sets).
	concernShare = 0.9
	// concernDraws: chance is drawn this many times per text.
	concernDraws = 20
)

// oneConcernCorpus reports whether the corpus's texts each voice one
// concern, with any other named in passing (complaint letters), rather
// than several (reviews that go through every aspect). For every text
// with concernMinClauses scored clauses or more, its main group's share of its
// scored clauses is set against chance: the largest share any group takes
// when the same number of clauses are spread over the groups in
// proportion to the clauses the whole corpus gives them (drawn
// concernDraws times with a fixed seed). The corpus is one of one concern
// when at least concernShare of those texts beat chance, and there are at
// least minDomainTexts of them.
func oneConcernCorpus(docs []*tdoc, groups []*tgroup) bool {
	if len(groups) < 2 {
		return false
	}
	sc := newScorer(groups)
	type long struct {
		n, main int
	}
	var texts []long
	size := make([]float64, len(groups))
	for _, d := range docs {
		scores := sc.score(d)
		if len(scores) == 0 {
			continue
		}
		top := 0
		for j := range scores {
			if scores[j].score > scores[top].score || scores[j].score == scores[top].score && scores[j].g < scores[top].g {
				top = j
			}
			size[scores[j].g] += float64(scores[j].clauses)
		}
		if sc.nscored >= concernMinClauses {
			texts = append(texts, long{n: sc.nscored, main: scores[top].clauses})
		}
	}
	if len(texts) < minDomainTexts {
		return false
	}
	cum := make([]float64, len(size))
	all := 0.0
	for g, s := range size {
		all += s
		cum[g] = all
	}
	rng := rand.New(rand.NewPCG(1, 3))
	draw := make([]int, len(size))
	above := 0
	for _, t := range texts {
		chance := 0.0
		for range concernDraws {
			clear(draw)
			most := 0
			for range t.n {
				g := min(sort.SearchFloat64s(cum, rng.Float64()*all), len(draw)-1)
				draw[g]++
				most = max(most, draw[g])
			}
			chance += float64(most) / concernDraws
		}
		if float64(t.main) > chance {
			above++
		}
	}
	return float64(above) >= concernShare*float64(len(texts))
}
