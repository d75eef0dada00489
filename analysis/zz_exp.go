package analysis

import (
	"math"
	"os"
)

var ppv = os.Getenv("SAFAR_PPV")

var voicedN = map[*gstate]int{}

var tiedHit = map[[2]int32]bool{}

// voicedOnly drops the secondary members that do not say their group's
// label (experiment).
func voicedOnly(states []*gstate, texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, opt PainPointOptions, pack []concept) {
	var words []tword
	var clauses []tclause
	pnum := map[string]int32{}
	for i, t := range texts {
		if _, ok := pnum[personOf(t, i)]; !ok {
			pnum[personOf(t, i)] = int32(len(pnum))
		}
	}
	for gi, gs := range states {
		if len(gs.hits) == 0 {
			continue
		}
		_, said := gs.label(gs.rankedTerms(), docs, pw, pl, opt.LabelLang, pack)
		if said.head == nil {
			continue
		}
		says := func(level int) bool { return level >= 3 || len(said.words) == 0 && level == 2 }
		if ppv == "rankmain" {
			n := 0
			for _, h := range gs.hits {
				if h.primary || h.nterms == 0 {
					n++
					continue
				}
				words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
				if level, _ := said.support(h, gs.termsOf(h), words, clauses); says(level) {
					n++
				}
			}
			voicedN[gs] = n
			continue
		}
		var hits []ghit
		var hitTerms []*term
		uses := map[*term]int{}
		persons := map[int32]float64{}
		for _, h := range gs.hits {
			ts := gs.termsOf(h)
			tied := tiedHit[[2]int32{int32(gi), h.text}]
			if ppv == "tieonly" && !h.primary && h.nterms > 0 && !tied {
				continue
			}
			if ppv != "tieonly" && !h.primary && h.nterms > 0 && !(ppv == "voicedtie" && tied) {
				words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
				level, _ := said.support(h, ts, words, clauses)
				if ppv == "vhead" || ppv == "vheadtie" {
					if level < 2 && !(ppv == "vheadtie" && tiedHit[[2]int32{int32(gi), h.text}]) {
						continue
					}
				} else if !says(level) {
					continue
				}
			}
			nh := h
			nh.termsAt = int32(len(hitTerms))
			hitTerms = append(hitTerms, ts...)
			hits = append(hits, nh)
			for _, t := range ts {
				uses[t]++
			}
			sev := float64(h.intensity)
			if sat := satisfactionOf(texts[h.text]); !math.IsNaN(sat) && sat >= 0 && sat <= 1 {
				sev = 0.5*sev + 0.5*(1-sat)
			}
			p := pnum[personOf(texts[h.text], int(h.text))]
			if v, ok := persons[p]; !ok || sev > v {
				persons[p] = sev
			}
		}
		gs.hits, gs.hitTerms, gs.uses, gs.persons = hits, hitTerms, uses, persons
	}
}

// ownClause reports whether the last scored text says group g in a clause
// where group main is not said.
func (sc *scorer) ownClause(g, main int) bool {
	for gc := range sc.inClause {
		if gc[0] == int32(g) && !sc.inClause[[2]int32{int32(main), gc[1]}] {
			return true
		}
	}
	return false
}
