package personas

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/personas/synth"
)

// synthInput codes a synthetic sample as Input (no roles: as from a CSV).
func synthInput(s synth.Spec, d *synth.Data) Input {
	var in Input
	for _, it := range s.Items {
		x := Item{Name: it.Name, Levels: it.Levels, Kind: Categorical}
		switch it.Kind {
		case synth.Numeric:
			x.Kind = Numeric
		case synth.Ordinal:
			x.Kind = Ordinal
		}
		in.Items = append(in.Items, x)
	}
	for i, row := range d.Rows {
		r := Respondent{ID: fmt.Sprint(i + 1)}
		for _, v := range row {
			switch x := v.(type) {
			case string:
				r.Values = append(r.Values, Text(x))
			case float64:
				r.Values = append(r.Values, Number(x))
			default:
				r.Values = append(r.Values, Value{})
			}
		}
		in.Respondents = append(in.Respondents, r)
	}
	return in
}

// traitBattery is n answers to a battery of items driven by one
// continuous attitude (plus noise), cut into levels: the case where BIC
// keeps adding classes that slice the attitude ever finer, as on the
// 12-item election battery of issue 15.
func traitBattery(n, items, levels int, seed uint64) Input {
	rng := rand.New(rand.NewPCG(seed, 1))
	var in Input
	for j := range items {
		it := Item{Name: fmt.Sprintf("Q%d", j+1), Kind: Ordinal}
		for l := range levels {
			it.Levels = append(it.Levels, fmt.Sprint(l+1))
		}
		in.Items = append(in.Items, it)
	}
	for i := range n {
		th := rng.NormFloat64()
		r := Respondent{ID: fmt.Sprint(i + 1)}
		for j := range items {
			x := th*1.5 + rng.NormFloat64() + float64(j%3-1)*0.3
			l := max(0, min(levels-1, int(math.Floor((x+2)/4*float64(levels)))))
			r.Values = append(r.Values, Text(fmt.Sprint(l+1)))
		}
		in.Respondents = append(in.Respondents, r)
	}
	return in
}

// TestEvalAutoK measures the automatic k on the evaluation surveys and the
// synthetic personas: k chosen, stability, ARI against known groups where
// the data have them, and the same for a k-means + silhouette peer on the
// same items. It prints the table in docs/personas.md
// (go test ./personas -run EvalAutoK -v; skips without the shared data
// for the real sets).
func TestEvalAutoK(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluation: slow")
	}
	type set struct {
		name    string
		in      Input
		exclude []string
		truth   []int // known groups, nil when none
	}
	var sets []set
	for _, tc := range []struct {
		items, k int
		noise    float64
		n        int
	}{{30, 4, 0.2, 2000}, {24, 3, 0.25, 1500}, {20, 5, 0.15, 3000}} {
		s := synth.Random(tc.items, tc.k, 0.5, uint64(tc.k*100+tc.items))
		s.Noise = tc.noise
		d, err := s.Sample(tc.n)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set{name: fmt.Sprintf("synth %d items, k=%d, n=%d", tc.items, tc.k, tc.n), in: synthInput(s, d), truth: d.Class})
	}
	sets = append(sets, set{name: "one-trait battery (12 items, 4 levels, no groups)", in: traitBattery(1800, 12, 4, 1)})
	if d, err := synth.Example().Sample(2000); err == nil {
		sets = append(sets, set{name: "synth Example (k=4, overlapping)", in: synthInput(synth.Example(), d), truth: d.Class})
	}
	if base := evalBase(); base != "" {
		for _, f := range []struct{ file, group string }{
			{"mass_survey.csv", "Sex"}, {"bfi.csv", "gender"}, {"polca_carcinoma.csv", ""},
			{"polca_cheating.csv", ""}, {"polca_gss82.csv", ""}, {"polca_values.csv", ""},
		} {
			fh, err := os.Open(filepath.Join(base, "surveys", f.file))
			if err != nil {
				continue
			}
			recs, err := csv.NewReader(fh).ReadAll()
			fh.Close()
			if err != nil {
				t.Fatal(err)
			}
			opt := CSVOptions{}
			if f.group != "" {
				opt.Exclude = []string{f.group}
			}
			in, infos, err := InferCSV(recs[0], recs[1:], opt)
			if err != nil {
				t.Fatal(err)
			}
			var truth []int
			if g := slices.Index(recs[0], f.group); g >= 0 {
				codes := map[string]int{}
				for _, r := range recs[1:] {
					if _, ok := codes[r[g]]; !ok {
						codes[r[g]] = len(codes)
					}
					truth = append(truth, codes[r[g]])
				}
			}
			sets = append(sets, set{name: f.file, in: in, exclude: ProfileColumns(infos), truth: truth})
		}
	}
	t.Log("| data | n | k chosen (BIC-best k) | stability (verdict) | ARI vs known groups | k-means k (silhouette) | k-means ARI vs known | ARI LCA vs k-means | time |")
	t.Log("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
	for _, s := range sets {
		start := time.Now()
		res, err := Build(context.Background(), s.in, Options{Seed: 1, Exclude: s.exclude})
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		took := time.Since(start)
		best := 0
		for i, c := range res.Quality.Candidates {
			if c.OK && (best == 0 || c.BIC < res.Quality.Candidates[best-1].BIC) {
				best = i + 1
			}
		}
		lca := make([]int, len(res.Assignments))
		for i, a := range res.Assignments {
			lca[i] = a.Persona
		}
		x := peerMatrix(s.in, res.Quality.Items)
		km, kmLab, sil := kmeansPeer(x, 1)
		ari, kmARI := "–", "–"
		if s.truth != nil {
			ari = fmt.Sprintf("%.3f", cluster.ARI(s.truth, lca))
			kmARI = fmt.Sprintf("%.3f", cluster.ARI(s.truth, kmLab))
		}
		t.Logf("| %s | %d | %d (%d) | %.2f (%s) | %s | %d (%.2f) | %s | %.3f | %.1f s |", s.name, res.Quality.N, res.K,
			res.Quality.Candidates[max(best-1, 0)].K, res.Quality.Stability.MeanARI, res.Quality.Reading(), ari, km, sil, kmARI,
			cluster.ARI(lca, kmLab), took.Seconds())
		if res.Quality.Reading() == Unstable {
			for _, c := range res.Quality.Candidates {
				if c.K < res.K && c.OK && c.Verdict != "" && c.Verdict != cluster.Unstable {
					t.Errorf("%s: unstable k=%d chosen although k=%d is %s", s.name, res.K, c.K, c.Verdict)
				}
			}
		}
	}
}
