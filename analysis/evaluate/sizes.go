package evaluate

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// SizeSets are the labelled sets large enough to subsample (steam is
// itself small; the transcript has no labels).
var SizeSets = []string{"mams", "clothing", "parsinlu"}

// Sample returns n texts of s drawn without replacement by seed, in their
// order in s (all of s when n is not smaller).
func Sample(s *Set, n int, seed uint64) *Set {
	if n <= 0 || n >= len(s.Texts) {
		return s
	}
	r := rand.New(rand.NewPCG(seed, 0))
	pick := r.Perm(len(s.Texts))[:n]
	sort.Ints(pick)
	out := &Set{Name: fmt.Sprintf("%s@%d/%d", s.Name, n, seed), About: s.About}
	for _, i := range pick {
		out.Texts = append(out.Texts, s.Texts[i])
		if s.Labels != nil {
			out.Labels = append(out.Labels, s.Labels[i])
		}
	}
	return out
}

// SizeReport is one set evaluated whole and on random subsamples of one
// size: does a small corpus find what the whole one finds?
type SizeReport struct {
	Full    SetReport   `json:"full"`
	Samples []SetReport `json:"samples"` // one per seed
}

// RunSizes evaluates each named set whole and on one subsample of n texts
// per seed, the engine and the peers alike.
func RunSizes(ctx context.Context, dir string, names []string, n int, seeds []uint64) ([]SizeReport, error) {
	opt := Options{Stopwords: LoadStopwords(dir)}
	var reps []SizeReport
	for _, name := range names {
		s, err := Load(dir, name)
		if err != nil {
			return nil, err
		}
		var rep SizeReport
		if rep.Full, err = Run(ctx, s, opt); err != nil {
			return nil, err
		}
		for _, seed := range seeds {
			r, err := Run(ctx, Sample(s, n, seed), opt)
			if err != nil {
				return nil, err
			}
			rep.Samples = append(rep.Samples, r)
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// WriteSizeTable prints, per set, the whole set's and each subsample's
// engine line (found in the top 10 and by any pain point, NMI, placed by
// the top 10, pain points in all, the labels found) beside the NMF peer's
// mean over its seeds, then the subsamples' mean.
func WriteSizeTable(w io.Writer, reps []SizeReport) error {
	ew := &errWriter{w: w}
	line := func(cols ...any) {
		ew.printf("%s\n", strings.TrimRight(fmt.Sprintf("%-18s %5s %-7s %-7s %-6s %-6s %-6s %-7s %-7s %s", cols...), " "))
	}
	for i, r := range reps {
		if i > 0 {
			ew.printf("\n")
		}
		line("run", "texts", "found", "any", "NMI", "placed", "groups", "nmf fnd", "nmf NMI", "safar found")
		var sum [7]float64
		row := func(name string, rep SetReport) {
			s, nmf := rep.Methods[0].Runs[0], rep.Methods[1]
			line(name, fmt.Sprint(rep.Texts), fmt.Sprintf("%d/%d", s.Found, len(rep.Labels)),
				fmt.Sprintf("%d/%d", s.FoundAll, len(rep.Labels)), fmt.Sprintf("%.3f", s.NMI), fmt.Sprintf("%.3f", s.Placed), fmt.Sprint(s.Groups),
				fmt.Sprintf("%.2f", nmf.Found.Mean), fmt.Sprintf("%.3f", nmf.NMI.Mean), foundText(rep.Methods[0]))
		}
		row(r.Full.Set, r.Full)
		for _, rep := range r.Samples {
			row(rep.Set, rep)
			s, nmf := rep.Methods[0].Runs[0], rep.Methods[1]
			for k, v := range []float64{float64(s.Found), float64(s.FoundAll), s.NMI, s.Placed, float64(s.Groups), nmf.Found.Mean, nmf.NMI.Mean} {
				sum[k] += v / float64(len(r.Samples))
			}
		}
		if len(r.Samples) > 0 {
			line("samples' mean", fmt.Sprint(r.Samples[0].Texts), fmt.Sprintf("%.2f", sum[0]),
				fmt.Sprintf("%.2f", sum[1]), fmt.Sprintf("%.3f", sum[2]), fmt.Sprintf("%.3f", sum[3]),
				fmt.Sprintf("%.1f", sum[4]), fmt.Sprintf("%.2f", sum[5]), fmt.Sprintf("%.3f", sum[6]), "")
		}
	}
	return ew.err
}
