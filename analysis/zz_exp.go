package analysis

import (
	"fmt"
	"math"
	"os"
	"sort"
)

// PPV selects a scratch membership rule (ppvoice experiment).
var PPV = os.Getenv("SAFAR_PPV")

type secInfo struct {
	tied    bool    // score and clauses at least the main's
	sized   bool    // the sizedMain choice
	score   float64 // score / main's score
	clauses float64 // clauses / main's clauses
	scored  int     // the text's scored clauses
	ngroups int
	top     int
	nterms  int
}

// SecRec is one secondary membership, for the trace.
type SecRec struct {
	Group, Text, Main int
	Key, MainKey      string
	Tied, Sized       bool
	Score, Clauses    float64
	Scored, NGroups   int
	Level             int
	Kept, Says        bool
	Home              int
	SizeTop, SizeG    float64
	Body              string
	Near              float64
	NTerms, HeadSaid  int
	Terms             []string
	LabelHead         string
}

// TraceHook, when set, receives every secondary membership (scratch).
var TraceHook func(SecRec)

var expVec func(*term) []float64

// nearHead is the highest cosine of ts to the head, 1 for the head or a form of it.
func nearHead2(ts []*term, head *term) float64 {
	hv := expVec(head)
	best := -1.0
	for _, t := range ts {
		if t == head {
			return 1
		}
		if sameForms(t, head) {
			return 1
		}
		if v := expVec(t); len(v) > 0 && len(hv) > 0 {
			best = max(best, dot(v, hv))
		}
	}
	return best
}

// sameForms: every word of a is a form of a word of b or the reverse.
func sameForms(a, b *term) bool {
	in := func(x, y *term) bool {
		for _, p := range x.parts {
			ok := false
			for _, q := range y.parts {
				ok = ok || p == q || formsOfOneWord(&term{key: p, parts: []string{p}}, &term{key: q, parts: []string{q}})
			}
			if !ok {
				return false
			}
		}
		return true
	}
	return len(a.parts) == len(b.parts) && in(a, b) && in(b, a)
}

func voicedOnly(states []*gstate, texts []Text, docs []*tdoc, pw *problemWords, pl *plainWords, opt PainPointOptions, pack []concept) {
	var words []tword
	var clauses []tclause
	saids := make([]labelWords, len(states))
	homeSays := map[int32]int{}
	size := make([]float64, len(states))
	for gi, gs := range states {
		for _, h := range gs.hits {
			if h.primary {
				size[gi]++
			}
		}
	}
	for gi, gs := range states {
		if len(gs.hits) == 0 {
			continue
		}
		_, saids[gi] = gs.label(gs.rankedTerms(), docs, pw, pl, opt.LabelLang, pack)
		gs.members = nil
		if saids[gi].head == nil {
			continue
		}
		for _, h := range gs.hits {
			if !h.primary {
				continue
			}
			words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
			level, _ := saids[gi].support(h, gs.termsOf(h), words, clauses)
			if level >= 3 || len(saids[gi].words) == 0 && level == 2 {
				homeSays[h.text] = 1
			} else {
				homeSays[h.text] = 0
			}
		}
	}
	prio := make([]float64, len(states))
	var order []int
	for gi, gs := range states {
		if len(gs.persons) < max(opt.MinPeople, 2) {
			continue
		}
		var sum float64
		for _, sev := range gs.persons {
			sum += sev
		}
		prio[gi] = float64(len(gs.persons)) * (0.5 + 0.5*sum/float64(len(gs.persons)))
		order = append(order, gi)
	}
	sort.SliceStable(order, func(a, b int) bool { return prio[order[a]] > prio[order[b]] })
	shown := make([]bool, len(states))
	for _, gi := range order[:min(10, len(order))] {
		shown[gi] = true
	}
	voices := func(g int, text int32) int {
		v, ok := homeSays[text]
		if !ok {
			return -1
		}
		return v
	}
	for gi, gs := range states {
		if len(gs.hits) == 0 {
			continue
		}
		said := saids[gi]
		if said.head == nil {
			continue
		}
		says := func(level int) bool { return level >= 3 || len(said.words) == 0 && level == 2 }
		var hits []ghit
		var hitTerms []*term
		uses := map[*term]int{}
		persons := map[int32]float64{}
		for _, h := range gs.hits {
			ts := gs.termsOf(h)
			keep := true
			if !h.primary && h.nterms > 0 {
				info := gs.sec[h.text]
				words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
				level, _ := said.support(h, ts, words, clauses)
				home := voices(info.top, h.text)
				near := nearHead2(ts, said.head)
				keep = rule(PPV, info, level, says(level), home, size[info.top]/size[gi], near) || PPV == "shown" && (says(level) || info.tied || !shown[info.top])
				if TraceHook != nil {
					r := SecRec{Group: gi, Text: int(h.text), Main: info.top, Key: gs.g.key, MainKey: states[info.top].g.key,
						Tied: info.tied, Sized: info.sized, Score: info.score, Clauses: info.clauses, Scored: info.scored,
						NGroups: info.ngroups, Level: level, Kept: keep, Says: says(level), Home: home, SizeTop: size[info.top], SizeG: size[gi], Body: texts[h.text].Text, Near: near, NTerms: len(ts), LabelHead: said.head.key}
					for _, t := range ts {
						r.Terms = append(r.Terms, t.key)
						if t == said.head {
							r.HeadSaid++
						}
					}
					TraceHook(r)
				}
			}
			if !keep {
				if os.Getenv("SAFAR_PPV_DUMP") != "" {
					info := gs.sec[h.text]
					fmt.Fprintf(os.Stderr, "DROP\t%s\t%s\tsized=%v\t%q\n", gs.g.key, states[info.top].g.key, info.sized, texts[h.text].Text)
				}
				continue
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
			p := gs.personOf[h.text]
			if v, ok := persons[p]; !ok || sev > v {
				persons[p] = sev
			}
		}
		gs.hits, gs.hitTerms, gs.uses, gs.persons, gs.members = hits, hitTerms, uses, persons, nil
	}
}

// rule decides whether a secondary member stays (scratch variants).
func rule(v string, in secInfo, level int, says bool, home int, ratio, near float64) bool {
	switch v {
	case "trace":
		return true
	case "shown":
		return false
	case "voicedtie":
		return says || in.tied
	case "voicedsized":
		return says || in.tied || in.sized
	case "lvl1sized":
		return level >= 1 || in.tied || in.sized
	case "headsized":
		return level >= 2 || in.tied || in.sized
	case "near8":
		return level >= 2 || near >= synonymSimilarity || in.tied || in.sized
	case "near5":
		return level >= 2 || near >= 0.5 || in.tied || in.sized
	case "forms":
		return level >= 2 || near >= 1 || in.tied || in.sized
	case "home":
		return says || in.tied || home != 1
	case "homesized":
		return says || in.tied || in.sized && home != 1
	case "sizedonly":
		return says || in.sized
	}
	return true
}
