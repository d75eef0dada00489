package analysis

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/safarhq/safar/internal/csvtable"
)

func traceLoad(t *testing.T, set string) ([]Text, [][]string) {
	var texts []Text
	var labels [][]string
	switch set {
	case "clothing":
		tb, err := csvtable.ReadFile("/work/shared/data/surveys/womens_clothing_reviews.csv")
		if err != nil {
			t.Fatal(err)
		}
		c := func(n string) int { i, _ := tb.Col(n); return i }
		for i := range tb.Rows {
			r, err := strconv.Atoi(tb.Value(i, c("Rating")))
			body := strings.TrimSpace(tb.Value(i, c("Review Text")))
			if err != nil || r > 2 || body == "" {
				continue
			}
			if ti := strings.TrimSpace(tb.Value(i, c("Title"))); ti != "" {
				body = ti + ". " + body
			}
			texts = append(texts, Text{ID: tb.Value(i, c("row_id")), Text: body, Satisfaction: Score(float64(r-1) / 4)})
			labels = append(labels, []string{tb.Value(i, c("Department Name"))})
		}
	default:
		f := map[string]string{"mams": "mams_restaurants_negative.csv", "steam": "steam_games_not_recommended.csv"}[set]
		tb, err := csvtable.ReadFile("/work/shared/data/feedback/" + f)
		if err != nil {
			t.Fatal(err)
		}
		c := func(n string) int { i, _ := tb.Col(n); return i }
		for i := range tb.Rows {
			texts = append(texts, Text{ID: tb.Value(i, c("id")), Text: tb.Value(i, c("text"))})
			labels = append(labels, strings.Split(tb.Value(i, c("label")), "|"))
		}
	}
	return texts, labels
}

func TestZZTrace(t *testing.T) {
	set := os.Getenv("TRACE_SET")
	if set == "" {
		t.Skip()
	}
	texts, labels := traceLoad(t, set)
	opt := PainPointOptions{MinPeople: 2, Examples: 3}
	docs, distinct, _ := analyseAll(context.Background(), texts, ignoreSet(texts, opt))
	st := countTerms(docs, conversations(texts))
	ms := minSupport(len(texts), 2)
	terms := st.selectTerms(ms)
	if splitSenses(docs, terms, ms) > 0 {
		st = countTerms(docs, conversations(texts))
		terms = st.selectAgain(terms, ms)
	}
	st.orderShows(terms)
	wv := trainVectors(distinct, termWords(terms))
	groups := clusterTerms(terms, docs, wv, st, nil)
	groups = splitGroups(groups, docs, ms)
	states := assign(texts, docs, groups, st.cv)
	pw := countProblemWords(docs)
	pl := newPlainWords(docs)
	res := FindPainPoints(texts, opt)
	byKey := map[string]*gstate{}
	for _, gs := range states {
		byKey[gs.g.key] = gs
	}
	// term ownership: texts using the term (scored), and those whose top group holds it
	termGroup := map[string]int{}
	termOf := map[string]*term{}
	for gi, g := range groups {
		for _, tm := range g.terms {
			termGroup[tm.key], termOf[tm.key] = gi, tm
		}
	}
	sc := &scorer{termGroup: termGroup, termOf: termOf, inPair: map[int]bool{}, inClause: map[[2]int32]bool{}}
	using, owned := map[*term]int{}, map[*term]int{}
	for _, d := range docs {
		scores := sc.score(d)
		if len(scores) == 0 {
			continue
		}
		top := topScore(scores)
		for j, s := range scores {
			for _, tm := range s.terms {
				using[tm]++
				if j == top {
					owned[tm]++
				}
			}
		}
	}
	for r, pp := range res.PainPoints[:10] {
		gs := byKey[pp.Key]
		gs.painPoint(texts, docs, pw, pl, 1, opt, nil)
		said := gs.said
		fmt.Printf("\n#%d %q texts %d say %d terms:", r+1, pp.Label, pp.Texts, pp.LabelTexts)
		for _, tm := range gs.rankedTerms() {
			fmt.Printf(" %s:%d(%.2f)", tm.key, gs.uses[tm], float64(owned[tm])/float64(using[tm]))
		}
		fmt.Println()
		{
			var words []tword
			var clauses []tclause
			tie, tieSay, non, nonSay := 0, 0, 0, 0
			only := map[string]int{}
			gi := -1
			for i, g := range states {
				if g == gs {
					gi = i
				}
			}
			for _, h := range gs.hits {
				if h.primary {
					continue
				}
				words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
				level, _ := said.support(h, gs.termsOf(h), words, clauses)
				says := level >= 3 || len(said.words) == 0 && level == 2
				if tiedHit[[2]int32{int32(gi), h.text}] {
					tie++
					if says {
						tieSay++
					}
				} else {
					non++
					if says {
						nonSay++
					}
				}
				if !says {
					k := ""
					for _, tm := range gs.termsOf(h) {
						k += tm.key + "+"
					}
					only[k]++
				}
			}
			fmt.Printf("   secondary: tied %d (say %d), under main %d (say %d); non-sayers by terms:", tie, tieSay, non, nonSay)
			for k, v := range only {
				if v >= 8 {
					fmt.Printf(" %s%d", k, v)
				}
			}
			fmt.Println()
		}
		// per member: primary, max clause weight of the group's term uses, says label
		type row struct{ prim, compl, says bool }
		cnt := map[string]int{}
		lab := map[string]map[string]int{}
		var words []tword
		var clauses []tclause
		for _, h := range gs.hits {
			words, clauses = docs[h.text].decode(words), docs[h.text].decodeClauses(clauses)
			level, _ := said.support(h, gs.termsOf(h), words, clauses)
			says := level >= 3 || len(said.words) == 0 && level == 2
			inGroup := map[string]bool{}
			for _, tm := range gs.termsOf(h) {
				for _, p := range tm.parts {
					inGroup[p] = true
				}
				inGroup[tm.key] = true
			}
			maxw := float32(0)
			for _, w := range words {
				if inGroup[w.key] && clauses[w.clause].weight > maxw {
					maxw = clauses[w.clause].weight
				}
			}
			k := fmt.Sprintf("prim=%v compl=%v says=%v", h.primary, maxw == 1, says)
			cnt[k]++
			if lab[k] == nil {
				lab[k] = map[string]int{}
			}
			lab[k][labels[h.text][0]]++
		}
		keys := make([]string, 0, len(cnt))
		for k := range cnt {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Printf("   %s: %d %v\n", k, cnt[k], lab[k])
		}
	}
}
