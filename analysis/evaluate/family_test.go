package evaluate

import (
	"os"
	"testing"
	"time"

	"github.com/safarhq/safar/analysis"
)

// TestHearingFamily runs the engine on the hearing and six
// sub-conversations of it (each half; the whole with every fourth turn left
// out, four ways) and prints found / NMI / placed per run and their mean:
// one transcript moves by a label or two with any small change (session
// 9, round 20). Set SAFAR_FAMILY=1 to run it.
func TestHearingFamily(t *testing.T) {
	if os.Getenv("SAFAR_FAMILY") == "" {
		t.Skip("set SAFAR_FAMILY=1")
	}
	dir := DataDir()
	if dir == "" {
		t.Skip("no data")
	}
	s, err := Load(dir, "transcript")
	if err != nil || !s.Labelled() {
		t.Skip("no labelled transcript")
	}
	n := len(s.Texts)
	pick := func(keep func(i int) bool) *Set {
		sub := &Set{Name: s.Name}
		for i := range n {
			if keep(i) {
				sub.Texts = append(sub.Texts, s.Texts[i])
				sub.Labels = append(sub.Labels, s.Labels[i])
			}
		}
		return sub
	}
	runs := []*Set{s, pick(func(i int) bool { return i < n/2 }), pick(func(i int) bool { return i >= n/2 })}
	for k := range 4 {
		runs = append(runs, pick(func(i int) bool { return i%4 != k }))
	}
	var found, nmi float64
	for ri, sub := range runs {
		res := analysis.FindPainPoints(sub.Texts, analysis.PainPointOptions{})
		sc := scoreSafar(sub, res, time.Second)
		t.Logf("run %d: %d texts, found %d, NMI %.3f, placed %.3f, %d pain points", ri, len(sub.Texts), sc.Found, sc.NMI, sc.Placed, sc.Groups)
		found += float64(sc.Found)
		nmi += sc.NMI
	}
	t.Logf("family mean: found %.2f, NMI %.3f", found/float64(len(runs)), nmi/float64(len(runs)))
}
