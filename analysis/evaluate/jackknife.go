package evaluate

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/safarhq/safar/analysis"
)

// JackknifeShare is the share of a set's texts each jackknife resample
// leaves out: few enough that the set is the same, so what moves is the
// engine's variance, not the data's.
const JackknifeShare = 0.01

// Drop returns s without about share of its texts, each left out with
// that probability by seed, labels with their texts, in their order.
func Drop(s *Set, share float64, seed uint64) *Set {
	r := rand.New(rand.NewPCG(seed, 0xd20b))
	out := &Set{Name: fmt.Sprintf("%s-%g%%/%d", s.Name, 100*share, seed), About: s.About}
	for i, t := range s.Texts {
		if r.Float64() < share {
			continue
		}
		out.Texts = append(out.Texts, t)
		if s.Labels != nil {
			out.Labels = append(out.Labels, s.Labels[i])
		}
	}
	return out
}

// JackknifeReport is the engine's score on a whole set and on resamples
// that each leave out JackknifeShare of its texts.
type JackknifeReport struct {
	Set       string  `json:"set"`
	Labels    int     `json:"labels"`
	Full      Score   `json:"full"`
	Resamples []Score `json:"resamples"`
}

// RunJackknife scores the engine (not the peers) on each named set whole
// and on n resamples of it (seeds 1..n): how far its numbers move when 1%
// of the texts is left out says how much of a round's gain on one set is
// the engine's variance.
func RunJackknife(ctx context.Context, dir string, names []string, n int) ([]JackknifeReport, error) {
	var reps []JackknifeReport
	for _, name := range names {
		s, err := Load(dir, name)
		if err != nil {
			return nil, err
		}
		rep := JackknifeReport{Set: s.Name}
		if s.Labelled() {
			rep.Labels = len(FoundLabels(nil, s.Labels))
		}
		score := func(s *Set) Score {
			start := time.Now()
			return scoreSafar(s, analysis.FindPainPoints(s.Texts, analysis.PainPointOptions{}), time.Since(start))
		}
		rep.Full = score(s)
		for seed := uint64(1); seed <= uint64(n); seed++ {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			rep.Resamples = append(rep.Resamples, score(Drop(s, JackknifeShare, seed)))
		}
		reps = append(reps, rep)
	}
	return reps, nil
}

// WriteJackknifeTable prints, per set, the whole set's found, NMI, ARI
// and placed share and the resamples' mean with its range.
func WriteJackknifeTable(w io.Writer, reps []JackknifeReport) error {
	ew := &errWriter{w: w}
	ew.printf("%-12s %-22s %-24s %-24s %-24s %s\n", "set", "", "found", "NMI", "ARI", "placed")
	for _, r := range reps {
		metrics := []func(Score) float64{
			func(s Score) float64 { return float64(s.Found) },
			func(s Score) float64 { return s.NMI },
			func(s Score) float64 { return s.ARI },
			func(s Score) float64 { return s.Placed },
		}
		full := []string{fmt.Sprintf("%d/%d", r.Full.Found, r.Labels)}
		for _, f := range metrics[1:] {
			full = append(full, fmt.Sprintf("%.3f", f(r.Full)))
		}
		ew.printf("%-12s %-22s %-24s %-24s %-24s %s\n", r.Set, "whole", full[0], full[1], full[2], full[3])
		if len(r.Resamples) == 0 {
			continue
		}
		var cols []string
		for k, f := range metrics {
			lo, hi, mean := math.Inf(1), math.Inf(-1), 0.0
			for _, s := range r.Resamples {
				v := f(s)
				lo, hi, mean = min(lo, v), max(hi, v), mean+v/float64(len(r.Resamples))
			}
			prec := "%.3f [%.3f-%.3f]"
			if k == 0 {
				prec = "%.2f [%.0f-%.0f]"
			}
			cols = append(cols, fmt.Sprintf(prec, mean, lo, hi))
		}
		ew.printf("%-12s %-22s %-24s %-24s %-24s %s\n", "", fmt.Sprintf("%d resamples, -%g%%", len(r.Resamples), 100*JackknifeShare),
			cols[0], cols[1], cols[2], strings.TrimSpace(cols[3]))
	}
	return ew.err
}
