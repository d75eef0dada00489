package personas

import (
	"context"
	"fmt"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/safarhq/safar/analysis/cluster"
	"github.com/safarhq/safar/demo"
	"github.com/safarhq/safar/personas/synth"
)

// demoTable is n respondents drawn from the demo's hidden customer types
// (demo.PersonaSpec: 20 items, one of them numeric, as the demo survey's
// persona table holds them), coded in a Table as the study report codes a
// big survey, and the true type of each.
func demoTable(tb testing.TB, n int) (Input, []int) {
	spec := demo.PersonaSpec(1)
	in := synthInput(spec, &synth.Data{})
	// Roles, stages and touchpoints as the demo survey gives them (hf_*
	// are the options of heard_from), so the cards do the report's work.
	defs, err := demo.Definitions()
	if err != nil {
		tb.Fatal(err)
	}
	for j := range in.Items {
		it := &in.Items[j]
		id, option, multi := strings.Cut(it.Name, "_")
		if id != "hf" {
			id, option, multi = it.Name, "", false
		}
		for _, q := range defs[0].Questions() {
			if q.ID == id || (multi && q.ID == "heard_from") {
				it.Role, it.Stage, it.Touchpoint = Role(q.Role), string(q.Stage), q.Touchpoint
			}
		}
		if multi {
			it.Kind, it.Touchpoint = Binary, option
		}
	}
	in.Table = NewTable(in.Items, n)
	in.Respondents = make([]Respondent, n)
	truth := make([]int, 0, n)
	const chunk = 50000 // sampled in chunks: a Table row is ~40 bytes, a sampled row ~500
	for lo := 0; lo < n; lo += chunk {
		spec.Seed = uint64(lo/chunk) + 1
		d, err := spec.Sample(min(chunk, n-lo))
		if err != nil {
			tb.Fatal(err)
		}
		for r, row := range d.Rows {
			i := lo + r
			in.Respondents[i].ID = fmt.Sprint(i + 1)
			for j, v := range row {
				val := Value{}
				switch x := v.(type) {
				case string:
					val = Text(x)
				case float64:
					val = Number(x)
				}
				if err := in.Table.Set(i, j, val); err != nil {
					tb.Fatal(err)
				}
			}
		}
		truth = append(truth, d.Class...)
	}
	return in, truth
}

// BenchmarkFit is the persona phase of the study report (Build: coding,
// automatic k with every candidate resampled, the chosen fit on all rows,
// cards) on 100,000 and 1,000,000 demo respondents.
func BenchmarkFit(b *testing.B) {
	for _, n := range []int{100000, 1000000} {
		b.Run(fmt.Sprintf("demo_%d", n), func(b *testing.B) {
			in, truth := demoTable(b, n)
			b.ResetTimer()
			for b.Loop() {
				cpu0 := cpuSeconds(b)
				res, err := Build(context.Background(), in, Options{Seed: 1})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(cpuSeconds(b)-cpu0, "cpu-s")
				b.ReportMetric(float64(res.K), "k")
				b.ReportMetric(ariOf(res, truth), "ARI")
			}
		})
	}
}

// ariOf is the agreement of the personas with the true types.
func ariOf(res *Result, truth []int) float64 {
	got := make([]int, len(res.Assignments))
	for i, a := range res.Assignments {
		got[i] = a.Persona
	}
	return cluster.ARI(truth, got)
}

// cpuSeconds is the process's user+system CPU time so far: the persona
// phase's cost on a shared machine, where wall time depends on the load.
func cpuSeconds(tb testing.TB) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
