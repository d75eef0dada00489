package evaluate

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/safarhq/safar/analysis"
)

type runOut struct {
	first []string // key of first top-10 pain point, "" none
	rank  map[string]int
	recs  []analysis.SecRec
}

func traceRun(s *Set, v string) runOut {
	analysis.PPV = v
	var recs []analysis.SecRec
	analysis.TraceHook = func(r analysis.SecRec) { recs = append(recs, r) }
	res := analysis.FindPainPoints(s.Texts, analysis.PainPointOptions{})
	analysis.TraceHook, analysis.PPV = nil, ""
	index := map[string][]int{}
	for i, t := range s.Texts {
		index[t.ID] = append(index[t.ID], i)
	}
	out := runOut{first: make([]string, len(s.Texts)), rank: map[string]int{}, recs: recs}
	for g, p := range res.PainPoints {
		out.rank[p.Key] = g + 1
		if g >= TopN {
			continue
		}
		for _, id := range p.Members {
			for _, i := range index[id] {
				if out.first[i] == "" {
					out.first[i] = p.Key
				}
			}
		}
	}
	return out
}

// lift of label l among the texts whose first group is k.
func liftOf(first []string, prim []string, k, l string) float64 {
	n, in, both, base := 0, 0, 0, 0
	for i := range first {
		n++
		if prim[i] == l {
			base++
		}
		if first[i] == k {
			in++
			if prim[i] == l {
				both++
			}
		}
	}
	if in == 0 || base == 0 {
		return 0
	}
	return float64(both) / float64(in) / (float64(base) / float64(n))
}

func TestZZTraceVoiced(t *testing.T) {
	dir := DataDir()
	set := os.Getenv("ZZSET")
	if dir == "" || set == "" {
		t.Skip()
	}
	s, err := Load(dir, set)
	if err != nil {
		t.Fatal(err)
	}
	v := os.Getenv("ZZRULE")
	if v == "" {
		v = "voicedtie"
	}
	prim := PrimaryLabels(s.Labels)
	a := traceRun(s, "trace")
	b := traceRun(s, v)
	type row struct {
		r        analysis.SecRec
		decides  bool
		credited int // 1 credited, -1 harmed, 0 neutral
		lo, ln   float64
	}
	var rows []row
	for _, r := range a.recs {
		dropped := false
		// was it dropped in b? find same rec in b
		_ = dropped
		rows = append(rows, row{r: r})
	}
	kept := map[[2]int]bool{}
	for _, r := range b.recs {
		if r.Kept {
			kept[[2]int{r.Group, r.Text}] = true
		}
	}
	stats := map[string][]row{}
	for i := range rows {
		r := rows[i].r
		if kept[[2]int{r.Group, r.Text}] {
			stats["kept"] = append(stats["kept"], rows[i])
			continue
		}
		if a.first[r.Text] != r.Key {
			stats["dropped-notfirst"] = append(stats["dropped-notfirst"], rows[i])
			continue
		}
		l := prim[r.Text]
		lo := liftOf(a.first, prim, r.Key, l)
		ln := liftOf(b.first, prim, b.first[r.Text], l)
		rows[i].lo, rows[i].ln = lo, ln
		switch {
		case lo > ln+0.05:
			stats["dropped-credited"] = append(stats["dropped-credited"], rows[i])
		case ln > lo+0.05:
			stats["dropped-harmful"] = append(stats["dropped-harmful"], rows[i])
		default:
			stats["dropped-neutral"] = append(stats["dropped-neutral"], rows[i])
		}
	}
	droppedFirst := map[int]bool{}
	for _, n := range []string{"dropped-credited", "dropped-neutral", "dropped-harmful"} {
		for _, x := range stats[n] {
			droppedFirst[x.r.Text] = true
		}
	}
	moved := map[string]int{}
	var mc, mh int
	for i := range a.first {
		if a.first[i] != b.first[i] && !droppedFirst[i] {
			moved[a.first[i]+">"+b.first[i]]++
			lo, ln := liftOf(a.first, prim, a.first[i], prim[i]), liftOf(b.first, prim, b.first[i], prim[i])
			if lo > ln+0.05 {
				mc++
			} else if ln > lo+0.05 {
				mh++
			}
		}
	}
	fmt.Printf("first group changed without a drop: %v (lift fell %d, rose %d)\n", moved, mc, mh)
	names := []string{"kept", "dropped-notfirst", "dropped-credited", "dropped-neutral", "dropped-harmful"}
	fmt.Printf("set %s rule %s: secondary memberships %d\n", set, v, len(rows))
	for _, n := range names {
		rs := stats[n]
		if len(rs) == 0 {
			fmt.Printf("%-18s 0\n", n)
			continue
		}
		var sc, cl, scored, nterms, head, sized, lvl1, mainTop, mainNone, short, words float64
		for _, x := range rs {
			sc += x.r.Score
			cl += x.r.Clauses
			scored += float64(x.r.Scored)
			nterms += float64(x.r.NTerms)
			if x.r.HeadSaid > 0 {
				head++
			}
			if x.r.Sized {
				sized++
			}
			if x.r.Level >= 1 {
				lvl1++
			}
			if rk := a.rank[x.r.MainKey]; rk > 0 && rk <= TopN {
				mainTop++
			} else if rk == 0 {
				mainNone++
			}
			if x.r.Scored <= 1 {
				short++
			}
			words += float64(len(strings.Fields(s.Texts[x.r.Text].Text)))
		}
		k := float64(len(rs))
		fmt.Printf("%-18s %4d score %.2f clauses %.2f scored %.1f nterms %.2f head %.2f lvl>=1 %.2f sized %.2f mainTop10 %.2f mainNoPP %.2f 1clause %.2f words %.0f\n",
			n, len(rs), sc/k, cl/k, scored/k, nterms/k, head/k, lvl1/k, sized/k, mainTop/k, mainNone/k, short/k, words/k)
	}
	if os.Getenv("ZZSHOW") != "" {
		for _, n := range []string{"dropped-credited", "dropped-harmful", "dropped-notfirst", "kept"} {
			rs := stats[n]
			sort.Slice(rs, func(i, j int) bool { return rs[i].r.Key < rs[j].r.Key })
			for _, x := range rs {
				txt := s.Texts[x.r.Text].Text
				if len(txt) > 160 {
					txt = txt[:160]
				}
				fmt.Printf("%s ratio %.3f home %d g=%s(#%d) main=%s(#%d) lab=%s lift %.2f->%.2f (%s) sc %.2f cl %.2f scored %d lvl %d terms %v head %s | %q\n",
					n, x.r.SizeTop/x.r.SizeG, x.r.Home, x.r.Key, a.rank[x.r.Key], x.r.MainKey, a.rank[x.r.MainKey], prim[x.r.Text], x.lo, x.ln, b.first[x.r.Text],
					x.r.Score, x.r.Clauses, x.r.Scored, x.r.Level, x.r.Terms, x.r.LabelHead, txt)
			}
		}
	}
}
